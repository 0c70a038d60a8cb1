import Decimal from 'decimal.js';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';
import { OperationAccessRegistry } from '../auth/operation-access.registry';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';

/** Disputes (issue 15 s.4, seed 000) against real PostgreSQL: register, refuse, one person per case, and the three endings with their entries. */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
let ceci: { id: string; name: string; token: string };
let colin: { id: string; name: string; token: string };
let finance: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const FIELDS = `id state amount currency reason channel nextStep nextStepDue overdue ageDays invoiceNumber clientName debtorName version creditedAmount recourseInvoiceId claimedBy { name }`;
const REGISTER = `mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { ${FIELDS} } }`;
const RESOLVE = `mutation($id: ID!, $ending: DisputeEnding!, $note: String!, $v: Int!, $n: String, $a: Decimal) {
  resolveDispute(id: $id, ending: $ending, note: $note, expectedVersion: $v, creditNumber: $n, creditedAmount: $a) { ${FIELDS} } }`;
const CLAIM = `mutation($id: ID!) { claimDispute(id: $id) { id claimedBy { name } version } }`;
const QUEUE = `query { disputes(perPage: 200) { total items { id invoiceNumber amount nextStep nextStepDue } } }`;
const RECOURSE_QUEUE = `query($i: ID) { recourseInvoices(invoiceId: $i) { total items { id amount cause status dueDate reference invoiceNumber clientName } } }`;

beforeAll(async () => {
  t = await startTestApp();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const a = await newStaff(t.db, { roles: [Role.COLLECTION], name: 'Ceci Collection' });
  const b = await newStaff(t.db, { roles: [Role.COLLECTION], name: 'Colin Collection' });
  const c = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Fia Finance' });
  ceci = { id: a.id, name: a.name, token: await t.signIn(a.email, a.password) };
  colin = { id: b.id, name: b.name, token: await t.signIn(b.email, b.password) };
  finance = { token: await t.signIn(c.email, c.password) };
});
afterAll(() => t?.close());

async function bought() {
  const client = await f.clientWithKey('NO');
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  const [row] = await t.db.query(`SELECT payable::text, exposure::text FROM invoice WHERE id = $1`, [invoice.id]);
  return { ...invoice, ...row, client } as { id: string; debtorId: string; payable: string; exposure: string; client: { key: string; clientId: string } };
}

const input = (invoiceId: string, amount: string) => ({ invoiceId, channel: 'PHONE', amount, reason: 'The debtor says half the hours were never worked', nextStep: 'Ask the client for the time sheets', nextStepDue: '2099-01-15' });

