import { Clock, TestClock } from '@factoring/domain';
import Decimal from 'decimal.js';
import { randomBytes } from 'node:crypto';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { day } from '../../test-support/invoices';
import { expectReceivablesReconcile, ledgerReceivables } from '../../test-support/receivables';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import type { BankEntry, BankFileHeader } from '../bank-files/bank-entry';
import { CollectionCasesModule } from '../collection-cases/collection-cases.module';
import { CreditService } from '../credit/credit.service';
import { DeliveryService } from '../delivery/delivery.service';
import { LetterOutcomes } from '../delivery/letter-outcomes';
import { DisputesModule } from '../disputes/disputes.module';
import { PaymentsModule } from '../payments/payments.module';
import { PaymentsService } from '../payments/payments.service';
import { RecourseModule } from '../recourse/recourse.module';
import { CLOCK } from './clock';
import { CollectionModule } from './collection.module';
import { FollowUpService } from './follow-up.service';

/**
 * Whole lives of overdue invoices (issue 15 s.2, "Done when"), with the moved clock, against real
 * PostgreSQL and Redis: a reminder's fee and interest are charged only when the letter is
 * actually sent (its print batch marked printed), and a payment pays the fees first, then the
 * late interest, then the principal, shown per part on the invoice's payments. At every step the
 * invoice's receivable accounts in the ledger reconcile to its open items.
 *
 * Its own database: the follow-up looks at every bought invoice of a country.
 */
