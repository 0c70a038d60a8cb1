import Decimal from 'decimal.js';
import { randomBytes } from 'node:crypto';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import type { BankEntry, BankFileHeader } from '../bank-files/bank-entry';
import { CreditService } from '../credit/credit.service';
import { ExposureCheck } from '../payments/exposure-check';
import { Ledger } from '../ledger/ledger.service';
import { PaymentsService } from '../payments/payments.service';
import { RecourseStanding } from '../recourse/recourse-standing';
import { Refunds } from './refunds';
import { creditedRecoursePostings } from '@factoring/rules';

/**
 * Money out beyond the invoices' payouts (issue 14 s.3, s.4), on a database of its own (a batch
 * gathers everything due in its book): refunds due are paid in payout batches like any payout,
 * with four eyes, in a valid pain.001, settled by the bank's debit or returned; what a client
 * owes the factor is set off against its next payout, once. After every scenario the exposure
 * agrees with the ledger.
 */
let t: TestApp;
let credit: CreditService;
let payments: PaymentsService;
let refunds: Refunds;
let analyst: { token: string };
let admin: { token: string };
let preparer: { token: string };
let approver: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));
const NOK_ACCOUNT = '15031234562';

const LINES = `lines { invoiceId refundId refundKind clientId amount setOff setOffs { source amount } endToEndId payee state attempt }`;
const PREPARE = `mutation($d: String) { preparePayoutBatch(book: NO, payoutDate: $d) { id state total lineCount version ${LINES} } }`;
const APPROVE = `mutation($id: ID!, $v: Int!) { approvePayoutBatch(id: $id, expectedVersion: $v) { state version } }`;
const CANCEL = `mutation($id: ID!) { cancelPayoutBatch(id: $id, reason: "Again") { state } }`;
const EXPORT = `mutation($id: ID!) { exportPayoutBatch(id: $id) { contentBase64 } }`;
const SENT = `mutation($id: ID!) { markPayoutBatchSent(id: $id) { state } }`;
const REFUND = `mutation($id: ID!, $amount: Decimal!, $v: Int!) { refundIncomingPayment(id: $id, amount: $amount, expectedVersion: $v) { id state } }`;

interface Line {
  invoiceId: string | null;
  refundId: string | null;
  refundKind: string | null;
  clientId: string | null;
  amount: string;
  setOff: string;
  setOffs: Array<{ source: string; amount: string }>;
  endToEndId: string;
  payee: Record<string, string>;
  state: string;
  attempt: number;
}

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  payments = t.app.get(PaymentsService);
  refunds = t.app.get(Refunds);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const a = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Fia Finans' });
  const b = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Bo Betalning' });
  preparer = { token: await t.signIn(a.email, a.password) };
  approver = { token: await t.signIn(b.email, b.password) };
});
afterAll(async () => {
  // The daily check after every scenario: exposure per debtor agrees with the open purchased receivables.
  if (t) expect(await t.app.get(ExposureCheck).run()).toMatchObject({ differenceCount: 0, differences: [] });
  await t?.close();
});

async function bought(client: { key: string; clientId: string }, quantity = '10') {
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor(), [{ quantity, unitPrice: '100' }]);
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  const [{ payout }] = await t.db.query(`SELECT payout::text FROM invoice WHERE id = $1`, [invoice.id]);
  return { ...invoice, clientId: client.clientId, payout: payout as string };
}

function entry(over: Partial<BankEntry> & Pick<BankEntry, 'amount' | 'direction'>): BankEntry {
  return {
    section: { accountId: NOK_ACCOUNT, currency: 'NOK', sectionIdentity: 'S-1' },
    entryKey: `R-${randomBytes(6).toString('hex')}`,
    currency: 'NOK',
    valueDate: '2026-11-20',
    place: '/Document/Ntry[1]',
    ...over,
  };
}

