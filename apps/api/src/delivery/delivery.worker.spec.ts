import { simpleParser } from 'mailparser';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { ACCEPT, day, invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { DeliveryProcessor } from './delivery.processor';
import { LocalSmtpServer, startLocalSmtpServer } from './local-smtp-server';

/**
 * The whole way with the workers running (issue 13 s.3): the purchase writes the delivery rows and
 * their jobs in the job outbox; the relay moves them to the delivery queue; the worker sends the
 * e-mail to the SMTP server, and a refused one is retried by the queue's backoff and then goes by
 * post. Nothing here calls the delivery service by hand.
 */
let t: TestApp;
let smtp: LocalSmtpServer;
let analyst: { token: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));
const SETTINGS: Record<string, string> = { DELIVERY_BACKOFF_MS: '50', DELIVERY_ATTEMPTS: '3', DELIVERY_REFUSED_ATTEMPTS: '2', OUTBOX_POLL_MS: '100' };
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  smtp = await startLocalSmtpServer();
  for (const [k, v] of Object.entries({ ...SETTINGS, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` })) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  t = await startTestAppOnOwnDatabase({ http: true, workers: true });
  ({ analyst, admin } = await analystAndAdmin(t));
  const published = await t.gql(
    `mutation($v: JSON!, $from: String!) { publishRuleSetting(name: "spotCheck", country: SE, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
    { from: day(0), v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' } },
    admin.token,
  );
  if (!published.data && published.errors?.[0]?.extensions?.reason !== 'SETTING_VERSION_EXISTS') throw new Error(JSON.stringify(published.errors));
}, 120_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

async function until<T>(what: string, read: () => Promise<T | undefined>, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('the worker process has the delivery processor', () => {
  expect(t.app.get(DeliveryProcessor)).toBeInstanceOf(DeliveryProcessor);
});

it('an accepted invoice is bought by the credit worker, e-mailed by the delivery worker; a refused one retries, then goes by post', async () => {
  const se = await f.clientWithKey('SE');
  const ids: Record<string, string> = {};
  for (const email of ['ekonomi@kund.example', 'ekonomi@refuse.example']) {
    const base = invoiceInput('SE');
    const offered = (await t.gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, email } } }, se.key)).data!.submitInvoice;
    const [{ debtor_id }] = await t.db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [offered.id]);
    await f.setLimit(debtor_id, '1000000');
    await t.gql(ACCEPT, { id: offered.id }, se.key);
    ids[email] = offered.id;
  }
  const status = (invoiceId: string, recipient: string, channel: string) =>
    t.db.query(`SELECT status, attempts, message_id FROM document_delivery WHERE invoice_id = $1 AND recipient = $2 AND channel = $3`, [invoiceId, recipient, channel]).then((r) => r[0]);

  const sent = await until('the e-mail to be sent', async () => {
    const row = await status(ids['ekonomi@kund.example'], 'DEBTOR', 'EMAIL');
    return row?.status === 'SENT' ? row : undefined;
  });
  const mails = await Promise.all(smtp.received.map((m) => simpleParser(m.raw)));
  const mail = mails.filter((m) => m.messageId === sent.message_id);
  expect(mail).toHaveLength(1);
  expect(mail[0].attachments[0].contentType).toBe('application/pdf');

  const letter = await until('the refused e-mail to go by post', async () => {
    const row = await status(ids['ekonomi@refuse.example'], 'DEBTOR', 'POST');
    return row?.status === 'AWAITING_PRINT' ? row : undefined;
  });
  expect(letter.status).toBe('AWAITING_PRINT');
  expect(await status(ids['ekonomi@refuse.example'], 'DEBTOR', 'EMAIL')).toMatchObject({ status: 'FAILED_FELL_BACK_TO_POST', attempts: 2 });
}, 90_000);
