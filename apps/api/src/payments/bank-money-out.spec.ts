import Decimal from 'decimal.js';
import { randomBytes } from 'node:crypto';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import type { BankEntry, BankFileHeader } from '../bank-files/bank-entry';
import { CreditService } from '../credit/credit.service';
import { PaymentsService } from './payments.service';

/**
 * Money out and statements as the bank shows them (issue 14 s.1), on a database of its own (a
 * payout batch gathers everything due in its book): the batch's debit settles it, a returned
 * payout goes back to the next batch reversed, and a statement repeating the notifications is
 * reconciled, never booked again, with a difference shown.
 */
let t: TestApp;
let credit: CreditService;
let payments: PaymentsService;
let analyst: { token: string };
let admin: { token: string };
let preparer: { token: string };
let approver: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));
const NOK_ACCOUNT = '15031234562';

const PREPARE = `mutation($d: String) { preparePayoutBatch(book: NO, payoutDate: $d) { id state total lineCount version lines { invoiceId amount endToEndId state attempt } } }`;
const APPROVE = `mutation($id: ID!, $v: Int!) { approvePayoutBatch(id: $id, expectedVersion: $v) { state version } }`;
const EXPORT = `mutation($id: ID!) { exportPayoutBatch(id: $id) { sha256 } }`;
const SENT = `mutation($id: ID!) { markPayoutBatchSent(id: $id) { state } }`;

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  payments = t.app.get(PaymentsService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const a = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Fia Finans' });
  const b = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Bo Betalning' });
  preparer = { token: await t.signIn(a.email, a.password) };
  approver = { token: await t.signIn(b.email, b.password) };
});
afterAll(() => t?.close());

let count = 0;
async function bought(client: { key: string }) {
  count += 1;
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor(), [{ quantity: String(2 + count), unitPrice: '100' }]);
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  return invoice;
}

/** A batch sent to the bank and accepted by it (the pain.002 step is the payouts' own spec). */
async function acceptedBatch(day: string) {
  const client = await f.clientWithKey('NO');
  const invoices = [await bought(client), await bought(client)];
  const batch = (await t.gql(PREPARE, { d: day }, preparer.token)).data!.preparePayoutBatch;
  await t.gql(APPROVE, { id: batch.id, v: batch.version }, approver.token);
  await t.gql(EXPORT, { id: batch.id }, preparer.token);
  expect((await t.gql(SENT, { id: batch.id }, preparer.token)).data!.markPayoutBatchSent.state).toBe('SENT');
  await t.db.query(`UPDATE payout_batch SET state = 'ACCEPTED' WHERE id = $1`, [batch.id]);
  const [{ message_id }] = await t.db.query(`SELECT message_id FROM payout_batch WHERE id = $1`, [batch.id]);
  return { batch, invoices, messageId: message_id as string };
}

function entry(over: Partial<BankEntry> & Pick<BankEntry, 'amount' | 'direction'>): BankEntry {
  return {
    section: { accountId: NOK_ACCOUNT, currency: 'NOK', sectionIdentity: 'S-1' },
    entryKey: `OUT-${randomBytes(6).toString('hex')}`,
    currency: 'NOK',
    valueDate: '2099-12-30',
    place: '/Document/Ntry[1]',
    ...over,
  };
}

const run = (format: BankFileHeader['format'], entries: BankEntry[]) =>
  payments.importFile(
    {
      header: { format, version: format === 'CAMT_053' ? 'camt.053.001.08' : 'camt.054.001.08', fileIdentity: `F-${randomBytes(4).toString('hex')}` },
      entries: (async function* () {
        yield* entries;
      })(),
    },
    { source: 'API', fileName: 'out.xml' },
  );

async function postingsOf(bankEntryKey: string) {
  return t.db.query(
    `SELECT e.event, a.role, p.amount::text FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id
       JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
      WHERE e.cause_type = 'BANK_ENTRY' AND e.cause_id = (SELECT id FROM bank_entry WHERE entry_key = $1) ORDER BY p.id`,
    [bankEntryKey],
  );
}

