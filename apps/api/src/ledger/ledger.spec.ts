import Decimal from 'decimal.js';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { CreditService } from '../credit/credit.service';
import { Ledger } from './ledger.service';

/** The factor's books (issue 12, s.1): balanced, immutable, idempotent by cause, and posted with the change that causes them. */
let t: TestApp;
let credit: CreditService;
let ledger: Ledger;
let analyst: { token: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

beforeAll(async () => {
  t = await startTestApp();
  credit = t.app.get(CreditService);
  ledger = t.app.get(Ledger);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
});
afterAll(() => t?.close());

const postingsOf = (invoiceId: string) =>
  t.db.query(
    `SELECT e.event, e.attempt, p.account, p.amount::text FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id WHERE p.invoice_id = $1 ORDER BY p.id`,
    [invoiceId],
  );

async function boughtInvoice() {
  const client = await f.clientWithKey('NO');
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  const [row] = await t.db.query(`SELECT payable::text, fee::text, vat_on_fee::text, payout::text FROM invoice WHERE id = $1`, [invoice.id]);
  return { ...invoice, ...row, client };
}

describe('posting an invoice\'s life', () => {
  it('books the purchase in the decision\'s transaction: receivable, payable to the client, fee income and VAT on the fee', async () => {
    const invoice = await boughtInvoice();
    expect(await postingsOf(invoice.id)).toEqual([
      { event: 'PURCHASE', attempt: '1', account: '1511', amount: invoice.payable },
      { event: 'PURCHASE', attempt: '1', account: '2421', amount: new Decimal(invoice.payout).negated().toFixed(2) },
      { event: 'PURCHASE', attempt: '1', account: '3011', amount: new Decimal(invoice.fee).negated().toFixed(2) },
      { event: 'PURCHASE', attempt: '1', account: '2611', amount: new Decimal(invoice.vat_on_fee).negated().toFixed(2) },
    ]);
  });

  it('books a credit note before payout against the receivable and the client, once per credit number', async () => {
    const invoice = await boughtInvoice();
    const CREDIT = `mutation($id: ID!, $n: String!, $a: Decimal!) { creditInvoice(invoiceId: $id, creditNumber: $n, amount: $a) { id } }`;
    await t.gql(CREDIT, { id: invoice.id, n: 'CN-1', a: '100.00' }, invoice.client.key);
    await t.gql(CREDIT, { id: invoice.id, n: 'CN-1', a: '100.00' }, invoice.client.key);
    const credits = (await postingsOf(invoice.id)).filter((p: { event: string }) => p.event === 'CREDIT_NOTE');
    expect(credits).toEqual([
      { event: 'CREDIT_NOTE', attempt: 'CN-1', account: '2421', amount: '100.00' },
      { event: 'CREDIT_NOTE', attempt: 'CN-1', account: '1511', amount: '-100.00' },
    ]);
  });
});

describe('the database keeps the books honest', () => {
  const causeId = () => t.db.query(`SELECT gen_random_uuid() AS id`).then((r) => r[0].id as string);

  it('refuses an entry that does not balance, whatever code inserts it', async () => {
    const id = await causeId();
    await expect(
      t.db.transaction(async (tx) => {
        const [entry] = await tx.query(`INSERT INTO journal_entry (book, entry_date, cause_type, cause_id, event, description) VALUES ('SE', current_date, 'TEST', $1, 'X', 'x') RETURNING id`, [id]);
        await tx.query(`INSERT INTO journal_posting (entry_id, book, entry_date, account, amount) VALUES ($1, 'SE', current_date, '1930', 10), ($1, 'SE', current_date, '3011', -9)`, [entry.id]);
      }),
    ).rejects.toThrow(/does not balance/);
    expect(await t.db.query(`SELECT 1 FROM journal_entry WHERE cause_id = $1`, [id])).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of posted entries, and new lines on an old entry', async () => {
    const id = await causeId();
    const posted = await t.db.transaction((tx) =>
      ledger.post(tx, { book: 'SE', date: new Date().toISOString().slice(0, 10), causeType: 'TEST', causeId: id, event: 'X', description: 'test', lines: [{ role: 'BANK', amount: '5.00' }, { role: 'FEE_INCOME', amount: '-5.00' }] }),
    );
    await expect(t.db.query(`UPDATE journal_posting SET amount = 6 WHERE entry_id = $1`, [posted.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM journal_entry WHERE id = $1`, [posted.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE journal_posting`)).rejects.toThrow(/append-only|permission/);
    await expect(
      t.db.query(`INSERT INTO journal_posting (entry_id, book, entry_date, account, amount) VALUES ($1, 'SE', current_date, '1930', 1), ($1, 'SE', current_date, '3011', -1)`, [posted.id]),
    ).rejects.toThrow(/is posted/);
  });

  it('posts the same cause, event and attempt once', async () => {
    const id = await causeId();
    const entry = { book: 'NO' as const, date: new Date().toISOString().slice(0, 10), causeType: 'TEST', causeId: id, event: 'PAYOUT', attempt: '1', description: 'test', lines: [{ role: 'CLIENT_PAYABLES' as const, amount: '7.00' }, { role: 'BANK' as const, amount: '-7.00' }] };
    const first = await t.db.transaction((tx) => ledger.post(tx, entry));
    const again = await t.db.transaction((tx) => ledger.post(tx, entry));
    const second = await t.db.transaction((tx) => ledger.post(tx, { ...entry, attempt: '2' }));
    expect(again).toEqual({ id: first.id, created: false });
    expect(second.created).toBe(true);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM journal_entry WHERE cause_id = $1`, [id]))[0].n).toBe(2);
  });

  it('takes nothing into a closed period: the correction goes into the open one', async () => {
    const id = await causeId();
    await t.db.query(`INSERT INTO ledger_period (book, period_start, exported_at, closed_at) VALUES ('NO', '2025-01-01', now(), now()) ON CONFLICT DO NOTHING`);
    const lines = [{ role: 'BANK' as const, amount: '1.00' }, { role: 'FEE_INCOME' as const, amount: '-1.00' }];
    await expect(t.db.transaction((tx) => ledger.post(tx, { book: 'NO', date: '2025-01-15', causeType: 'TEST', causeId: id, event: 'X', description: 'late', lines }))).rejects.toThrow(/closed/);
    await t.db.transaction((tx) => ledger.post(tx, { book: 'NO', date: '2025-02-01', causeType: 'TEST', causeId: id, event: 'X', description: 'in the open period', lines }));
  });

  it('lets finance close an ended month, never reopen it, and then takes no entry dated in it (issue 12)', async () => {
    const { newStaff } = await import('../../test-support/factories');
    const { Role } = await import('../auth/role');
    const { errorOf } = await import('../../test-support/test-app');
    const clerk = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Petra Period' });
    const token = await t.signIn(clerk.email, clerk.password);
    const CLOSE = `mutation($m: String!) { closeLedgerPeriod(book: NO, month: $m) { month closedAt closedBy { name } } }`;
    expect(errorOf(await t.gql(CLOSE, { m: new Date().toISOString().slice(0, 7) }, token))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERIOD_NOT_ENDED', field: 'month' });
    expect(errorOf(await t.gql(CLOSE, { m: '2024-13' }, token))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERIOD_INVALID', field: 'month' });
    expect(errorOf(await t.gql(CLOSE, { m: '2024-03' }, analyst.token))?.code).toBe('FORBIDDEN');

    expect((await t.gql(CLOSE, { m: '2024-03' }, token)).data!.closeLedgerPeriod).toMatchObject({ month: '2024-03', closedBy: { name: 'Petra Period' } });
    expect(errorOf(await t.gql(CLOSE, { m: '2024-03' }, token))).toMatchObject({ code: 'CONFLICT', reason: 'PERIOD_ALREADY_CLOSED' });
    const id = await causeId();
    const lines = [{ role: 'BANK' as const, amount: '1.00' }, { role: 'FEE_INCOME' as const, amount: '-1.00' }];
    await expect(t.db.transaction((tx) => ledger.post(tx, { book: 'NO', date: '2024-03-31', causeType: 'TEST', causeId: id, event: 'X', description: 'late', lines }))).rejects.toThrow(/closed/);
    // Not even the test's own connection reopens it.
    await expect(t.db.query(`UPDATE ledger_period SET closed_at = NULL WHERE book = 'NO' AND period_start = '2024-03-01'`)).rejects.toThrow(/closed/);
    await expect(t.db.query(`DELETE FROM ledger_period WHERE book = 'NO' AND period_start = '2024-03-01'`)).rejects.toThrow(/closed/);
    const listed = (await t.gql(`{ ledgerPeriods(book: NO) { month closedAt } }`, {}, token)).data!.ledgerPeriods;
    expect(listed).toContainEqual({ month: '2024-03', closedAt: expect.any(String) });
  });

  it('keeps balances from monthly summaries that match the sum of all postings, per account and per client', async () => {
    const invoice = await boughtInvoice();
    const today = new Date().toISOString().slice(0, 10);
    const [{ client_id }] = await t.db.query(`SELECT client_id FROM invoice WHERE id = $1`, [invoice.id]);
    for (const clientId of [undefined, client_id]) {
      const balances = await ledger.balances('NO', '2999-12-31', clientId);
      const sums = await t.db.query(
        `SELECT account, sum(amount)::text AS balance FROM journal_posting WHERE book = 'NO' AND ($1::uuid IS NULL OR client_id = $1) GROUP BY account ORDER BY account`,
        [clientId ?? null],
      );
      expect(balances.map((b) => [b.account, b.balance])).toEqual(sums.map((s: { account: string; balance: string }) => [s.account, new Decimal(s.balance).toFixed(2)]));
      // A trial balance balances.
      expect(balances.reduce((total, b) => total.plus(b.balance), new Decimal(0)).isZero()).toBe(true);
    }
    // This month's postings are read directly, earlier months from the summaries: both agree at today too.
    const atToday = await ledger.balances('NO', today, client_id);
    expect(atToday.find((b) => b.account === '1511')?.balance).toBe(invoice.payable);
  });
});

describe('reading the books over GraphQL', () => {
  it('gives finance a trial balance that balances, in the book\'s currency, and refuses a day that does not exist', async () => {
    await boughtInvoice();
    const { newStaff } = await import('../../test-support/factories');
    const { Role } = await import('../auth/role');
    const finance = await newStaff(t.db, { roles: [Role.FINANCE] });
    const token = await t.signIn(finance.email, finance.password);
    const TRIAL = `query($d: String) { trialBalance(book: NO, date: $d) { currency difference accounts { account nameNb balance } } }`;
    const trial = (await t.gql(TRIAL, {}, token)).data!.trialBalance;
    expect(trial).toMatchObject({ currency: 'NOK', difference: '0.00' });
    expect(trial.accounts.map((a: { account: string }) => a.account)).toEqual(expect.arrayContaining(['1511', '2421', '2611', '3011']));
    expect((await t.gql(TRIAL, { d: '2026-02-30' }, token)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect((await t.gql(TRIAL, {}, analyst.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
