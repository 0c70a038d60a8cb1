import http from 'node:http';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AddressInfo } from 'node:net';
import { analystAndAdmin, newActiveClient } from '../../test-support/clients';
import { invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { loadConfig } from '../config/config.schema';
import { QUEUES } from '../queues/queues.module';
import { verifyWebhook } from './webhook-signature';
import { WebhooksService } from './webhooks.service';

/** Webhook delivery through the real outbox relay and BullMQ worker, to a receiver on this machine. */
interface Received {
  eventId: string;
  body: string;
  signature: string;
  answered: number;
}

let t: TestApp;
let key: string;
let clientId: string;
let port: number;
let server: http.Server;
const received: Received[] = [];
let failuresLeft = 0;

function listen(onPort = 0): Promise<number> {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const answered = failuresLeft > 0 ? 500 : 200;
      if (failuresLeft > 0) failuresLeft -= 1;
      received.push({ eventId: String(req.headers['x-factoring-event-id']), body, signature: String(req.headers['x-factoring-signature']), answered });
      res.writeHead(answered).end();
    });
  });
  return new Promise((resolve) => server.listen(onPort, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  process.env.WEBHOOK_BACKOFF_MS = '100';
  process.env.OUTBOX_POLL_MS = '50';
  t = await startTestAppOnOwnDatabase({ http: true, workers: true });
  const { analyst, admin } = await analystAndAdmin(t);
  ({ clientId } = await newActiveClient(t, analyst.token));
  key = (await t.gql(`mutation($c: ID!) { issueIntegrationKey(clientId: $c, label: "hooks") { key } }`, { c: clientId }, admin.token)).data!.issueIntegrationKey.key;
  port = await listen();
});
afterAll(async () => {
  server?.close();
  await t?.close();
});

it('delivers a signed event to a receiver that fails twice, then recovers; the repeats carry the same event id', async () => {
  const { secret } = (await t.gql(`mutation($url: String!) { registerWebhook(url: $url) { url secret } }`, { url: `http://127.0.0.1:${port}/hooks` }, key)).data!.registerWebhook;
  failuresLeft = 2;
  const invoice = (await t.gql(SUBMIT_INVOICE, { input: invoiceInput('SE') }, key)).data!.submitInvoice;
  const [{ event_id: eventId }] = await t.db.query(`SELECT event_id FROM outbox_event WHERE subject_id = $1`, [invoice.id]);

  await until('the delivery', () => received.find((r) => r.eventId === eventId && r.answered === 200));
  const attempts = received.filter((r) => r.eventId === eventId);
  expect(attempts.map((a) => a.answered)).toEqual([500, 500, 200]);
  for (const attempt of attempts) expect(verifyWebhook(secret, attempt.body, attempt.signature)).toBe(true);
  expect(verifyWebhook('whsec_wrong', attempts[2].body, attempts[2].signature)).toBe(false);
  expect(JSON.parse(attempts[2].body)).toMatchObject({ id: eventId, topic: 'invoice.offered', subject: { type: 'INVOICE', id: invoice.id }, data: { status: 'OFFERED' } });

  // The receiver answers before the worker records the answer: wait for the record.
  const delivery = await until('the recorded delivery', async () => {
    const [row] = await t.db.query(`SELECT attempts, last_status, delivered_at FROM webhook_delivery WHERE event_id = $1`, [eventId]);
    return row?.delivered_at ? row : undefined;
  });
  expect(delivery).toMatchObject({ attempts: 3, last_status: 200, delivered_at: expect.any(Date) });
});

