import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { randomBytes } from 'node:crypto';
import type { BankEntry, BankFileHeader } from '../bank-files/bank-entry';
import { Role } from '../auth/role';
import { PaymentsService } from '../payments/payments.service';
import { FollowUpService } from '../collection/follow-up.service';
import { CreditService } from '../credit/credit.service';

/**
 * The client's view of the rest of a sold invoice's life (issue 15 s.7, seed 000) against real
 * PostgreSQL: through the integration API and its events the client sees sold, recourse and fully
 * paid, and the client-facing steps (reminder sent, dispute registered and ended, recourse invoice
 * issued, handed to collection, written off, paid to the client) in words written for it, with
 * only its own facts; and its recourse invoices (amount, due date, OCR/KID, status), never
 * another client's. Its own database: the follow-up is run on its invoices.
 */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
let sven: { token: string };
let frida: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const TIMELINE = `query($i: ID!) { myInvoice(invoiceId: $i) { status timeline { step status en sv nb amount currency on dueDate reference approvalKind reasons { code } question } } }`;
const REGISTER = `mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id version } }`;
const RESOLVE = `mutation($id: ID!, $ending: DisputeEnding!, $note: String!, $v: Int!) { resolveDispute(id: $id, ending: $ending, note: $note, expectedVersion: $v) { id state } }`;
const RECOURSE = `query($s: ClientRecourseInvoiceStatus) { myRecourseInvoices(status: $s) { id invoiceId invoiceNumber cause amount paidAmount currency issueDate dueDate reference status overdue } }`;

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const s = await newStaff(t.db, { roles: [Role.COLLECTION], name: 'Sven Hemlig-Samlare' });
  sven = { token: await t.signIn(s.email, s.password) };
  const fi = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Frida Hemlig-Ekonom' });
  frida = { token: await t.signIn(fi.email, fi.password) };
}, 60_000);
afterAll(() => t?.close());

async function bought(client: { key: string }, daysPastDue: number) {
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  await t.db.query(
    `UPDATE invoice SET invoice_date = current_date - $2::int - 30, delivery_date = current_date - $2::int - 30, due_date = current_date - $2::int, recourse_mode = 'WITHOUT_RECOURSE' WHERE id = $1`,
    [invoice.id, daysPastDue],
  );
  const [row] = await t.db.query(`SELECT invoice_number, payable::text FROM invoice WHERE id = $1`, [invoice.id]);
  return { ...invoice, invoiceNumber: row.invoice_number as string, payable: row.payable as string };
}

const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
  const result = await t.gql(query, variables, token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
};
const topicsOf = async (invoiceId: string) => (await t.db.query(`SELECT topic, payload FROM outbox_event WHERE subject_id = $1 ORDER BY id`, [invoiceId])) as Array<{ topic: string; payload: Record<string, unknown> }>;