const run = (entries: BankEntry[], format: BankFileHeader['format'] = 'CAMT_054') =>
  payments.importFile(
    {
      header: { format, version: 'camt.054.001.08', fileIdentity: `F-${randomBytes(4).toString('hex')}` },
      entries: (async function* () {
        yield* entries;
      })(),
    },
    { source: 'API', fileName: 'in.xml' },
  );

async function postings(causeType: string, causeId: string, event?: string) {
  return t.db.query(
    `SELECT e.event, a.role, p.amount::text FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id
       JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
      WHERE e.cause_type = $1 AND e.cause_id = $2 AND ($3::text IS NULL OR e.event = $3) ORDER BY e.id, p.id`,
    [causeType, causeId, event ?? null],
  );
}

/** An unmatched payment of `amount` marked for refund by finance; returns the refund's row. */
async function debtorRefund(amount: string) {
  const e = entry({ direction: 'CREDIT', amount, payerName: 'Ola Nordmann', payerAccount: '12345678903' });
  await run([e]);
  const [{ id }] = await t.db.query(`SELECT id FROM bank_entry WHERE entry_key = $1`, [e.entryKey]);
  expect((await t.gql(REFUND, { id, amount, v: 1 }, preparer.token)).data!.refundIncomingPayment.state).toBe('REFUND');
  const [refund] = await t.db.query(`SELECT id, amount::text FROM payout_refund WHERE bank_entry_id = $1`, [id]);
  return refund as { id: string; amount: string };
}

async function sentBatch(day: string) {
  const batch = (await t.gql(PREPARE, { d: day }, preparer.token)).data!.preparePayoutBatch;
  const approved = (await t.gql(APPROVE, { id: batch.id, v: batch.version }, approver.token)).data!.approvePayoutBatch;
  expect(approved.state).toBe('APPROVED');
  const file = (await t.gql(EXPORT, { id: batch.id }, preparer.token)).data!.exportPayoutBatch;
  expect((await t.gql(SENT, { id: batch.id }, preparer.token)).data!.markPayoutBatchSent.state).toBe('SENT');
  const [{ message_id }] = await t.db.query(`SELECT message_id FROM payout_batch WHERE id = $1`, [batch.id]);
  return { batch, xml: Buffer.from(file.contentBase64, 'base64').toString('utf8'), messageId: message_id as string };
}

