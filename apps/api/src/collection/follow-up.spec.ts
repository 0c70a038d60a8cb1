import { getQueueToken } from '@nestjs/bullmq';
import { Clock, TestClock } from '@factoring/domain';
import { lateInterest, lateInterestRatesFromReference, paymentReceivedPostings } from '@factoring/rules';
import { Job, Queue } from 'bullmq';
import Decimal from 'decimal.js';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { day } from '../../test-support/invoices';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { OperationAccessRegistry } from '../auth/operation-access.registry';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';
import { pdfText } from '../documents/pdf-text.spec-support';
import { Ledger } from '../ledger/ledger.service';
import { QUEUES } from '../queues/queues.module';
import { CLOCK } from './clock';
import { CollectionModule } from './collection.module';
import { FOLLOW_UP_JOB, FollowUpProcessor, followUpSchedulerId } from './follow-up.processor';
import { FollowUpService } from './follow-up.service';
import { RecourseFollowUp } from '../recourse/recourse-follow-up.service';
import { RecourseModule } from '../recourse/recourse.module';

/**
 * The daily follow-up (issue 15 s.1-2) against real PostgreSQL and Redis, with the movable clock:
 * whole lives of overdue invoices in seconds. Its own database: the follow-up looks at every
 * bought invoice of a country, so it must not see (or act on) other test files' invoices.
 */
let t: TestApp;
let credit: CreditService;
let followUp: FollowUpService;
let ledger: Ledger;
let analyst: { token: string };
let admin: { token: string };
let collector: { token: string };
let finance: { token: string };
const clock = new TestClock('2026-03-01T09:00:00Z');
const f = creditFixtures(() => t, () => ({ analyst, admin }));