describe("the client's timeline after the sale", () => {
  it('reads a reminder, a dispute and its end, a payment to the client, the handoff and the write-off, each in its words with its own facts and an event', async () => {
    const client = await f.clientWithKey('NO');
    const invoice = await bought(client, 20);
    const today = (await t.db.query(`SELECT current_date::text AS d`))[0].d as string;

    // A reminder from the follow-up, which the client hears of once the delivery confirms it sent.
    const followUp = t.app.get(FollowUpService);
    const reminder = await t.db.transaction((tx) => followUp.followUp(tx, invoice.id, today));
    expect(reminder).toMatchObject({ action: 'ACTED', step: 'REMINDER' });
    if (reminder.action === 'ACTED') await t.db.transaction((tx) => followUp.letterSent(tx, reminder.stepId));
    // A dispute registered and withdrawn by collection staff, with their notes.
    const dispute = (await ok(REGISTER, { input: { invoiceId: invoice.id, channel: 'PHONE', amount: '100.00', reason: 'ANTECKNING-TVIST wrong hours', nextStep: 'ANTECKNING-NÄSTA', nextStepDue: '2099-01-01' } }, sven.token)).registerDispute;
    await ok(RESOLVE, { id: dispute.id, ending: 'WITHDRAW', note: 'ANTECKNING-SLUT debtor gave in', v: dispute.version }, sven.token);
    // The debtor paid part of it to the client directly; the client says so.
    await ok(`mutation($i: ID!, $d: String!) { reportPaidToClient(invoiceId: $i, amount: "200.00", paidOn: $d) { status } }`, { i: invoice.id, d: today }, client.key);
    // Handed to collection, then written off (proposed by collection, approved by finance).
    const c = (await ok(`mutation($i: ID!) { handOffToCollection(invoiceId: $i, note: "ANTECKNING-INKASSO") { id version } }`, { i: invoice.id }, sven.token)).handOffToCollection;
    const proposed = (await ok(`mutation($id: ID!, $v: Int!) { proposeWriteOff(id: $id, note: "ANTECKNING-KONKURS", expectedVersion: $v) { version } }`, { id: c.id, v: c.version }, sven.token)).proposeWriteOff;
    await ok(`mutation($id: ID!, $v: Int!) { approveWriteOff(id: $id, expectedVersion: $v) { state } }`, { id: c.id, v: proposed.version }, frida.token);

    const read = (await ok(TIMELINE, { i: invoice.id }, client.key)).myInvoice;
    const after = read.timeline.filter((s: { step: string }) => !['OFFER_MADE', 'ACCEPT', 'PURCHASE'].includes(s.step));
    expect(after.map((s: { step: string }) => s.step)).toEqual(['COLLECTION_REMINDER_SENT', 'DISPUTE_REGISTERED', 'DISPUTE_WITHDRAWN', 'PAID_TO_CLIENT', 'HANDED_TO_COLLECTION', 'WRITTEN_OFF']);
    const by = (step: string) => after.find((s: { step: string }) => s.step === step);
    expect(by('COLLECTION_REMINDER_SENT')).toMatchObject({ status: 'SOLD', en: 'Reminder sent to the debtor', sv: 'Påminnelse skickad till er kund', on: today, dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), amount: null });
    expect(by('DISPUTE_REGISTERED')).toMatchObject({ amount: '100.00', currency: 'NOK', nb: expect.stringContaining('Kunden har bestridt') });
    expect(by('PAID_TO_CLIENT')).toMatchObject({ amount: '200.00', currency: 'NOK', on: today, en: 'Paid to you directly by the debtor' });
    expect(by('HANDED_TO_COLLECTION')).toMatchObject({ on: today, amount: null, en: 'Handed to debt collection' });
    expect(by('WRITTEN_OFF')).toMatchObject({ on: today, amount: null });
    for (const step of after) expect(step.reasons).toEqual([]);

    // Each step is an event too, naming the step and carrying the same facts.
    const events = await topicsOf(invoice.id);
    const topics = events.map((e) => e.topic);
    expect(topics).toEqual(expect.arrayContaining(['invoice.reminder_sent', 'invoice.disputed', 'invoice.dispute_withdrawn', 'invoice.paid_to_client', 'invoice.handed_to_collection', 'invoice.written_off']));
    expect(events.find((e) => e.topic === 'invoice.paid_to_client')!.payload).toMatchObject({ invoiceNumber: invoice.invoiceNumber, status: 'SOLD', step: 'PAID_TO_CLIENT', amount: '200.00', currency: 'NOK', on: today });
    expect(events.find((e) => e.topic === 'invoice.handed_to_collection')!.payload).toMatchObject({ step: 'HANDED_TO_COLLECTION', text: { en: 'Handed to debt collection' } });

    // What the client reads and hears names no person of the factor, no note and none of the case's figures.
    const [written] = await t.db.query(`SELECT write_off_amount::text AS amount, principal::text, interest::text FROM collection_case WHERE id = $1`, [c.id]);
    const seen = JSON.stringify({ read, events, feed: (await ok(`{ myEvents(limit: 500) { events { topic data } } }`, {}, client.key)).myEvents });
    // The case claims the late interest the sent reminder charged, which the reminder's event told the client: not a figure of the case's own.
    const told = events.find((e) => e.topic === 'invoice.reminder_sent')!.payload.interest;
    expect(told).toBe(written.interest);
    for (const word of ['Sven', 'Frida', 'Hemlig', 'ANTECKNING', written.amount]) expect(seen.includes(word) ? word : null).toBeNull();
  });
});

