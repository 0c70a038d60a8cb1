import { Clock, TestClock } from '@factoring/domain';
import Decimal from 'decimal.js';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { day, invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { expectReceivablesReconcile } from '../../test-support/receivables';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import type { BankEntry, BankFileHeader } from '../bank-files/bank-entry';
import { newStaff } from '../../test-support/factories';
import { Role } from '../auth/role';
import { CLOCK } from '../collection/clock';
import { AgencyHandoffProcessor } from '../collection-cases/agency-handoff.processor';
import { CollectionCasesModule } from '../collection-cases/collection-cases.module';
import { CollectionModule } from '../collection/collection.module';
import { FollowUpService } from '../collection/follow-up.service';
import { CreditService } from '../credit/credit.service';
import { DeliveryService } from '../delivery/delivery.service';
import { LocalSmtpServer, startLocalSmtpServer } from '../delivery/local-smtp-server';
import { pdfText } from '../documents/pdf-text.spec-support';
import { PaymentsModule } from '../payments/payments.module';
import { PaymentsService } from '../payments/payments.service';
import { RecourseFollowUp } from './recourse-follow-up.service';
import { RecourseInvoices } from './recourse-invoices';
import { RecourseModule } from './recourse.module';

/**
 * Recourse's whole lives (issue 15 s.3, "Done when"; seed 000) against real PostgreSQL, with the
 * moved clock: an invoice bought with recourse and unpaid 30 days after its due date becomes a
 * recourse invoice; the client pays it, or the debtor does; the debtor paying after the client
 * is paid back to the client in full; a late recourse invoice blocks the client until paid.
 * Its own database: the daily run looks at every bought invoice of a country.
 */
let t: TestApp;
let credit: CreditService;
let payments: PaymentsService;
let recourse: RecourseFollowUp;
let analyst: { token: string };
let admin: { token: string };
let collector: { token: string };
let smtp: LocalSmtpServer;
let savedSmtpUrl: string | undefined;
const clock = new TestClock('2027-01-01T09:00:00Z');
const f = creditFixtures(() => t, () => ({ analyst, admin }));
const NOK_ACCOUNT = '15031234562';
const HEADER: BankFileHeader = { format: 'CAMT_054', version: 'camt.054.001.08', fileIdentity: 'MSG-R' };

beforeAll(async () => {
  // A real SMTP server in this process: the recourse invoice's reminder is e-mailed to the client by the delivery.
  smtp = await startLocalSmtpServer();
  savedSmtpUrl = process.env.SMTP_URL;
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  payments = t.app.get(PaymentsService);
  recourse = t.app.get(RecourseFollowUp);
  // Each module has its clock: the test moves them together.
  for (const module of [RecourseModule, PaymentsModule, CollectionModule, CollectionCasesModule]) {
    jest.spyOn(t.app.select(module).get<symbol, Clock>(CLOCK, { strict: true }), 'now').mockImplementation(() => clock.now());
  }
  ({ analyst, admin } = await analystAndAdmin(t));
  const kari = await newStaff(t.db, { roles: [Role.COLLECTION], name: 'Kari Krav' });
  collector = { token: await t.signIn(kari.email, kari.password) };
  await f.noSpotChecksInNorway();
}, 60_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
});

const at = (isoDay: string) => clock.set(`${isoDay}T09:00:00Z`);

let amounts = 0;
/** A Norwegian invoice bought with recourse, due on `dueDate`. */
async function bought(dueDate: string, client?: { key: string; clientId: string }) {
  const c = client ?? (await f.clientWithKey('NO'));
  amounts += 1;
  const invoice = await f.accepted(c.key, 'NO', f.norwegianDebtor(), [{ quantity: String(4 + amounts), unitPrice: '100' }]);
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  await t.db.query(`UPDATE invoice SET due_date = $2 WHERE id = $1`, [invoice.id, dueDate]);
  const [row] = await t.db.query(`SELECT payable::text, payment_reference AS reference, recourse_mode, status, invoice_number FROM invoice WHERE id = $1`, [invoice.id]);
  expect(row).toMatchObject({ recourse_mode: 'WITH_RECOURSE', status: 'PURCHASED' });
  return { id: invoice.id, debtorId: invoice.debtorId, client: c, payable: row.payable as string, reference: row.reference as string, number: row.invoice_number as string };
}

function entry(amount: string, reference: string, valueDate: string): BankEntry {
  return {
    section: { accountId: NOK_ACCOUNT, currency: 'NOK', sectionIdentity: 'NTF-R' },
    entryKey: `RECOURSE-${randomBytes(6).toString('hex')}`,
    direction: 'CREDIT',
    amount,
    currency: 'NOK',
    valueDate,
    reference,
    place: '/Document/Ntry[1]',
  };
}

const importEntries = (entries: BankEntry[]) =>
  payments.importFile({ header: HEADER, entries: (async function* () { for (const e of entries) yield e; })() }, { source: 'API', fileName: 'recourse.xml' });

