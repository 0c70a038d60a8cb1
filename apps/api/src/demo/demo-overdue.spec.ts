import { NestFactory } from '@nestjs/core';
import { BUSINESS_TIME_ZONES, Clock, LocalDate } from '@factoring/domain';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { day } from '../../test-support/invoices';
import { startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { TimelineService } from '../audit/timeline.service';
import { CLOCK } from '../collection/clock';
import { CollectionModule } from '../collection/collection.module';
import { FollowUpService } from '../collection/follow-up.service';
import { CreditService } from '../credit/credit.service';
import { DEMO_DUE_DATE_MOVED, DemoOverdueInvoice, moveDemoInvoicesOverdue } from './demo-overdue';
import { DemoOverdueModule } from './demo-overdue.module';

/**
 * The demo's overdue step (issue 11 s.5): bought invoices made overdue once, followed up the
 * same day (a reminder each), and nothing else moved: not the purchase, its entry or the
 * exposure; never another client's invoice; a second run changes nothing. Its own database:
 * the follow-up looks at every bought invoice of a country.
 */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

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

async function bought(country: 'SE' | 'NO') {
  const client = await f.clientWithKey(country);
  const invoice = await f.accepted(client.key, country, country === 'SE' ? f.swedishDebtor() : f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  const [row] = await t.db.query(
    `SELECT i.invoice_number, c.organisation_number FROM invoice i JOIN client c ON c.id = i.client_id WHERE i.id = $1`,
    [invoice.id],
  );
  return { ...invoice, invoiceNumber: row.invoice_number as string, org: row.organisation_number as string };
}

/** What must not move: the purchase's dates and amounts, its entries, the exposure. */
async function snapshot(invoiceId: string, debtorId: string) {
  const [invoice] = await t.db.query(
    `SELECT status, accepted_at, planned_payout_date::text, payable::text, payout::text, (due_date - invoice_date) AS terms, (due_date - delivery_date) AS delivered_terms
       FROM invoice WHERE id = $1`,
    [invoiceId],
  );
  const entries = await t.db.query(`SELECT entry_id, account, amount::text FROM journal_posting WHERE invoice_id = $1 ORDER BY entry_id, account, amount`, [invoiceId]);
  const [{ exposure }] = await t.db.query(`SELECT exposure::text FROM debtor WHERE id = $1`, [debtorId]);
  return { invoice, entries, exposure };
}

const dueOf = async (id: string) => (await t.db.query(`SELECT to_char(due_date, 'YYYY-MM-DD') AS d FROM invoice WHERE id = $1`, [id]))[0].d as string;
const stepsOf = async (id: string) => (await t.db.query(`SELECT step, to_char(taken_on, 'YYYY-MM-DD') AS taken_on FROM collection_step WHERE invoice_id = $1 ORDER BY created_at`, [id])) as Array<{ step: string; taken_on: string }>;
const movesOf = async (id: string) =>
  (await t.db.query(`SELECT count(*)::int AS n FROM timeline_event WHERE entity_type = 'INVOICE' AND entity_id = $1 AND details->>'step' = $2`, [id, DEMO_DUE_DATE_MOVED]))[0].n as number;

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await noSpotChecks('SE');
  await noSpotChecks('NO');
}, 60_000);
afterAll(() => t?.close());

