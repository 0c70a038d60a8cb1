import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { ACCEPT, day, invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';
import { pdfText } from '../documents/pdf-text.spec-support';
import { DeliveryProcessor } from './delivery.processor';
import { DeliveryService } from './delivery.service';
import { LocalSmtpServer, startLocalSmtpServer } from './local-smtp-server';

/**
 * Delivery (issue 13 s.3) against the real app, PostgreSQL and a real SMTP server in this process:
 * the sold invoice e-mailed with its PDF (read back with mailparser), a job run twice sending once,
 * an e-mail refused (550) retried and then sent by post, flagged, printed in the day's batch; a
 * deferred one (451) retried with backoff; a bad address refused at the edge with nothing sent.
 */
let t: TestApp;
let smtp: LocalSmtpServer;
let deliveries: DeliveryService;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
let finance: string;
let collection: string;
let se: { clientId: string; key: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));
const saved: Record<string, string | undefined> = {};
const SETTINGS = { DELIVERY_BACKOFF_MS: '10', DELIVERY_ATTEMPTS: '3', DELIVERY_REFUSED_ATTEMPTS: '2' };

const DELIVERIES = `query($invoiceId: ID) { deliveries(invoiceId: $invoiceId) { id documentKind recipient channel address status attempts lastCode flagged flagReason fallbackOf printDay printBatchId messageId documentId version } }`;
const FAILED = `query { failedDeliveries { total items { id invoiceNumber channel status flagReason flagged } } }`;
const RETRY = `mutation($id: ID!, $v: Int!) { retryDelivery(id: $id, version: $v) { id status attempts flagged version } }`;
const CLEAR = `mutation($id: ID!, $v: Int!) { clearDeliveryFlag(id: $id, version: $v) { id flagged } }`;
const PRINT_DAY = `query($day: String!) { printDay(day: $day) { day waiting { id invoiceNumber } batches { id sequence deliveryCount pageCount printedAt } } }`;
const MAKE_BATCH = `mutation($day: String!) { makePrintBatch(day: $day) { id printDay sequence pageCount deliveryCount sha256 contentBase64 version printedAt } }`;
const MARK_PRINTED = `mutation($id: ID!, $v: Int!) { markPrintBatchPrinted(id: $id, version: $v) { id printedAt printedByName } }`;

