import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import type { BankEntry } from '../bank-files/bank-entry';
import { CreditService } from '../credit/credit.service';
import { ExposureCheck } from './exposure-check';
import { DeliveryService } from '../delivery/delivery.service';
import { LocalSmtpServer, startLocalSmtpServer } from '../delivery/local-smtp-server';
import { pdfText } from '../documents/pdf-text.spec-support';
import { PaymentsService } from './payments.service';

/**
 * The payment receipt (issue 14 s.4, seed 000): an invoice becoming fully paid asks, in the same
 * transaction, for the client's payment receipt by e-mail; the delivery worker makes it from
 * the documents base and sends it; a ROT invoice's receipt tells the client it may now claim the
 * rest from the tax agency. Against real PostgreSQL and an SMTP server in this process.
 */
let t: TestApp;
let smtp: LocalSmtpServer;
let credit: CreditService;
let payments: PaymentsService;
let deliveries: DeliveryService;
let analyst: { token: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));
const saved: Record<string, string | undefined> = {};
const NOK_ACCOUNT = '15031234562';

beforeAll(async () => {
  smtp = await startLocalSmtpServer();
  saved.SMTP_URL = process.env.SMTP_URL;
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  payments = t.app.get(PaymentsService);
  deliveries = t.app.get(DeliveryService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
}, 120_000);
afterAll(async () => {
  if (t) expect(await t.app.get(ExposureCheck).run()).toMatchObject({ differenceCount: 0, differences: [] });
  await t?.close();
  await smtp?.close();
  if (saved.SMTP_URL === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved.SMTP_URL;
});

async function bought() {
  const client = await f.clientWithKey('NO');
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor(), [{ quantity: '12', unitPrice: '100' }]);
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  const [row] = await t.db.query(`SELECT payable::text, payment_reference AS reference, invoice_number AS number FROM invoice WHERE id = $1`, [invoice.id]);
  return { ...invoice, ...row, client } as { id: string; payable: string; reference: string; number: string; client: { key: string; clientId: string } };
}

const pay = (amount: string, reference: string) => {
  const e: BankEntry = {
    section: { accountId: NOK_ACCOUNT, currency: 'NOK', sectionIdentity: 'NTF-1' },
    entryKey: `PR-${randomBytes(6).toString('hex')}`,
    direction: 'CREDIT',
    amount,
    currency: 'NOK',
    valueDate: '2026-11-20',
    reference,
    place: '/Document/Ntry[1]',
  };
  return payments.importFile({ header: { format: 'CAMT_054', version: 'camt.054.001.08', fileIdentity: `F-${randomBytes(4).toString('hex')}` }, entries: (async function* () { yield e; })() }, { source: 'API', fileName: 'in.xml' });
};

const receiptsOf = (invoiceId: string) =>
  t.db.query(`SELECT id, recipient, channel, address, status, message_id AS "messageId" FROM document_delivery WHERE invoice_id = $1 AND document_kind = 'PAYMENT_RECEIPT'`, [invoiceId]);

function keep(name: string, bytes: Buffer) {
  const dir = join(__dirname, '..', '..', '..', '..', 'tmp', 'payment-receipts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
}

it('a ROT invoice paid in full: the payment receipt is asked for with the FULLY_PAID step, mailed to the client, and says the rest may now be claimed from the tax agency', async () => {
  const invoice = await bought();
  await t.db.query(`UPDATE invoice SET deduction_kind = 'ROT', deduction_amount = '300.00' WHERE id = $1`, [invoice.id]);
  // A part payment: not fully paid, no receipt.
  await pay('100.00', invoice.reference);
  expect(await receiptsOf(invoice.id)).toEqual([]);
  await pay((Number(invoice.payable) - 100).toFixed(2), invoice.reference);
  const [status] = await t.db.query(`SELECT status FROM invoice WHERE id = $1`, [invoice.id]);
  expect(status.status).toBe('FULLY_PAID');
  const [receipt] = await receiptsOf(invoice.id);
  expect(receipt).toMatchObject({ recipient: 'CLIENT', channel: 'EMAIL', status: 'QUEUED', address: expect.stringContaining('@') });
  expect(await t.db.query(`SELECT job_id FROM job_outbox WHERE queue = 'delivery' AND data->>'deliveryId' = $1`, [receipt.id])).toHaveLength(1);

  expect(await deliveries.deliver(receipt.id)).toBe('SENT');
  expect(await deliveries.deliver(receipt.id)).toBe('DONE');
  const mails = (await Promise.all(smtp.received.map((m) => simpleParser(m.raw)))).filter((m) => m.messageId === receipt.messageId);
  expect(mails).toHaveLength(1);
  expect(mails[0].subject).toBe(`Betalingskvittering: faktura ${invoice.number} ferdig betalt`);
  const pdf = mails[0].attachments[0].content;
  const text = await pdfText(pdf);
  expect(text).toContain(invoice.number);
  expect(text).toContain('ROT-fradraget utbetalt fra Skatteverket');
  keep('payment-receipt-rot-nb.pdf', pdf);
});

it('paid to the client directly in full: the receipt shows it and that it is set off against the next payout', async () => {
  const invoice = await bought();
  const REPORT = `mutation($i: ID!, $a: Decimal!, $d: String!) { reportPaidToClient(invoiceId: $i, amount: $a, paidOn: $d) { status } }`;
  expect((await t.gql(REPORT, { i: invoice.id, a: invoice.payable, d: '2026-11-20' }, invoice.client.key)).data!.reportPaidToClient.status).toBe('FULLY_PAID');
  const [receipt] = await receiptsOf(invoice.id);
  expect(await deliveries.deliver(receipt.id)).toBe('SENT');
  const [stored] = await t.db.query(`SELECT d.bytes AS content FROM document d JOIN document_delivery x ON x.document_id = d.id WHERE x.id = $1`, [receipt.id]);
  const text = await pdfText(stored.content);
  expect(text).toContain('Betalt av kunden direkte til dere');
  expect(text).not.toContain('Skatteverket');
  keep('payment-receipt-paid-to-client-nb.pdf', stored.content);
});
