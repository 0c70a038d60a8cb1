import Decimal from 'decimal.js';
import { randomBytes } from 'node:crypto';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';
import type { BankEntry, BankFileHeader } from '../bank-files/bank-entry';
import { BankFileError, BankFileErrorCode } from '../bank-files/bank-file-errors';
import { OperationAccessRegistry } from '../auth/operation-access.registry';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';

/** Money in (issue 14 s.1-3) against real PostgreSQL: import, de-duplication, matching, booking, exposure, fully paid, the queue. */
let t: TestApp;
let credit: CreditService;
let payments: PaymentsService;
let repository: PaymentsRepository;
let analyst: { token: string };
let admin: { token: string };
let fia: { token: string };
let filip: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const NOK_ACCOUNT = '15031234562';
const HEADER: BankFileHeader = { format: 'CAMT_054', version: 'camt.054.001.08', fileIdentity: 'MSG-1' };

beforeAll(async () => {
  t = await startTestApp();
  credit = t.app.get(CreditService);
  payments = t.app.get(PaymentsService);
  repository = t.app.get(PaymentsRepository);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const a = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Fia Finance' });
  const b = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Filip Finance' });
  fia = { token: await t.signIn(a.email, a.password) };
  filip = { token: await t.signIn(b.email, b.password) };
});
afterAll(() => t?.close());

interface Bought {
  id: string;
  debtorId: string;
  clientId: string;
  payable: string;
  reference: string;
  dueDate: string;
  number: string;
}

let boughtCount = 0;

/** A bought Norwegian invoice (NOK) with its KID; each of another amount, so none is held as a suspected twin. */
async function bought(client?: { key: string; clientId: string }, debtor?: string): Promise<Bought & { client: { key: string; clientId: string }; debtorNumber: string }> {
  const c = client ?? (await f.clientWithKey('NO'));
  const debtorNumber = debtor ?? f.norwegianDebtor();
  boughtCount += 1;
  const invoice = await f.accepted(c.key, 'NO', debtorNumber, [{ quantity: String(3 + boughtCount), unitPrice: '100' }]);
  await f.setLimit(invoice.debtorId, '10000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  const [row] = await t.db.query(
    `SELECT payable::text, payment_reference AS reference, due_date::text AS "dueDate", invoice_number AS number, status FROM invoice WHERE id = $1`,
    [invoice.id],
  );
  expect(row.status).toBe('PURCHASED');
  return { id: invoice.id, debtorId: invoice.debtorId, clientId: c.clientId, payable: row.payable, reference: row.reference, dueDate: row.dueDate, number: row.number, client: c, debtorNumber };
}

let serial = 0;
function entry(amount: string, over: Partial<BankEntry> = {}): BankEntry {
  serial += 1;
  return {
    section: { accountId: NOK_ACCOUNT, currency: 'NOK', sectionIdentity: 'NTF-1' },
    entryKey: `TEST-${randomBytes(6).toString('hex')}-${serial}`,
    direction: 'CREDIT',
    amount,
    currency: 'NOK',
    valueDate: '2026-11-20',
    place: `/Document/Ntry[${serial}]`,
    ...over,
  };
}

function file(entries: BankEntry[], failAtEnd?: BankFileError) {
  return {
    header: HEADER,
    entries: (async function* () {
      for (const e of entries) yield e;
      if (failAtEnd) throw failAtEnd;
    })(),
  };
}

const run = (entries: BankEntry[], failAtEnd?: BankFileError) => payments.importFile(file(entries, failAtEnd), { source: 'API', fileName: 'test.xml' });

async function invoiceRow(id: string) {
  const [row] = await t.db.query(`SELECT status, paid_amount::text, exposure::text, last_paid_on::text FROM invoice WHERE id = $1`, [id]);
  return row;
}

/** The entries of a bank entry by event, as role: amount, each checked to balance. */
async function entriesOf(bankEntryId: string) {
  const rows: Array<{ event: string; entry_id: string; role: string; amount: string; invoice_id: string | null }> = await t.db.query(
    `SELECT e.event, e.id::text AS entry_id, a.role, p.amount::text, p.invoice_id FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id
       JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
      WHERE e.cause_type = 'BANK_ENTRY' AND e.cause_id = $1 ORDER BY p.id`,
    [bankEntryId],
  );
  const sums = new Map<string, Decimal>();
  for (const r of rows) sums.set(r.entry_id, (sums.get(r.entry_id) ?? new Decimal(0)).plus(r.amount));
  for (const sum of sums.values()) expect(sum.isZero()).toBe(true);
  return rows.map(({ event, role, amount, invoice_id }) => ({ event, role, amount, invoiceId: invoice_id }));
}

