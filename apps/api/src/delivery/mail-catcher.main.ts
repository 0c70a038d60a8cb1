import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { DEFERRING_DOMAIN, REFUSING_DOMAIN, startLocalSmtpServer } from './local-smtp-server';

/**
 * The demo's mail server (issue 13 s.3), started by `npm start`: a local SMTP server on
 * MAIL_CATCHER_SMTP_PORT (1025) that keeps every mail it receives as tmp/mail/<time>-<n>.eml and
 * lists them on a small web page on MAIL_CATCHER_HTTP_PORT (1080), each with its attachments to
 * download. Recipients at refuse.example are refused (550) and those at defer.example put off (451),
 * so the fallback to post can be seen in the demo. For a development machine only.
 */
const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025);
const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080);
const host = process.env.MAIL_CATCHER_HOST ?? '127.0.0.1';
const folder = resolve(process.env.MAIL_CATCHER_DIR ?? 'tmp/mail');

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const files = () => readdirSync(folder).filter((f) => f.endsWith('.eml')).sort().reverse();

async function page(): Promise<string> {
  const rows: string[] = [];
  for (const name of files().slice(0, 200)) {
    const mail = await simpleParser(readFileSync(join(folder, name)));
    const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
    const attachments = mail.attachments.map((a, i) => `<a href="/mail/${encodeURIComponent(name)}/${i}">${escape(a.filename ?? `attachment ${i + 1}`)}</a>`).join(' ');
    rows.push(`<tr><td>${escape(mail.date?.toISOString() ?? '')}</td><td>${escape(to)}</td><td><a href="/mail/${encodeURIComponent(name)}">${escape(mail.subject ?? '')}</a></td><td>${attachments}</td></tr>`);
  }
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Mail catcher</title>
<style>body{font:14px system-ui;margin:2em}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}</style>
<h1>Mails received (${files().length})</h1><p>Kept in ${escape(folder)}. Recipients at ${REFUSING_DOMAIN} are refused (550), at ${DEFERRING_DOMAIN} put off (451).</p>
<table><tr><th>Received</th><th>To</th><th>Subject</th><th>Attachments</th></tr>${rows.join('')}</table></html>`;
}

async function main() {
  mkdirSync(folder, { recursive: true });
  let n = 0;
  await startLocalSmtpServer({
    port: smtpPort,
    host,
    onMail: (mail) => writeFileSync(join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++n}.eml`), mail.raw),
  });
  createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const [, kind, rawName, index] = url.pathname.split('/');
        if (kind === 'mail' && rawName) {
          const name = decodeURIComponent(rawName);
          if (!files().includes(name) || !statSync(join(folder, name)).isFile()) throw Object.assign(new Error('No such mail'), { status: 404 });
          const raw = readFileSync(join(folder, name));
          if (index === undefined) {
            res.writeHead(200, { 'content-type': 'message/rfc822', 'content-disposition': `inline; filename="${name}"` }).end(raw);
            return;
          }
          const attachment = (await simpleParser(raw)).attachments[Number(index)];
          if (!attachment) throw Object.assign(new Error('No such attachment'), { status: 404 });
          res.writeHead(200, { 'content-type': attachment.contentType, 'content-disposition': `inline; filename="${(attachment.filename ?? 'attachment').replace(/"/g, '')}"` }).end(attachment.content);
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await page());
      } catch (error) {
        res.writeHead((error as { status?: number }).status ?? 500, { 'content-type': 'text/plain' }).end((error as Error).message);
      }
    })();
  }).listen(httpPort, host);
  console.log(`Mail catcher: SMTP on ${host}:${smtpPort}, mails at http://${host}:${httpPort} and in ${folder}`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