it('the debit of a payout batch settles its lines and the batch; the same debit on the statement is not booked again', async () => {
  const { batch, messageId } = await acceptedBatch('2099-12-29');
  const debit = entry({ direction: 'DEBIT', amount: batch.total, paymentInformationId: messageId });
  await run('CAMT_054', [debit]);
  expect(await postingsOf(debit.entryKey)).toEqual([
    { event: 'PAYOUT_SETTLED', role: 'PAYOUTS_IN_TRANSIT', amount: batch.total },
    { event: 'PAYOUT_SETTLED', role: 'BANK', amount: new Decimal(batch.total).negated().toFixed(2) },
  ]);
  const [row] = await t.db.query(`SELECT state FROM payout_batch WHERE id = $1`, [batch.id]);
  expect(row.state).toBe('SETTLED');
  const lines = await t.db.query(`SELECT DISTINCT state FROM payout_line WHERE batch_id = $1`, [batch.id]);
  expect(lines).toEqual([{ state: 'SETTLED' }]);
  // The statement shows the same debit under another key: reconciled, no second entry.
  const again = entry({ direction: 'DEBIT', amount: batch.total, paymentInformationId: messageId });
  await run('CAMT_053', [again]);
  expect(await postingsOf(again.entryKey)).toEqual([]);
  const [seen] = await t.db.query(`SELECT state FROM bank_entry WHERE entry_key = $1`, [again.entryKey]);
  expect(seen.state).toBe('RECONCILED');
});

it('a payout the client\'s bank sends back is reversed and its invoice is due again in the next batch, the client told why', async () => {
  const { batch, messageId, invoices } = await acceptedBatch('2100-01-04');
  await run('CAMT_054', [entry({ direction: 'DEBIT', amount: batch.total, paymentInformationId: messageId })]);
  const line = batch.lines.find((l: { invoiceId: string }) => l.invoiceId === invoices[0].id);
  const back = entry({ direction: 'CREDIT', amount: line.amount, endToEndId: line.endToEndId, returnReason: 'AC04' });
  await run('CAMT_054', [back]);
  expect(await postingsOf(back.entryKey)).toEqual([
    { event: 'PAYOUT_RETURNED', role: 'BANK', amount: line.amount },
    { event: 'PAYOUT_RETURNED', role: 'CLIENT_PAYABLES', amount: new Decimal(line.amount).negated().toFixed(2) },
  ]);
  const [l] = await t.db.query(`SELECT state, rejection FROM payout_line WHERE end_to_end_id = $1`, [line.endToEndId]);
  expect(l).toMatchObject({ state: 'REJECTED', rejection: { code: 'AC04' } });
  const [event] = await t.db.query(`SELECT payload FROM outbox_event WHERE subject_id = $1 AND topic = 'invoice.payout_delayed' AND payload->>'reason' = 'PAYOUT_RETURNED_BY_BANK'`, [invoices[0].id]);
  expect(event.payload).toMatchObject({ reason: 'PAYOUT_RETURNED_BY_BANK', returnReason: 'AC04' });
  const next = (await t.gql(PREPARE, { d: '2100-01-05' }, approver.token)).data!.preparePayoutBatch;
  expect(next.lines.filter((x: { invoiceId: string }) => invoices.some((i) => i.id === x.invoiceId))).toEqual([expect.objectContaining({ invoiceId: invoices[0].id, attempt: 2 })]);
});

it('a statement that repeats the day\'s notifications books nothing again, and a difference is shown to finance', async () => {
  const notified = [entry({ direction: 'CREDIT', amount: '100.00', valueDate: '2099-11-02' }), entry({ direction: 'CREDIT', amount: '40.00', valueDate: '2099-11-02' })];
  await run('CAMT_054', notified);
  const statement = [
    entry({ direction: 'CREDIT', amount: '100.00', valueDate: '2099-11-02' }),
    entry({ direction: 'CREDIT', amount: '40.00', valueDate: '2099-11-02' }),
    entry({ direction: 'CREDIT', amount: '7.00', valueDate: '2099-11-02' }),
  ];
  const summary = await run('CAMT_053', statement);
  expect(summary).toMatchObject({ entriesNew: 3, entriesMatched: 0, entriesUnmatched: 0, amountIn: '0.00' });
  for (const s of statement) expect(await postingsOf(s.entryKey)).toEqual([]);
  const [difference] = await t.db.query(`SELECT account_id, value_date::text, statement_credits::text, notified_credits::text, difference::text FROM statement_difference WHERE import_id = $1`, [summary.id]);
  expect(difference).toEqual({ account_id: NOK_ACCOUNT, value_date: '2099-11-02', statement_credits: '147.00', notified_credits: '140.00', difference: '7.00' });
  const [{ reconciled }] = await t.db.query(`SELECT entries_reconciled AS reconciled FROM bank_import WHERE id = $1`, [summary.id]);
  expect(reconciled).toBe(3);
});