async function registered(amount?: string) {
  const invoice = await bought();
  const result = await t.gql(REGISTER, { input: input(invoice.id, amount ?? invoice.payable) }, ceci.token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { invoice, dispute: result.data.registerDispute };
}

/** The entries of an invoice by event, as role: amount, checking each entry balances. */
async function entriesOf(invoiceId: string) {
  const rows: Array<{ event: string; entry_id: string; role: string; amount: string }> = await t.db.query(
    `SELECT e.event, e.id::text AS entry_id, a.role, p.amount::text FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id
       JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
      WHERE p.invoice_id = $1 ORDER BY p.id`,
    [invoiceId],
  );
  const sums = new Map<string, Decimal>();
  for (const r of rows) sums.set(r.entry_id, (sums.get(r.entry_id) ?? new Decimal(0)).plus(r.amount));
  for (const sum of sums.values()) expect(sum.isZero()).toBe(true);
  return rows.map(({ event, role, amount }) => ({ event, role, amount }));
}

describe('registering a dispute', () => {
  it('opens the case, flags the invoice (no reminders), marks the debtor, writes the timeline, the client\'s event and the audit row', async () => {
    const { invoice, dispute } = await registered('400.00');
    expect(dispute).toMatchObject({ state: 'OPEN', amount: '400.00', currency: 'NOK', channel: 'PHONE', nextStep: 'Ask the client for the time sheets', nextStepDue: '2099-01-15', overdue: false, ageDays: 0, version: 1 });
    const [row] = await t.db.query(`SELECT status, open_dispute_id FROM invoice WHERE id = $1`, [invoice.id]);
    expect(row).toEqual({ status: 'PURCHASED', open_dispute_id: dispute.id });
    const [debtor] = await t.db.query(`SELECT has_disputed_before FROM debtor WHERE id = $1`, [invoice.debtorId]);
    expect(debtor.has_disputed_before).toBe(true);
    const steps = await t.db.query(`SELECT actor_name, details->>'step' AS step FROM timeline_event WHERE entity_type = 'INVOICE' AND entity_id = $1 AND details->>'step' LIKE 'DISPUTE%'`, [invoice.id]);
    expect(steps).toEqual([{ actor_name: 'Ceci Collection', step: 'DISPUTE_REGISTERED' }]);
    const [event] = await t.db.query(`SELECT topic, payload FROM outbox_event WHERE subject_id = $1 AND topic = 'invoice.disputed'`, [invoice.id]);
    expect(event.payload).toMatchObject({ status: 'SOLD', step: 'DISPUTE_REGISTERED', amount: '400.00', currency: 'NOK' });
    // Client-facing words only: no staff name, no staff's note.
    expect(JSON.stringify(event.payload)).not.toMatch(/Ceci|hours were never worked|time sheets/);
    const [audit] = await t.db.query(`SELECT outcome FROM audit_entry WHERE operation = 'registerDispute' AND target_id = $1`, [dispute.id]);
    expect(audit?.outcome).toBe('SUCCEEDED');
    const queue = (await t.gql(QUEUE, {}, ceci.token)).data!.disputes;
    expect(queue.items.map((d: { id: string }) => d.id)).toContain(dispute.id);
  });

  it('refuses more than what is open, naming the field, and changes nothing', async () => {
    const invoice = await bought();
    const more = new Decimal(invoice.payable).plus('0.01').toFixed(2);
    const result = await t.gql(REGISTER, { input: input(invoice.id, more) }, ceci.token);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DISPUTE_MORE_THAN_OPEN', field: 'input.amount' });
    expect(await t.db.query(`SELECT id FROM dispute WHERE invoice_id = $1`, [invoice.id])).toEqual([]);
    const [debtor] = await t.db.query(`SELECT has_disputed_before FROM debtor WHERE id = $1`, [invoice.debtorId]);
    expect(debtor.has_disputed_before).toBe(false);
    const [audit] = await t.db.query(`SELECT outcome, error_code FROM audit_entry WHERE operation = 'registerDispute' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ outcome: 'FAILED', error_code: 'DISPUTE_MORE_THAN_OPEN' });
  });

  it('counts what has been paid as no longer open: more than the rest is refused', async () => {
    const invoice = await bought();
    await t.db.query(`UPDATE invoice SET paid_amount = payable - 100 WHERE id = $1`, [invoice.id]);
    expect(errorOf(await t.gql(REGISTER, { input: input(invoice.id, '100.01') }, ceci.token))).toMatchObject({ reason: 'DISPUTE_MORE_THAN_OPEN', field: 'input.amount' });
    expect((await t.gql(REGISTER, { input: input(invoice.id, '100.00') }, ceci.token)).data?.registerDispute.amount).toBe('100.00');
  });

  it('refuses a second open dispute on one invoice, and an invoice not bought', async () => {
    const { invoice } = await registered('10.00');
    expect(errorOf(await t.gql(REGISTER, { input: input(invoice.id, '10.00') }, ceci.token))).toMatchObject({ code: 'CONFLICT', reason: 'DISPUTE_ALREADY_OPEN' });
    const client = await f.clientWithKey('NO');
    const offered = await f.accepted(client.key, 'NO', f.norwegianDebtor());
    expect(errorOf(await t.gql(REGISTER, { input: input(offered.id, '10.00') }, ceci.token))).toMatchObject({ code: 'CONFLICT', reason: 'DISPUTE_INVOICE_NOT_BOUGHT' });
  });
});

describe('two people on one case', () => {
  it('one claims, the other is refused with a CONFLICT naming the first, and nothing changes', async () => {
    const { dispute } = await registered('50.00');
    expect((await t.gql(CLAIM, { id: dispute.id }, ceci.token)).data!.claimDispute.claimedBy.name).toBe('Ceci Collection');
    const other = await t.gql(RESOLVE, { id: dispute.id, ending: 'WITHDRAW', note: 'Debtor called', v: 2 }, colin.token);
    expect(errorOf(other)).toMatchObject({ code: 'CONFLICT', reason: 'DISPUTE_CLAIMED' });
    const [row] = await t.db.query(`SELECT state FROM dispute WHERE id = $1`, [dispute.id]);
    expect(row.state).toBe('OPEN');
  });

  it('two endings at the same moment: one wins, the other gets CONFLICT', async () => {
    const { invoice, dispute } = await registered();
    const results = await Promise.all([
      t.gql(RESOLVE, { id: dispute.id, ending: 'RECOURSE', note: 'Bought back', v: 1 }, ceci.token),
      t.gql(RESOLVE, { id: dispute.id, ending: 'WITHDRAW', note: 'Withdrawn', v: 1 }, colin.token),
    ]);
    expect(results.filter((r) => r.data?.resolveDispute).length).toBe(1);
    expect(errorOf(results.find((r) => r.errors)!)).toMatchObject({ code: 'CONFLICT' });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM recourse_invoice WHERE invoice_id = $1`, [invoice.id])).toEqual([{ n: results[0].data ? 1 : 0 }]);
  });
});

