import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';

/** The day's payouts with four eyes (issue 12, s.2), on a database of its own: a batch gathers everything due in its book. */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
let preparer: { id: string; token: string };
let approver: { id: string; token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));
const DAY = '2099-12-31';

const PREPARE = `mutation($d: String) { preparePayoutBatch(book: NO, payoutDate: $d) { id state total lineCount version lines { invoiceId amount reference endToEndId state attempt } } }`;
const APPROVE = `mutation($id: ID!, $v: Int!) { approvePayoutBatch(id: $id, expectedVersion: $v) { state approvedBy { id } version } }`;
const CANCEL = `mutation($id: ID!) { cancelPayoutBatch(id: $id, reason: "Wrong day") { state } }`;
const DUE = `query($d: String) { payoutsDue(book: NO, payoutDate: $d) { included { invoiceId } held { invoiceId holds { code en sv nb } } } }`;

async function bought(client: { key: string }) {
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  return invoice;
}

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const a = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Fia Finans' });
  const b = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Bo Betalning' });
  preparer = { id: a.id, token: await t.signIn(a.email, a.password) };
  approver = { id: b.id, token: await t.signIn(b.email, b.password) };
});
afterAll(() => t?.close());

it('gathers the due payouts, holds a blocked client\'s with the reason, and needs a second person to approve', async () => {
  const client = await f.clientWithKey('NO');
  const first = await bought(client);
  const second = await bought(client);
  const blocked = await f.clientWithKey('NO');
  const heldInvoice = await bought(blocked);
  await t.gql(`mutation($id: ID!) { blockClient(id: $id, reason: "Suspected fraud", blockReason: FRAUD_SUSPICION) { state } }`, { id: blocked.clientId }, analyst.token);

  const due = (await t.gql(DUE, { d: DAY }, preparer.token)).data!.payoutsDue;
  expect(due.held).toEqual([{ invoiceId: heldInvoice.id, holds: [expect.objectContaining({ code: 'PAYOUT_HELD_CLIENT_BLOCKED', sv: expect.any(String), nb: expect.any(String) })] }]);

  const batch = (await t.gql(PREPARE, { d: DAY }, preparer.token)).data!.preparePayoutBatch;
  expect(batch).toMatchObject({ state: 'PREPARED', lineCount: 2 });
  const [{ sum }] = await t.db.query(`SELECT sum(payout)::text AS sum FROM invoice WHERE id = ANY($1)`, [[first.id, second.id]]);
  expect(batch.total).toBe(sum);
  const [{ payment_reference }] = await t.db.query(`SELECT payment_reference FROM invoice WHERE id = $1`, [first.id]);
  expect(batch.lines).toContainEqual(expect.objectContaining({ invoiceId: first.id, reference: payment_reference, endToEndId: `${payment_reference}-1`, state: 'INCLUDED', attempt: 1 }));
  expect(errorOf(await t.gql(PREPARE, { d: DAY }, approver.token))).toMatchObject({ code: 'CONFLICT', reason: 'PAYOUT_BATCH_ALREADY_OPEN' });

  expect(errorOf(await t.gql(APPROVE, { id: batch.id, v: batch.version }, preparer.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'PAYOUT_BATCH_PREPARER_CANNOT_APPROVE' });
  expect(errorOf(await t.gql(APPROVE, { id: batch.id, v: batch.version + 1 }, approver.token))).toMatchObject({ code: 'CONFLICT', reason: 'PAYOUT_BATCH_CHANGED' });
  expect(errorOf(await t.gql(APPROVE, { id: batch.id, v: batch.version }, analyst.token))?.code).toBe('FORBIDDEN');
  const approved = (await t.gql(APPROVE, { id: batch.id, v: batch.version }, approver.token)).data!.approvePayoutBatch;
  expect(approved).toMatchObject({ state: 'APPROVED', approvedBy: { id: approver.id } });
  expect(errorOf(await t.gql(APPROVE, { id: batch.id, v: approved.version }, approver.token))).toMatchObject({ code: 'CONFLICT', reason: 'PAYOUT_BATCH_STATE_DOES_NOT_ALLOW' });

  // Cancelled before export: the same invoices are due again, as a second attempt with a new end-to-end id.
  expect((await t.gql(CANCEL, { id: batch.id }, preparer.token)).data!.cancelPayoutBatch.state).toBe('CANCELLED');
  const again = (await t.gql(PREPARE, { d: DAY }, approver.token)).data!.preparePayoutBatch;
  expect(again.lines.map((l: { attempt: number }) => l.attempt)).toEqual([2, 2]);
});

it('never pays an invoice twice, and never lets the preparer approve, whatever code writes to the database', async () => {
  const client = await f.clientWithKey('NO');
  const invoice = await bought(client);
  const [batch] = await t.db.query(`SELECT b.id, b.prepared_by FROM payout_batch b WHERE b.state = 'PREPARED' LIMIT 1`);
  const [line] = await t.db.query(`SELECT invoice_id, client_id, reference FROM payout_line WHERE batch_id = $1 AND state = 'INCLUDED' LIMIT 1`, [batch.id]);
  await expect(
    t.db.query(`INSERT INTO payout_line (batch_id, invoice_id, client_id, attempt, amount, reference, end_to_end_id, payee, state) VALUES ($1, $2, $3, 9, 1, $4, 'X-9', '{}', 'INCLUDED')`, [
      batch.id,
      line.invoice_id,
      line.client_id,
      line.reference,
    ]),
  ).rejects.toThrow(/payout_line_paid_once/);
  await expect(t.db.query(`UPDATE payout_batch SET state = 'APPROVED', approved_by = prepared_by WHERE id = $1`, [batch.id])).rejects.toThrow(/payout_batch_four_eyes/);
  await expect(t.db.query(`UPDATE payout_batch SET state = 'SENT' WHERE id = $1`, [batch.id])).rejects.toThrow(/may not go from PREPARED to SENT/);
  expect(invoice.id).toBeDefined();
});
