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
const DAY = '2099-12-29'; // a Tuesday: New Year's Eve is no banking day in either country

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

describe('the bank files', () => {
  const EXPORT = `mutation($id: ID!) { exportPayoutBatch(id: $id) { fileName sha256 contentBase64 } }`;
  const SENT = `mutation($id: ID!) { markPayoutBatchSent(id: $id) { state } }`;
  const IMPORT = `mutation($c: String!) { importPaymentStatusReport(content: $c) { batchId state accepted rejected alreadyImported } }`;

  /** A pain.002 rejecting one payment by its end-to-end id (Nordea rejects at transaction level too). */
  const report = (originalMessageId: string, rejectedEndToEnd: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>STS-${rejectedEndToEnd}</MsgId><CreDtTm>2099-12-31T10:00:00</CreDtTm></GrpHdr>
    <OrgnlGrpInfAndSts><OrgnlMsgId>${originalMessageId}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>${originalMessageId}</OrgnlPmtInfId>
      <TxInfAndSts>
        <OrgnlEndToEndId>${rejectedEndToEnd}</OrgnlEndToEndId>
        <TxSts>RJCT</TxSts>
        <StsRsnInf><Rsn><Cd>AC01</Cd></Rsn><AddtlInf>Incorrect account number</AddtlInf></StsRsnInf>
      </TxInfAndSts>
    </OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt>
</Document>`;

  it('exports the approved batch once, books it when sent, and returns a payment the bank rejects to the next batch, reversed', async () => {
    const { xsdErrors } = await import('../../test-support/bank-files');
    const day = '2099-12-30';
    const client = await f.clientWithKey('NO');
    const invoices = [await bought(client), await bought(client)];
    const batch = (await t.gql(PREPARE, { d: day }, preparer.token)).data!.preparePayoutBatch;
    await t.gql(APPROVE, { id: batch.id, v: batch.version }, approver.token);

    const file = (await t.gql(EXPORT, { id: batch.id }, preparer.token)).data!.exportPayoutBatch;
    const xml = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(await xsdErrors(xml, 'pain.001.001.03')).toEqual([]);
    expect(xml).toContain(`<NbOfTxs>${batch.lineCount}</NbOfTxs>`);
    expect(xml).toContain(`<CtrlSum>${batch.total}</CtrlSum>`);
    expect((await t.gql(EXPORT, { id: batch.id }, approver.token)).data!.exportPayoutBatch).toEqual(file);

    expect((await t.gql(SENT, { id: batch.id }, preparer.token)).data!.markPayoutBatchSent.state).toBe('SENT');
    const paid = await t.db.query(`SELECT account, sum(amount)::text AS sum FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id WHERE e.event = 'PAYOUT' AND p.invoice_id = ANY($1) GROUP BY account ORDER BY account`, [invoices.map((i) => i.id)]);
    // The batch holds whatever else is due in the book too (this database's other tests): look at ours.
    const ours = batch.lines.filter((l: { invoiceId: string }) => invoices.some((i) => i.id === l.invoiceId));
    const oursTotal = ours.reduce((sum: number, l: { amount: string }) => sum + Math.round(Number(l.amount) * 100), 0) / 100;
    expect(paid).toEqual([{ account: '2421', sum: oursTotal.toFixed(2) }, { account: '2425', sum: (-oursTotal).toFixed(2) }]);

    const rejectedLine = batch.lines.find((l: { invoiceId: string }) => l.invoiceId === invoices[0].id);
    const status = report(xml.match(/<MsgId>([^<]+)<\/MsgId>/)![1], rejectedLine.endToEndId);
    expect((await t.gql(IMPORT, { c: status }, preparer.token)).data!.importPaymentStatusReport).toEqual({ batchId: batch.id, state: 'PARTLY_REJECTED', accepted: batch.lineCount - 1, rejected: 1, alreadyImported: false });
    expect((await t.gql(IMPORT, { c: status }, approver.token)).data!.importPaymentStatusReport).toMatchObject({ alreadyImported: true, rejected: 1 });
    const reversed = await t.db.query(`SELECT account, amount::text FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id WHERE e.event = 'PAYOUT_REJECTED' AND p.invoice_id = $1 ORDER BY account`, [invoices[0].id]);
    expect(reversed).toEqual([{ account: '2421', amount: `-${rejectedLine.amount}` }, { account: '2425', amount: rejectedLine.amount }]);

    // The rejected payout is due again, as a second attempt; the accepted one is never paid twice.
    const next = (await t.gql(PREPARE, { d: '2100-01-04' }, approver.token)).data!.preparePayoutBatch;
    const lines = next.lines.filter((l: { invoiceId: string }) => invoices.some((i) => i.id === l.invoiceId));
    expect(lines).toEqual([expect.objectContaining({ invoiceId: invoices[0].id, attempt: 2 })]);
  });

  it('refuses a report about a file we never sent, and one that is not a pain.002, changing nothing', async () => {
    expect(errorOf(await t.gql(IMPORT, { c: report('NOT-OURS-1', 'X-1') }, preparer.token))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BANK_FILE_UNKNOWN_BATCH', field: 'file' });
    expect(errorOf(await t.gql(IMPORT, { c: report('NOT-OURS-1', 'X-1').replace('<TxSts>RJCT</TxSts>', '<TxSts>NOPE</TxSts>') }, preparer.token))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BANK_FILE_INVALID' });
    expect(errorOf(await t.gql(IMPORT, { c: '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><x/></Document>' }, preparer.token))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('the bank\'s cut-off and the client\'s word (issue 12)', () => {
  const EXPORT = `mutation($id: ID!) { exportPayoutBatch(id: $id) { sha256 } }`;
  const SENT = `mutation($id: ID!) { markPayoutBatchSent(id: $id) { state } }`;
  const RECEIVED = `mutation($id: ID!, $on: String!) { confirmPayoutReceived(invoiceId: $id, receivedOn: $on) { amount setOff payoutDate sent receivedOn } }`;

  it('refuses a day whose payment-file cut-off has passed, and a file too late for its batch\'s day', async () => {
    expect(errorOf(await t.gql(PREPARE, { d: '2020-01-02' }, preparer.token))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAYOUT_DAY_TOO_LATE', field: 'payoutDate' });
    const client = await f.clientWithKey('NO');
    await bought(client);
    const batch = (await t.gql(PREPARE, { d: '2099-12-28' }, preparer.token)).data!.preparePayoutBatch;
    await t.gql(APPROVE, { id: batch.id, v: batch.version }, approver.token);
    // As if the batch had waited past its day's cut-off (the test's own connection may move the day).
    await t.db.query(`UPDATE payout_batch SET payout_date = '2020-01-02' WHERE id = $1`, [batch.id]);
    expect(errorOf(await t.gql(EXPORT, { id: batch.id }, preparer.token))).toMatchObject({ code: 'CONFLICT', reason: 'PAYOUT_BATCH_TOO_LATE' });
    expect(await t.db.query(`SELECT 1 FROM bank_file WHERE batch_id = $1`, [batch.id])).toEqual([]);
    await t.gql(CANCEL, { id: batch.id }, preparer.token);
  });

  it('prepares for the first day a file can still pay on when no day is given', async () => {
    const due = (await t.gql(`{ payoutsDue(book: NO) { payoutDate } }`, {}, preparer.token)).data!.payoutsDue;
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
    expect(due.payoutDate >= today).toBe(true);
  });

  it('lets the client say the day its payout arrived, once, on or after the payout day and not in the future', async () => {
    const client = await f.clientWithKey('NO');
    const invoice = await bought(client);
    const MY = `query($id: ID!) { myInvoice(invoiceId: $id) { payout { amount payoutDate sent receivedOn } } }`;
    expect((await t.gql(MY, { id: invoice.id }, client.key)).data!.myInvoice.payout).toBeNull();
    expect(errorOf(await t.gql(RECEIVED, { id: invoice.id, on: '2026-01-05' }, client.key))).toMatchObject({ code: 'CONFLICT', reason: 'PAYOUT_NOT_SENT' });

    const batch = (await t.gql(PREPARE, {}, preparer.token)).data!.preparePayoutBatch;
    await t.gql(APPROVE, { id: batch.id, v: batch.version }, approver.token);
    await t.gql(EXPORT, { id: batch.id }, preparer.token);
    await t.gql(SENT, { id: batch.id }, preparer.token);
    // The file may be for the next business day (after the cut-off): the money is taken to arrive today.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
    await t.db.query(`UPDATE payout_batch SET payout_date = $2 WHERE id = $1`, [batch.id, today]);

    const [{ payout }] = await t.db.query(`SELECT payout::text FROM invoice WHERE id = $1`, [invoice.id]);
    expect((await t.gql(MY, { id: invoice.id }, client.key)).data!.myInvoice.payout).toEqual({ amount: payout, payoutDate: today, sent: true, receivedOn: null });
    expect(errorOf(await t.gql(RECEIVED, { id: invoice.id, on: '2099-01-01' }, client.key))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAYOUT_RECEIPT_DAY_INVALID', field: 'receivedOn' });
    expect(errorOf(await t.gql(RECEIVED, { id: invoice.id, on: '2026-13-01' }, client.key))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedOn' });
    const other = await f.clientWithKey('NO');
    expect(errorOf(await t.gql(RECEIVED, { id: invoice.id, on: today }, other.key))).toMatchObject({ code: 'CONFLICT', reason: 'PAYOUT_NOT_SENT' });

    expect((await t.gql(RECEIVED, { id: invoice.id, on: today }, client.key)).data!.confirmPayoutReceived).toEqual({ amount: payout, setOff: '0.00', payoutDate: today, sent: true, receivedOn: today });
    expect((await t.gql(RECEIVED, { id: invoice.id, on: today }, client.key)).data!.confirmPayoutReceived.receivedOn).toBe(today);
    const lines = (await t.gql(`query($id: ID!) { payoutBatch(id: $id) { lines { invoiceId clientReceivedOn setOff } } }`, { id: batch.id }, approver.token)).data!.payoutBatch.lines;
    expect(lines).toContainEqual({ invoiceId: invoice.id, clientReceivedOn: today, setOff: '0.00' });
    const audited = await t.db.query(`SELECT outcome FROM audit_entry WHERE operation = 'confirmPayoutReceived' ORDER BY occurred_at`);
    expect(audited.length).toBeGreaterThanOrEqual(5);
  });
});