async function noSpotChecks() {
  const published = await t.gql(
    `mutation($v: JSON!, $from: String!) { publishRuleSetting(name: "spotCheck", country: SE, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
    { from: day(0), v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' } },
    admin.token,
  );
  if (!published.data && published.errors?.[0]?.extensions?.reason !== 'SETTING_VERSION_EXISTS') throw new Error(JSON.stringify(published.errors));
}

/** An invoice to a debtor with `email`, submitted, accepted and bought by the rules. */
async function bought(email: string, options: { eInvoice?: boolean } = {}) {
  const base = invoiceInput('SE');
  const peppolId = options.eInvoice ? `0007:${base.debtor.identityNumber.replace(/\D/g, '')}` : undefined;
  const offered = (await t.gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, email, peppolId } } }, se.key)).data!.submitInvoice;
  if (offered.status !== 'OFFERED') throw new Error(`Not offered: ${JSON.stringify(offered.reasons)}`);
  await t.gql(ACCEPT, { id: offered.id }, se.key);
  const [{ debtor_id }] = await t.db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [offered.id]);
  // The debtor's channel for this client (set by staff on the pair in the console).
  if (options.eInvoice) await t.db.query(`UPDATE client_debtor SET delivery_channel = 'E_INVOICE' WHERE client_id = $1 AND debtor_id = $2`, [se.clientId, debtor_id]);
  await f.setLimit(debtor_id, '1000000');
  expect(await credit.decide(offered.id)).toBe('APPROVE');
  return { id: offered.id as string, number: offered.invoiceNumber as string };
}

async function deliveriesOf(invoiceId: string) {
  const result = await t.gql(DELIVERIES, { invoiceId }, collection);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.deliveries as Array<Record<string, any>>;
}

async function stepsOf(invoiceId: string): Promise<Array<{ step: string; details: Record<string, any> }>> {
  const rows = await t.db.query(`SELECT details FROM timeline_event WHERE entity_type = 'INVOICE' AND entity_id = $1 AND details->>'step' LIKE 'DELIVERY_%' ORDER BY id`, [invoiceId]);
  return rows.map((r: { details: Record<string, any> }) => ({ step: r.details.step, details: r.details }));
}

/** With DOCUMENTS_OUT set, the PDFs land there too, to be looked at (pdftoppm -png -r 80). */
function keep(name: string, bytes: Buffer) {
  const dir = process.env.DOCUMENTS_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
}

const mailsWithId = async (messageId: string) => (await Promise.all(smtp.received.map((m) => simpleParser(m.raw)))).filter((m) => m.messageId === messageId);

beforeAll(async () => {
  smtp = await startLocalSmtpServer();
  for (const [k, v] of Object.entries({ ...SETTINGS, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` })) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  t = await startTestAppOnOwnDatabase();
  deliveries = t.app.get(DeliveryService);
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  const fin = await newStaff(t.db, { roles: [Role.FINANCE] });
  finance = await t.signIn(fin.email, fin.password);
  const col = await newStaff(t.db, { roles: [Role.COLLECTION] });
  collection = await t.signIn(col.email, col.password);
  await noSpotChecks();
  se = await f.clientWithKey('SE');
}, 120_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('the sold invoice by e-mail', () => {
  it('is asked for when the invoice is bought, and arrives at the SMTP server with the PDF attached (the stored document, byte for byte)', async () => {
    const invoice = await bought('ekonomi@kund.example');
    const rows = await deliveriesOf(invoice.id);
    expect(rows).toEqual([
      expect.objectContaining({ documentKind: 'SOLD_INVOICE', recipient: 'DEBTOR', channel: 'EMAIL', address: 'ekonomi@kund.example', status: 'QUEUED', flagged: false }),
      expect.objectContaining({ documentKind: 'INVOICE_RECEIPT', recipient: 'CLIENT', channel: 'EMAIL', address: 'eva@example.com', status: 'QUEUED' }),
    ]);
    // Each in the job outbox, written with the purchase.
    const jobs = await t.db.query(`SELECT job_id FROM job_outbox WHERE queue = 'delivery' AND data->>'deliveryId' = ANY($1)`, [rows.map((r) => r.id)]);
    expect(jobs).toHaveLength(2);

    const debtorMail = rows[0];
    expect(await deliveries.deliver(debtorMail.id)).toBe('SENT');
    const [mail] = await mailsWithId(debtorMail.messageId);
    expect(mail.to).toMatchObject({ text: 'ekonomi@kund.example' });
    expect(mail.subject).toBe(`Faktura ${invoice.number} från Snickeri Lindqvist AB`);
    expect(mail.attachments).toHaveLength(1);
    const attachment = mail.attachments[0];
    expect(attachment.contentType).toBe('application/pdf');
    const [stored] = await t.db.query(`SELECT d.sha256, d.file_name FROM document d JOIN document_delivery x ON x.document_id = d.id WHERE x.id = $1`, [debtorMail.id]);
    expect(createHash('sha256').update(attachment.content).digest('hex')).toBe(stored.sha256);
    expect(attachment.filename).toBe(stored.file_name);
    expect(await pdfText(attachment.content)).toContain(invoice.number);
    keep('mailed-sold-invoice.pdf', attachment.content);
    keep('mailed-sold-invoice.eml', smtp.received.find((m) => m.raw.includes(debtorMail.messageId))!.raw);

    const after = (await deliveriesOf(invoice.id))[0];
    expect(after).toMatchObject({ status: 'SENT', attempts: 1, flagged: false });
    expect((await stepsOf(invoice.id)).map((s) => s.step)).toEqual(['DELIVERY_SENT']);
    expect((await stepsOf(invoice.id))[0].details).toMatchObject({ channel: 'EMAIL', address: 'ekonomi@kund.example', documentKind: 'SOLD_INVOICE', attempt: 1, clientVisible: false });
  });

  it('a job run twice (even at the same moment) sends once; the mail carries the row\'s Message-ID', async () => {
    const invoice = await bought('inkop@kund.example');
    const receipt = (await deliveriesOf(invoice.id)).find((r) => r.documentKind === 'INVOICE_RECEIPT')!;
    const processor = new DeliveryProcessor(deliveries);
    const job = { name: 'deliver', data: { deliveryId: receipt.id } } as never;
    const outcomes = await Promise.allSettled([processor.process(job), processor.process(job)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value.outcome === 'SENT')).toHaveLength(1);
    expect(await processor.process(job)).toEqual({ outcome: 'DONE' });
    const mails = await mailsWithId(receipt.messageId);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Kvitto: faktura ${invoice.number} köpt`);
    expect(mails[0].to).toMatchObject({ text: 'eva@example.com' });
  });
});

describe('the sold invoice as an e-invoice', () => {
  it('goes through the Peppol access point (the local stand-in validates it) to the debtor\'s participant id, once', async () => {
    const invoice = await bought('ekonomi@kund.example', { eInvoice: true });
    const rows = await deliveriesOf(invoice.id);
    const peppol = rows.find((r) => r.recipient === 'DEBTOR')!;
    expect(peppol).toMatchObject({ channel: 'PEPPOL', status: 'QUEUED' });
    expect(peppol.address).toMatch(/^0007:\d{10}$/);
    expect(await deliveries.deliver(peppol.id)).toBe('SENT');
    expect(await deliveries.deliver(peppol.id)).toBe('DONE');
    const [row] = await t.db.query(`SELECT status, transmission_id FROM document_delivery WHERE id = $1`, [peppol.id]);
    expect(row.status).toBe('SENT');
    expect(row.transmission_id).toMatch(/^stand-in-/);
    const sent = (await stepsOf(invoice.id)).find((s) => s.step === 'DELIVERY_SENT')!;
    expect(sent.details).toMatchObject({ channel: 'PEPPOL', address: peppol.address, transmissionId: row.transmission_id });
  }, 60_000);
});

describe('a refused e-mail', () => {
  it('(550) is tried again per policy, then goes by post, is flagged, lands in the day\'s print batch and is marked printed', async () => {
    const invoice = await bought('ekonomi@refuse.example');
    const mail = (await deliveriesOf(invoice.id)).find((r) => r.recipient === 'DEBTOR')!;
    const processor = new DeliveryProcessor(deliveries);
    await expect(processor.process({ name: 'deliver', data: { deliveryId: mail.id } } as never)).rejects.toThrow(/tried again/);
    expect((await deliveriesOf(invoice.id)).find((r) => r.id === mail.id)).toMatchObject({ status: 'RETRYING', attempts: 1, lastCode: 550, flagged: false });
    expect(await deliveries.deliver(mail.id)).toBe('FELL_BACK_TO_POST');
    const rows = await deliveriesOf(invoice.id);
    expect(rows.find((r) => r.id === mail.id)).toMatchObject({ status: 'FAILED_FELL_BACK_TO_POST', attempts: 2, lastCode: 550, flagged: true, flagReason: 'REFUSED' });
    const letter = rows.find((r) => r.channel === 'POST')!;
    expect(letter).toMatchObject({ documentKind: 'SOLD_INVOICE', recipient: 'DEBTOR', status: 'QUEUED', fallbackOf: mail.id });
    expect(await mailsWithId(mail.messageId)).toHaveLength(0);

    const queue = (await t.gql(FAILED, {}, finance)).data!.failedDeliveries;
    expect(queue.items).toContainEqual(expect.objectContaining({ id: mail.id, invoiceNumber: invoice.number, status: 'FAILED_FELL_BACK_TO_POST', flagReason: 'REFUSED' }));

    expect(await deliveries.deliver(letter.id)).toBe('AWAITING_PRINT');
    const today = day(0);
    const waiting = (await t.gql(PRINT_DAY, { day: today }, finance)).data!.printDay;
    expect(waiting.waiting.map((w: { id: string }) => w.id)).toContain(letter.id);
    const batch = (await t.gql(MAKE_BATCH, { day: today }, finance)).data!.makePrintBatch;
    expect(batch).toMatchObject({ printDay: today, sequence: 1, printedAt: null });
    expect(batch.deliveryCount).toBeGreaterThanOrEqual(1);
    const pdf = Buffer.from(batch.contentBase64, 'base64');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(batch.sha256);
    expect(await pdfText(pdf)).toContain(invoice.number);
    keep('print-batch.pdf', pdf);
    expect(errorOf(await t.gql(MAKE_BATCH, { day: today }, finance))).toMatchObject({ code: 'CONFLICT', reason: 'PRINT_BATCH_EMPTY' });

    const printed = (await t.gql(MARK_PRINTED, { id: batch.id, v: batch.version }, finance)).data!.markPrintBatchPrinted;
    expect(printed.printedAt).toBeTruthy();
    expect(errorOf(await t.gql(MARK_PRINTED, { id: batch.id, v: batch.version }, finance))).toMatchObject({ code: 'CONFLICT', reason: 'PRINT_BATCH_ALREADY_PRINTED' });
    expect((await deliveriesOf(invoice.id)).find((r) => r.id === letter.id)).toMatchObject({ status: 'PRINTED', printBatchId: batch.id });
    expect((await stepsOf(invoice.id)).map((s) => s.step)).toEqual(['DELIVERY_RETRYING', 'DELIVERY_FELL_BACK_TO_POST', 'DELIVERY_AWAITING_PRINT', 'DELIVERY_PRINTED']);

    // Staff see to it: off the queue; a stale version is a CONFLICT.
    const flagged = (await deliveriesOf(invoice.id)).find((r) => r.id === mail.id)!;
    expect(errorOf(await t.gql(CLEAR, { id: mail.id, v: flagged.version - 1 }, collection))).toMatchObject({ code: 'CONFLICT', reason: 'DELIVERY_CHANGED' });
    expect((await t.gql(CLEAR, { id: mail.id, v: flagged.version }, collection)).data!.clearDeliveryFlag).toMatchObject({ flagged: false });
  });

  it('(451, deferred) is tried with backoff up to DELIVERY_ATTEMPTS, then goes by post; staff can send it again in a new round', async () => {
    const invoice = await bought('ekonomi@defer.example');
    const mail = (await deliveriesOf(invoice.id)).find((r) => r.recipient === 'DEBTOR')!;
    expect(await deliveries.deliver(mail.id)).toBe('RETRY');
    expect(await deliveries.deliver(mail.id)).toBe('RETRY');
    expect(await deliveries.deliver(mail.id)).toBe('FELL_BACK_TO_POST');
    const failed = (await deliveriesOf(invoice.id)).find((r) => r.id === mail.id)!;
    expect(failed).toMatchObject({ status: 'FAILED_FELL_BACK_TO_POST', attempts: 3, lastCode: 451, flagged: true, flagReason: 'GAVE_UP' });
    const delays = (await stepsOf(invoice.id)).filter((s) => s.step === 'DELIVERY_RETRYING').map((s) => s.details.delayMs);
    expect(delays).toEqual([10, 20]);

    expect(errorOf(await t.gql(RETRY, { id: mail.id, v: failed.version }, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
    const again = (await t.gql(RETRY, { id: mail.id, v: failed.version }, collection)).data!.retryDelivery;
    expect(again).toMatchObject({ status: 'QUEUED', attempts: 0, flagged: false });
    expect(await t.db.query(`SELECT job_id FROM job_outbox WHERE job_id = $1`, [`delivery:${mail.id}:1`])).toHaveLength(1);
    expect(errorOf(await t.gql(RETRY, { id: mail.id, v: again.version }, collection))).toMatchObject({ code: 'CONFLICT', reason: 'DELIVERY_NOT_RETRYABLE' });
  });
});

describe('bad input', () => {
  it('an e-mail address that does not parse is refused at the edge, naming the field; nothing is made or sent', async () => {
    const base = invoiceInput('SE');
    const before = smtp.received.length;
    const refused = await t.gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, email: 'ekonomi(at)kund.example' } } }, se.key);
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(refused.errors)).toContain('email');
    expect(await t.db.query(`SELECT 1 FROM invoice WHERE invoice_number = $1`, [base.invoiceNumber])).toHaveLength(0);
    expect(smtp.received.length).toBe(before);
  });

  it('a Peppol id of a scheme that does not address our debtors is refused at the edge, naming the field', async () => {
    const base = invoiceInput('SE');
    const refused = await t.gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, peppolId: '9955:5567123400' } } }, se.key);
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PEPPOL_ID_SCHEME', field: 'input.debtor.peppolId' });
  });

  it('a print day that is not a date is refused, naming the field', async () => {
    expect(errorOf(await t.gql(PRINT_DAY, { day: '2026-02-30' }, finance))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PRINT_BATCH_DAY_INVALID', field: 'day' });
  });
});

describe('roles', () => {
  it.each([
    ['failedDeliveries', FAILED, {}, ['FINANCE', 'COLLECTION', 'ADMIN'], ['CREDIT_ANALYST']],
    ['printDay', PRINT_DAY, { day: '2026-01-01' }, ['FINANCE', 'COLLECTION', 'ADMIN'], ['CREDIT_ANALYST']],
    ['makePrintBatch', MAKE_BATCH, { day: '2000-01-03' }, ['FINANCE'], ['COLLECTION', 'CREDIT_ANALYST', 'ADMIN']],
  ])('%s', async (_name, query, variables, allowed, refused) => {
    const tokens: Record<string, string> = { FINANCE: finance, COLLECTION: collection, CREDIT_ANALYST: analyst.token, ADMIN: admin.token };
    for (const role of allowed) expect(errorOf(await t.gql(query, variables, tokens[role]))?.code ?? 'OK').not.toBe('FORBIDDEN');
    for (const role of refused) expect(errorOf(await t.gql(query, variables, tokens[role]))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