/** Publishes "no spot checks" for a country from today, so every invoice is bought at once. */
async function noSpotChecks(country: 'SE' | 'NO') {
  const published = await t.gql(
    `mutation($v: JSON!, $from: String!, $c: Country!) { publishRuleSetting(name: "spotCheck", country: $c, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
    {
      c: country,
      from: day(0),
      v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' },
    },
    admin.token,
  );
  if (!published.data && published.errors?.[0]?.extensions?.reason !== 'SETTING_VERSION_EXISTS') throw new Error(JSON.stringify(published.errors));
}

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  followUp = t.app.get(FollowUpService);
  ledger = t.app.get(Ledger);
  // The collection module's one clock, moved by the test (every service of the module reads it).
  const moduleClock = t.app.select(CollectionModule).get<symbol, Clock>(CLOCK, { strict: true });
  jest.spyOn(moduleClock, 'now').mockImplementation(() => clock.now());
  // The job runs recourse's daily step too (its module's clock): moved with the rest.
  jest.spyOn(t.app.select(RecourseModule).get<symbol, Clock>(CLOCK, { strict: true }), 'now').mockImplementation(() => clock.now());
  ({ analyst, admin } = await analystAndAdmin(t));
  await noSpotChecks('NO');
  await noSpotChecks('SE');
  const c = await newStaff(t.db, { roles: [Role.COLLECTION], name: 'Cilla Collection' });
  collector = { token: await t.signIn(c.email, c.password) };
  const fi = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Frej Finance' });
  finance = { token: await t.signIn(fi.email, fi.password) };
}, 60_000);
afterAll(() => t?.close());

/** A bought invoice due on `dueDate` (moved there after the purchase: the follow-up reads only the due date). */
async function bought(country: 'SE' | 'NO', dueDate: string) {
  const client = await f.clientWithKey(country);
  const invoice = await f.accepted(client.key, country, country === 'SE' ? f.swedishDebtor() : f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  await t.db.query(`UPDATE invoice SET invoice_date = $2::date - 30, delivery_date = $2::date - 30, due_date = $2 WHERE id = $1`, [invoice.id, dueDate]);
  const [row] = await t.db.query(`SELECT payable::text, client_id, country, invoice_number FROM invoice WHERE id = $1`, [invoice.id]);
  return { ...invoice, ...row } as { id: string; debtorId: string; payable: string; client_id: string; country: 'SE' | 'NO'; invoice_number: string };
}

/** Moves the clock to 09:00 UTC of a day (10:00 or 11:00 in Stockholm and Oslo). */
const at = (isoDay: string) => clock.set(`${isoDay}T09:00:00Z`);

async function stepsOf(invoiceId: string) {
  return t.db.query(
    `SELECT step, to_char(fell_due_on, 'YYYY-MM-DD') AS fell_due_on, to_char(taken_on, 'YYYY-MM-DD') AS taken_on, caught_up, fee_kind,
            fee_amount::text, interest_amount::text, delivery_state
       FROM collection_step WHERE invoice_id = $1 ORDER BY taken_on`,
    [invoiceId],
  );
}

/** The invoice's entries by role (each entry balances; the receivables reconcile to the steps' amounts). */
async function balancesOf(invoiceId: string) {
  const rows: Array<{ role: string; amount: string }> = await t.db.query(
    `SELECT a.role, sum(p.amount)::text AS amount FROM journal_posting p
       JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
      WHERE p.invoice_id = $1 GROUP BY a.role`,
    [invoiceId],
  );
  return Object.fromEntries(rows.map((r) => [r.role, r.amount]));
}

/**
 * The delivery confirms the invoice's letters went out (the e-mail SENT, or the print batch
 * marked printed: the delivery's hook): only now are their fees and interest booked.
 */
async function sendLetters(invoiceId: string) {
  const steps: Array<{ id: string }> = await t.db.query(`SELECT id FROM collection_step WHERE invoice_id = $1 AND delivery_state = 'TO_SEND' ORDER BY taken_on`, [invoiceId]);
  for (const { id } of steps) await t.db.transaction((tx) => followUp.letterSent(tx, id));
}

const outcomeOf = (run: Awaited<ReturnType<FollowUpService['run']>>, invoiceId: string) => run.outcomes.find((o) => o.invoiceId === invoiceId);

describe('the daily follow-up', () => {
  it('paid after one reminder: one letter with its fee and interest as receivables, and no second one', async () => {
    const invoice = await bought('NO', '2026-03-02');
    at('2026-03-10');
    expect(outcomeOf(await followUp.run('NO'), invoice.id)).toMatchObject({ action: 'NONE', code: 'STEP_PLANNED' }); // overdue, the reminder not yet due
    expect(await stepsOf(invoice.id)).toEqual([]);

    at('2026-03-16'); // due + 14: the Norwegian default's first reminder
    const run = await followUp.run('NO');
    expect(outcomeOf(run, invoice.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER', caughtUp: false, fee: '470.00' });
    const [reminder] = await stepsOf(invoice.id);
    // A business debtor: the standardkompensasjon (470 kr), which replaces the purregebyr.
    expect(reminder).toMatchObject({ step: 'REMINDER', fell_due_on: '2026-03-16', taken_on: '2026-03-16', caught_up: false, fee_kind: 'LATE_PAYMENT_COMPENSATION', fee_amount: '470.00', delivery_state: 'TO_SEND' });
    // Stated, not charged, until the letter is sent.
    expect((await balancesOf(invoice.id)).COLLECTION_FEE_RECEIVABLES).toBeUndefined();
    await sendLetters(invoice.id);
    expect((await stepsOf(invoice.id))[0]).toMatchObject({ delivery_state: 'SENT' });
    const expectedInterest = new Decimal(invoice.payable).times('12.00').div(100).times(14).div(365).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    expect(reminder.interest_amount).toBe(expectedInterest);
    const balances = await balancesOf(invoice.id);
    expect(balances).toMatchObject({ COLLECTION_FEE_RECEIVABLES: '470.00', COLLECTION_FEE_INCOME: '-470.00', LATE_INTEREST_RECEIVABLES: expectedInterest, PURCHASED_RECEIVABLES: invoice.payable });
    // The letter made (staff's step), then sent: only the sent one is the client's step, with its event, once.
    const [madeStep] = await t.db.query(`SELECT details FROM timeline_event WHERE entity_id = $1 AND details->>'step' = 'COLLECTION_REMINDER_MADE'`, [invoice.id]);
    expect(madeStep.details).toMatchObject({ fee: { amount: '470.00' }, reasons: ['FEE_LATE_PAYMENT_COMPENSATION'], interest: { amount: expectedInterest }, payBy: '2026-03-30', fellDueOn: '2026-03-16', caughtUp: false, currency: 'NOK' });
    expect(madeStep.details.clientStep).toBeUndefined();
    const sentSteps = await t.db.query(`SELECT details FROM timeline_event WHERE entity_id = $1 AND details->>'step' = 'COLLECTION_REMINDER_SENT'`, [invoice.id]);
    expect(sentSteps).toHaveLength(1);
    expect(sentSteps[0].details).toMatchObject({ clientStep: 'COLLECTION_REMINDER_SENT', forClient: { on: '2026-03-16', dueDate: '2026-03-30' }, fee: { amount: '470.00' }, interest: { amount: expectedInterest }, sentOn: '2026-03-16' });
    const events = await t.db.query(`SELECT payload FROM outbox_event WHERE subject_id = $1 AND topic = 'invoice.reminder_sent'`, [invoice.id]);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ step: 'COLLECTION_REMINDER_SENT', on: '2026-03-16', payBy: '2026-03-30', fee: '470.00', feeKind: 'LATE_PAYMENT_COMPENSATION', currency: 'NOK' });

    // The letter itself is a document: the inkassovarsel's and reminder's words, what is owed and the day to pay by.
    const made = await t.gql(
      `mutation($input: IssueDocumentInput!) { issueDocument(input: $input) { kind language fileName contentBase64 } }`,
      { input: { kind: 'PAYMENT_REMINDER', invoiceId: invoice.id } },
      collector.token,
    );
    expect(made.data!.issueDocument).toMatchObject({ kind: 'PAYMENT_REMINDER', language: 'NB', fileName: `purring-${invoice.invoice_number}-2026-03-16.pdf` });
    const text = (await pdfText(Buffer.from(made.data!.issueDocument.contentBase64, 'base64'))).replace(/\s+/g, ' ');
    expect(text).toContain('Betalingspåminnelse (purring)');
    expect(text).toContain('30.03.2026');
    const total = new Decimal(invoice.payable).plus('470.00').plus(expectedInterest);
    expect(text.replace(/[\s\u00a0\u202f]/g, '')).toContain(total.toFixed(2).replace('.', ','));

    // The debtor pays the principal on the 20th (booked as the payments capability books it).
    await t.db.transaction(async (tx) => {
      await ledger.post(tx, {
        book: 'NO',
        date: '2026-03-20',
        causeType: 'TEST_PAYMENT',
        causeId: invoice.id,
        event: 'PAYMENT',
        description: 'Test payment',
        lines: paymentReceivedPostings(invoice.payable, [{ invoiceId: invoice.id, amount: invoice.payable }]).map((l) => ({ ...l, clientId: invoice.client_id })),
      });
    });
    at('2026-03-30'); // due + 28: the inkassovarsel would be due
    const later = await followUp.run('NO');
    expect(outcomeOf(later, invoice.id)).toBeUndefined();
    expect((await stepsOf(invoice.id)).map((s: { step: string }) => s.step)).toEqual(['REMINDER']);
  });

  it('disputed: no reminder while the dispute is open, and the queue says it is held', async () => {
    const invoice = await bought('NO', '2026-03-02');
    const registered = await t.gql(
      `mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id } }`,
      { input: { invoiceId: invoice.id, channel: 'PHONE', amount: invoice.payable, reason: 'Never ordered', nextStep: 'Ask the client for the order', nextStepDue: '2026-04-01' } },
      collector.token,
    );
    expect(registered.data).toBeTruthy();
    at('2026-03-16');
    expect(outcomeOf(await followUp.run('NO'), invoice.id)).toEqual({ invoiceId: invoice.id, action: 'NONE', code: 'SCHEDULE_HELD_DISPUTED' });
    expect(await stepsOf(invoice.id)).toEqual([]);
    const queue = await t.gql(`query { overdueInvoices(perPage: 200) { items { invoiceId nextStep nextStepOn disputed } } }`, {}, collector.token);
    expect(queue.data!.overdueInvoices.items.find((i: { invoiceId: string }) => i.invoiceId === invoice.id)).toEqual({ invoiceId: invoice.id, nextStep: 'HELD_DISPUTED', nextStepOn: null, disputed: true });
  });

  it('workers down three days: the missed reminder is done once, dated today, remembering the day it fell due', async () => {
    const invoice = await bought('NO', '2026-03-02');
    at('2026-03-19'); // the reminder fell due on the 16th; the workers were down the 16th, 17th and 18th
    const run = await followUp.run('NO');
    expect(outcomeOf(run, invoice.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER', caughtUp: true });
    expect(await stepsOf(invoice.id)).toEqual([expect.objectContaining({ step: 'REMINDER', fell_due_on: '2026-03-16', taken_on: '2026-03-19', caught_up: true })]);
    // Interest from the due date to the day the letter really went, not from the day it fell due.
    const expected = new Decimal(invoice.payable).times('12.00').div(100).times(17).div(365).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    expect((await stepsOf(invoice.id))[0].interest_amount).toBe(expected);
    at('2026-03-20');
    expect(outcomeOf(await followUp.run('NO'), invoice.id)).toMatchObject({ action: 'NONE', code: 'STEP_PLANNED' });
    // The inkassovarsel: its routine day (due + 28 = 30 March) is held back to 14 days after the late reminder (2 April).
    at('2026-03-30');
    expect(outcomeOf(await followUp.run('NO'), invoice.id)).toMatchObject({ action: 'NONE', code: 'STEP_PLANNED' });
    const queue = await t.gql(`query { overdueInvoices(perPage: 200) { items { invoiceId lastStep lastStepOn nextStep nextStepOn ageBucket daysOverdue } } }`, {}, collector.token);
    expect(queue.data!.overdueInvoices.items.find((i: { invoiceId: string }) => i.invoiceId === invoice.id)).toEqual({
      invoiceId: invoice.id,
      lastStep: 'REMINDER',
      lastStepOn: '2026-03-19',
      nextStep: 'COLLECTION_WARNING',
      nextStepOn: '2026-04-02',
      ageBucket: 'DAYS_1_30',
      daysOverdue: 28,
    });
    at('2026-04-02');
    const warning = await followUp.run('NO');
    expect(outcomeOf(warning, invoice.id)).toMatchObject({ action: 'ACTED', step: 'COLLECTION_WARNING', caughtUp: false, fee: null });
    // One compensation per claim: the inkassovarsel charges nothing more to a business debtor.
    expect((await stepsOf(invoice.id)).map((s: { step: string; fee_kind: string | null }) => [s.step, s.fee_kind])).toEqual([
      ['REMINDER', 'LATE_PAYMENT_COMPENSATION'],
      ['COLLECTION_WARNING', null],
    ]);
  });

  it('many steps overdue after a long stop: only the first not taken, once', async () => {
    const invoice = await bought('NO', '2026-03-02');
    at('2026-05-01'); // every step's routine day has passed
    const run = await followUp.run('NO');
    expect(outcomeOf(run, invoice.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER', caughtUp: true });
    expect((await stepsOf(invoice.id)).map((s: { step: string }) => s.step)).toEqual(['REMINDER']);
  });

  it('the job run twice on one day acts once; the schedulers are one per country in its own time zone', async () => {
    const invoice = await bought('NO', '2026-03-02');
    const queue = t.app.get<string, Queue>(getQueueToken(QUEUES.collection));
    const processor = new FollowUpProcessor(followUp, t.app.get(RecourseFollowUp), queue);
    await processor.onApplicationBootstrap();
    await processor.onApplicationBootstrap(); // a restart upserts, never doubles
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.tz, s.pattern]).sort()).toEqual([
      [followUpSchedulerId('NO'), 'Europe/Oslo', '0 30 10 * * *'],
      [followUpSchedulerId('SE'), 'Europe/Stockholm', '0 30 10 * * *'],
    ]);
    at('2026-03-16');
    const job = { name: FOLLOW_UP_JOB, data: { country: 'NO' } } as Job<{ country: 'NO' }>;
    const first = await processor.process(job);
    const second = await processor.process(job);
    expect(first.acted).toBeGreaterThanOrEqual(1);
    expect(second.acted).toBe(0);
    expect(await stepsOf(invoice.id)).toHaveLength(1);
    // Two runs at once (two workers): still one step.
    const other = await bought('NO', '2026-03-02');
    await Promise.all([followUp.run('NO'), followUp.run('NO')].map((p) => p.catch(() => null)));
    expect(await stepsOf(other.id)).toHaveLength(1);
    for (const s of schedulers) await queue.removeJobScheduler(s.key);
  });

  it('late interest across 1 July at two rates (Sweden: reference rate + 8 per half-year), booked with its segments', async () => {
    const invoice = await bought('SE', '2025-06-10');
    at('2025-07-20'); // reminder fell due 20 June; caught up today
    const run = await followUp.run('SE');
    expect(outcomeOf(run, invoice.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER', caughtUp: true, fee: '450.00' });
    const [row] = await t.db.query(`SELECT interest_amount::text, interest_segments FROM collection_step WHERE invoice_id = $1`, [invoice.id]);
    expect(row.interest_segments.map((s: { firstDay: string; lastDay: string; ratePercent: string }) => [s.firstDay, s.lastDay, s.ratePercent])).toEqual([
      ['2025-06-11', '2025-06-30', '11.00'],
      ['2025-07-01', '2025-07-20', '10.00'],
    ]);
    const p = new Decimal(invoice.payable);
    const expected = p.times(11).div(100).times(20).div(365).plus(p.times(10).div(100).times(20).div(365)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    expect(row.interest_amount).toBe(expected);
    // The same as the rule computes from the stored reference rates.
    const rates = lateInterestRatesFromReference([
      { validFrom: '2025-01-01', value: '3.00', source: 'x' },
      { validFrom: '2025-07-01', value: '2.00', source: 'x' },
    ]);
    expect(lateInterest({ from: '2025-06-10', to: '2025-07-20', principal: p, rates }).interest).toBe(expected);
    await sendLetters(invoice.id);
    expect((await balancesOf(invoice.id)).LATE_INTEREST_RECEIVABLES).toBe(expected);
    // The next letter states only what accrued since.
    at('2025-08-03');
    await followUp.run('SE');
    const steps = await stepsOf(invoice.id);
    expect(steps.map((s: { step: string }) => s.step)).toEqual(['REMINDER', 'SECOND_REMINDER']);
    const total = p.times(11).div(100).times(20).div(365).plus(p.times(10).div(100).times(34).div(365)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    expect(new Decimal(steps[1].interest_amount).plus(steps[0].interest_amount).toFixed(2)).toBe(total.toFixed(2));
    await sendLetters(invoice.id);
    expect((await balancesOf(invoice.id)).LATE_INTEREST_RECEIVABLES).toBe(total.toFixed(2));
  });

  it('Sweden, a private debtor: the reminder fee only where it was agreed when the debt arose, once per claim', async () => {
    const agreed = await bought('SE', '2026-03-02');
    const notAgreed = await bought('SE', '2026-03-02');
    await t.db.query(`UPDATE debtor SET kind = 'PERSON' WHERE id = ANY($1::uuid[])`, [[agreed.debtorId, notAgreed.debtorId]]);
    await t.db.query(`UPDATE invoice SET reminder_fee_agreed = (id = $1) WHERE id = ANY($2::uuid[])`, [agreed.id, [agreed.id, notAgreed.id]]);
    at('2026-03-12');
    const run = await followUp.run('SE');
    expect(outcomeOf(run, agreed.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER', fee: '60.00' });
    expect(outcomeOf(run, notAgreed.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER', fee: null });
    const [timeline] = await t.db.query(`SELECT details FROM timeline_event WHERE entity_id = $1 AND details->>'step' = 'COLLECTION_REMINDER_MADE'`, [notAgreed.id]);
    expect(timeline.details.reasons).toEqual(['FEE_REFUSED_NOT_AGREED']);
    at('2026-03-26');
    const second = await followUp.run('SE');
    expect(outcomeOf(second, agreed.id)).toMatchObject({ action: 'ACTED', step: 'SECOND_REMINDER', fee: null });
    await sendLetters(agreed.id);
    await sendLetters(notAgreed.id);
    expect((await balancesOf(agreed.id)).COLLECTION_FEE_RECEIVABLES).toBe('60.00');
    expect((await balancesOf(notAgreed.id)).COLLECTION_FEE_RECEIVABLES).toBeUndefined();
    // Collection-ready on its day: marked in the queue, no letter, no fee (the handoff books the claim).
    at('2026-04-09');
    expect(outcomeOf(await followUp.run('SE'), agreed.id)).toMatchObject({ action: 'ACTED', step: 'COLLECTION', fee: null, interest: null });
    const queue = await t.gql(`query { overdueInvoices(perPage: 200, country: SE) { items { invoiceId nextStep nextStepOn lastStep openFees openTotal currency } } }`, {}, collector.token);
    const item = queue.data!.overdueInvoices.items.find((i: { invoiceId: string }) => i.invoiceId === agreed.id);
    expect(item).toMatchObject({ nextStep: 'HANDOFF', nextStepOn: '2026-04-09', lastStep: 'COLLECTION', openFees: '60.00', currency: 'SEK' });
  });
});

describe('the collection queue and the aging chart', () => {
  it('counts by bucket per currency in the database, zeros included', async () => {
    at('2026-06-15');
    const aging = await t.gql(`query { overdueAging { today buckets { bucket currency count amount } } }`, {}, finance.token);
    const buckets = aging.data!.overdueAging.buckets as Array<{ bucket: string; currency: string; count: number; amount: string }>;
    expect(buckets.map((b) => `${b.currency}:${b.bucket}`)).toEqual(
      ['SEK', 'NOK'].flatMap((c) => ['CURRENT', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90'].map((b) => `${c}:${b}`)),
    );
    // Every bought invoice with principal owed is in exactly one bucket of its currency.
    const [open] = await t.db.query(
      `SELECT count(*) FILTER (WHERE currency = 'NOK')::int AS nok, count(*) FILTER (WHERE currency = 'SEK')::int AS sek FROM invoice i WHERE status = 'PURCHASED'
          AND (SELECT coalesce(sum(p.amount),0) FROM journal_posting p JOIN ledger_account a ON a.book = p.book AND a.number = p.account AND a.role = 'PURCHASED_RECEIVABLES' WHERE p.invoice_id = i.id) > 0`,
    );
    const count = (c: string) => buckets.filter((b) => b.currency === c).reduce((s, b) => s + b.count, 0);
    expect([count('NOK'), count('SEK')]).toEqual([open.nok, open.sek]);
    // 2 March to 15 June is 105 days: the Norwegian invoices due then are over 90.
    expect(buckets.find((b) => b.currency === 'NOK' && b.bucket === 'OVER_90')!.count).toBeGreaterThan(0);
  });

  it('the collection home counts the overdue invoices and names the oldest (with the queue on the same day)', async () => {
    clock.set(new Date()); // the home counts at the real moment
    const home = await t.gql(`query { home { sections { role queues { key count oldestSince overdue } } } }`, {}, collector.token);
    const card = home.data!.home.sections[0].queues.find((q: { key: string }) => q.key === 'OVERDUE_INVOICES');
    const queue = (await t.gql(`query { overdueInvoices(perPage: 1) { total items { dueDate } } }`, {}, collector.token)).data!.overdueInvoices;
    expect(card.count).toBe(queue.total);
    // The oldest: the Swedish invoice due 10 June 2025, overdue since midnight in Stockholm.
    expect(queue.items[0].dueDate).toBe('2025-06-10');
    expect(card.oldestSince).toBe('2025-06-10T22:00:00.000Z');
    // Collection-ready and waiting for the handoff since an earlier day.
    expect(card.overdue).toBeGreaterThanOrEqual(1);
  });

  it('roles: collection, finance and admins read; others are refused', async () => {
    const registry = t.app.get(OperationAccessRegistry);
    const roles = (root: string, name: string) => {
      const access = registry.accessFor(root, name);
      return access.kind === 'roles' ? [...access.roles].sort() : access.kind;
    };
    for (const q of ['overdueInvoices', 'overdueAging']) expect(roles('Query', q)).toEqual(['ADMIN', 'COLLECTION', 'FINANCE']);
    expect(errorOf(await t.gql(`query { overdueAging { today } }`, {}, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await t.gql(`query { overdueInvoices { total } }`, {}))?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    expect(errorOf(await t.gql(`query { overdueInvoices(bucket: NOT_A_BUCKET) { total } }`, {}, collector.token))).toBeTruthy();
  });
});

describe("a client's own routine", () => {
  const SET = `mutation($input: SetCollectionRoutineInput!) { setCollectionRoutine(input: $input) { clientId country isDefault validFrom firstReminderDays secondStepDays collectionDays minDaysBetweenSteps graceBankDays source } }`;
  const GET = `query($c: ID!, $k: Country!) { collectionRoutine(clientId: $c, country: $k) { isDefault validFrom firstReminderDays graceBankDays } }`;
  const routine = (clientId: string, over: Record<string, unknown> = {}) => ({
    clientId,
    country: 'NO',
    validFrom: '2026-07-01',
    firstReminderDays: 20,
    secondStepDays: 30,
    collectionDays: 44,
    minDaysBetweenSteps: 10,
    graceBankDays: 2,
    source: 'The client asked by e-mail on 30 June',
    ...over,
  });

  it('is the default until the client decides; then the follow-up takes its days, from its day', async () => {
    at('2026-07-01');
    const invoice = await bought('NO', '2026-07-01');
    expect((await t.gql(GET, { c: invoice.client_id, k: 'NO' }, collector.token)).data!.collectionRoutine).toEqual({ isDefault: true, validFrom: '2024-01-01', firstReminderDays: 14, graceBankDays: 3 });
    const set = await t.gql(SET, { input: routine(invoice.client_id) }, collector.token);
    expect(set.data!.setCollectionRoutine).toMatchObject({ clientId: invoice.client_id, isDefault: false, firstReminderDays: 20, source: 'The client asked by e-mail on 30 June' });
    const [audit] = await t.db.query(`SELECT outcome, target_id FROM audit_entry WHERE operation = 'setCollectionRoutine' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ outcome: 'SUCCEEDED', target_id: invoice.client_id });
    at('2026-07-15'); // the default's day: nothing under the client's routine
    expect(outcomeOf(await followUp.run('NO'), invoice.id)).toMatchObject({ action: 'NONE', code: 'STEP_PLANNED' });
    at('2026-07-21');
    expect(outcomeOf(await followUp.run('NO'), invoice.id)).toMatchObject({ action: 'ACTED', step: 'REMINDER' });
  });

  it('refuses what the law or the calendar does not allow, naming the field, and changes nothing', async () => {
    at('2026-07-01');
    const invoice = await bought('NO', '2026-07-01');
    const refused = async (over: Record<string, unknown>) => errorOf(await t.gql(SET, { input: routine(invoice.client_id, over) }, collector.token));
    expect(await refused({ collectionDays: 35 })).toMatchObject({ reason: 'COLLECTION_ROUTINE_TOO_SHORT_FOR_COLLECTION_WARNING', field: 'input.collectionDays' });
    expect(await refused({ secondStepDays: 10 })).toMatchObject({ reason: 'COLLECTION_ROUTINE_ORDER', field: 'input.secondStepDays' });
    expect(await refused({ firstReminderDays: 0 })).toMatchObject({ reason: 'COLLECTION_ROUTINE_DAYS_INVALID', field: 'input.firstReminderDays' });
    expect(await refused({ graceBankDays: 11 })).toMatchObject({ reason: 'COLLECTION_ROUTINE_GRACE_INVALID', field: 'input.graceBankDays' });
    expect(await refused({ validFrom: '2026-06-30' })).toMatchObject({ reason: 'COLLECTION_ROUTINE_VALID_FROM_PAST', field: 'input.validFrom' });
    expect(await refused({ clientId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND', reason: 'COLLECTION_ROUTINE_CLIENT_NOT_FOUND' });
    expect((await t.gql(GET, { c: invoice.client_id, k: 'NO' }, collector.token)).data!.collectionRoutine.isDefault).toBe(true);
    expect(await refused({})).toBeUndefined();
    expect(await refused({})).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_ROUTINE_VERSION_EXISTS' });
    expect(errorOf(await t.gql(SET, { input: routine(invoice.client_id, { validFrom: '2026-08-01' }) }, finance.token))).toMatchObject({ code: 'FORBIDDEN' });
    const registry = t.app.get(OperationAccessRegistry);
    const access = registry.accessFor('Mutation', 'setCollectionRoutine');
    expect(access.kind === 'roles' ? [...access.roles].sort() : access.kind).toEqual(['ADMIN', 'COLLECTION']);
    const read = registry.accessFor('Query', 'collectionRoutine');
    expect(read.kind === 'roles' ? [...read.roles].sort() : read.kind).toEqual(['ADMIN', 'COLLECTION', 'FINANCE']);
  });
});