const bankEntryId = async (key: string) => (await t.db.query(`SELECT id FROM bank_entry WHERE entry_key = $1`, [key]))[0]?.id as string;

describe('matching by KID', () => {
  it('a full payment: booked bank against the receivable, exposure released, the invoice fully paid through the lifecycle, the client told', async () => {
    const invoice = await bought();
    expect((await invoiceRow(invoice.id)).exposure).toBe(invoice.payable);
    const e = entry(invoice.payable, { reference: `000${invoice.reference}`, valueDate: invoice.dueDate });
    const summary = await run([e]);
    expect(summary).toMatchObject({ status: 'DONE', entriesRead: 1, entriesNew: 1, entriesDuplicate: 0, entriesMatched: 1, entriesUnmatched: 0, amountMatched: invoice.payable });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'FULLY_PAID', paid_amount: invoice.payable, exposure: '0.00' });
    const id = await bankEntryId(e.entryKey);
    expect(await entriesOf(id)).toEqual([
      { event: 'PAYMENT_RECEIVED', role: 'BANK', amount: invoice.payable, invoiceId: null },
      { event: 'PAYMENT_RECEIVED', role: 'PURCHASED_RECEIVABLES', amount: new Decimal(invoice.payable).negated().toFixed(2), invoiceId: invoice.id },
    ]);
    const [allocation] = await t.db.query(`SELECT kind, amount::text, days_late, journal_entry_id IS NOT NULL AS booked FROM payment_allocation WHERE bank_entry_id = $1`, [id]);
    expect(allocation).toEqual({ kind: 'PAYMENT', amount: invoice.payable, days_late: 0, booked: true });
    const [event] = await t.db.query(`SELECT payload FROM outbox_event WHERE subject_id = $1 AND topic = 'invoice.fully_paid'`, [invoice.id]);
    expect(event.payload).toMatchObject({ status: 'FULLY_PAID', step: 'PAID_IN_FULL', paidAmount: invoice.payable, currency: 'NOK' });
    expect(await repository.exposureLedgerDifferences([invoice.debtorId])).toEqual([]);
  });

  it('a partial payment leaves the rest open (still bought) and releases only what it paid; days late from the due date moved to a business day', async () => {
    const invoice = await bought();
    const valueDate = new Date(Date.parse(`${invoice.dueDate}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const e = entry('100.00', { reference: invoice.reference, valueDate });
    await run([e]);
    const row = await invoiceRow(invoice.id);
    expect(row).toMatchObject({ status: 'PURCHASED', paid_amount: '100.00', exposure: new Decimal(invoice.payable).minus(100).toFixed(2), last_paid_on: valueDate });
    const [allocation] = await t.db.query(`SELECT days_late FROM payment_allocation WHERE bank_entry_id = $1`, [await bankEntryId(e.entryKey)]);
    expect(allocation.days_late).toBeGreaterThan(25);
    expect(allocation.days_late).toBeLessThanOrEqual(30);
    expect(await repository.exposureLedgerDifferences([invoice.debtorId])).toEqual([]);
  });

  it('an overpayment pays the invoice and holds the surplus in the queue; a person sets it against another open invoice of the same debtor, not another\'s', async () => {
    const first = await bought();
    const second = await bought(first.client, first.debtorNumber);
    const stranger = await bought();
    const e = entry(new Decimal(first.payable).plus('50.00').toFixed(2), { reference: first.reference });
    const summary = await run([e]);
    expect(summary).toMatchObject({ entriesMatched: 0, entriesUnmatched: 1, amountMatched: first.payable, amountUnmatched: '50.00' });
    expect((await invoiceRow(first.id)).status).toBe('FULLY_PAID');
    const id = await bankEntryId(e.entryKey);
    expect(await entriesOf(id)).toEqual([
      { event: 'PAYMENT_RECEIVED', role: 'BANK', amount: new Decimal(first.payable).plus(50).toFixed(2), invoiceId: null },
      { event: 'PAYMENT_RECEIVED', role: 'PURCHASED_RECEIVABLES', amount: new Decimal(first.payable).negated().toFixed(2), invoiceId: first.id },
      { event: 'PAYMENT_RECEIVED', role: 'UNALLOCATED_PAYMENTS', amount: '-50.00', invoiceId: null },
    ]);
    const queued = (await t.gql(`query($id: ID!) { incomingPayment(id: $id) { unplaced state version suggestions { invoiceId reasons } } }`, { id }, fia.token)).data!.incomingPayment;
    expect(queued).toMatchObject({ unplaced: '50.00', state: 'UNMATCHED' });
    expect(queued.suggestions.find((s: { invoiceId: string }) => s.invoiceId === second.id).reasons).toContain('SAME_DEBTOR_AS_PAYMENT');
    const other = await t.gql(PLACE, { id, shares: [{ invoiceId: stranger.id, amount: '50.00' }], v: queued.version }, fia.token);
    expect(errorOf(other)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAYMENT_OTHER_DEBTOR', field: 'shares.0.invoiceId' });
    const placed = (await t.gql(PLACE, { id, shares: [{ invoiceId: second.id, amount: '50.00' }], v: queued.version }, fia.token)).data!.placeIncomingPayment;
    expect(placed).toMatchObject({ unplaced: '0.00', state: 'MATCHED' });
    expect(await invoiceRow(second.id)).toMatchObject({ status: 'PURCHASED', paid_amount: '50.00' });
    expect((await entriesOf(id)).filter((l) => l.event === 'PAYMENT_PLACED')).toEqual([
      { event: 'PAYMENT_PLACED', role: 'UNALLOCATED_PAYMENTS', amount: '50.00', invoiceId: null },
      { event: 'PAYMENT_PLACED', role: 'PURCHASED_RECEIVABLES', amount: '-50.00', invoiceId: second.id },
    ]);
    const [audit] = await t.db.query(`SELECT outcome FROM audit_entry WHERE operation = 'placeIncomingPayment' ORDER BY id DESC LIMIT 1`);
    expect(audit.outcome).toBe('SUCCEEDED');
    expect(await repository.exposureLedgerDifferences([first.debtorId, stranger.debtorId])).toEqual([]);
  });

  it('one payment for several invoices (further references) settles each in order', async () => {
    const a = await bought();
    const b = await bought(a.client, a.debtorNumber);
    const total = new Decimal(a.payable).plus(b.payable).toFixed(2);
    const e = entry(total, { reference: a.reference, extraReferences: [{ reference: b.reference, referenceCheckFailed: false, place: 'TK22' }] });
    expect(await run([e])).toMatchObject({ entriesMatched: 1, amountMatched: total });
    expect((await invoiceRow(a.id)).status).toBe('FULLY_PAID');
    expect((await invoiceRow(b.id)).status).toBe('FULLY_PAID');
  });

  it('a reference that fails its check digit is never matched: it waits with suggestions, and finance places it', async () => {
    const invoice = await bought();
    const mistyped = invoice.reference.slice(0, -1) + String((Number(invoice.reference.slice(-1)) + 1) % 10);
    const e = entry(invoice.payable, { reference: invoice.reference, referenceCheckFailed: true, payerName: 'Somebody' });
    const other = entry('10.00', { reference: mistyped, referenceCheckFailed: true });
    expect(await run([e, other])).toMatchObject({ entriesMatched: 0, entriesUnmatched: 2 });
    expect((await invoiceRow(invoice.id)).status).toBe('PURCHASED');
    const id = await bankEntryId(e.entryKey);
    expect(await entriesOf(id)).toEqual([
      { event: 'PAYMENT_RECEIVED', role: 'BANK', amount: invoice.payable, invoiceId: null },
      { event: 'PAYMENT_RECEIVED', role: 'UNALLOCATED_PAYMENTS', amount: new Decimal(invoice.payable).negated().toFixed(2), invoiceId: null },
    ]);
    const queue = (await t.gql(`query { incomingPayments(perPage: 200) { total items { id version suggestions { invoiceId score reasons } } } }`, {}, fia.token)).data!.incomingPayments;
    const mine = queue.items.find((p: { id: string }) => p.id === id);
    expect(mine.suggestions[0].invoiceId).toBe(invoice.id);
    expect(mine.suggestions[0].reasons).toEqual(expect.arrayContaining(['AMOUNT_EQUALS_OPEN']));
    const otherId = await bankEntryId(other.entryKey);
    const closeOne = queue.items.find((p: { id: string }) => p.id === otherId);
    expect(closeOne.suggestions.map((s: { invoiceId: string; reasons: string[] }) => s.invoiceId === invoice.id && s.reasons.includes('REFERENCE_CLOSE'))).toContain(true);
    const tooMuch = await t.gql(PLACE, { id, shares: [{ invoiceId: invoice.id, amount: new Decimal(invoice.payable).plus('0.01').toFixed(2) }], v: mine.version }, fia.token);
    expect(errorOf(tooMuch)).toMatchObject({ code: 'BAD_USER_INPUT' });
    const placed = (await t.gql(PLACE, { id, shares: [{ invoiceId: invoice.id, amount: invoice.payable }], v: mine.version }, fia.token)).data!.placeIncomingPayment;
    expect(placed.state).toBe('MATCHED');
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'FULLY_PAID', exposure: '0.00' });
  });

  it('what no reference places is marked for refund: booked to refunds due, a refund row for the next payout', async () => {
    const e = entry('75.00', { payerName: 'Unknown payer', payerAccount: '12345678903' });
    await run([e]);
    const id = await bankEntryId(e.entryKey);
    const refunded = (await t.gql(REFUND, { id, amount: '75.00', v: 1 }, fia.token)).data!.refundIncomingPayment;
    expect(refunded).toMatchObject({ state: 'REFUND', unplaced: '0.00' });
    expect((await entriesOf(id)).filter((l) => l.event === 'REFUND_MARKED')).toEqual([
      { event: 'REFUND_MARKED', role: 'UNALLOCATED_PAYMENTS', amount: '75.00', invoiceId: null },
      { event: 'REFUND_MARKED', role: 'REFUNDS_DUE', amount: '-75.00', invoiceId: null },
    ]);
    const [refund] = await t.db.query(`SELECT kind, amount::text, currency, payee FROM payout_refund WHERE bank_entry_id = $1`, [id]);
    expect(refund).toEqual({ kind: 'DEBTOR_REFUND', amount: '75.00', currency: 'NOK', payee: { kind: 'NO_BANK_ACCOUNT', value: '12345678903', name: 'Unknown payer' } });
  });

  it('a refund whose payer account the bank did not give is refused until finance gives one', async () => {
    const e = entry('20.00', { payerName: 'Anonymous' });
    await run([e]);
    const id = await bankEntryId(e.entryKey);
    const refused = await t.gql(REFUND, { id, amount: '20.00', v: 1 }, fia.token);
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REFUND_ACCOUNT_UNKNOWN', field: 'payeeAccount' });
    expect(await t.db.query(`SELECT id FROM payout_refund WHERE bank_entry_id = $1`, [id])).toEqual([]);
    const badAccount = await t.gql(REFUND_TO, { id, amount: '20.00', v: 1, to: 'BG 5050-1055' }, fia.token);
    expect(errorOf(badAccount)).toMatchObject({ reason: 'REFUND_ACCOUNT_INVALID', field: 'payeeAccount' });
    const done = (await t.gql(REFUND_TO, { id, amount: '20.00', v: 1, to: 'NO 1234.56.78903' }, fia.token)).data!.refundIncomingPayment;
    expect(done).toMatchObject({ state: 'REFUND' });
    const [refund] = await t.db.query(`SELECT payee FROM payout_refund WHERE bank_entry_id = $1`, [id]);
    expect(refund.payee).toEqual({ kind: 'NO_BANK_ACCOUNT', value: '12345678903', name: 'Anonymous' });
  });
});

const PLACE = `mutation($id: ID!, $shares: [PaymentShareInput!]!, $v: Int!) { placeIncomingPayment(id: $id, shares: $shares, expectedVersion: $v) { id unplaced state version } }`;
const REFUND = `mutation($id: ID!, $amount: Decimal!, $v: Int!) { refundIncomingPayment(id: $id, amount: $amount, expectedVersion: $v) { id unplaced state version } }`;
const REFUND_TO = `mutation($id: ID!, $amount: Decimal!, $v: Int!, $to: String) { refundIncomingPayment(id: $id, amount: $amount, expectedVersion: $v, payeeAccount: $to) { id unplaced state version } }`;
const CLAIM = `mutation($id: ID!) { claimIncomingPayment(id: $id) { id claimedBy { name } version } }`;

describe('importing the same money twice', () => {
  it('the same file twice books nothing twice; an overlapping file books only its new entries', async () => {
    const invoice = await bought();
    const a = entry('100.00', { reference: invoice.reference });
    const b = entry('200.00', { reference: invoice.reference });
    expect(await run([a, b])).toMatchObject({ entriesNew: 2, entriesDuplicate: 0 });
    expect(await run([{ ...a }, { ...b }])).toMatchObject({ entriesRead: 2, entriesNew: 0, entriesDuplicate: 2, amountIn: '0.00' });
    const c = entry('300.00', { reference: invoice.reference });
    expect(await run([{ ...b }, c])).toMatchObject({ entriesRead: 2, entriesNew: 1, entriesDuplicate: 1 });
    expect((await invoiceRow(invoice.id)).paid_amount).toBe('600.00');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM journal_entry WHERE cause_type = 'BANK_ENTRY' AND cause_id IN (SELECT id FROM bank_entry WHERE entry_key = ANY($1))`, [
      [a.entryKey, b.entryKey, c.entryKey],
    ]);
    expect(n).toBe(3);
  });
});