describe('refunds due, paid in payout batches', () => {
  it('a debtor refund goes in the next batch as a line of its own: four eyes, a valid pain.001, refunds due cleared when sent, settled by the bank debit', async () => {
    const { xsdErrors } = await import('../../test-support/bank-files');
    const refund = await debtorRefund('75.00');
    // Finance sees it where it prepares the batch: with the invoices due, to whom, since when, not held.
    const due = (await t.gql(`query { payoutsDue(book: NO, payoutDate: "2099-12-29") { refunds { refundId kind payeeName amount recordedOn held holds { code } } } }`, {}, preparer.token)).data!.payoutsDue;
    expect(due.refunds.find((r: { refundId: string }) => r.refundId === refund.id)).toMatchObject({ kind: 'DEBTOR_REFUND', payeeName: 'Ola Nordmann', amount: '75.00', held: false, holds: [] });
    const prepared = (await t.gql(PREPARE, { d: '2099-12-29' }, preparer.token)).data!.preparePayoutBatch;
    const line = prepared.lines.find((l: Line) => l.refundId === refund.id) as Line;
    expect(line).toMatchObject({ invoiceId: null, refundKind: 'DEBTOR_REFUND', amount: '75.00', attempt: 1, state: 'INCLUDED', payee: { kind: 'NO_BANK_ACCOUNT', value: '12345678903', name: 'Ola Nordmann' } });
    expect(line.endToEndId.length).toBeLessThanOrEqual(35);
    expect(prepared.total).toBe(prepared.lines.reduce((s: Decimal, l: Line) => s.plus(l.amount), new Decimal(0)).toFixed(2));
    // Four eyes as for any batch.
    expect(errorOf(await t.gql(APPROVE, { id: prepared.id, v: prepared.version }, preparer.token))).toMatchObject({ code: 'FORBIDDEN' });
    await t.gql(CANCEL, { id: prepared.id }, preparer.token);

    const { batch, xml, messageId } = await sentBatch('2099-12-29');
    const again = batch.lines.find((l: Line) => l.refundId === refund.id) as Line;
    expect(again.attempt).toBe(2);
    expect(await xsdErrors(xml, 'pain.001.001.03')).toEqual([]);
    expect(xml).toContain(`<EndToEndId>${again.endToEndId}</EndToEndId>`);
    expect(xml).toContain('<Id>12345678903</Id>');
    expect(await postings('PAYOUT_REFUND', refund.id)).toEqual([
      { event: 'REFUND_PAID', role: 'REFUNDS_DUE', amount: '75.00' },
      { event: 'REFUND_PAID', role: 'PAYOUTS_IN_TRANSIT', amount: '-75.00' },
    ]);
    // Refunds due is back to zero for this refund: marked 75.00, paid 75.00.
    const [{ id: entryId }] = await t.db.query(`SELECT bank_entry_id AS id FROM payout_refund WHERE id = $1`, [refund.id]);
    expect((await postings('BANK_ENTRY', entryId, 'REFUND_MARKED')).find((p: { role: string }) => p.role === 'REFUNDS_DUE').amount).toBe('-75.00');

    await t.db.query(`UPDATE payout_batch SET state = 'ACCEPTED' WHERE id = $1`, [batch.id]);
    const debit = entry({ direction: 'DEBIT', amount: batch.total, paymentInformationId: messageId });
    await run([debit]);
    expect(await t.db.query(`SELECT DISTINCT state FROM payout_line WHERE batch_id = $1 AND state <> 'CANCELLED'`, [batch.id])).toEqual([{ state: 'SETTLED' }]);
    const [{ state }] = await t.db.query(`SELECT state FROM payout_batch WHERE id = $1`, [batch.id]);
    expect(state).toBe('SETTLED');
    // Paid once: not in the next batch.
    expect(await refundsUnpaid()).not.toContain(refund.id);
  });

  it('a refund the payee\'s bank sends back is owed again (back in the bank) and goes in the next batch as a second attempt', async () => {
    const refund = await debtorRefund('12.50');
    const { batch, messageId } = await sentBatch('2100-01-04');
    await t.db.query(`UPDATE payout_batch SET state = 'ACCEPTED' WHERE id = $1`, [batch.id]);
    await run([entry({ direction: 'DEBIT', amount: batch.total, paymentInformationId: messageId })]);
    const line = batch.lines.find((l: Line) => l.refundId === refund.id) as Line;
    const back = entry({ direction: 'CREDIT', amount: '12.50', endToEndId: line.endToEndId, returnReason: 'AC04' });
    await run([back]);
    const [{ id: backId }] = await t.db.query(`SELECT id FROM bank_entry WHERE entry_key = $1`, [back.entryKey]);
    expect(await postings('BANK_ENTRY', backId)).toEqual([
      { event: 'PAYOUT_RETURNED', role: 'BANK', amount: '12.50' },
      { event: 'PAYOUT_RETURNED', role: 'REFUNDS_DUE', amount: '-12.50' },
    ]);
    expect(await refundsUnpaid()).toContain(refund.id);
    const next = (await t.gql(PREPARE, { d: '2100-01-05' }, preparer.token)).data!.preparePayoutBatch;
    expect(next.lines.find((l: Line) => l.refundId === refund.id)).toMatchObject({ attempt: 2, amount: '12.50' });
    await t.gql(CANCEL, { id: next.id }, preparer.token);
  });

  it('a refund the bank rejects in its status report (pain.002) is owed again and due in the next batch', async () => {
    const refund = await debtorRefund('33.00');
    const { batch, xml } = await sentBatch('2100-01-12');
    const line = batch.lines.find((l: Line) => l.refundId === refund.id) as Line;
    const msgId = xml.match(/<MsgId>([^<]+)<\/MsgId>/)![1];
    const report = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>STS-${line.endToEndId}</MsgId><CreDtTm>2100-01-12T10:00:00</CreDtTm></GrpHdr>
    <OrgnlGrpInfAndSts><OrgnlMsgId>${msgId}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>${msgId}</OrgnlPmtInfId>
      <TxInfAndSts><OrgnlEndToEndId>${line.endToEndId}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC01</Cd></Rsn></StsRsnInf></TxInfAndSts>
    </OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt>
</Document>`;
    const IMPORT = `mutation($c: String!) { importPaymentStatusReport(content: $c) { state accepted rejected } }`;
    const imported = (await t.gql(IMPORT, { c: report }, preparer.token)).data!.importPaymentStatusReport;
    expect(imported).toMatchObject({ rejected: 1 });
    expect(await postings('PAYOUT_REFUND', refund.id, 'REFUND_REJECTED')).toEqual([
      { event: 'REFUND_REJECTED', role: 'REFUNDS_DUE', amount: '-33.00' },
      { event: 'REFUND_REJECTED', role: 'PAYOUTS_IN_TRANSIT', amount: '33.00' },
    ]);
    expect(await refundsUnpaid()).toContain(refund.id);
  });

  it('a client repayment is recorded once per cause and paid to the client\'s payout account, clearing what is owed to the client', async () => {
    const client = await f.clientWithKey('NO');
    const cause = `test:${randomBytes(4).toString('hex')}`;
    const input = { kind: 'CLIENT_REPAYMENT' as const, clientId: client.clientId, amount: '40.00', currency: 'NOK' as const, country: 'NO' as const, cause, reference: 'Repayment' };
    const first = await t.db.transaction((tx) => refunds.due(tx, input));
    const second = await t.db.transaction((tx) => refunds.due(tx, input));
    expect(second).toEqual({ id: first.id, created: false });
    await expect(t.db.transaction((tx) => refunds.due(tx, { ...input, amount: '41.00' }))).rejects.toMatchObject({ code: 'REFUND_CAUSE_TAKEN' });
    await expect(t.db.transaction((tx) => refunds.due(tx, { ...input, cause: `${cause}-x`, amount: '1.001' }))).rejects.toThrow(/whole öre/);
    const { batch, xml } = await sentBatch('2100-01-06');
    const line = batch.lines.find((l: Line) => l.refundId === first.id) as Line;
    const [{ payout_account }] = await t.db.query(`SELECT payout_account FROM client_agreement WHERE client_id = $1 ORDER BY version DESC LIMIT 1`, [client.clientId]);
    expect(line).toMatchObject({ refundKind: 'CLIENT_REPAYMENT', clientId: client.clientId, amount: '40.00', payee: expect.objectContaining({ kind: payout_account.kind, value: payout_account.value }) });
    expect(xml).toContain(`<EndToEndId>${line.endToEndId}</EndToEndId>`);
    expect(await postings('PAYOUT_REFUND', first.id)).toEqual([
      { event: 'REFUND_PAID', role: 'CLIENT_PAYABLES', amount: '40.00' },
      { event: 'REFUND_PAID', role: 'PAYOUTS_IN_TRANSIT', amount: '-40.00' },
    ]);
  });
});

describe('set-off against the client\'s next payout', () => {
  it('money a debtor paid the client directly is set off against its next payout, booked once, shown on the line and to the client', async () => {
    const client = await f.clientWithKey('NO');
    const a = await bought(client);
    const b = await bought(client);
    const REPORT = `mutation($i: ID!, $a: Decimal!, $d: String!) { reportPaidToClient(invoiceId: $i, amount: $a, paidOn: $d) { id status } }`;
    const reported = await t.gql(REPORT, { i: a.id, a: '300.00', d: '2026-11-20' }, client.key);
    expect(reported.errors).toBeUndefined();
    const batch = (await t.gql(PREPARE, { d: '2100-01-07' }, preparer.token)).data!.preparePayoutBatch;
    const ours = batch.lines.filter((l: Line) => l.invoiceId === a.id || l.invoiceId === b.id) as Line[];
    const setOffLine = ours.find((l) => l.setOff !== '0.00')!;
    expect(setOffLine.setOff).toBe('300.00');
    expect(setOffLine.setOffs).toEqual([{ source: 'PAID_TO_CLIENT', amount: '300.00' }]);
    const payoutOf = setOffLine.invoiceId === a.id ? a.payout : b.payout;
    expect(setOffLine.amount).toBe(new Decimal(payoutOf).minus(300).toFixed(2));
    const [setOff] = await t.db.query(`SELECT id FROM payout_set_off WHERE payout_invoice_id = $1`, [setOffLine.invoiceId]);
    expect(await postings('PAYOUT_SET_OFF', setOff.id)).toEqual([
      { event: 'PAYOUT_SET_OFF', role: 'CLIENT_PAYABLES', amount: '300.00' },
      { event: 'PAYOUT_SET_OFF', role: 'RECOURSE_RECEIVABLES', amount: '-300.00' },
    ]);
    const [event] = await t.db.query(`SELECT payload FROM outbox_event WHERE topic = 'invoice.payout_set_off' AND subject_id = $1`, [setOffLine.invoiceId]);
    expect(event.payload).toMatchObject({ amount: '300.00', currency: 'NOK', setOffAgainst: 'PAID_TO_CLIENT' });
    const mine = (await t.gql(`query($id: ID!) { myInvoice(invoiceId: $id) { payout { amount setOff } timeline { step amount } } }`, { id: setOffLine.invoiceId }, client.key)).data?.myInvoice;
    expect(mine?.payout).toEqual({ amount: setOffLine.amount, setOff: '300.00' });
    expect(mine?.timeline ?? []).toContainEqual(expect.objectContaining({ step: 'PAYOUT_SET_OFF', amount: '300.00' }));

    // Prepared again after a cancel: the debt was settled once; the line shows it, nothing is set off twice.
    await t.gql(CANCEL, { id: batch.id }, preparer.token);
    const again = (await t.gql(PREPARE, { d: '2100-01-07' }, preparer.token)).data!.preparePayoutBatch;
    expect(again.lines.find((l: Line) => l.invoiceId === setOffLine.invoiceId)).toMatchObject({ setOff: '300.00', amount: setOffLine.amount, attempt: 2 });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM payout_set_off WHERE payout_invoice_id = ANY($1)`, [[a.id, b.id]])).toEqual([{ n: 1 }]);
    await t.gql(CANCEL, { id: again.id }, preparer.token);
  });

  it('an overdue recourse invoice is set off against the next payout and is paid; one not yet due is not', async () => {
    const client = await f.clientWithKey('NO');
    const a = await bought(client, '20');
    const overdue = await recourseInvoice(a, '150.00', '2026-10-01', '2026-10-11');
    const notDue = await recourseInvoice(a, '80.00', '2026-11-25', '2099-01-01');
    const batch = (await t.gql(PREPARE, { d: '2100-01-11' }, preparer.token)).data!.preparePayoutBatch;
    const line = batch.lines.find((l: Line) => l.invoiceId === a.id) as Line;
    expect(line).toMatchObject({ setOff: '150.00', amount: new Decimal(a.payout).minus(150).toFixed(2), setOffs: [{ source: 'RECOURSE_INVOICE', amount: '150.00' }] });
    expect(await t.db.query(`SELECT status, paid_amount::text FROM recourse_invoice WHERE id = ANY($1) ORDER BY amount DESC`, [[overdue, notDue]])).toEqual([
      { status: 'PAID', paid_amount: '150.00' },
      { status: 'OPEN', paid_amount: '0.00' },
    ]);
    await t.gql(CANCEL, { id: batch.id }, preparer.token);
  });

  it('a client blocked only for its late recourse invoice is paid out with the overdue amount set off, and the block is lifted then; a fraud block holds the payout', async () => {
    const standing = t.app.get(RecourseStanding);
    const today = new Date().toISOString().slice(0, 10);
    const block = (clientId: string) => t.db.transaction(async (tx) => standing.blockIfLate(tx, await standing.lockClient(tx, clientId), today));
    const late = await f.clientWithKey('NO');
    const a = await bought(late, '20');
    const overdue = await recourseInvoice(a, '120.00', '2026-10-01', '2026-10-11');
    expect(await block(late.clientId)).toBe(true);
    const fraud = await f.clientWithKey('NO');
    const b = await bought(fraud, '20');
    await recourseInvoice(b, '90.00', '2026-10-01', '2026-10-11');
    expect(await block(fraud.clientId)).toBe(true);
    const flagged = await t.gql(`mutation($id: ID!) { blockClient(id: $id, blockReason: FRAUD_SUSPICION, reason: "Invoices to a company that does not exist") { state } }`, { id: fraud.clientId }, analyst.token);
    expect(errorOf(flagged)).toBeUndefined();

    const batch = (await t.gql(PREPARE, { d: '2100-01-12' }, preparer.token)).data!.preparePayoutBatch;
    expect(batch.lines.find((l: Line) => l.invoiceId === a.id)).toMatchObject({ setOff: '120.00', amount: new Decimal(a.payout).minus(120).toFixed(2) });
    expect(batch.lines.find((l: Line) => l.invoiceId === b.id)).toBeUndefined();
    expect(await t.db.query(`SELECT status FROM recourse_invoice WHERE id = $1`, [overdue])).toEqual([{ status: 'PAID' }]);
    expect(await t.db.query(`SELECT state, block_reasons FROM client WHERE id = $1`, [late.clientId])).toEqual([{ state: 'ACTIVE', block_reasons: [] }]);
    expect(await t.db.query(`SELECT state, block_reasons FROM client WHERE id = $1`, [fraud.clientId])).toEqual([{ state: 'BLOCKED', block_reasons: ['FRAUD_SUSPICION', 'OVERDUE_RECOURSE_INVOICE'] }]);
    await t.gql(CANCEL, { id: batch.id }, preparer.token);
  });
});