it('makes the named bought invoices overdue once, follows them up, and moves nothing of the purchase', async () => {
  const se = await bought('SE');
  const no = await bought('NO');
  const other = await bought('NO');
  const deps = {
    db: t.db,
    timeline: t.app.get(TimelineService),
    followUp: t.app.get(FollowUpService),
    clock: t.app.select(CollectionModule).get<symbol, Clock>(CLOCK, { strict: true }),
  };
  const list: DemoOverdueInvoice[] = [
    { country: 'SE', clientOrganisationNumber: se.org, invoiceNumber: se.invoiceNumber, daysPastDue: 12 },
    { country: 'NO', clientOrganisationNumber: no.org, invoiceNumber: no.invoiceNumber, daysPastDue: 75 },
    // Another client's invoice number under the wrong client: never touched.
    { country: 'NO', clientOrganisationNumber: no.org, invoiceNumber: `${other.invoiceNumber}-NOT-THIS-CLIENT`, daysPastDue: 40 },
  ];
  const before = { se: await snapshot(se.id, se.debtorId), no: await snapshot(no.id, no.debtorId), otherDue: await dueOf(other.id) };

  const first = await moveDemoInvoicesOverdue(deps, list);
  const today = (country: 'SE' | 'NO') => LocalDate.today(BUSINESS_TIME_ZONES[country]);
  expect(first.moved).toEqual([
    { invoiceNumber: se.invoiceNumber, dueDate: today('SE').plusDays(-12).toString() },
    { invoiceNumber: no.invoiceNumber, dueDate: today('NO').plusDays(-75).toString() },
  ]);
  expect(await dueOf(se.id)).toBe(today('SE').plusDays(-12).toString());
  expect(await dueOf(no.id)).toBe(today('NO').plusDays(-75).toString());
  expect(await dueOf(other.id)).toBe(before.otherDue);
  // The purchase as it was booked: the same entries, exposure, payout; the invoice's own terms kept (its dates moved together).
  expect(await snapshot(se.id, se.debtorId)).toEqual(before.se);
  expect(await snapshot(no.id, no.debtorId)).toEqual(before.no);
  expect(await movesOf(se.id)).toBe(1);

  // The day's follow-up ran in both countries: each moved invoice has its first reminder, made today (a letter to deliver).
  expect(first.followUp.map((run) => run.country)).toEqual(['SE', 'NO']);
  expect(first.followUp.flatMap((run) => run.failed)).toEqual([]);
  expect(await stepsOf(se.id)).toEqual([{ step: 'REMINDER', taken_on: today('SE').toString() }]);
  expect(await stepsOf(no.id)).toEqual([{ step: 'REMINDER', taken_on: today('NO').toString() }]);
  expect(await stepsOf(other.id)).toEqual([]);
  const [{ letters }] = await t.db.query(`SELECT count(*)::int AS letters FROM document_delivery WHERE invoice_id = ANY($1) AND document_kind = 'PAYMENT_REMINDER'`, [[se.id, no.id]]);
  expect(letters).toBe(2);

  // The home's overdue queue counts them (collection's card).
  const home = await t.gql<{ home: { sections: Array<{ queues: Array<{ key: string; count: number; oldestAgeHours: number | null }> }> } }>(
    `{ home { sections { queues { key count oldestAgeHours } } } }`,
    {},
    admin.token,
  );
  const overdue = home.data!.home.sections.flatMap((s) => s.queues).find((q) => q.key === 'OVERDUE_INVOICES')!;
  expect(overdue.count).toBe(2);
  expect(overdue.oldestAgeHours).toBeGreaterThanOrEqual(74 * 24);

  // A second start changes nothing: no date moves again, no step or letter is added.
  const second = await moveDemoInvoicesOverdue(deps, list);
  expect(second.moved).toEqual([]);
  expect(second.followUp.reduce((n, run) => n + run.acted, 0)).toBe(0);
  expect(await dueOf(se.id)).toBe(today('SE').plusDays(-12).toString());
  expect(await movesOf(se.id)).toBe(1);
  expect(await stepsOf(no.id)).toHaveLength(1);
  const [{ again }] = await t.db.query(`SELECT count(*)::int AS again FROM document_delivery WHERE invoice_id = ANY($1) AND document_kind = 'PAYMENT_REMINDER'`, [[se.id, no.id]]);
  expect(again).toBe(2);
}, 120_000);

it("builds the entry point's small module (no HTTP, no queues) with everything the step needs", async () => {
  const app = await NestFactory.createApplicationContext(DemoOverdueModule, { logger: ['error'] });
  try {
    expect(app.get(FollowUpService)).toBeInstanceOf(FollowUpService);
    expect(app.get(TimelineService)).toBeInstanceOf(TimelineService);
    expect(app.select(CollectionModule).get<symbol, Clock>(CLOCK, { strict: true }).today('SE')).toBeDefined();
  } finally {
    await app.close();
  }
}, 60_000);