describe('a refused file', () => {
  it('a check that fails at the end of the file rolls back every entry; the refusal with its place stays on the import', async () => {
    const invoice = await bought();
    const e = entry(invoice.payable, { reference: invoice.reference });
    const error = new BankFileError(BankFileErrorCode.BANK_FILE_TOTALS_MISMATCH, 'The closing balance is not the opening balance plus the entries', '/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Bal[2]');
    await expect(run([e], error)).rejects.toMatchObject({ code: 'BANK_FILE_TOTALS_MISMATCH' });
    expect(await t.db.query(`SELECT id FROM bank_entry WHERE entry_key = $1`, [e.entryKey])).toEqual([]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'PURCHASED', paid_amount: '0.00', exposure: invoice.payable });
    const [imported] = await t.db.query(`SELECT status, refusal_code, refusal_place FROM bank_import ORDER BY started_at DESC LIMIT 1`);
    expect(imported).toEqual({ status: 'REFUSED', refusal_code: 'BANK_FILE_TOTALS_MISMATCH', refusal_place: '/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Bal[2]' });
  });

  it('a payment to an account that is not the factor\'s is refused with its place', async () => {
    const e = entry('10.00', { section: { accountId: 'NO9386011117947', currency: 'NOK', sectionIdentity: 'X' } });
    await expect(run([e])).rejects.toMatchObject({ code: 'BANK_FILE_NOT_OUR_ACCOUNT' });
    const [imported] = await t.db.query(`SELECT status, refusal_code, refusal_place FROM bank_import ORDER BY started_at DESC LIMIT 1`);
    expect(imported).toEqual({ status: 'REFUSED', refusal_code: 'BANK_FILE_NOT_OUR_ACCOUNT', refusal_place: e.place });
  });

  it('the refusal is on the import\'s record through GraphQL, and only finance imports', async () => {
    const content = Buffer.from('this is not a bank file at all\n').toString('base64');
    const refused = await t.gql(`mutation($c: String!) { importBankFile(fileName: "junk.txt", content: $c) { id status } }`, { c: content }, fia.token);
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BANK_FILE_UNKNOWN_FORMAT' });
    const list = (await t.gql(`query { bankImports(perPage: 5) { items { fileName status refusalCode startedBy { name } } } }`, {}, fia.token)).data!.bankImports;
    expect(list.items[0]).toMatchObject({ fileName: 'junk.txt', status: 'REFUSED', refusalCode: 'BANK_FILE_UNKNOWN_FORMAT', startedBy: { name: 'Fia Finance' } });
    expect(errorOf(await t.gql(`mutation($c: String!) { importBankFile(fileName: "x", content: $c) { id } }`, { c: content }, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('two people on one payment', () => {
  it('one claims, the other gets CONFLICT naming the first; two placements at once: one wins', async () => {
    const invoice = await bought();
    const e = entry(invoice.payable);
    await run([e]);
    const id = await bankEntryId(e.entryKey);
    expect((await t.gql(CLAIM, { id }, fia.token)).data!.claimIncomingPayment.claimedBy.name).toBe('Fia Finance');
    expect(errorOf(await t.gql(PLACE, { id, shares: [{ invoiceId: invoice.id, amount: invoice.payable }], v: 2 }, filip.token))).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_CLAIMED' });
    await t.gql(`mutation($id: ID!) { releaseIncomingPayment(id: $id) { id } }`, { id }, fia.token);
    const results = await Promise.all([
      t.gql(PLACE, { id, shares: [{ invoiceId: invoice.id, amount: invoice.payable }], v: 3 }, fia.token),
      t.gql(PLACE, { id, shares: [{ invoiceId: invoice.id, amount: invoice.payable }], v: 3 }, filip.token),
    ]);
    expect(results.filter((r) => r.data?.placeIncomingPayment).length).toBe(1);
    expect(errorOf(results.find((r) => r.errors)!)).toMatchObject({ code: 'CONFLICT' });
    expect((await invoiceRow(invoice.id)).paid_amount).toBe(invoice.payable);
  });
});

describe('fully paid, and after', () => {
  it('a ROT invoice fully paid tells the client it may now claim the rest from the tax agency', async () => {
    const invoice = await bought();
    // The deduction's facts set on the row (a Swedish ROT submission is the invoices' own spec): what matters here is the notice.
    await t.db.query(`UPDATE invoice SET deduction_kind = 'ROT', deduction_amount = '300.00' WHERE id = $1`, [invoice.id]);
    await run([entry(invoice.payable, { reference: invoice.reference })]);
    const [event] = await t.db.query(`SELECT payload FROM outbox_event WHERE subject_id = $1 AND topic = 'invoice.fully_paid'`, [invoice.id]);
    expect(event.payload).toMatchObject({ deductionKind: 'ROT', deductionAmount: '300.00', taxAgencyClaim: { sv: expect.stringContaining('Skatteverket'), en: expect.any(String), nb: expect.any(String) } });
  });

  it('paid to the client directly: the client reports it, the receivable moves to the client, exposure is released and the invoice fully paid', async () => {
    const invoice = await bought();
    const REPORT = `mutation($i: ID!, $a: Decimal!, $d: String!) { reportPaidToClient(invoiceId: $i, amount: $a, paidOn: $d) { id status } }`;
    const tooMuch = await t.gql(REPORT, { i: invoice.id, a: new Decimal(invoice.payable).plus(1).toFixed(2), d: '2026-11-20' }, invoice.client.key);
    expect(errorOf(tooMuch)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAYMENT_MORE_THAN_OPEN', field: 'amount' });
    const other = await f.clientWithKey('NO');
    expect(errorOf(await t.gql(REPORT, { i: invoice.id, a: '1.00', d: '2026-11-20' }, other.key))).toMatchObject({ code: 'NOT_FOUND' });
    const response = await t.gql(REPORT, { i: invoice.id, a: invoice.payable, d: '2026-11-20' }, invoice.client.key);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    const reported = response.data.reportPaidToClient;
    expect(reported.status).toBe('FULLY_PAID');
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'FULLY_PAID', exposure: '0.00' });
    const lines = await t.db.query(
      `SELECT a.role, p.amount::text, p.client_id FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id
         JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
        WHERE e.event = 'PAID_TO_CLIENT' AND e.cause_id = $1 ORDER BY p.id`,
      [invoice.id],
    );
    expect(lines).toEqual([
      { role: 'RECOURSE_RECEIVABLES', amount: invoice.payable, client_id: invoice.clientId },
      { role: 'PURCHASED_RECEIVABLES', amount: new Decimal(invoice.payable).negated().toFixed(2), client_id: invoice.clientId },
    ]);
    expect(await repository.exposureLedgerDifferences([invoice.debtorId])).toEqual([]);
  });

  it('staff record a partial payment to the client: the rest stays open', async () => {
    const invoice = await bought();
    const RECORD = `mutation($i: ID!, $a: Decimal!, $d: String!) { recordPaidToClient(invoiceId: $i, amount: $a, paidOn: $d, note: "Client called") { kind amount allocatedBy { name } } }`;
    const recorded = (await t.gql(RECORD, { i: invoice.id, a: '100.00', d: '2026-11-20' }, fia.token)).data!.recordPaidToClient;
    expect(recorded).toEqual([{ kind: 'PAID_TO_CLIENT', amount: '100.00', allocatedBy: { name: 'Fia Finance' } }]);
    expect((await invoiceRow(invoice.id)).status).toBe('PURCHASED');
    expect(errorOf(await t.gql(RECORD, { i: invoice.id, a: '1.00', d: '2026-11-20' }, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the watched import folder, with a real camt.054 through the parser', () => {
  it('imports a dropped file (matched, booked, fully paid) and moves it to done; a junk file to refused with its refusal on record', async () => {
    const { camtString } = await import('../bank-files/fixtures/camt-fixture');
    const { BankImportFolder } = await import('./bank-import-folder.processor');
    const { mkdtempSync, writeFileSync, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const invoice = await bought();
    const key = `FOLDER-${randomBytes(4).toString('hex')}`;
    const xml = await camtString({
      kind: '054',
      version: '08',
      msgId: key,
      sections: [
        {
          id: `NTF-${key}`,
          otherAccountId: NOK_ACCOUNT,
          currency: 'NOK',
          entries: [{ amount: invoice.payable, valueDate: '2026-11-20', bookingDate: '2026-11-20', acctSvcrRef: key, txs: [{ reference: invoice.reference, name: 'Debtor AS' }] }],
        },
      ],
    });
    const folder = mkdtempSync(join(tmpdir(), 'bank-in-'));
    writeFileSync(join(folder, 'a.xml'), xml);
    writeFileSync(join(folder, 'b.txt'), 'not a bank file\n');
    const outcomes = await t.app.get(BankImportFolder).poll(folder, false);
    expect(outcomes.sort((x, y) => x.file.localeCompare(y.file))).toEqual([
      { file: 'a.xml', outcome: 'DONE' },
      { file: 'b.txt', outcome: 'REFUSED' },
    ]);
    expect(existsSync(join(folder, 'done', 'a.xml'))).toBe(true);
    expect(existsSync(join(folder, 'refused', 'b.txt'))).toBe(true);
    expect((await invoiceRow(invoice.id)).status).toBe('FULLY_PAID');
    const [refused] = await t.db.query(`SELECT source, status, refusal_code FROM bank_import WHERE file_name = 'b.txt' ORDER BY started_at DESC LIMIT 1`);
    expect(refused).toEqual({ source: 'FOLDER', status: 'REFUSED', refusal_code: 'BANK_FILE_UNKNOWN_FORMAT' });
  });
});

describe('roles', () => {
  it('only finance acts on the queue; analysts and collection read it', async () => {
    const e = entry('5.00');
    await run([e]);
    const id = await bankEntryId(e.entryKey);
    expect(errorOf(await t.gql(CLAIM, { id }, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await t.gql(REFUND, { id, amount: '5.00', v: 1 }, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.gql(`query($id: ID!) { incomingPayment(id: $id) { id } }`, { id }, analyst.token)).data!.incomingPayment.id).toBe(id);
    expect(errorOf(await t.gql(`query { bankImports { total } }`, {}, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
    const registry = t.app.get(OperationAccessRegistry);
    const roles = (root: string, name: string) => {
      const access = registry.accessFor(root, name);
      return access.kind === 'roles' ? [...access.roles].sort() : access.kind;
    };
    for (const m of ['importBankFile', 'claimIncomingPayment', 'releaseIncomingPayment', 'placeIncomingPayment', 'refundIncomingPayment']) expect(roles('Mutation', m)).toEqual(['FINANCE']);
    expect(roles('Mutation', 'recordPaidToClient')).toEqual(['COLLECTION', 'FINANCE']);
    for (const q of ['bankImports', 'bankImport', 'statementDifferences', 'exposureLedgerCheck']) expect(roles('Query', q)).toEqual(['ADMIN', 'FINANCE']);
    for (const q of ['incomingPayments', 'incomingPayment', 'paymentsOfInvoice']) expect(roles('Query', q)).toEqual(['ADMIN', 'COLLECTION', 'CREDIT_ANALYST', 'FINANCE']);
    expect(roles('Mutation', 'reportPaidToClient')).not.toEqual(expect.arrayContaining(['FINANCE']));
  });
});