async function recourseInvoices(invoiceId: string) {
  return t.db.query(
    `SELECT id, cause, amount::text, paid_amount::text, debtor_paid_amount::text, status, reference, issue_date::text, due_date::text, fell_due_on::text, caught_up, reminded_on::text
       FROM recourse_invoice WHERE invoice_id = $1 ORDER BY created_at`,
    [invoiceId],
  );
}

async function status(invoiceId: string): Promise<string> {
  const [row] = await t.db.query(`SELECT status FROM invoice WHERE id = $1`, [invoiceId]);
  return row.status;
}

/** The invoice's ledger by role (all its postings): recourse receivables and what is owed to the client. */
async function ledgerOf(invoiceId: string, role: string): Promise<string> {
  const [row] = await t.db.query(
    `SELECT coalesce(sum(p.amount), 0)::text AS amount FROM journal_posting p
       JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
      WHERE p.invoice_id = $1 AND a.role = $2`,
    [invoiceId, role],
  );
  return new Decimal(row.amount).toFixed(2);
}

/** The late recourse invoice's reminder letters of an invoice (to the client). */
async function reminderDeliveries(invoiceId: string) {
  return lettersOf(invoiceId, 'RECOURSE_INVOICE_REMINDER');
}

/** The letters of a kind about an invoice's recourse invoices, each naming its recourse invoice. */
async function lettersOf(invoiceId: string, kind: 'RECOURSE_INVOICE' | 'RECOURSE_INVOICE_REMINDER') {
  return t.db.query(
    `SELECT id, recipient, channel, address, status, message_id, recourse_invoice_id FROM document_delivery WHERE invoice_id = $1 AND document_kind = $2 ORDER BY created_at`,
    [invoiceId, kind],
  );
}

/** Sends a letter by its delivery and reads the e-mail that went: its subject and the PDF's text. */
async function sentLetter(deliveryId: string, messageId: string) {
  expect(await t.app.get(DeliveryService).deliver(deliveryId)).toBe('SENT');
  const [mail] = (await Promise.all(smtp.received.map((m) => simpleParser(m.raw)))).filter((m) => m.messageId === messageId);
  return { subject: mail.subject, fileName: mail.attachments[0].filename, text: (await pdfText(mail.attachments[0].content)).replace(/[\s\u00a0\u202f]+/g, ' '), pdf: mail.attachments[0].content };
}

/** With DOCUMENTS_OUT set, the PDFs land there too, to be looked at (pdftoppm -png -r 80). */
function keep(name: string, bytes: Buffer) {
  const dir = process.env.DOCUMENTS_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
}

async function client(clientId: string) {
  const [row] = await t.db.query(`SELECT state, block_reasons FROM client WHERE id = $1`, [clientId]);
  return row as { state: string; block_reasons: string[] };
}