describe('the endings', () => {
  it('withdrawn: collection resumes (the flag is cleared), no money moves', async () => {
    const { invoice, dispute } = await registered('100.00');
    const ended = (await t.gql(RESOLVE, { id: dispute.id, ending: 'WITHDRAW', note: 'The debtor found the time sheets', v: 1 }, ceci.token)).data!.resolveDispute;
    expect(ended).toMatchObject({ state: 'WITHDRAWN', recourseInvoiceId: null });
    const [row] = await t.db.query(`SELECT status, open_dispute_id, recourse_amount::text FROM invoice WHERE id = $1`, [invoice.id]);
    expect(row).toEqual({ status: 'PURCHASED', open_dispute_id: null, recourse_amount: '0.00' });
    expect((await entriesOf(invoice.id)).map((e) => e.event)).not.toContain('RECOURSE_INVOICE');
    const [event] = await t.db.query(`SELECT payload FROM outbox_event WHERE subject_id = $1 AND topic = 'invoice.dispute_withdrawn'`, [invoice.id]);
    expect(event.payload.text.sv).toMatch(/återkallat/);
  });

  it('recourse of the whole open amount: a recourse invoice, its balanced entry, the invoice RECOURSE for the client, exposure released', async () => {
    const { invoice, dispute } = await registered();
    const ended = (await t.gql(RESOLVE, { id: dispute.id, ending: 'RECOURSE', note: 'The client agrees to buy it back', v: 1 }, ceci.token)).data!.resolveDispute;
    expect(ended.state).toBe('RECOURSE');
    const recourse = (await t.gql(RECOURSE_QUEUE, { i: invoice.id }, ceci.token)).data!.recourseInvoices.items;
    expect(recourse).toEqual([expect.objectContaining({ id: ended.recourseInvoiceId, amount: invoice.payable, cause: 'DISPUTE', status: 'OPEN' })]);
    expect(recourse[0].reference).toMatch(/^\d{12}$/);
    const CLAIM_RECOURSE = `mutation($id: ID!) { claimRecourseInvoice(id: $id) { claimedBy { name } } }`;
    expect((await t.gql(CLAIM_RECOURSE, { id: recourse[0].id }, ceci.token)).data!.claimRecourseInvoice.claimedBy.name).toBe('Ceci Collection');
    expect(errorOf(await t.gql(CLAIM_RECOURSE, { id: recourse[0].id }, colin.token))).toMatchObject({ code: 'CONFLICT', reason: 'RECOURSE_INVOICE_CLAIMED' });
    const entries = (await entriesOf(invoice.id)).filter((e) => e.event === 'RECOURSE_INVOICE');
    expect(entries).toEqual([
      { event: 'RECOURSE_INVOICE', role: 'RECOURSE_RECEIVABLES', amount: invoice.payable },
      { event: 'RECOURSE_INVOICE', role: 'PURCHASED_RECEIVABLES', amount: new Decimal(invoice.payable).negated().toFixed(2) },
    ]);
    const [row] = await t.db.query(`SELECT status, recourse_amount::text, exposure::text, open_dispute_id FROM invoice WHERE id = $1`, [invoice.id]);
    expect(row).toEqual({ status: 'RECOURSE', recourse_amount: invoice.payable, exposure: '0.00', open_dispute_id: null });
    const mine = await t.gql(`query { myInvoices(perPage: 100) { items { id status timeline { step en } } } }`, {}, invoice.client.key);
    if (!mine.data) throw new Error(JSON.stringify(mine.errors));
    const seen = mine.data.myInvoices.items.find((i: { id: string }) => i.id === invoice.id);
    expect(seen.status).toBe('RECOURSE');
    expect(seen.timeline.map((s: { step: string }) => s.step)).toContain('BOUGHT_BACK');
  });

  it('recourse of part: the invoice stays PURCHASED with the recourse recorded; the rest is still the factor\'s', async () => {
    const { invoice, dispute } = await registered('300.00');
    await t.gql(RESOLVE, { id: dispute.id, ending: 'RECOURSE', note: 'Part bought back', v: 1 }, ceci.token);
    const [row] = await t.db.query(`SELECT status, recourse_amount::text, exposure::text FROM invoice WHERE id = $1`, [invoice.id]);
    expect(row).toEqual({ status: 'PURCHASED', recourse_amount: '300.00', exposure: new Decimal(invoice.exposure).minus(300).toFixed(2) });
    expect((await entriesOf(invoice.id)).filter((e) => e.event === 'RECOURSE_INVOICE').map((e) => e.amount)).toEqual(['300.00', '-300.00']);
  });

  it('credited before payout: the client\'s credit note lowers the payout; no recourse invoice is needed', async () => {
    const { invoice, dispute } = await registered('200.00');
    const ended = (await t.gql(RESOLVE, { id: dispute.id, ending: 'CREDIT', note: 'The client credited', v: 1, n: 'KN-7', a: '150.00' }, ceci.token)).data!.resolveDispute;
    expect(ended).toMatchObject({ state: 'CREDITED', creditedAmount: '150.00', recourseInvoiceId: null });
    expect((await entriesOf(invoice.id)).filter((e) => e.event === 'CREDIT_NOTE').map((e) => [e.role, e.amount])).toEqual([
      ['CLIENT_PAYABLES', '150.00'],
      ['PURCHASED_RECEIVABLES', '-150.00'],
    ]);
    const [row] = await t.db.query(`SELECT status, credited_amount::text, open_dispute_id FROM invoice WHERE id = $1`, [invoice.id]);
    expect(row).toEqual({ status: 'PURCHASED', credited_amount: '150.00', open_dispute_id: null });
  });

  it('credited after payout: a recourse invoice of the credited amount claims what the client now owes', async () => {
    const { invoice, dispute } = await registered('200.00');
    // A payout on its way: the money has left for the client.
    const [batch] = await t.db.query(
      `INSERT INTO payout_batch (book, currency, payout_date, state, message_id, total, line_count, prepared_by) VALUES ('NO', 'NOK', $3::date, 'PREPARED', $1, 0, 0, $2) RETURNING id`,
      [`T-${dispute.id.slice(0, 30)}`, ceci.id, `2098-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`],
    );
    await t.db.query(
      `INSERT INTO payout_line (batch_id, invoice_id, client_id, attempt, amount, reference, end_to_end_id, payee, state) VALUES ($1, $2, $3, 1, 1, 'x', $4, '{}', 'SETTLED')`,
      [batch.id, invoice.id, invoice.client.clientId, `E-${dispute.id.slice(0, 30)}`],
    );
    const ended = (await t.gql(RESOLVE, { id: dispute.id, ending: 'CREDIT', note: 'Credited after payout', v: 1, n: 'KN-8', a: '200.00' }, ceci.token)).data!.resolveDispute;
    expect(ended.recourseInvoiceId).toBeTruthy();
    expect((await entriesOf(invoice.id)).filter((e) => e.event === 'RECOURSE_INVOICE').map((e) => [e.role, e.amount])).toEqual([
      ['RECOURSE_RECEIVABLES', '200.00'],
      ['CLIENT_PAYABLES', '-200.00'],
    ]);
  });

  it('an ended case cannot end again', async () => {
    const { dispute } = await registered('20.00');
    await t.gql(RESOLVE, { id: dispute.id, ending: 'WITHDRAW', note: 'Withdrawn', v: 1 }, ceci.token);
    expect(errorOf(await t.gql(RESOLVE, { id: dispute.id, ending: 'RECOURSE', note: 'Again', v: 2 }, ceci.token))).toMatchObject({ code: 'CONFLICT', reason: 'DISPUTE_STATE_DOES_NOT_ALLOW' });
  });
});