describe('a partial payment', () => {
  it("a debtor's payment that leaves something open is the client's PARTLY_PAID step with what came in and the value day, and an event", async () => {
    const client = await f.clientWithKey('NO');
    const invoice = await bought(client, 5);
    const [{ reference }] = await t.db.query(`SELECT payment_reference AS reference FROM invoice WHERE id = $1`, [invoice.id]);
    const entry: BankEntry = {
      section: { accountId: '15031234562', currency: 'NOK', sectionIdentity: 'NTF-1' },
      entryKey: `CLIENT-VIEW-${randomBytes(6).toString('hex')}`,
      direction: 'CREDIT',
      amount: '100.00',
      currency: 'NOK',
      valueDate: '2026-11-20',
      place: '/Document/Ntry[1]',
      reference,
    };
    const header: BankFileHeader = { format: 'CAMT_054', version: 'camt.054.001.08', fileIdentity: `MSG-${randomBytes(4).toString('hex')}` };
    await t.app.get(PaymentsService).importFile({ header, entries: (async function* () { yield entry; })() }, { source: 'API', fileName: 'partial.xml' });
    const read = (await ok(TIMELINE, { i: invoice.id }, client.key)).myInvoice;
    expect(read.status).toBe('SOLD');
    expect(read.timeline.find((s: { step: string }) => s.step === 'PARTLY_PAID')).toMatchObject({ amount: '100.00', currency: 'NOK', on: '2026-11-20', en: 'Partly paid by the debtor' });
    const [event] = (await topicsOf(invoice.id)).filter((e) => e.topic === 'invoice.partly_paid');
    expect(event.payload).toMatchObject({ invoiceNumber: invoice.invoiceNumber, status: 'SOLD', step: 'PARTLY_PAID', amount: '100.00', on: '2026-11-20' });
  });
});

describe("the client's recourse invoices", () => {
  it('a disputed invoice bought back: the status RECOURSE, the step with amount, due date and OCR/KID, and the recourse invoice in myRecourseInvoices; another client sees none', async () => {
    const client = await f.clientWithKey('NO');
    const other = await f.clientWithKey('NO');
    const invoice = await bought(client, 5);
    const dispute = (await ok(REGISTER, { input: { invoiceId: invoice.id, channel: 'LETTER', amount: invoice.payable, reason: 'Never delivered', nextStep: 'Ask the client', nextStepDue: '2099-01-01' } }, sven.token)).registerDispute;
    await ok(RESOLVE, { id: dispute.id, ending: 'RECOURSE', note: 'ANTECKNING-REGRESS', v: dispute.version }, sven.token);

    const read = (await ok(TIMELINE, { i: invoice.id }, client.key)).myInvoice;
    expect(read.status).toBe('RECOURSE');
    const steps = read.timeline.map((s: { step: string }) => s.step);
    expect(steps).toEqual(expect.arrayContaining(['DISPUTE_REGISTERED', 'RECOURSE_INVOICE_ISSUED', 'BOUGHT_BACK', 'DISPUTE_RECOURSE']));
    const issued = read.timeline.find((s: { step: string }) => s.step === 'RECOURSE_INVOICE_ISSUED');
    const [row] = await t.db.query(`SELECT id, reference, due_date::text, amount::text FROM recourse_invoice WHERE invoice_id = $1`, [invoice.id]);
    expect(issued).toMatchObject({ amount: row.amount, currency: 'NOK', dueDate: row.due_date, reference: row.reference, sv: 'Regressfaktura utställd till er' });
    const [event] = (await topicsOf(invoice.id)).filter((e) => e.topic === 'invoice.recourse_invoice_issued');
    expect(event.payload).toMatchObject({ invoiceNumber: invoice.invoiceNumber, step: 'RECOURSE_INVOICE_ISSUED', amount: row.amount, dueDate: row.due_date, reference: row.reference });

    const mine = (await ok(RECOURSE, {}, client.key)).myRecourseInvoices;
    expect(mine).toEqual([
      { id: row.id, invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber, cause: 'DISPUTE', amount: row.amount, paidAmount: '0.00', currency: 'NOK', issueDate: expect.any(String), dueDate: row.due_date, reference: row.reference, status: 'OPEN', overdue: false },
    ]);
    expect((await ok(RECOURSE, { s: 'PAID' }, client.key)).myRecourseInvoices).toEqual([]);
    expect((await ok(RECOURSE, {}, other.key)).myRecourseInvoices).toEqual([]);
    expect(errorOf(await t.gql(TIMELINE, { i: invoice.id }, other.key))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('myRecourseInvoices is the client key\'s only', async () => {
    for (const token of [sven.token, frida.token, analyst.token, admin.token]) {
      expect(errorOf(await t.gql(RECOURSE, {}, token))?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    }
  });
});