it('loses no event while the receiver is down: it can be polled, and it is delivered once the receiver is back', async () => {
  await new Promise((resolve) => server.close(resolve));
  const invoice = (await t.gql(SUBMIT_INVOICE, { input: invoiceInput('SE') }, key)).data!.submitInvoice;
  const [{ event_id: eventId }] = await t.db.query(`SELECT event_id FROM outbox_event WHERE subject_id = $1`, [invoice.id]);
  await until('a failed attempt', async () => (await t.db.query(`SELECT 1 FROM webhook_delivery WHERE event_id = $1 AND attempts >= 1`, [eventId]))[0]);

  const feed = (await t.gql(`{ myEvents(limit: 500) { events { id topic } } }`, {}, key)).data!.myEvents.events;
  expect(feed.map((e: { id: string }) => e.id)).toContain(eventId);

  await listen(port);
  await until('the late delivery', () => received.find((r) => r.eventId === eventId && r.answered === 200), 30_000);
}, 60_000);

it('publishes the events of a client without a webhook to its feed only: no delivery is attempted', async () => {
  const { analyst, admin } = await analystAndAdmin(t);
  const { clientId: poller } = await newActiveClient(t, analyst.token);
  const pollerKey = (await t.gql(`mutation($c: ID!) { issueIntegrationKey(clientId: $c, label: "poll") { key } }`, { c: poller }, admin.token)).data!.issueIntegrationKey.key;
  const invoice = (await t.gql(SUBMIT_INVOICE, { input: invoiceInput('SE') }, pollerKey)).data!.submitInvoice;
  const [{ event_id: eventId }] = await t.db.query(`SELECT event_id FROM outbox_event WHERE subject_id = $1`, [invoice.id]);
  await until('the event published', async () => (await t.db.query(`SELECT 1 FROM outbox_event WHERE event_id = $1 AND published_at IS NOT NULL`, [eventId]))[0]);
  const queue = t.app.get<Queue>(getQueueToken(QUEUES.webhooks));
  expect(await queue.getJob(eventId)).toBeUndefined();
  expect(await t.db.query(`SELECT 1 FROM webhook_delivery WHERE event_id = $1`, [eventId])).toEqual([]);
  const feed = (await t.gql(`{ myEvents(limit: 500) { events { id } } }`, {}, pollerKey)).data!.myEvents.events;
  expect(feed.map((e: { id: string }) => e.id)).toContain(eventId);
});

it('reads the feed from a cursor, and refuses a malformed cursor and a non-https address', async () => {
  const first = (await t.gql(`{ myEvents(limit: 1) { cursor events { id } } }`, {}, key)).data!.myEvents;
  const next = (await t.gql(`query($after: String) { myEvents(after: $after, limit: 500) { events { id cursor } } }`, { after: first.cursor }, key)).data!.myEvents;
  expect(next.events.map((e: { id: string }) => e.id)).not.toContain(first.events[0].id);
  expect(errorOf(await t.gql(`{ myEvents(after: "abc") { cursor } }`, {}, key))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  expect(errorOf(await t.gql(`mutation { registerWebhook(url: "http://example.com/hook") { url } }`, {}, key))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEBHOOK_URL_NOT_HTTPS' });
  expect(clientId).toBeTruthy();
});

it('refuses, where only public targets are allowed (production), an address inside our network, and keeps the old one', async () => {
  const publicOnly = new WebhooksService(t.db, { ...loadConfig(), WEBHOOK_TARGETS: 'public-only' });
  const [before] = await t.db.query(`SELECT url, secret FROM webhook_endpoint WHERE client_id = $1`, [clientId]);
  for (const url of ['https://10.1.2.3/hook', 'https://localhost/hook', 'https://[::1]/hook', 'https://169.254.169.254/latest/meta-data', 'https://[::ffff:7f00:1]/hook']) {
    await expect(publicOnly.register(clientId, url)).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_PUBLIC', field: 'url' });
  }
  await expect(publicOnly.register(clientId, 'https://no-such-host.invalid/hook')).rejects.toMatchObject({ code: 'WEBHOOK_HOST_UNKNOWN' });
  const [after] = await t.db.query(`SELECT url, secret FROM webhook_endpoint WHERE client_id = $1`, [clientId]);
  expect(after).toEqual(before);
});