let t: TestApp;
let credit: CreditService;
let followUp: FollowUpService;
let deliveries: DeliveryService;
let payments: PaymentsService;
let analyst: { token: string };
let admin: { token: string };
let finance: { token: string };
let collector: { token: string };
const clock = new TestClock('2026-03-01T09:00:00Z');
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const NOK_ACCOUNT = '15031234562';
const HEADER: BankFileHeader = { format: 'CAMT_054', version: 'camt.054.001.08', fileIdentity: 'MSG-WHOLE-LIFE' };

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  followUp = t.app.get(FollowUpService);
  deliveries = t.app.get(DeliveryService);
  payments = t.app.get(PaymentsService);
  // The follow-up's, the payments', the collection cases', the disputes' and recourse's clocks, moved by the test.
  for (const module of [CollectionModule, PaymentsModule, CollectionCasesModule, DisputesModule, RecourseModule]) {
    const moduleClock = t.app.select(module).get<symbol, Clock>(CLOCK, { strict: true });
    jest.spyOn(moduleClock, 'now').mockImplementation(() => clock.now());
  }
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const fi = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Fanny Finance' });
  finance = { token: await t.signIn(fi.email, fi.password) };
  const co = await newStaff(t.db, { roles: [Role.COLLECTION], name: 'Cissi Collection' });
  collector = { token: await t.signIn(co.email, co.password) };
  // The Swedish life below: no spot checks in Sweden either, so its invoice is bought at once.
  const published = await t.gql(
    `mutation($v: JSON!, $from: String!) { publishRuleSetting(name: "spotCheck", country: SE, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
    { from: day(0), v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' } },
    admin.token,
  );
  if (!published.data && published.errors?.[0]?.extensions?.reason !== 'SETTING_VERSION_EXISTS') throw new Error(JSON.stringify(published.errors));
}, 60_000);
afterAll(() => t?.close());

const at = (isoDay: string) => clock.set(`${isoDay}T09:00:00Z`);

let count = 0;
/** A bought Norwegian invoice (a business debtor, by post) due on `dueDate`. */
async function bought(dueDate: string) {
  const client = await f.clientWithKey('NO');
  count += 1;
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor(), [{ quantity: String(100 + count), unitPrice: '100' }]);
  await f.setLimit(invoice.debtorId, '10000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  await t.db.query(`UPDATE invoice SET invoice_date = $2::date - 30, delivery_date = $2::date - 30, due_date = $2 WHERE id = $1`, [invoice.id, dueDate]);
  const [row] = await t.db.query(`SELECT payable::text, payment_reference AS reference, status FROM invoice WHERE id = $1`, [invoice.id]);
  expect(row.status).toBe('PURCHASED');
  return { id: invoice.id, payable: row.payable as string, reference: row.reference as string };
}

async function stepOf(invoiceId: string, step: string) {
  const [row] = await t.db.query(
    `SELECT id, delivery_state, to_char(sent_on, 'YYYY-MM-DD') AS sent_on, fee_amount::text, interest_amount::text, fee_entry_id, interest_entry_id
       FROM collection_step WHERE invoice_id = $1 AND step = $2`,
    [invoiceId, step],
  );
  return row;
}

/** The follow-up's letter goes out by post: the delivery makes it (waiting for print), finance batches it and marks the batch printed. */
async function postLetter(invoiceId: string, stepId: string) {
  const [delivery] = await t.db.query(`SELECT id, channel, status FROM document_delivery WHERE invoice_id = $1 AND collection_step_id = $2`, [invoiceId, stepId]);
  expect(delivery).toMatchObject({ channel: 'POST', status: 'QUEUED' });
  expect(await deliveries.deliver(delivery.id)).toBe('AWAITING_PRINT');
  // Made and waiting for print: not sent, nothing charged yet.
  expect((await t.db.query(`SELECT delivery_state FROM collection_step WHERE id = $1`, [stepId]))[0].delivery_state).toBe('TO_SEND');
  await expectReceivablesReconcile(t, invoiceId);
  const [{ print_day }] = await t.db.query(`SELECT print_day::text FROM document_delivery WHERE id = $1`, [delivery.id]);
  const made = await t.gql(`mutation($day: String!) { makePrintBatch(day: $day) { id version } }`, { day: print_day }, finance.token);
  expect(made.errors).toBeUndefined();
  const printed = await t.gql(
    `mutation($id: ID!, $version: Int!) { markPrintBatchPrinted(id: $id, version: $version) { id printedAt } }`,
    { id: made.data!.makePrintBatch.id, version: made.data!.makePrintBatch.version },
    finance.token,
  );
  expect(printed.errors).toBeUndefined();
  return delivery.id as string;
}

let serial = 0;
/** A payment by KID through a bank file (camt.054), valued on the clock's day. */
async function pay(reference: string, amount: string, valueDate: string) {
  serial += 1;
  const entry: BankEntry = {
    section: { accountId: NOK_ACCOUNT, currency: 'NOK', sectionIdentity: 'NTF-WL' },
    entryKey: `WL-${randomBytes(6).toString('hex')}-${serial}`,
    direction: 'CREDIT',
    amount,
    currency: 'NOK',
    valueDate,
    reference,
    place: `/Document/Ntry[${serial}]`,
  };
  const summary = await payments.importFile(
    {
      header: HEADER,
      entries: (async function* () {
        yield entry;
      })(),
    },
    { source: 'API', fileName: `whole-life-${serial}.xml` },
  );
  expect(summary).toMatchObject({ status: 'DONE', entriesMatched: 1, amountMatched: new Decimal(amount).toFixed(2) });
}

/** The invoice's payments as the console's invoice page reads them: each allocation's part, in the order paid. */
async function partsShown(invoiceId: string) {
  const shown = await t.gql(
    `query($invoiceId: ID!) { paymentsOfInvoice(invoiceId: $invoiceId) { valueDate amount allocations { invoiceId kind part amount } } }`,
    { invoiceId },
    finance.token,
  );
  expect(shown.errors).toBeUndefined();
  const list = shown.data!.paymentsOfInvoice as Array<{ valueDate: string; allocations: Array<{ invoiceId: string; kind: string; part: string; amount: string }> }>;
  return list
    .sort((a, b) => a.valueDate.localeCompare(b.valueDate))
    .map((p) => ({ valueDate: p.valueDate, parts: p.allocations.filter((a) => a.invoiceId === invoiceId).map((a) => `${a.part} ${new Decimal(a.amount).toFixed(2)}`) }));
}

const statusOf = async (id: string) => (await t.db.query(`SELECT status FROM invoice WHERE id = $1`, [id]))[0].status as string;

/** What the client has been told of the invoice's reminders: its timeline steps (clientStep, forClient) and its events. */
async function toldClient(invoiceId: string) {
  const steps = await t.db.query(
    `SELECT details->>'clientStep' AS "clientStep", details->'forClient' AS "forClient" FROM timeline_event
      WHERE entity_type = 'INVOICE' AND entity_id = $1 AND details->>'clientStep' LIKE 'COLLECTION_%' ORDER BY id`,
    [invoiceId],
  );
  const events = (await t.db.query(`SELECT payload FROM outbox_event WHERE subject_id = $1 AND topic = 'invoice.reminder_sent' ORDER BY id`, [invoiceId])).map((r: { payload: unknown }) => r.payload);
  return { steps, events };
}

describe('whole lives of overdue invoices (issue 15 s.2)', () => {
  it('paid after one reminder: the fee is charged only when the letter is sent, and paying it all (fee included) makes the invoice fully paid', async () => {
    const invoice = await bought('2026-03-02');
    await expectReceivablesReconcile(t, invoice.id);

    at('2026-03-16'); // due + 14: the Norwegian default's reminder
    const run = await followUp.run('NO');
    expect(run.outcomes.find((o) => o.invoiceId === invoice.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER', fee: '470.00' });
    const reminder = await stepOf(invoice.id, 'REMINDER');
    // The letter states the fee (a business debtor: the 470 kr compensation) and interest, but is not sent yet: nothing is charged.
    expect(reminder).toMatchObject({ delivery_state: 'TO_SEND', sent_on: null, fee_amount: '470.00', fee_entry_id: null, interest_entry_id: null });
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: invoice.payable, fees: '0.00', interest: '0.00' });
    // Made, not sent: the client has heard nothing yet.
    expect(await toldClient(invoice.id)).toEqual({ steps: [], events: [] });

    at('2026-03-17'); // printed and posted the next day
    await postLetter(invoice.id, reminder.id);
    // Sent: the client's step and event, dated the day it went, with the debtor's pay-by day.
    expect(await toldClient(invoice.id)).toEqual({
      steps: [{ clientStep: 'COLLECTION_REMINDER_SENT', forClient: { on: '2026-03-17', dueDate: '2026-03-30' } }],
      events: [expect.objectContaining({ step: 'COLLECTION_REMINDER_SENT', on: '2026-03-17', payBy: '2026-03-30', fee: '470.00' })],
    });
    const sent = await stepOf(invoice.id, 'REMINDER');
    expect(sent).toMatchObject({ delivery_state: 'SENT', sent_on: '2026-03-17', fee_amount: '470.00' });
    const interest = sent.interest_amount as string;
    expect(new Decimal(interest).gt(0)).toBe(true);
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: invoice.payable, fees: '470.00', interest });

    // A second confirmation (the delivery's hook called again) charges nothing.
    const again = await t.db.transaction((tx) => t.app.get(LetterOutcomes).sent(tx, { deliveryId: 'x', invoiceId: invoice.id, documentKind: 'PAYMENT_REMINDER', collectionStepId: reminder.id }));
    expect(again).toBeUndefined();
    expect(await ledgerReceivables(t, invoice.id)).toEqual({ principal: invoice.payable, fees: '470.00', interest });
    expect((await toldClient(invoice.id)).events).toHaveLength(1); // told once

    // Paid in full, fee and interest included: fully paid, every receivable zero.
    at('2026-03-20');
    const total = new Decimal(invoice.payable).plus('470.00').plus(interest).toFixed(2);
    await pay(invoice.reference, total, '2026-03-20');
    expect(await statusOf(invoice.id)).toBe('FULLY_PAID');
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: '0.00', fees: '0.00', interest: '0.00' });
    expect(await partsShown(invoice.id)).toEqual([{ valueDate: '2026-03-20', parts: ['FEE 470.00', `INTEREST ${interest}`, `PRINCIPAL ${invoice.payable}`] }]);
  });

  it('partly paid, with the allocation order shown: fees first, then interest, then principal; the rest follows the reminder flow', async () => {
    const invoice = await bought('2026-03-02');
    at('2026-03-16');
    await followUp.run('NO');
    const reminder = await stepOf(invoice.id, 'REMINDER');
    await postLetter(invoice.id, reminder.id);
    const interest1 = (await stepOf(invoice.id, 'REMINDER')).interest_amount as string;
    await expectReceivablesReconcile(t, invoice.id);

    // 200: part of the fee only. Interest and principal are untouched.
    at('2026-03-18');
    await pay(invoice.reference, '200.00', '2026-03-18');
    expect(await statusOf(invoice.id)).toBe('PURCHASED');
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: invoice.payable, fees: '270.00', interest: interest1 });

    // 1000: the rest of the fee, then the interest, then the principal.
    at('2026-03-20');
    await pay(invoice.reference, '1000.00', '2026-03-20');
    const principalPaid = new Decimal('1000.00').minus('270.00').minus(interest1);
    const principalLeft = new Decimal(invoice.payable).minus(principalPaid).toFixed(2);
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: principalLeft, fees: '0.00', interest: '0.00' });
    expect(await partsShown(invoice.id)).toEqual([
      { valueDate: '2026-03-18', parts: ['FEE 200.00'] },
      { valueDate: '2026-03-20', parts: ['FEE 270.00', `INTEREST ${interest1}`, `PRINCIPAL ${principalPaid.toFixed(2)}`] },
    ]);
    // The exposure follows the principal only.
    const [{ exposure, paid_amount }] = await t.db.query(`SELECT exposure::text, paid_amount::text FROM invoice WHERE id = $1`, [invoice.id]);
    expect({ exposure, paid_amount }).toEqual({ exposure: principalLeft, paid_amount: principalPaid.toFixed(2) });

    // Still owed: the inkassovarsel (due + 28) states the interest since, on the principal still owed from the last payment.
    at('2026-03-30');
    const warningRun = await followUp.run('NO');
    expect(warningRun.outcomes.find((o) => o.invoiceId === invoice.id)).toMatchObject({ action: 'ACTED', step: 'COLLECTION_WARNING', fee: null });
    const warning = await stepOf(invoice.id, 'COLLECTION_WARNING');
    expect(warning.delivery_state).toBe('TO_SEND');
    await expectReceivablesReconcile(t, invoice.id);
    await postLetter(invoice.id, warning.id);
    const interest2 = (await stepOf(invoice.id, 'COLLECTION_WARNING')).interest_amount as string;
    // Interest to the 30th: the full principal from the due date to the 20th, then the principal left; less what the reminder stated.
    const rate = new Decimal(interest1).div(new Decimal(invoice.payable).times(14).div(365));
    const expected2 = new Decimal(invoice.payable).times(rate).times(18).div(365).plus(new Decimal(principalLeft).times(rate).times(10).div(365));
    expect(new Decimal(interest2).plus(interest1).minus(expected2).abs().lte('0.05')).toBe(true);
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: principalLeft, fees: '0.00', interest: interest2 });

    // The rest, all of it: fully paid.
    at('2026-04-02');
    await pay(invoice.reference, new Decimal(principalLeft).plus(interest2).toFixed(2), '2026-04-02');
    expect(await statusOf(invoice.id)).toBe('FULLY_PAID');
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: '0.00', fees: '0.00', interest: '0.00' });
    expect((await partsShown(invoice.id))[2]).toEqual({ valueDate: '2026-04-02', parts: [`INTEREST ${interest2}`, `PRINCIPAL ${principalLeft}`] });
  });

  it('a letter that fails delivery charges no fee and books no interest', async () => {
    const invoice = await bought('2026-03-02');
    at('2026-03-16');
    await followUp.run('NO');
    const reminder = await stepOf(invoice.id, 'REMINDER');
    const [delivery] = await t.db.query(`SELECT id FROM document_delivery WHERE collection_step_id = $1`, [reminder.id]);
    // The delivery gave up on the letter (the worker's FAILED): the hook in its transaction.
    await t.db.transaction((tx) => t.app.get(LetterOutcomes).failed(tx, { deliveryId: delivery.id, invoiceId: invoice.id, documentKind: 'PAYMENT_REMINDER', collectionStepId: reminder.id }));
    expect(await stepOf(invoice.id, 'REMINDER')).toMatchObject({ delivery_state: 'FAILED', fee_entry_id: null, interest_entry_id: null });
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: invoice.payable, fees: '0.00', interest: '0.00' });
    // Nor does it tell the client anything.
    expect(await toldClient(invoice.id)).toEqual({ steps: [], events: [] });
  });
});

describe('whole lives that end in collection or recourse (issue 15 s.4-6)', () => {
  const CASE = `id state principal fees interest claim version writeOffAmount steps { step }`;

  /** A bought invoice due on `dueDate`, bought without recourse (the factor bears the credit loss). */
  async function boughtWithoutRecourse(country: 'SE' | 'NO', dueDate: string) {
    const client = await f.clientWithKey(country);
    count += 1;
    const invoice = await f.accepted(client.key, country, country === 'SE' ? f.swedishDebtor() : f.norwegianDebtor(), [{ quantity: String(100 + count), unitPrice: '100' }]);
    await f.setLimit(invoice.debtorId, '10000000');
    expect(await credit.decide(invoice.id)).toBe('APPROVE');
    await t.db.query(
      `UPDATE invoice SET invoice_date = $2::date - 30, delivery_date = $2::date - 30, due_date = $2, recourse_mode = 'WITHOUT_RECOURSE' WHERE id = $1`,
      [invoice.id, dueDate],
    );
    const [row] = await t.db.query(`SELECT payable::text, status FROM invoice WHERE id = $1`, [invoice.id]);
    expect(row.status).toBe('PURCHASED');
    return { id: invoice.id, debtorId: invoice.debtorId, payable: row.payable as string };
  }

  /** The delivery confirms every letter of the invoice made and not yet sent (the e-mail sent, or the print batch printed). */
  async function lettersSent(invoiceId: string) {
    const steps: Array<{ id: string }> = await t.db.query(`SELECT id FROM collection_step WHERE invoice_id = $1 AND delivery_state = 'TO_SEND' ORDER BY taken_on`, [invoiceId]);
    expect(steps.length).toBeGreaterThan(0);
    for (const { id } of steps) await t.db.transaction((tx) => followUp.letterSent(tx, id));
  }

  const actedOn = async (country: 'SE' | 'NO', invoiceId: string) => (await followUp.run(country)).outcomes.find((o) => o.invoiceId === invoiceId);

  it('without recourse -> reminders -> collection -> payment order -> written off (four eyes): nothing open, the receivables zero', async () => {
    const invoice = await boughtWithoutRecourse('SE', '2026-03-02');
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: invoice.payable, fees: '0.00', interest: '0.00' });

    // Due + 10: the Swedish default's reminder, with the 450 kr compensation (a business debtor); charged when sent.
    at('2026-03-12');
    expect(await actedOn('SE', invoice.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER', fee: '450.00' });
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: invoice.payable, fees: '0.00', interest: '0.00' });
    await lettersSent(invoice.id);
    const first = await expectReceivablesReconcile(t, invoice.id);
    expect(first.fees).toBe('450.00');
    expect(new Decimal(first.interest).gt(0)).toBe(true);

    // Due + 24: the second reminder (no second compensation), its interest since the first.
    at('2026-03-26');
    expect(await actedOn('SE', invoice.id)).toMatchObject({ action: 'ACTED', step: 'SECOND_REMINDER', fee: null });
    await expectReceivablesReconcile(t, invoice.id);
    await lettersSent(invoice.id);
    const second = await expectReceivablesReconcile(t, invoice.id);
    expect(second.fees).toBe('450.00');
    expect(new Decimal(second.interest).gt(first.interest)).toBe(true);

    // Due + 38: ready for collection (no letter, nothing booked).
    at('2026-04-09');
    expect(await actedOn('SE', invoice.id)).toMatchObject({ action: 'ACTED', step: 'COLLECTION', fee: null, interest: null });
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual(second);

    // Handed to collection: the claim is the principal, the fees and the interest (at least what is booked).
    at('2026-04-10');
    const handed = await t.gql(`mutation($i: ID!) { handOffToCollection(invoiceId: $i, note: "Two reminders, no answer") { ${CASE} } }`, { i: invoice.id }, collector.token);
    expect(handed.errors).toBeUndefined();
    const c = handed.data!.handOffToCollection;
    expect(c).toMatchObject({ state: 'HANDED_OFF', principal: invoice.payable, fees: '450.00', version: 1 });
    expect(new Decimal(c.interest).gte(second.interest)).toBe(true);
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual(second);
    // The follow-up leaves an invoice with collection alone: no further letter, nothing booked.
    at('2026-04-20');
    await followUp.run('SE');
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual(second);

    // Escalated: an application for a payment order at Kronofogden.
    at('2026-05-04');
    const escalated = await t.gql(
      `mutation($id: ID!, $v: Int!) { escalateCollectionCase(id: $id, escalation: PAYMENT_ORDER, note: "No answer to the agency", expectedVersion: $v) { ${CASE} } }`,
      { id: c.id, v: c.version },
      collector.token,
    );
    expect(escalated.errors).toBeUndefined();
    expect(escalated.data!.escalateCollectionCase.state).toBe('PAYMENT_ORDER_APPLIED');
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual(second);

    // Given up on: proposed by collection, refused to the proposer as approver, approved by finance.
    at('2026-08-03');
    const proposed = await t.gql(
      `mutation($id: ID!, $v: Int!) { proposeWriteOff(id: $id, note: "The debtor is bankrupt: no assets", expectedVersion: $v) { ${CASE} } }`,
      { id: c.id, v: escalated.data!.escalateCollectionCase.version },
      collector.token,
    );
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposeWriteOff.state).toBe('WRITE_OFF_PROPOSED');
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual(second);
    const APPROVE = `mutation($id: ID!, $v: Int!) { approveWriteOff(id: $id, expectedVersion: $v) { ${CASE} } }`;
    expect(errorOf(await t.gql(APPROVE, { id: c.id, v: proposed.data!.proposeWriteOff.version }, collector.token))).toMatchObject({ code: 'FORBIDDEN' });
    at('2026-08-04');
    const approved = await t.gql(APPROVE, { id: c.id, v: proposed.data!.proposeWriteOff.version }, finance.token);
    expect(approved.errors).toBeUndefined();
    const total = new Decimal(invoice.payable).plus(second.fees).plus(second.interest).toFixed(2);
    expect(approved.data!.approveWriteOff).toMatchObject({ state: 'WRITTEN_OFF', writeOffAmount: total });

    // Nothing open: every receivable of the invoice is zero in the ledger, the exposure released, the loss booked.
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: '0.00', fees: '0.00', interest: '0.00' });
    expect(await ledgerReceivables(t, invoice.id)).toEqual({ principal: '0.00', fees: '0.00', interest: '0.00' });
    const [{ exposure }] = await t.db.query(`SELECT exposure::text FROM invoice WHERE id = $1`, [invoice.id]);
    expect(exposure).toBe('0.00');
    const [{ loss }] = await t.db.query(
      `SELECT coalesce(sum(p.amount), 0)::text AS loss FROM journal_posting p
         JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
        WHERE p.invoice_id = $1 AND a.role = 'CREDIT_LOSSES'`,
      [invoice.id],
    );
    expect(new Decimal(loss).gt(0)).toBe(true);
    // A later run of the follow-up books nothing on a written-off invoice.
    at('2026-08-10');
    await followUp.run('SE');
    expect(await ledgerReceivables(t, invoice.id)).toEqual({ principal: '0.00', fees: '0.00', interest: '0.00' });
  });

  it('disputed -> recourse: no reminders while disputed; recourse of the disputed amount is a recourse invoice, the rest followed up', async () => {
    const invoice = await boughtWithoutRecourse('NO', '2026-03-02');
    await expectReceivablesReconcile(t, invoice.id);

    at('2026-03-05');
    const registered = await t.gql(
      `mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id state amount version } }`,
      { input: { invoiceId: invoice.id, channel: 'PHONE', amount: '400.00', reason: 'The debtor says part of the goods never arrived', nextStep: 'Ask the client for the delivery notes', nextStepDue: '2026-03-19' } },
      collector.token,
    );
    expect(registered.errors).toBeUndefined();
    const dispute = registered.data!.registerDispute;
    expect(dispute).toMatchObject({ state: 'OPEN', amount: '400.00' });
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: invoice.payable, fees: '0.00', interest: '0.00' });

    // Due + 14, the reminder's day: held while disputed. No letter, nothing booked.
    at('2026-03-16');
    expect(await actedOn('NO', invoice.id)).toMatchObject({ action: 'NONE', code: 'SCHEDULE_HELD_DISPUTED' });
    expect(await t.db.query(`SELECT id FROM collection_step WHERE invoice_id = $1`, [invoice.id])).toEqual([]);
    expect(await t.db.query(`SELECT id FROM document_delivery WHERE invoice_id = $1 AND document_kind = 'PAYMENT_REMINDER'`, [invoice.id])).toEqual([]);
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: invoice.payable, fees: '0.00', interest: '0.00' });

    // Ended as recourse of the disputed amount (bought without recourse: a dispute is bought back whatever the mode).
    at('2026-03-19');
    const resolved = await t.gql(
      `mutation($id: ID!, $v: Int!) { resolveDispute(id: $id, ending: RECOURSE, note: "The client buys the disputed part back", expectedVersion: $v) { state recourseInvoiceId } }`,
      { id: dispute.id, v: dispute.version },
      collector.token,
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveDispute.state).toBe('RECOURSE');
    const [recourseInvoice] = await t.db.query(`SELECT id, cause, amount::text, status FROM recourse_invoice WHERE invoice_id = $1`, [invoice.id]);
    expect(recourseInvoice).toEqual({ id: resolved.data!.resolveDispute.recourseInvoiceId, cause: 'DISPUTE', amount: '400.00', status: 'OPEN' });
    const rest = new Decimal(invoice.payable).minus('400.00').toFixed(2);
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: rest, fees: '0.00', interest: '0.00' });
    const [row] = await t.db.query(`SELECT status, recourse_amount::text, open_dispute_id FROM invoice WHERE id = $1`, [invoice.id]);
    expect(row).toEqual({ status: 'PURCHASED', recourse_amount: '400.00', open_dispute_id: null });

    // The dispute ended: the follow-up resumes on the rest (the reminder caught up), charged when sent.
    at('2026-03-20');
    expect(await actedOn('NO', invoice.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER' });
    expect(await expectReceivablesReconcile(t, invoice.id)).toEqual({ principal: rest, fees: '0.00', interest: '0.00' });
    await lettersSent(invoice.id);
    const after = await expectReceivablesReconcile(t, invoice.id);
    expect(after.principal).toBe(rest);
    expect(new Decimal(after.fees).gt(0)).toBe(true);
  });
});