async function refundsUnpaid(): Promise<string[]> {
  return t.db.transaction(async (tx) => (await refunds.unpaid(tx, 'NO')).map((r) => r.refund_id));
}

/** A recourse invoice of the client's (a credit note after payout: the client owes it), issued and due on the days given. */
async function recourseInvoice(invoice: { id: string; clientId: string }, amount: string, issued: string, due: string): Promise<string> {
  const ledger = t.app.get(Ledger);
  return t.db.transaction(async (tx) => {
    const [row] = await tx.query(
      `INSERT INTO recourse_invoice (invoice_id, client_id, cause, country, currency, amount, issue_date, due_date, reference, status)
       VALUES ($1, $2, 'CREDIT_NOTE', 'NO', 'NOK', $3, $4, $5, $6, 'OPEN') RETURNING id`,
      [invoice.id, invoice.clientId, amount, issued, due, `R${randomBytes(5).toString('hex')}`],
    );
    await ledger.post(tx, {
      book: 'NO',
      date: issued,
      causeType: 'RECOURSE_INVOICE',
      causeId: row.id,
      event: 'RECOURSE_INVOICE',
      description: 'Recourse invoice (test)',
      lines: creditedRecoursePostings(amount).map((l) => ({ ...l, clientId: invoice.clientId, invoiceId: invoice.id })),
    });
    return row.id as string;
  });
}
