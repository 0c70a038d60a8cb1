import { randomBytes } from 'node:crypto';
import { daysLate } from '@factoring/rules';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';
import type { BankEntry } from '../bank-files/bank-entry';
import { OperationAccessRegistry } from '../auth/operation-access.registry';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';
import { PaymentStatisticsRepository } from './payment-statistics.repository';
import { PaymentsService } from './payments.service';

/**
 * Debtor payment statistics (issue 14 s.5) and incoming payments per day, against PostgreSQL:
 * the statistics follow the payments as soon as they are placed (a view over the allocations),
 * their days late are the one definition's (libs/rules), and the credit rules read them.
 */
let t: TestApp;
let credit: CreditService;
let payments: PaymentsService;
let analyst: { token: string };
let admin: { token: string };
let finance: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const NOK_ACCOUNT = '15031234562';
const STATS = `query($d: ID!) { debtorPaymentStatistics(debtorId: $d) { debtorId currency invoicesPaid invoicesPaidLate sharePaidLatePercent averageDaysLate maxDaysLate averageDaysToPay outstanding } }`;

beforeAll(async () => {
  t = await startTestApp();
  credit = t.app.get(CreditService);
  payments = t.app.get(PaymentsService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const fin = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Stina Statistik' });
  finance = { token: await t.signIn(fin.email, fin.password) };
});
afterAll(() => t?.close());

let count = 0;
async function bought(client: { key: string; clientId: string }, debtorNumber: string) {
  count += 1;
  const invoice = await f.accepted(client.key, 'NO', debtorNumber, [{ quantity: String(5 + count), unitPrice: '100' }]);
  await f.setLimit(invoice.debtorId, '10000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  const [row] = await t.db.query(`SELECT payable::text, payment_reference AS reference, due_date::text AS "dueDate", invoice_date::text AS "invoiceDate" FROM invoice WHERE id = $1`, [invoice.id]);
  return { id: invoice.id, debtorId: invoice.debtorId, ...row } as { id: string; debtorId: string; payable: string; reference: string; dueDate: string; invoiceDate: string };
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function entry(amount: string, reference: string, valueDate: string): BankEntry {
  return {
    section: { accountId: NOK_ACCOUNT, currency: 'NOK', sectionIdentity: 'NTF-STATS' },
    entryKey: `STATS-${randomBytes(6).toString('hex')}`,
    direction: 'CREDIT',
    amount,
    currency: 'NOK',
    valueDate,
    reference,
    place: '/Document/Ntry[1]',
  };
}

const pay = (entries: BankEntry[]) =>
  payments.importFile(
    { header: { format: 'CAMT_054', version: 'camt.054.001.08', fileIdentity: `STATS-${randomBytes(4).toString('hex')}` }, entries: (async function* () { yield* entries; })() },
    { source: 'API', fileName: 'stats.xml' },
  );

it('follows the payments: paid on time and late, outstanding, the one definition of days late; the credit rules read the same', async () => {
  const client = await f.clientWithKey('NO');
  const debtorNumber = f.norwegianDebtor();
  const onTime = await bought(client, debtorNumber);
  const late = await bought(client, debtorNumber);
  const open = await bought(client, debtorNumber);

  const before = (await t.gql(STATS, { d: onTime.debtorId }, analyst.token)).data!.debtorPaymentStatistics;
  expect(before).toMatchObject({ currency: 'NOK', invoicesPaid: 0, invoicesPaidLate: 0, sharePaidLatePercent: '0.0', averageDaysLate: '0.0', maxDaysLate: 0, averageDaysToPay: null });

  // One paid on its due day, one 20 days after it (the due date moved to the next business day first).
  const lateDay = addDays(late.dueDate, 20);
  await pay([entry(onTime.payable, onTime.reference, onTime.dueDate), entry(late.payable, late.reference, lateDay)]);
  const expectedLate = daysLate('NO', late.dueDate, lateDay);
  expect(expectedLate).toBeGreaterThan(15);

  const stats = (await t.gql(STATS, { d: onTime.debtorId }, finance.token)).data!.debtorPaymentStatistics;
  const toPay = ((Date.parse(onTime.dueDate) - Date.parse(onTime.invoiceDate)) / 86_400_000 + (Date.parse(lateDay) - Date.parse(late.invoiceDate)) / 86_400_000) / 2;
  expect(stats).toMatchObject({
    invoicesPaid: 2,
    invoicesPaidLate: 1,
    sharePaidLatePercent: '50.0',
    averageDaysLate: `${expectedLate}.0`,
    maxDaysLate: expectedLate,
    averageDaysToPay: toPay.toFixed(1),
    outstanding: open.payable,
  });
  const [stored] = await t.db.query(`SELECT days_late FROM payment_allocation WHERE invoice_id = $1 AND kind = 'PAYMENT'`, [late.id]);
  expect(stored.days_late).toBe(expectedLate);

  // What the credit decision reads for this debtor.
  expect(await PaymentStatisticsRepository.history(t.db.manager, onTime.debtorId)).toEqual({ invoices_paid: 2, invoices_paid_late: 1, days_late_total: expectedLate, max_days_late: expectedLate });
  const next = await f.accepted(client.key, 'NO', debtorNumber, [{ quantity: '77', unitPrice: '100' }]);
  await credit.decide(next.id);
  const [decision] = await t.db.query(`SELECT input FROM credit_decision WHERE invoice_id = $1 ORDER BY id DESC LIMIT 1`, [next.id]);
  expect(decision.input.debtor.history).toMatchObject({ invoicesPaid: 2, paidLate: 1, averageDaysLate: expectedLate, maxDaysLate: expectedLate });
});

it('counts incoming payments per value day, every day present', async () => {
  const days = (await t.gql(`query { incomingPaymentsPerDay(days: 7) { day currency count amount unplaced } }`, {}, finance.token)).data!.incomingPaymentsPerDay;
  expect(days).toHaveLength(14);
  expect(new Set(days.map((d: { currency: string }) => d.currency))).toEqual(new Set(['SEK', 'NOK']));
  expect(errorOf(await t.gql(`query { incomingPaymentsPerDay { day } }`, {}, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
  expect(errorOf(await t.gql(`query { incomingPaymentsPerDay(days: 0) { day } }`, {}, finance.token))).toMatchObject({ code: 'BAD_USER_INPUT' });
});

it('the role matrix', () => {
  const registry = t.app.get(OperationAccessRegistry);
  const roles = (name: string) => {
    const access = registry.accessFor('Query', name);
    return access.kind === 'roles' ? [...access.roles].sort() : access.kind;
  };
  expect(roles('debtorPaymentStatistics')).toEqual(['ADMIN', 'COLLECTION', 'CREDIT_ANALYST', 'FINANCE']);
  expect(roles('incomingPaymentsPerDay')).toEqual(['ADMIN', 'FINANCE']);
});
