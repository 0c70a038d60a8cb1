import { allowedClientStateChanges, allowedStatusChanges } from '@factoring/domain';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { ACCEPT, day, invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';
import { CreditService } from '../credit/credit.service';

/**
 * The invoice's life through its one door (issue 9): the database holds the lifecycle's
 * table, and the defects found when selling and deciding were tried as a client would.
 */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const status = async (id: string) => (await t.db.query(`SELECT status FROM invoice WHERE id = $1`, [id]))[0].status as string;
const submit = (key: string, input: unknown, idempotencyKey?: string) => t.gql(SUBMIT_INVOICE, { input, key: idempotencyKey }, key);
const CREDIT = `mutation($id: ID!, $n: String!, $a: Decimal!) { creditInvoice(invoiceId: $id, creditNumber: $n, amount: $a) { id } }`;
const APPROVE = `mutation($id: ID!) { approveCreditReview(id: $id) { state outcome } }`;
const BLOCK = `mutation($id: ID!, $why: String!, $r: ClientBlockReason) { blockClient(id: $id, reason: $why, blockReason: $r) { state blockReasons } }`;
const UNBLOCK = `mutation($id: ID!, $why: String!, $r: ClientBlockReason) { unblockClient(id: $id, reason: $why, blockReason: $r) { state blockReasons } }`;

beforeAll(async () => {
  t = await startTestApp();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
});
afterAll(() => t?.close());

describe('the database holds the lifecycle', () => {
  it('keeps exactly the state machine\'s status changes in invoice_status_transition', async () => {
    const rows: Array<{ from_status: string | null; to_status: string }> = await t.db.query(`SELECT from_status, to_status FROM invoice_status_transition`);
    const inDatabase = rows.map((r) => `${r.from_status}>${r.to_status}`).sort();
    expect(inDatabase).toEqual(allowedStatusChanges().map((p) => `${p.from}>${p.to}`).sort());
  });

  it('keeps the client state machine\'s changes in client_state_transition, and refuses any other', async () => {
    const rows: Array<{ from_state: string | null; to_state: string }> = await t.db.query(`SELECT from_state, to_state FROM client_state_transition`);
    expect(rows.map((r) => `${r.from_state}>${r.to_state}`).sort()).toEqual(allowedClientStateChanges().map((p) => `${p.from}>${p.to}`).sort());
    const client = await f.clientWithKey('NO');
    await expect(t.db.query(`UPDATE client SET state = 'APPLIED' WHERE id = $1`, [client.clientId])).rejects.toThrow(/may not go from ACTIVE to APPLIED/);
  });

  it('refuses a status change the lifecycle does not allow, from any code path', async () => {
    const client = await f.clientWithKey('NO');
    const offered = (await submit(client.key, invoiceInput('NO'))).data!.submitInvoice;
    await expect(t.db.query(`UPDATE invoice SET status = 'PURCHASED' WHERE id = $1`, [offered.id])).rejects.toThrow(/may not go from OFFERED to PURCHASED/);
    await expect(t.db.query(`UPDATE invoice SET status = 'FULLY_PAID' WHERE id = $1`, [offered.id])).rejects.toThrow(/may not go/);
    expect(await status(offered.id)).toBe('OFFERED');
  });
});

describe('a refused, declined or expired invoice can be corrected and sold (defect a)', () => {
  it('takes a corrected resubmission after a refusal as a new attempt linked to the first, both on the timeline', async () => {
    const client = await f.clientWithKey('NO');
    const wrong = invoiceInput('NO', { dueDate: day(120) });
    const refused = (await submit(client.key, wrong, 'attempt-key-1')).data!.submitInvoice;
    expect(await status(refused.id)).toBe('REFUSED');
    // The same content with the same key is the same answer; the same key with other content is a CONFLICT.
    expect((await submit(client.key, wrong, 'attempt-key-1')).data!.submitInvoice.id).toBe(refused.id);
    const corrected = { ...wrong, dueDate: day(28) };
    expect(errorOf(await submit(client.key, corrected, 'attempt-key-1'))).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_ALREADY_SUBMITTED' });
    const second = (await submit(client.key, corrected, 'attempt-key-2')).data!.submitInvoice;
    expect(second.id).not.toBe(refused.id);
    expect(second.status).toBe('OFFERED');
    const [link] = await t.db.query(`SELECT previous_attempt_id FROM invoice WHERE id = $1`, [second.id]);
    expect(link.previous_attempt_id).toBe(refused.id);
    const steps = await t.db.query(`SELECT details->>'event' AS event FROM timeline_event WHERE entity_id = $1 ORDER BY id`, [refused.id]);
    expect(steps.map((s: { event: string }) => s.event)).toEqual(['REFUSED_BY_RULES', 'SUBMITTED_AGAIN']);
    // The retry of the corrected one is idempotent, and a third version while it is live is a CONFLICT.
    expect((await submit(client.key, corrected, 'attempt-key-2')).data!.submitInvoice.id).toBe(second.id);
    expect(errorOf(await submit(client.key, { ...corrected, dueDate: day(29) }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('gives a declined or expired offer a fresh offer on the same content', async () => {
    const client = await f.clientWithKey('NO');
    const input = invoiceInput('NO');
    const first = (await submit(client.key, input)).data!.submitInvoice;
    await t.gql(`mutation($id: ID!) { declineOffer(invoiceId: $id) { id } }`, { id: first.id }, client.key);
    const again = (await submit(client.key, input)).data!.submitInvoice;
    expect(again.id).not.toBe(first.id);
    expect(again.status).toBe('OFFERED');
    await t.db.query(`UPDATE invoice SET offer_expires_at = now() - interval '1 minute' WHERE id = $1`, [again.id]);
    expect(errorOf(await t.gql(ACCEPT, { id: again.id }, client.key))).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_EXPIRED' });
    const third = (await submit(client.key, input)).data!.submitInvoice;
    expect(third.status).toBe('OFFERED');
    expect(third.id).not.toBe(again.id);
  });

  it('never sells again what the credit decision denied, nor what was bought', async () => {
    const client = await f.clientWithKey('NO');
    const debtor = f.norwegianDebtor();
    const bought = await f.accepted(client.key, 'NO', debtor);
    await f.setLimit(bought.debtorId, '1000000');
    expect(await credit.decide(bought.id)).toBe('APPROVE');
    const [{ invoice_number }] = await t.db.query(`SELECT invoice_number FROM invoice WHERE id = $1`, [bought.id]);
    const resold = invoiceInput('NO', { invoiceNumber: invoice_number });
    expect(errorOf(await submit(client.key, resold))).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_ALREADY_SUBMITTED' });

    const denied = await f.accepted(client.key, 'NO', f.norwegianDebtor());
    await f.setLimit(denied.debtorId, '0');
    expect(await credit.decide(denied.id)).toBe('DENY');
    const [{ invoice_number: deniedNumber }] = await t.db.query(`SELECT invoice_number FROM invoice WHERE id = $1`, [denied.id]);
    expect(errorOf(await submit(client.key, invoiceInput('NO', { invoiceNumber: deniedNumber })))).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('blocking a client stops what is in flight (defect b)', () => {
  it('withdraws open offers, denies what waits for a decision, refuses acceptance; lifting one block keeps the other', async () => {
    const client = await f.clientWithKey('NO');
    const offered = (await submit(client.key, invoiceInput('NO'))).data!.submitInvoice;
    const waiting = await f.accepted(client.key, 'NO', f.norwegianDebtor());
    const queued = (await submit(client.key, invoiceInput('NO'))).data!.submitInvoice;

    expect((await t.gql(BLOCK, { id: client.clientId, why: 'Suspected fraud', r: 'FRAUD_SUSPICION' }, analyst.token)).data!.blockClient).toEqual({ state: 'BLOCKED', blockReasons: ['FRAUD_SUSPICION'] });
    expect(await status(offered.id)).toBe('WITHDRAWN');
    expect(await status(queued.id)).toBe('WITHDRAWN');
    expect(await status(waiting.id)).toBe('DENIED');
    const [event] = await t.db.query(`SELECT topic, payload FROM outbox_event WHERE subject_id = $1 ORDER BY id DESC LIMIT 1`, [offered.id]);
    expect(event).toMatchObject({ topic: 'invoice.withdrawn', payload: { status: 'WITHDRAWN' } });
    const [told] = await t.db.query(`SELECT payload FROM outbox_event WHERE subject_id = $1 AND topic = 'client.state_changed' ORDER BY id DESC LIMIT 1`, [client.clientId]);
    expect(told.payload).toEqual({ state: 'BLOCKED', canSellInvoices: false });
    // The queued decision job finds nothing to buy.
    expect(await credit.decide(waiting.id)).toBe('ALREADY_DECIDED');
    expect(errorOf(await t.gql(ACCEPT, { id: queued.id }, client.key))?.code).toBe('CONFLICT');

    await t.gql(BLOCK, { id: client.clientId, why: 'Recourse invoice overdue', r: 'OVERDUE_RECOURSE_INVOICE' }, analyst.token);
    const lifted = (await t.gql(UNBLOCK, { id: client.clientId, why: 'Recourse invoice paid', r: 'OVERDUE_RECOURSE_INVOICE' }, analyst.token)).data!.unblockClient;
    expect(lifted).toEqual({ state: 'BLOCKED', blockReasons: ['FRAUD_SUSPICION'] });
    expect((await t.gql(UNBLOCK, { id: client.clientId, why: 'Cleared' }, analyst.token)).data!.unblockClient.state).toBe('ACTIVE');
    // The withdrawn offer may be submitted again once the client sells again.
    const [{ invoice_number }] = await t.db.query(`SELECT invoice_number FROM invoice WHERE id = $1`, [offered.id]);
    expect((await submit(client.key, invoiceInput('NO', { invoiceNumber: invoice_number }))).data!.submitInvoice.status).toBe('OFFERED');
  });

  it('denies at decision time an invoice accepted before a block that committed after it (CLIENT_BLOCKED)', async () => {
    const client = await f.clientWithKey('NO');
    const waiting = await f.accepted(client.key, 'NO', f.norwegianDebtor());
    // A block that went around stopInFlight (as a later recourse block might): the decision itself re-checks.
    await t.db.query(`UPDATE client SET state = 'BLOCKED', block_reasons = '{OTHER}', version = version + 1 WHERE id = $1`, [client.clientId]);
    expect(await credit.decide(waiting.id)).toBe('DENY');
    const [decision] = await t.db.query(`SELECT kind, reasons FROM credit_decision WHERE invoice_id = $1`, [waiting.id]);
    expect(decision).toMatchObject({ kind: 'SYSTEM', reasons: [{ code: 'CLIENT_BLOCKED' }] });
  });
});

describe('credit notes and exposure (defects e and f)', () => {
  it('never buys an invoice credited in full during its review; the review closes and approval is a CONFLICT', async () => {
    const client = await f.clientWithKey('NO');
    const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor(), [{ quantity: '1', unitPrice: '40000' }]);
    await f.setLimit(invoice.debtorId, '1000000');
    await t.db.query(`UPDATE debtor SET kind = 'PERSON' WHERE id = $1`, [invoice.debtorId]);
    expect(await credit.decide(invoice.id)).toBe('MANUAL_ASSESSMENT');
    const [{ id: reviewId }] = await t.db.query(`SELECT id FROM credit_review WHERE invoice_id = $1 AND state <> 'CLOSED'`, [invoice.id]);
    expect((await t.gql(CREDIT, { id: invoice.id, n: 'K-1', a: '50000.00' }, client.key)).errors).toBeUndefined();
    expect(await status(invoice.id)).toBe('CREDITED');
    expect(errorOf(await t.gql(APPROVE, { id: reviewId }, analyst.token))).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_REVIEW_CLOSED' });
    const [debtor] = await t.db.query(`SELECT exposure::text FROM debtor WHERE id = $1`, [invoice.debtorId]);
    expect(debtor.exposure).toBe('0.00');
  });

  it('buys only what is left after a partial credit, and lowers the payout', async () => {
    const client = await f.clientWithKey('NO');
    const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
    await f.setLimit(invoice.debtorId, '1000000');
    const [before] = await t.db.query(`SELECT payable::text, payout::text FROM invoice WHERE id = $1`, [invoice.id]);
    await t.gql(CREDIT, { id: invoice.id, n: 'K-1', a: '250.00' }, client.key);
    expect(await credit.decide(invoice.id)).toBe('APPROVE');
    const [after] = await t.db.query(`SELECT exposure::text, payout::text FROM invoice WHERE id = $1`, [invoice.id]);
    expect(after.exposure).toBe((Number(before.payable) - 250).toFixed(2));
    expect(after.payout).toBe((Number(before.payout) - 250).toFixed(2));
  });

  it('releases exposure on a credit note so a full limit is usable again', async () => {
    const client = await f.clientWithKey('NO');
    const debtor = f.norwegianDebtor();
    // Amounts differ, or the second would be a suspected twin of the first.
    const first = await f.accepted(client.key, 'NO', debtor, [{ quantity: '12', unitPrice: '100' }]);
    const [{ payable }] = await t.db.query(`SELECT payable::text FROM invoice WHERE id = $1`, [first.id]);
    await f.setLimit(first.debtorId, payable);
    expect(await credit.decide(first.id)).toBe('APPROVE');
    const second = await f.accepted(client.key, 'NO', debtor, [{ quantity: '11', unitPrice: '100' }]);
    expect(await credit.decide(second.id)).not.toBe('APPROVE');

    const third = await f.accepted(client.key, 'NO', debtor, [{ quantity: '10', unitPrice: '100' }]);
    await t.gql(CREDIT, { id: first.id, n: 'K-9', a: payable }, client.key);
    const [row] = await t.db.query(`SELECT exposure::text FROM debtor WHERE id = $1`, [first.debtorId]);
    expect(row.exposure).toBe('0.00');
    // Released once: crediting again by the same number changes nothing, and the limit holds the next one.
    await t.gql(CREDIT, { id: first.id, n: 'K-9', a: payable }, client.key);
    expect(await credit.decide(third.id)).toBe('APPROVE');
  });
});

describe('a credit decision that keeps failing (defect g)', () => {
  it('goes to a person with the reason instead of staying "processing" for ever; running it twice changes nothing', async () => {
    const client = await f.clientWithKey('NO');
    const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
    expect(await credit.sendToPersonAfterFailure(invoice.id, 'connection reset')).toBe(true);
    expect(await credit.sendToPersonAfterFailure(invoice.id, 'connection reset')).toBe(false);
    expect(await status(invoice.id)).toBe('MANUAL_ASSESSMENT');
    const reviews = await t.db.query(`SELECT kind, state FROM credit_review WHERE invoice_id = $1`, [invoice.id]);
    expect(reviews).toEqual([{ kind: 'MANUAL_ASSESSMENT', state: 'OPEN' }]);
    const [decision] = await t.db.query(`SELECT kind, outcome, reasons FROM credit_decision WHERE invoice_id = $1`, [invoice.id]);
    expect(decision).toMatchObject({ kind: 'SYSTEM', outcome: 'MANUAL_ASSESSMENT', reasons: [{ code: 'CREDIT_DECISION_FAILED' }] });
  });
});