describe('who may do what', () => {
  it('collection acts; credit, finance and admins read; the client never sees these operations', async () => {
    const registry = t.app.get(OperationAccessRegistry);
    const roles = (root: string, name: string) => {
      const access = registry.accessFor(root, name);
      return access.kind === 'roles' ? [...access.roles].sort() : access.kind;
    };
    for (const m of ['registerDispute', 'claimDispute', 'releaseDispute', 'updateDisputeStep', 'resolveDispute']) expect(roles('Mutation', m)).toEqual(['COLLECTION']);
    for (const q of ['disputes', 'dispute']) expect(roles('Query', q)).toEqual(['ADMIN', 'COLLECTION', 'CREDIT_ANALYST', 'FINANCE']);
    for (const q of ['recourseInvoices', 'recourseInvoice']) expect(roles('Query', q)).toEqual(['ADMIN', 'COLLECTION', 'FINANCE']);
    for (const m of ['claimRecourseInvoice', 'releaseRecourseInvoice']) expect(roles('Mutation', m)).toEqual(['COLLECTION']);
    const invoice = await bought();
    expect(errorOf(await t.gql(REGISTER, { input: input(invoice.id, '1.00') }, finance.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await t.gql(REGISTER, { input: input(invoice.id, '1.00') }, invoice.client.key))?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    expect((await t.gql(QUEUE, {}, finance.token)).data!.disputes.total).toBeGreaterThanOrEqual(0);
  });
});