describe('recourse after the due date (issue 15 s.3)', () => {
  it('unpaid with recourse -> recourse invoice -> paid by the client -> the debtor pays later -> paid back to the client in full', async () => {
    const invoice = await bought('2027-01-04');
    at('2027-02-02'); // due + 29: not yet
    let run = await recourse.run('NO');
    expect(run.boughtBack.find((b) => b.invoiceId === invoice.id)).toBeUndefined();
    expect(await status(invoice.id)).toBe('PURCHASED');
    await expectReceivablesReconcile(t, invoice.id);

    at('2027-02-03'); // due + 30 (the agreement's default)
    run = await recourse.run('NO');
    expect(run.boughtBack.find((b) => b.invoiceId === invoice.id)).toMatchObject({ amount: invoice.payable, fellDueOn: '2027-02-03', caughtUp: false });
    expect(await status(invoice.id)).toBe('RECOURSE');
    const [made] = await recourseInvoices(invoice.id);
    // The days to pay are the agreement's (10 by default).
    expect(made).toMatchObject({ cause: 'UNPAID', amount: invoice.payable, status: 'OPEN', issue_date: '2027-02-03', due_date: '2027-02-13', fell_due_on: '2027-02-03', caught_up: false });
    expect(await ledgerOf(invoice.id, 'RECOURSE_RECEIVABLES')).toBe(invoice.payable);
    expect(await expectReceivablesReconcile(t, invoice.id)).toMatchObject({ principal: '0.00' });
    // Run twice, act once.
    run = await recourse.run('NO');
    expect(run.boughtBack).toEqual([]);
    expect(await recourseInvoices(invoice.id)).toHaveLength(1);
    // The recourse invoice goes to the client as a letter, asked for with it: its amount, due date, KID and account, in Norwegian.
    const [letter] = await lettersOf(invoice.id, 'RECOURSE_INVOICE');
    expect(letter).toMatchObject({ recipient: 'CLIENT', channel: 'EMAIL', status: 'QUEUED', recourse_invoice_id: made.id });
    const sent = await sentLetter(letter.id, letter.message_id);
    expect(sent.subject).toBe(`Regressfaktura for faktura ${invoice.number}`);
    expect(sent.fileName).toBe(`regressfaktura-${made.reference}.pdf`);
    keep('recourse-invoice.pdf', sent.pdf);
    for (const words of [`Regressfaktura ${made.reference}`, invoice.number, 'ubetalt etter avtalens antall dager etter forfall', 'senest 13.02.2027', `KID ${made.reference}`]) expect(sent.text).toContain(words);

    // The client pays the recourse invoice with its own KID.
    at('2027-02-08');
    await importEntries([entry(invoice.payable, made.reference, '2027-02-08')]);
    expect((await recourseInvoices(invoice.id))[0]).toMatchObject({ status: 'PAID', paid_amount: invoice.payable, debtor_paid_amount: '0.00' });
    expect(await ledgerOf(invoice.id, 'RECOURSE_RECEIVABLES')).toBe('0.00');
    await expectReceivablesReconcile(t, invoice.id);

    // The debtor pays the invoice later: the factor collected it (000), and owes it all back to the client.
    at('2027-03-01');
    const debtorPays = entry(invoice.payable, invoice.reference, '2027-03-01');
    await importEntries([debtorPays]);
    const [paidBack] = await t.db.query(
      `SELECT p.payer, p.settled::text, p.owed_to_client::text, e.state AS entry_state, e.unplaced::text FROM recourse_payment p JOIN bank_entry e ON e.id = p.bank_entry_id
        WHERE p.recourse_invoice_id = $1 AND p.payer = 'DEBTOR'`,
      [made.id],
    );
    expect(paidBack).toEqual({ payer: 'DEBTOR', settled: '0.00', owed_to_client: invoice.payable, entry_state: 'MATCHED', unplaced: '0.00' });
    // In full, without deduction, by the next payout batch (a client repayment due).
    const refunds = await t.db.query(`SELECT kind, amount::text, client_id FROM payout_refund WHERE invoice_id = $1`, [invoice.id]);
    expect(refunds).toEqual([{ kind: 'CLIENT_REPAYMENT', amount: invoice.payable, client_id: invoice.client.clientId }]);
    expect(await ledgerOf(invoice.id, 'CLIENT_PAYABLES')).not.toBe('0.00');
    expect(await status(invoice.id)).toBe('FULLY_PAID');
    expect((await recourseInvoices(invoice.id))[0]).toMatchObject({ debtor_paid_amount: invoice.payable });
    await expectReceivablesReconcile(t, invoice.id);

    // The same bank file again places nothing twice.
    await importEntries([debtorPays]);
    expect(await t.db.query(`SELECT 1 FROM payout_refund WHERE invoice_id = $1`, [invoice.id])).toHaveLength(1);
  });

  it('an invoice bought back twice (a credit note\'s amount, then the rest) has a letter and a reminder for each recourse invoice', async () => {
    const invoice = await bought('2027-01-07');
    const recourseInvoices = t.app.get(RecourseInvoices);
    const of = { id: invoice.id, client_id: invoice.client.clientId, country: 'NO' as const, currency: 'NOK', invoice_number: invoice.number };
    at('2027-01-10');
    const first = await t.db.transaction((tx) => recourseInvoices.create(tx, { invoice: of, cause: 'CREDIT_NOTE', disputeId: null, amount: '100.00', actor: { type: 'SYSTEM', name: null } }));
    at('2027-01-12');
    const second = await t.db.transaction((tx) => recourseInvoices.create(tx, { invoice: of, cause: 'CREDIT_NOTE', disputeId: null, amount: '50.00', actor: { type: 'SYSTEM', name: null } }));
    const letters = await lettersOf(invoice.id, 'RECOURSE_INVOICE');
    expect(letters.map((l: { recourse_invoice_id: string }) => l.recourse_invoice_id)).toEqual([first.id, second.id]);
    // Each letter is its own recourse invoice's: its KID and amount.
    const [one, two] = [await sentLetter(letters[0].id, letters[0].message_id), await sentLetter(letters[1].id, letters[1].message_id)];
    expect(one.text).toContain(`KID ${first.reference}`);
    expect(one.text).not.toContain(second.reference);
    expect(two.text).toContain(`KID ${second.reference}`);
    expect(two.text).not.toContain(first.reference);

    // Both late: a reminder of each, each its own letter.
    at('2027-02-01');
    const run = await recourse.run('NO');
    expect(run.reminded).toEqual(expect.arrayContaining([first.id, second.id]));
    const reminders = await reminderDeliveries(invoice.id);
    expect(reminders.map((l: { recourse_invoice_id: string }) => l.recourse_invoice_id).sort()).toEqual([first.id, second.id].sort());
    for (const reminder of reminders) {
      const made = reminder.recourse_invoice_id === first.id ? first : second;
      expect((await sentLetter(reminder.id, reminder.message_id)).text).toContain(`KID ${made.reference}`);
    }
  });

  it('an unpaid recourse invoice goes to collection itself: refused before it is late and reminded, a case against the client, no write-off, ended PAID when the client pays', async () => {
    const invoice = await bought('2027-01-08');
    at('2027-02-07'); // due + 30: bought back
    await recourse.run('NO');
    const [made] = await recourseInvoices(invoice.id);
    expect(made).toMatchObject({ due_date: '2027-02-17', status: 'OPEN' });
    const HAND = `mutation($r: ID!) { handOffRecourseInvoiceToCollection(recourseInvoiceId: $r, note: "Klienten svarer ikke") {
      id state principal fees interest claim debtorId debtorName recourseInvoiceId recourseReference invoiceId version } }`;
    const cases = async () => (await t.db.query(`SELECT id, state FROM collection_case WHERE recourse_invoice_id = $1`, [made.id]));

    const notDue = errorOf(await t.gql(HAND, { r: made.id }, collector.token));
    expect(notDue).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_INVOICE_NOT_DUE' });
    expect(notDue!.message).toContain('2027-02-17');
    at('2027-02-18'); // late, but the daily run has not reminded the client yet
    expect(errorOf(await t.gql(HAND, { r: made.id }, collector.token))).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_RECOURSE_INVOICE_NOT_REMINDED' });
    expect(errorOf(await t.gql(HAND, { r: made.id }, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await cases()).toEqual([]);

    at('2027-02-22');
    expect((await recourse.run('NO')).reminded).toContain(made.id);
    const handed = await t.gql(HAND, { r: made.id }, collector.token);
    const c = handed.data!.handOffRecourseInvoiceToCollection;
    const [client] = await t.db.query(`SELECT legal_name FROM client WHERE id = $1`, [invoice.client.clientId]);
    // Against the client, for what is still open of the recourse invoice; the agreement charges no fee or interest on it.
    expect(c).toMatchObject({ state: 'HANDED_OFF', principal: made.amount, fees: '0.00', interest: '0.00', claim: made.amount, debtorId: null, debtorName: client.legal_name, recourseInvoiceId: made.id, recourseReference: made.reference, invoiceId: invoice.id });
    // The agency's file: the factor's own claim on the client, the recourse invoice as its basis.
    const folder = mkdtempSync(join(tmpdir(), 'recourse-agency-'));
    const savedFolder = process.env.COLLECTION_AGENCY_FOLDER;
    process.env.COLLECTION_AGENCY_FOLDER = folder;
    try {
      await new AgencyHandoffProcessor(t.app.get(DataSource)).drain(100);
      const [name] = readdirSync(folder).filter((n) => n.includes(c.id));
      expect(name).toBe(`collection-case-${c.id}-RECOURSE-${made.reference}.json`);
      expect(JSON.parse(readFileSync(join(folder, name), 'utf8'))).toMatchObject({
        creditor: { role: 'CREDITOR' },
        debtor: { name: client.legal_name, kind: 'COMPANY' },
        invoice: { kind: 'RECOURSE_INVOICE', number: made.reference, dueDate: '2027-02-17', paymentReference: made.reference, buysBackInvoice: invoice.number },
        claim: { principal: made.amount, fees: '0.00', interest: '0.00', total: made.amount },
      });
    } finally {
      if (savedFolder === undefined) delete process.env.COLLECTION_AGENCY_FOLDER;
      else process.env.COLLECTION_AGENCY_FOLDER = savedFolder;
      rmSync(folder, { recursive: true, force: true });
    }
    const [audit] = await t.db.query(`SELECT outcome FROM audit_entry WHERE operation = 'handOffRecourseInvoiceToCollection' AND target_id = $1`, [c.id]);
    expect(audit?.outcome).toBe('SUCCEEDED');
    const [step] = await t.db.query(`SELECT details->>'caseId' AS case_id FROM timeline_event WHERE entity_type = 'RECOURSE_INVOICE' AND entity_id = $1 AND details->>'step' = 'RECOURSE_INVOICE_HANDED_TO_COLLECTION'`, [made.id]);
    expect(step).toEqual({ case_id: c.id });
    // The queue shows it with collection.
    const queue = (await t.gql(`query { recourseInvoices(perPage: 200) { items { id collectionCaseId remindedOn } } }`, {}, collector.token)).data!.recourseInvoices;
    expect(queue.items.find((i: { id: string }) => i.id === made.id)).toEqual({ id: made.id, collectionCaseId: c.id, remindedOn: '2027-02-22' });

    // The client sees the day it went to collection, and nothing of the case.
    const mine = (await t.gql(`query { myRecourseInvoices { id handedToCollectionOn } }`, {}, invoice.client.key)).data!.myRecourseInvoices;
    expect(mine.find((r: { id: string }) => r.id === made.id)).toEqual({ id: made.id, handedToCollectionOn: '2027-02-22' });
    expect(errorOf(await t.gql(HAND, { r: made.id }, collector.token))).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_ALREADY_HANDED_OFF' });
    // Escalated (Norway: the forliksråd), the application names the client as the party that owes, the recourse invoice as the basis, no interest.
    const escalated = (await t.gql(
      `mutation($id: ID!, $v: Int!) { escalateCollectionCase(id: $id, escalation: CONCILIATION_BOARD, note: "Til forliksrådet", expectedVersion: $v) { state version steps { step details } } }`,
      { id: c.id, v: c.version },
      collector.token,
    )).data!.escalateCollectionCase;
    expect(escalated.state).toBe('CONCILIATION_BOARD');
    const application = JSON.parse(escalated.steps.at(-1).details);
    expect(application).toMatchObject({ debtor: { name: client.legal_name, kind: 'COMPANY' }, interest: null });
    expect(application.claim.basis).toContain(`Recourse invoice ${made.reference}`);
    expect(application.assignor).toBeUndefined();
    const proposed = await t.gql(`mutation($id: ID!, $v: Int!) { proposeWriteOff(id: $id, expectedVersion: $v, note: "Ingen midler") { state } }`, { id: c.id, v: escalated.version }, collector.token);
    expect(errorOf(proposed)).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_RECOURSE_NO_WRITE_OFF' });
    expect(await cases()).toEqual([{ id: c.id, state: 'CONCILIATION_BOARD' }]);

    // The client pays it with its KID: the case ends PAID in the same transaction.
    at('2027-02-24');
    await importEntries([entry(made.amount, made.reference, '2027-02-24')]);
    expect((await recourseInvoices(invoice.id))[0]).toMatchObject({ status: 'PAID' });
    expect(await cases()).toEqual([{ id: c.id, state: 'PAID' }]);
    const steps = await t.db.query(`SELECT step FROM collection_case_step WHERE case_id = $1 ORDER BY id`, [c.id]);
    expect(steps.map((s: { step: string }) => s.step)).toEqual(['OPENED', 'HANDED_OFF', 'CONCILIATION_BOARD', 'PAID']);
    await expectReceivablesReconcile(t, invoice.id);
  });

  it('a day missed is caught up once; the debtor paying while the recourse invoice is open settles it (partly, then fully)', async () => {
    const invoice = await bought('2027-01-05');
    at('2027-02-08'); // due + 34: the workers were down on the 30th day
    const run = await recourse.run('NO');
    expect(run.boughtBack.find((b) => b.invoiceId === invoice.id)).toMatchObject({ fellDueOn: '2027-02-04', caughtUp: true });
    expect((await recourse.run('NO')).boughtBack).toEqual([]);
    const [made] = await recourseInvoices(invoice.id);
    expect(made).toMatchObject({ issue_date: '2027-02-08', fell_due_on: '2027-02-04', caught_up: true, due_date: '2027-02-18' });

    const part = new Decimal(invoice.payable).times('0.4').toFixed(2);
    const rest = new Decimal(invoice.payable).minus(part).toFixed(2);
    at('2027-02-10');
    await importEntries([entry(part, invoice.reference, '2027-02-10')]);
    expect((await recourseInvoices(invoice.id))[0]).toMatchObject({ status: 'OPEN', paid_amount: part, debtor_paid_amount: part });
    expect(await ledgerOf(invoice.id, 'RECOURSE_RECEIVABLES')).toBe(rest);
    expect(await status(invoice.id)).toBe('RECOURSE');
    await expectReceivablesReconcile(t, invoice.id);

    // The rest and 100 more: the rest settles it, the 100 stays held for a person (nothing is owed to the client: it had paid nothing).
    await importEntries([entry(new Decimal(rest).plus(100).toFixed(2), invoice.reference, '2027-02-11')]);
    expect((await recourseInvoices(invoice.id))[0]).toMatchObject({ status: 'PAID', paid_amount: invoice.payable, debtor_paid_amount: invoice.payable });
    expect(await ledgerOf(invoice.id, 'RECOURSE_RECEIVABLES')).toBe('0.00');
    expect(await t.db.query(`SELECT 1 FROM payout_refund WHERE invoice_id = $1`, [invoice.id])).toEqual([]);
    const [held] = await t.db.query(
      `SELECT e.state, e.unplaced::text FROM bank_entry e JOIN recourse_payment p ON p.bank_entry_id = e.id WHERE p.recourse_invoice_id = $1 ORDER BY e.value_date DESC LIMIT 1`,
      [made.id],
    );
    expect(held).toEqual({ state: 'UNMATCHED', unplaced: '100.00' });
    expect(await status(invoice.id)).toBe('FULLY_PAID');
    await expectReceivablesReconcile(t, invoice.id);
  });

  it('a recourse invoice paid late blocks the client (its open offers stop); paying lifts that block only, a fraud block is kept', async () => {
    const invoice = await bought('2027-01-06');
    at('2027-02-05');
    await recourse.run('NO');
    const [made] = await recourseInvoices(invoice.id);
    expect(made.due_date).toBe('2027-02-15'); // a Monday

    // An open offer of the client's.
    const base = invoiceInput('NO', {}, [{ quantity: '3', unitPrice: '100' }]);
    const offer = (await t.gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, identityNumber: f.norwegianDebtor() } } }, invoice.client.key)).data!.submitInvoice;
    expect(offer.status).toBe('OFFERED');

    at('2027-02-15'); // its due date: not late yet
    let run = await recourse.run('NO');
    expect(run.blocked).not.toContain(invoice.client.clientId);
    expect(await client(invoice.client.clientId)).toEqual({ state: 'ACTIVE', block_reasons: [] });

    at('2027-02-16'); // late
    run = await recourse.run('NO');
    expect(run.blocked).toContain(invoice.client.clientId);
    expect(run.reminded).toContain(made.id);
    expect(await client(invoice.client.clientId)).toEqual({ state: 'BLOCKED', block_reasons: ['OVERDUE_RECOURSE_INVOICE'] });
    expect(await status(offer.id)).toBe('WITHDRAWN');
    const [event] = await t.db.query(`SELECT payload FROM outbox_event WHERE topic = 'recourse_invoice.reminder' AND client_id = $1`, [invoice.client.clientId]);
    expect(event.payload).toMatchObject({ reference: made.reference, dueDate: '2027-02-15' });
    // The reminder is a letter to the client, asked for with it: a delivery to the client's e-mail and its job in the outbox.
    const letters = await reminderDeliveries(invoice.id);
    expect(letters).toEqual([expect.objectContaining({ recipient: 'CLIENT', channel: 'EMAIL', address: 'eva@example.com', status: 'QUEUED' })]);
    expect(await t.db.query(`SELECT 1 FROM job_outbox WHERE queue = 'delivery' AND data->>'deliveryId' = $1`, [letters[0].id])).toHaveLength(1);
    // Again: no second reminder, no second letter, no second block.
    run = await recourse.run('NO');
    expect(run.blocked).not.toContain(invoice.client.clientId);
    expect(run.reminded).not.toContain(made.id);
    expect((await recourseInvoices(invoice.id))[0].reminded_on).toBe('2027-02-16');
    expect(await reminderDeliveries(invoice.id)).toHaveLength(1);

    // The delivery worker's job sends it: the PDF made from the documents base, attached to an e-mail to the client.
    expect(await t.app.get(DeliveryService).deliver(letters[0].id)).toBe('SENT');
    expect(await t.app.get(DeliveryService).deliver(letters[0].id)).toBe('DONE'); // run twice, sent once
    const mails = (await Promise.all(smtp.received.map((m) => simpleParser(m.raw)))).filter((m) => m.messageId === letters[0].message_id);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Purring: regressfakturaen for faktura ${invoice.number} er forfalt`);
    const pdf = mails[0].attachments[0];
    expect(pdf).toMatchObject({ contentType: 'application/pdf', filename: `purring-regressfaktura-${made.reference}-2027-02-16.pdf` });
    keep('recourse-invoice-reminder.pdf', pdf.content);
    const text = (await pdfText(pdf.content)).replace(/\s+/g, ' ');
    expect(text).toContain('Purring: regressfaktura');
    expect(text).toContain(made.reference); // the KID to pay with
    expect(text).toContain(invoice.number); // the invoice bought back
    expect(text).toContain('15.02.2027'); // the due date passed
    expect(text).toContain('Betal det som gjenstår nå');
    expect(text).toContain('kan dere ikke selge fakturaer');
    expect(text).toContain('Det tas ikke gebyr');
    expect(text.replace(/[\s\u00a0\u202f]/g, '')).toContain(invoice.payable.replace('.', ','));
    // No fee: nothing booked on the recourse invoice beyond its own entry.
    expect(await t.db.query(`SELECT event FROM journal_entry WHERE cause_type = 'RECOURSE_INVOICE' AND cause_id = $1`, [made.id])).toEqual([{ event: 'RECOURSE_INVOICE' }]);
    expect(await ledgerOf(invoice.id, 'COLLECTION_FEE_RECEIVABLES')).toBe('0.00');
    await expectReceivablesReconcile(t, invoice.id);

    // An analyst blocks it for a fraud suspicion too.
    const fraud = await t.gql(
      `mutation($id: ID!) { blockClient(id: $id, blockReason: FRAUD_SUSPICION, reason: "Invoices to a company that does not exist") { state blockReasons } }`,
      { id: invoice.client.clientId },
      analyst.token,
    );
    expect(errorOf(fraud)).toBeUndefined();

    // The client pays: the recourse block is lifted, the fraud block kept.
    at('2027-02-18');
    await importEntries([entry(invoice.payable, made.reference, '2027-02-18')]);
    expect((await recourseInvoices(invoice.id))[0].status).toBe('PAID');
    expect(await client(invoice.client.clientId)).toEqual({ state: 'BLOCKED', block_reasons: ['FRAUD_SUSPICION'] });
    await expectReceivablesReconcile(t, invoice.id);
  });

  it('the client sells again once its late recourse invoice is paid and nothing else blocks it', async () => {
    const invoice = await bought('2027-01-07');
    at('2027-02-06');
    await recourse.run('NO');
    const [made] = await recourseInvoices(invoice.id);
    // A client with no e-mail address gets its reminder by post, to the address on the letter.
    await t.db.query(`UPDATE client SET contact = contact - 'email' WHERE id = $1`, [invoice.client.clientId]);
    at('2027-02-18');
    await recourse.run('NO');
    expect(await client(invoice.client.clientId)).toEqual({ state: 'BLOCKED', block_reasons: ['OVERDUE_RECOURSE_INVOICE'] });
    const [letter] = await reminderDeliveries(invoice.id);
    expect(letter).toMatchObject({ recipient: 'CLIENT', channel: 'POST', address: null });
    expect(await t.app.get(DeliveryService).deliver(letter.id)).toBe('AWAITING_PRINT');
    const [doc] = await t.db.query(`SELECT d.bytes FROM document d JOIN document_delivery x ON x.document_id = d.id WHERE x.id = $1`, [letter.id]);
    expect((await pdfText(doc.bytes)).replace(/\s+/g, ' ')).toContain('Karl Johans gate 1');
    const part = new Decimal(invoice.payable).minus(1).toFixed(2);
    await importEntries([entry(part, made.reference, '2027-02-18')]);
    expect(await client(invoice.client.clientId)).toMatchObject({ state: 'BLOCKED' }); // one krone still owed
    await importEntries([entry('1.00', made.reference, '2027-02-19')]);
    expect(await client(invoice.client.clientId)).toEqual({ state: 'ACTIVE', block_reasons: [] });
  });

  it('a recourse invoice paid other than by a bank file (a set-off against a payout) lifts the block at the next daily run', async () => {
    const invoice = await bought('2027-01-08');
    at('2027-02-07');
    await recourse.run('NO');
    const [made] = await recourseInvoices(invoice.id);
    at('2027-02-19');
    expect((await recourse.run('NO')).blocked).toContain(invoice.client.clientId);
    // As the payout batch's set-off writes it (payouts/payout-set-offs.ts).
    await t.db.query(`UPDATE recourse_invoice SET paid_amount = amount, status = 'PAID', version = version + 1 WHERE id = $1`, [made.id]);
    const run = await recourse.run('NO');
    expect(run.lifted).toEqual([invoice.client.clientId]);
    expect(await client(invoice.client.clientId)).toEqual({ state: 'ACTIVE', block_reasons: [] });
    expect((await recourse.run('NO')).lifted).toEqual([]);
  });
});

describe('fees and interest the debtor pays after recourse', () => {
  it('are paid first, then the principal bought back; the client\'s when its agreement says so (paid back with the next payout)', async () => {
    const c = await f.clientWithKey('NO');
    const changed = await t.gql(
      `mutation($id: ID!, $terms: AgreementTermsInput!) { updateClientAgreement(id: $id, terms: $terms, expectedVersion: 1, reason: "Fees after recourse to the client") { agreement { feesAfterRecourseTo } } }`,
      { id: c.clientId, terms: { feePercent: '2', recourseModes: ['WITH_RECOURSE'], creditLimit: '500000', spotCheckIntensity: 'HIGH', deliveryChannel: 'EMAIL', feesAfterRecourseTo: 'CLIENT' } },
      admin.token,
    );
    expect(changed.data!.updateClientAgreement.agreement.feesAfterRecourseTo).toBe('CLIENT');
    const invoice = await bought('2027-01-11', c);
    const followUp = t.app.get(FollowUpService);
    at('2027-01-25'); // due + 14: the Norwegian default's reminder, its fee and interest charged when sent
    await followUp.run('NO');
    const steps: Array<{ id: string }> = await t.db.query(`SELECT id FROM collection_step WHERE invoice_id = $1 AND delivery_state = 'TO_SEND'`, [invoice.id]);
    for (const { id } of steps) await t.db.transaction((tx) => followUp.letterSent(tx, id));
    const charged = await expectReceivablesReconcile(t, invoice.id);
    expect(new Decimal(charged.fees).gt(0)).toBe(true);
    expect(new Decimal(charged.interest).gt(0)).toBe(true);

    at('2027-02-10'); // due + 30
    await recourse.run('NO');
    expect(await status(invoice.id)).toBe('RECOURSE');
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: '0.00', fees: charged.fees, interest: charged.interest });

    // The debtor pays it all: fees, then interest, then the principal bought back (settling the open recourse invoice).
    const all = new Decimal(invoice.payable).plus(charged.fees).plus(charged.interest).toFixed(2);
    await importEntries([entry(all, invoice.reference, '2027-02-12')]);
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: '0.00', fees: '0.00', interest: '0.00' });
    expect((await recourseInvoices(invoice.id))[0]).toMatchObject({ status: 'PAID', paid_amount: invoice.payable, debtor_paid_amount: invoice.payable });
    const parts = await t.db.query(`SELECT part, amount::text FROM payment_allocation WHERE invoice_id = $1 AND part IN ('FEE','INTEREST') ORDER BY part`, [invoice.id]);
    expect(parts).toEqual([
      { part: 'FEE', amount: charged.fees },
      { part: 'INTEREST', amount: charged.interest },
    ]);
    // The client's by its agreement: owed back with the next payout (the principal it never paid is not).
    const refunds = await t.db.query(`SELECT kind, amount::text FROM payout_refund WHERE invoice_id = $1`, [invoice.id]);
    expect(refunds).toEqual([{ kind: 'CLIENT_REPAYMENT', amount: new Decimal(charged.fees).plus(charged.interest).toFixed(2) }]);
    expect(await status(invoice.id)).toBe('FULLY_PAID');
  });
});

describe('the recourse terms of the agreement (dated per version, with defaults)', () => {
  const CLIENT = `query($id: ID!) { client(id: $id) { agreement { version recourseAfterDays recourseInvoiceDaysToPay feesAfterRecourseTo } } }`;
  const UPDATE = `mutation($id: ID!, $terms: AgreementTermsInput!, $v: Int!) { updateClientAgreement(id: $id, terms: $terms, expectedVersion: $v, reason: "Recourse terms agreed") {
    agreement { version recourseAfterDays recourseInvoiceDaysToPay feesAfterRecourseTo } } }`;
  const TERMS = { feePercent: '2', recourseModes: ['WITH_RECOURSE'], creditLimit: '500000', spotCheckIntensity: 'HIGH', deliveryChannel: 'EMAIL' };

  it('defaults to 30 days, 10 days to pay and the factor keeping fees; a new version changes them and the daily run follows it; bad values are refused naming the field', async () => {
    const c = await f.clientWithKey('NO');
    const shown = (await t.gql(CLIENT, { id: c.clientId }, analyst.token)).data!.client.agreement;
    expect(shown).toEqual({ version: 1, recourseAfterDays: 30, recourseInvoiceDaysToPay: 10, feesAfterRecourseTo: 'FACTOR' });

    for (const [terms, reason, field] of [
      [{ recourseAfterDays: 0 }, 'AGREEMENT_RECOURSE_AFTER_DAYS', 'terms.recourseAfterDays'],
      [{ recourseAfterDays: 366 }, 'AGREEMENT_RECOURSE_AFTER_DAYS', 'terms.recourseAfterDays'],
      [{ recourseInvoiceDaysToPay: 91 }, 'AGREEMENT_RECOURSE_DAYS_TO_PAY', 'terms.recourseInvoiceDaysToPay'],
    ] as const) {
      const refused = await t.gql(UPDATE, { id: c.clientId, terms: { ...TERMS, ...terms }, v: 1 }, admin.token);
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
    }
    expect((await t.gql(CLIENT, { id: c.clientId }, analyst.token)).data!.client.agreement.version).toBe(1);

    const changed = await t.gql(UPDATE, { id: c.clientId, terms: { ...TERMS, recourseAfterDays: 45, recourseInvoiceDaysToPay: 14, feesAfterRecourseTo: 'CLIENT' }, v: 1 }, admin.token);
    expect(changed.data!.updateClientAgreement.agreement).toEqual({ version: 2, recourseAfterDays: 45, recourseInvoiceDaysToPay: 14, feesAfterRecourseTo: 'CLIENT' });
    // A later version without them keeps them.
    const kept = await t.gql(UPDATE, { id: c.clientId, terms: { ...TERMS, feePercent: '2.5' }, v: 2 }, admin.token);
    expect(kept.data!.updateClientAgreement.agreement).toEqual({ version: 3, recourseAfterDays: 45, recourseInvoiceDaysToPay: 14, feesAfterRecourseTo: 'CLIENT' });

    const invoice = await bought('2027-01-04', c);
    at('2027-02-03'); // due + 30: this client's agreement says 45
    await recourse.run('NO');
    expect(await status(invoice.id)).toBe('PURCHASED');
    at('2027-02-18'); // due + 45
    await recourse.run('NO');
    expect(await status(invoice.id)).toBe('RECOURSE');
    expect((await recourseInvoices(invoice.id))[0]).toMatchObject({ due_date: '2027-03-04' }); // 14 days to pay
    void day;
  });
});
