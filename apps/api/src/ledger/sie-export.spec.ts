import { Country } from '../common/dto/common.types';
import { creditNoteBeforePayoutPostings, payoutSentPostings, PostingLine, purchasePostings } from '@factoring/rules';
import Decimal from 'decimal.js';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';
import { LedgerReports } from './ledger-reports';
import { Ledger } from './ledger.service';
import { isBalanceAccount, readSie, SieFile, sieProblems } from './sie4-reader.spec-support';

/**
 * The Swedish book's year as SIE 4 (issue 12 s.4), read back by the test-only reader (written
 * apart from the writer) and held against the ledger's own trial balance. On a database of its
 * own, so the book holds exactly what these tests post.
 */
let t: TestApp;
let credit: CreditService;
let ledger: Ledger;
let reports: LedgerReports;
let analyst: { token: string };
let admin: { token: string };
let preparer: { email: string; token: string };
let approver: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const SIE = `query($y: Int!) { sieExport(fiscalYear: $y) { fileName sha256 vouchers contentBase64 } }`;

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  ledger = t.app.get(Ledger);
  reports = t.app.get(LedgerReports);
  ({ analyst, admin } = await analystAndAdmin(t));
  const a = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Fia Finans' });
  const b = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Bo Betalning' });
  preparer = { email: a.email, token: await t.signIn(a.email, a.password) };
  approver = { token: await t.signIn(b.email, b.password) };
  // No spot checks in Sweden in this database, so the invoice is bought at once.
  const published = await t.gql(
    `mutation($v: JSON!, $from: String!) { publishRuleSetting(name: "spotCheck", country: SE, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
    {
      from: new Date().toISOString().slice(0, 10),
      v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' },
    },
    admin.token,
  );
  if (!published.data) throw new Error(JSON.stringify(published.errors));
});
afterAll(() => t?.close());

async function exported(year: number, token = preparer.token) {
  const response = await t.gql(SIE, { y: year }, token);
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  const file = response.data.sieExport as { fileName: string; sha256: string; vouchers: number; contentBase64: string };
  const bytes = Buffer.from(file.contentBase64, 'base64');
  return { ...file, bytes, read: readSie(bytes) };
}

/**
 * The file against the ledger's trial balances at the end of the year and of the year before:
 * #UB is the balance-sheet account's balance, #RES the P&L account's movement over the year, and
 * BAS 2091 carries the earlier years' result (the books post no closing entry).
 */
async function expectSameAsTrialBalance(read: SieFile, year: number) {
  const end = await reports.trialBalance(Country.SE, `${year}-12-31`);
  const before = await reports.trialBalance(Country.SE, `${year - 1}-12-31`);
  const balanceBefore = new Map(before.accounts.map((a) => [a.account, new Decimal(a.balance)]));
  const expected = new Map<string, string>();
  const carried = before.accounts.filter((a) => a.kind === 'INCOME' || a.kind === 'EXPENSE').reduce((sum, a) => sum.plus(a.balance), new Decimal(0));
  for (const a of end.accounts) {
    if (a.kind === 'INCOME' || a.kind === 'EXPENSE') expected.set(`RES ${a.account}`, new Decimal(a.balance).minus(balanceBefore.get(a.account) ?? 0).toFixed(2));
    else expected.set(`UB ${a.account}`, new Decimal(a.balance).plus(a.account === '2091' ? carried : 0).toFixed(2));
  }
  if (!carried.isZero() && !expected.has('UB 2091')) expected.set('UB 2091', carried.toFixed(2));
  const inFile = new Map<string, string>();
  for (const [key, amount] of read.ub) if (key.startsWith('0:') && !amount.isZero()) inFile.set(`UB ${key.slice(2)}`, amount.toFixed(2));
  for (const [key, amount] of read.res) if (key.startsWith('0:') && !amount.isZero()) inFile.set(`RES ${key.slice(2)}`, amount.toFixed(2));
  const nonZero = new Map([...expected].filter(([, amount]) => amount !== '0.00'));
  expect(Object.fromEntries([...inFile].sort())).toEqual(Object.fromEntries([...nonZero].sort()));
  // Whole: the opening balance sheet balances, and closing balances plus the year's result come to zero.
  const sum = (map: Map<string, Decimal>) => [...map].filter(([key]) => key.startsWith('0:')).reduce((s, [, a]) => s.plus(a), new Decimal(0));
  expect(sum(read.ib).toFixed(2)).toBe('0.00');
  expect(sum(read.ub).plus(sum(read.res)).toFixed(2)).toBe('0.00');
}

describe('a purchase, a credit note and a payout, through their own flows, exported as SIE 4', () => {
  it('gives the accountant a file the reader finds whole, with the invoice\'s entries as vouchers and the trial balance\'s figures', async () => {
    const client = await f.clientWithKey('SE');
    const invoice = await f.accepted(client.key, 'SE', f.swedishDebtor());
    await f.setLimit(invoice.debtorId, '1000000');
    expect(await credit.decide(invoice.id)).toBe('APPROVE');
    const credited = await t.gql(`mutation($id: ID!) { creditInvoice(invoiceId: $id, creditNumber: "KR-1", amount: "100.00") { id } }`, { id: invoice.id }, client.key);
    expect(credited.errors).toBeUndefined();
    const batch = (await t.gql(`mutation { preparePayoutBatch(book: SE, payoutDate: "2099-12-30") { id version } }`, {}, preparer.token)).data!.preparePayoutBatch;
    expect((await t.gql(`mutation($id: ID!, $v: Int!) { approvePayoutBatch(id: $id, expectedVersion: $v) { state } }`, { id: batch.id, v: batch.version }, approver.token)).errors).toBeUndefined();
    expect((await t.gql(`mutation($id: ID!) { exportPayoutBatch(id: $id) { sha256 } }`, { id: batch.id }, preparer.token)).errors).toBeUndefined();
    expect((await t.gql(`mutation($id: ID!) { markPayoutBatchSent(id: $id) { state } }`, { id: batch.id }, preparer.token)).data!.markPayoutBatchSent.state).toBe('SENT');

    const entries: Array<{ event: string; entry_date: string; description: string; postings: Array<{ account: string; amount: string }> }> = await t.db.query(
      `SELECT e.event, e.entry_date::text, e.description,
              (SELECT json_agg(json_build_object('account', p.account, 'amount', p.amount::text) ORDER BY p.id) FROM journal_posting p WHERE p.entry_id = e.id) AS postings
         FROM journal_entry e WHERE e.cause_id = $1 ORDER BY e.id`,
      [invoice.id],
    );
    expect(entries.map((e) => e.event)).toEqual(['PURCHASE', 'CREDIT_NOTE', 'PAYOUT']);
    const years = [...new Set(entries.map((e) => Number(e.entry_date.slice(0, 4))))];

    for (const year of years) {
      const { read, fileName, vouchers, bytes } = await exported(year);
      expect(fileName).toBe(`SIE4-SE-${year}.SE`);
      expect(sieProblems(read)).toEqual([]);
      expect(vouchers).toBe(read.vouchers.length);
      expect(read.info).toMatchObject({ FLAGGA: ['0'], FORMAT: ['PC8'], SIETYP: ['4'], FNAMN: ['Factoring AB (Sverige)'], VALUTA: ['SEK'], GEN: [expect.stringMatching(/^\d{8}$/), preparer.email] });
      expect(read.years.get(0)).toEqual({ start: `${year}-01-01`, end: `${year}-12-31` });
      // Code page 437, not UTF-8: "Köpta" has ö as the single byte 0x94.
      expect(read.accounts.get('1511')).toEqual({ name: 'Köpta kundfordringar', type: 'T' });
      expect(bytes.includes(Buffer.from([0x4b, 0x94, 0x70]))).toBe(true);
      expect(bytes.includes(Buffer.from('ö', 'utf8'))).toBe(false);
      // Every account of the chart is declared and typed.
      for (const account of await reports.chart(Country.SE, `${year}-12-31`)) expect(read.accounts.get(account.account)?.type).toMatch(/^[TSKI]$/);

      for (const entry of entries.filter((e) => Number(e.entry_date.slice(0, 4)) === year)) {
        const voucher = read.vouchers.find((v) => v.text === entry.description);
        expect(voucher).toMatchObject({ series: entry.event === 'PAYOUT' ? 'U' : 'F', date: entry.entry_date });
        expect(voucher!.rows.map((r) => ({ account: r.account, amount: r.amount.toFixed(2) }))).toEqual(entry.postings);
      }
      await expectSameAsTrialBalance(read, year);
    }
  });
});

describe('a year after a year with results', () => {
  const post = (date: string, event: string, description: string, lines: PostingLine[]) =>
    t.db.transaction(async (tx) => {
      const [{ id }] = await tx.query(`SELECT gen_random_uuid() AS id`);
      return ledger.post(tx, { book: 'SE', date, causeType: 'INVOICE', causeId: id, event, description, lines });
    });

  it('opens at the year before\'s close, carries its result on 2091, numbers each series from 1 and keeps every text as written', async () => {
    await post('2024-06-01', 'PURCHASE', 'Purchase of invoice 2024-1', purchasePostings({ open: '100.00', fee: '2.00', vatOnFee: '0.50' }));
    const texts = ['Purchase of invoice "Å-1" från Kund {AB} \\ 50%', 'Credit note KR\\1 on invoice "Å-1"', 'Payout of invoice Å-1 — €'];
    await post('2025-03-01', 'PURCHASE', texts[0], purchasePostings({ open: '1000.00', fee: '25.00', vatOnFee: '6.25' }));
    await post('2025-03-02', 'CREDIT_NOTE', texts[1], creditNoteBeforePayoutPostings('100.00'));
    await post('2025-03-03', 'PAYOUT', texts[2], payoutSentPostings('868.75'));

    const { read, vouchers } = await exported(2025);
    expect(sieProblems(read)).toEqual([]);
    expect(vouchers).toBe(3);
    expect(read.vouchers.map((v) => [v.series, v.number, v.date, v.text])).toEqual([
      ['F', '1', '2025-03-01', texts[0]],
      ['F', '2', '2025-03-02', texts[1]],
      // The dash and the euro sign are not in code page 437: written as '?'.
      ['U', '1', '2025-03-03', 'Payout of invoice Å-1 ? ?'],
    ]);
    expect(read.ib.get('0:1511')?.toFixed(2)).toBe('100.00');
    expect(read.ub.get('0:1511')?.toFixed(2)).toBe('1000.00');
    expect(read.ib.get('0:2091')?.toFixed(2)).toBe('-2.00');
    expect(read.accounts.get('2091')).toEqual({ name: 'Balanserad vinst eller förlust', type: 'S' });
    expect(read.res.get('0:3011')?.toFixed(2)).toBe('-25.00');
    expect(read.res.get('-1:3011')?.toFixed(2)).toBe('-2.00');
    expect(isBalanceAccount(read, '2425')).toBe(true);
    await expectSameAsTrialBalance(read, 2025);
    await expectSameAsTrialBalance((await exported(2024)).read, 2024);
  });

  it('exports a year with no entries as a whole file with no vouchers', async () => {
    const { read, vouchers } = await exported(2010);
    expect(vouchers).toBe(0);
    expect(sieProblems(read)).toEqual([]);
    expect(read.info.SIETYP).toEqual(['4']);
  });
});

describe('who may export, and which years', () => {
  it('lets finance and admins export, refuses others, and names a year the books cannot hold', async () => {
    expect((await t.gql(SIE, { y: 2025 }, admin.token)).data?.sieExport.fileName).toBe('SIE4-SE-2025.SE');
    expect(errorOf(await t.gql(SIE, { y: 2025 }, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await t.gql(SIE, { y: 2025 }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await t.gql(SIE, { y: 1999 }, preparer.token))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FISCAL_YEAR_INVALID', field: 'fiscalYear' });
  });

  it('gives the same bytes for the same books and the same exporter on the same day', async () => {
    const first = await exported(2025);
    const again = await exported(2025);
    expect(again.sha256).toBe(first.sha256);
  });
});
