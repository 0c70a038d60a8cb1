import { analystAndAdmin, applicationInput, SUBMIT } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';

/**
 * The home page's counts (issue 11, s.2), against the real app on a database of its own, so
 * every count can be checked against the rows themselves: each role gets its own queues (an
 * admin every role's), counted over the whole queue, with the overdue ones among them.
 */
const HOME = `query { home {
  countedAt
  sections { role queues { key role count oldestSince oldestAgeHours overdue dueToday claimedByMe waitingForClient ageBuckets { bucket count } } }
  payoutsDue { book currency payoutDate count total late held heldTotal }
  decisionsPerDay { day outcomes { outcome count } }
} }`;

interface Queue {
  key: string;
  role: string;
  count: number;
  oldestSince: string | null;
  oldestAgeHours: number | null;
  overdue: number;
  dueToday: number;
  claimedByMe: number | null;
  waitingForClient: number;
  ageBuckets: Array<{ bucket: string; count: number }>;
}
interface Home {
  countedAt: string;
  sections: Array<{ role: string; queues: Queue[] }>;
  payoutsDue: Array<{ book: string; currency: string; payoutDate: string; count: number; total: string; late: number; held: number; heldTotal: string }>;
  decisionsPerDay: Array<{ day: string; outcomes: Array<{ outcome: string; count: number }> }>;
}

const FAR_DAY = '2099-12-29'; // a banking day in both countries, far enough that everything bought is due by then

let t: TestApp;
let credit: CreditService;
let analyst: { id: string; token: string };
let admin: { token: string };
let otherAnalyst: { id: string; token: string };
let finance: { token: string };
let collection: { id: string; token: string };
const caseIds: string[] = [];
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const home = async (token: string): Promise<Home> => {
  const answer = await t.gql<{ home: Home }>(HOME, {}, token);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data.home;
};
const queue = (h: Home, key: string) => h.sections.flatMap((s) => s.queues).find((q) => q.key === key)!;

async function manualItem() {
  const client = await f.clientWithKey('NO');
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor(), [{ quantity: '1', unitPrice: '40000' }]);
  await f.setLimit(invoice.debtorId, '1000000');
  await t.db.query(`UPDATE debtor SET kind = 'PERSON' WHERE id = $1`, [invoice.debtorId]);
  expect(await credit.decide(invoice.id)).toBe('MANUAL_ASSESSMENT');
  const [{ id }] = await t.db.query(`SELECT id FROM credit_review WHERE invoice_id = $1 AND state <> 'CLOSED'`, [invoice.id]);
  return id as string;
}

async function spotCheckItem() {
  const client = await f.clientWithKey('SE');
  const invoice = await f.accepted(client.key, 'SE', f.swedishDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('SPOT_CHECK');
  const [{ id }] = await t.db.query(`SELECT id FROM credit_review WHERE invoice_id = $1 AND state <> 'CLOSED'`, [invoice.id]);
  return id as string;
}

async function bought() {
  const client = await f.clientWithKey('NO');
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  return invoice;
}

/** The database's own counts of a credit-review queue, as the list page's filter reads it. */
async function reviewCounts(kind: string, me: string) {
  const [row] = await t.db.query(
    `SELECT count(*)::int AS count, min(opened_at) AS oldest,
            count(*) FILTER (WHERE state = 'OPEN' AND due_at < now())::int AS overdue,
            count(*) FILTER (WHERE claimed_by = $2)::int AS mine,
            count(*) FILTER (WHERE state = 'WAITING_FOR_CLIENT')::int AS waiting
       FROM credit_review WHERE kind = $1 AND state <> 'CLOSED'`,
    [kind, me],
  );
  return row;
}

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  const staff = await analystAndAdmin(t);
  analyst = staff.analyst;
  admin = staff.admin;
  const b = await newStaff(t.db, { roles: [Role.CREDIT_ANALYST], name: 'Bo Bengtsson' });
  otherAnalyst = { id: b.id, token: await t.signIn(b.email, b.password) };
  const fin = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Fia Finans' });
  finance = { token: await t.signIn(fin.email, fin.password) };
  const col = await newStaff(t.db, { roles: [Role.COLLECTION], name: 'Kim Kravhantering' });
  collection = { id: col.id, token: await t.signIn(col.email, col.password) };
  await f.noSpotChecksInNorway();

  // Credit reviews: three manual assessments (one long overdue, one claimed by the analyst, one waiting for the client), one spot check held by the other analyst.
  const late = await manualItem();
  await t.db.query(`UPDATE credit_review SET opened_at = now() - interval '50 hours', due_at = now() - interval '2 hours' WHERE id = $1`, [late]);
  const claimed = await manualItem();
  await t.gql(`mutation($id: ID!) { claimCreditReview(id: $id) { id } }`, { id: claimed }, analyst.token);
  const waiting = await manualItem();
  await t.gql(`mutation($id: ID!) { claimCreditReview(id: $id) { id } }`, { id: waiting }, otherAnalyst.token);
  await t.gql(`mutation($id: ID!, $note: String!) { askClientForInformation(id: $id, note: $note) { state } }`, { id: waiting, note: 'Please send the contract' }, otherAnalyst.token);
  const spot = await spotCheckItem();
  await t.gql(`mutation($id: ID!) { claimCreditReview(id: $id) { id } }`, { id: spot }, otherAnalyst.token);

  // Client applications: two pending, one of them past its answer day; the other held by the analyst.
  const pending = [];
  for (let i = 0; i < 2; i += 1) {
    const submitted = await t.gql(SUBMIT, { input: applicationInput('SE') }, analyst.token);
    pending.push(submitted.data!.submitClientApplication.id as string);
  }
  await t.db.query(`UPDATE client_application SET submitted_at = now() - interval '9 days', answer_due_on = current_date - 6 WHERE id = $1`, [pending[0]]);
  await t.gql(`mutation($id: ID!) { claimClientApplication(id: $id) { id } }`, { id: pending[1] }, analyst.token);

  // Payouts: one bought invoice goes into a batch waiting for approval (its day moved into the past: late); another waits to be batched.
  await bought();
  const fin2 = await newStaff(t.db, { roles: [Role.FINANCE] });
  const preparer = await t.signIn(fin2.email, fin2.password);
  const batch = await t.gql(`mutation($d: String) { preparePayoutBatch(book: NO, payoutDate: $d) { id } }`, { d: FAR_DAY }, preparer);
  if (!batch.data) throw new Error(JSON.stringify(batch.errors));
  await t.db.query(`UPDATE payout_batch SET payout_date = current_date - 3, prepared_at = now() - interval '3 days' WHERE id = $1`, [batch.data.preparePayoutBatch.id]);
  await bought();

  // Collection cases: two handed to collection, one claimed by the collector; the other proposed for write-off (finance's to approve).
  for (let i = 0; i < 2; i += 1) {
    const invoice = await bought();
    // Only an overdue invoice goes to collection.
    await t.db.query(`UPDATE invoice SET invoice_date = current_date - 90, delivery_date = current_date - 90, due_date = current_date - 60 WHERE id = $1`, [invoice.id]);
    const handed = await t.gql(`mutation($i: ID!) { handOffToCollection(invoiceId: $i, note: "No answer") { id } }`, { i: invoice.id }, collection.token);
    if (!handed.data) throw new Error(JSON.stringify(handed.errors));
    caseIds.push(handed.data.handOffToCollection.id);
  }
  await t.gql(`mutation($id: ID!) { claimCollectionCase(id: $id) { id } }`, { id: caseIds[0] }, collection.token);
  await t.db.query(
    `UPDATE collection_case SET state = 'WRITE_OFF_PROPOSED', write_off_proposed_by = opened_by, write_off_proposed_at = now() - interval '30 hours', write_off_reason = 'No assets' WHERE id = $1`,
    [caseIds[1]],
  );
  // Refunds: one recorded before the NO batch was prepared (it missed that batch: late), one since.
  const [{ client_id: clientId }] = await t.db.query(`SELECT client_id FROM collection_case WHERE id = $1`, [caseIds[0]]);
  for (const [cause, age] of [['home-spec:refund:1', '5 days'], ['home-spec:refund:2', '1 hour']]) {
    await t.db.query(
      `INSERT INTO payout_refund (kind, cause, book, currency, client_id, amount, reference, created_at) VALUES ('CLIENT_REPAYMENT', $1, 'NO', 'NOK', $2, '125.50', 'Repayment', now() - $3::interval)`,
      [cause, clientId, age],
    );
  }
  // Deliveries: one flagged as failed; one a letter waiting since yesterday's print day (late), one for today's.
  const deliveries: Array<{ id: string }> = await t.db.query(`SELECT id FROM document_delivery ORDER BY created_at, id LIMIT 3`);
  expect(deliveries).toHaveLength(3);
  await t.db.query(`UPDATE document_delivery SET flagged = true, flag_reason = 'GAVE_UP', status = 'FAILED' WHERE id = $1`, [deliveries[0].id]);
  await t.db.query(`UPDATE document_delivery SET channel = 'POST', status = 'AWAITING_PRINT', print_day = (now() AT TIME ZONE 'Europe/Oslo')::date - 1 WHERE id = $1`, [deliveries[1].id]);
  await t.db.query(`UPDATE document_delivery SET channel = 'POST', status = 'AWAITING_PRINT', print_day = (now() AT TIME ZONE 'Europe/Oslo')::date WHERE id = $1`, [deliveries[2].id]);
}, 120_000);
afterAll(() => t?.close());

describe('the home page', () => {
  it("gives a credit analyst the analyst's queues, counted over the whole queue as the database holds it", async () => {
    const h = await home(analyst.token);
    expect(h.sections.map((s) => s.role)).toEqual(['CREDIT_ANALYST']);
    expect(h.sections[0].queues.map((q) => q.key)).toEqual(['CLIENT_APPLICATIONS', 'MANUAL_ASSESSMENT', 'SPOT_CHECKS']);

    for (const [key, kind] of [['MANUAL_ASSESSMENT', 'MANUAL_ASSESSMENT'], ['SPOT_CHECKS', 'SPOT_CHECK']] as const) {
      const db = await reviewCounts(kind, analyst.id);
      expect(queue(h, key)).toMatchObject({ role: 'CREDIT_ANALYST', count: db.count, overdue: db.overdue, claimedByMe: db.mine, waitingForClient: db.waiting });
      expect(new Date(queue(h, key).oldestSince!).getTime()).toBe(new Date(db.oldest).getTime());
      expect(queue(h, key).ageBuckets.reduce((sum, b) => sum + b.count, 0)).toBe(db.count);
    }
    expect(queue(h, 'MANUAL_ASSESSMENT')).toMatchObject({ count: 3, overdue: 1, claimedByMe: 1, waitingForClient: 1, oldestAgeHours: 50 });
    expect(queue(h, 'MANUAL_ASSESSMENT').ageBuckets).toEqual([
      { bucket: 'UNDER_4_HOURS', count: 2 },
      { bucket: 'FROM_4_TO_24_HOURS', count: 0 },
      { bucket: 'FROM_1_TO_3_DAYS', count: 1 },
      { bucket: 'FROM_3_TO_7_DAYS', count: 0 },
      { bucket: 'OVER_7_DAYS', count: 0 },
    ]);
    expect(queue(h, 'SPOT_CHECKS')).toMatchObject({ count: 1, overdue: 0, claimedByMe: 0 });
    // The promise of a fresh item falls today or tomorrow: never both overdue and due today.
    const [{ today }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE state = 'OPEN' AND due_at >= now() AND (due_at AT TIME ZONE 'Europe/Oslo')::date = (now() AT TIME ZONE 'Europe/Oslo')::date)::int AS today
         FROM credit_review WHERE kind = 'MANUAL_ASSESSMENT' AND state <> 'CLOSED'`,
    );
    expect(queue(h, 'MANUAL_ASSESSMENT').dueToday).toBe(today);

    const [apps] = await t.db.query(
      `SELECT count(*)::int AS count, min(submitted_at) AS oldest, count(*) FILTER (WHERE answer_due_on < (now() AT TIME ZONE 'Europe/Stockholm')::date)::int AS overdue,
              count(*) FILTER (WHERE answer_due_on = (now() AT TIME ZONE 'Europe/Stockholm')::date)::int AS today,
              count(*) FILTER (WHERE claimed_by = $1)::int AS mine
         FROM client_application WHERE state = 'PENDING'`,
      [analyst.id],
    );
    expect(queue(h, 'CLIENT_APPLICATIONS')).toMatchObject({ count: apps.count, overdue: apps.overdue, dueToday: apps.today, claimedByMe: apps.mine, waitingForClient: 0 });
    expect(queue(h, 'CLIENT_APPLICATIONS')).toMatchObject({ count: 2, overdue: 1, claimedByMe: 1 });
    expect(new Date(queue(h, 'CLIENT_APPLICATIONS').oldestSince!).getTime()).toBe(new Date(apps.oldest).getTime());
    expect(queue(h, 'CLIENT_APPLICATIONS').ageBuckets.find((b) => b.bucket === 'OVER_7_DAYS')!.count).toBe(1);

    // Nothing of finance's: no payouts, no batches.
    expect(h.payoutsDue).toEqual([]);
  });

  it("counts what the one asking holds: the other analyst's claims are theirs", async () => {
    const h = await home(otherAnalyst.token);
    expect(queue(h, 'SPOT_CHECKS').claimedByMe).toBe(1);
    expect(queue(h, 'MANUAL_ASSESSMENT').claimedByMe).toBe(1);
    expect(queue(h, 'CLIENT_APPLICATIONS').claimedByMe).toBe(0);
  });

  it('charts the last 30 days of credit decisions by outcome, each day as the database counts it', async () => {
    const h = await home(analyst.token);
    expect(h.decisionsPerDay).toHaveLength(30);
    const days = h.decisionsPerDay.map((d) => d.day);
    expect([...days].sort()).toEqual(days);
    const [{ today }] = await t.db.query(`SELECT (now() AT TIME ZONE 'Europe/Stockholm')::date::text AS today`);
    expect(days[29]).toBe(today);
    const counted: Array<{ outcome: string; n: number }> = await t.db.query(
      `SELECT outcome, count(*)::int AS n FROM credit_decision WHERE (decided_at AT TIME ZONE 'Europe/Stockholm')::date = $1::date GROUP BY outcome`,
      [today],
    );
    const shown = Object.fromEntries(h.decisionsPerDay[29].outcomes.map((o) => [o.outcome, o.count]));
    expect(Object.keys(shown).sort()).toEqual(['APPROVE', 'ASK_CLIENT', 'DENY', 'MANUAL_ASSESSMENT', 'SPOT_CHECK']);
    for (const outcome of Object.keys(shown)) expect(shown[outcome]).toBe(counted.find((c) => c.outcome === outcome)?.n ?? 0);
    expect(shown.MANUAL_ASSESSMENT).toBe(3);
    expect(shown.SPOT_CHECK).toBe(1);
    expect(shown.APPROVE).toBeGreaterThanOrEqual(2);
    expect(h.decisionsPerDay[0].outcomes.every((o) => o.count === 0)).toBe(true);
  });

  it("gives finance what is due for payout per book and the batches waiting, and none of the analyst's cards", async () => {
    const h = await home(finance.token);
    expect(h.sections.map((s) => s.role)).toEqual(['FINANCE']);
    expect(h.sections[0].queues.map((q) => q.key)).toEqual([
      'PAYOUT_BATCHES_TO_APPROVE',
      'PAYOUT_BATCHES_TO_SEND',
      'UNMATCHED_PAYMENTS',
      'REFUNDS_DUE',
      'WRITE_OFFS_TO_APPROVE',
      'FAILED_DELIVERIES',
      'PRINT_BATCH',
    ]);
    expect(h.decisionsPerDay).toEqual([]);

    const [batches] = await t.db.query(
      `SELECT count(*)::int AS count, count(*) FILTER (WHERE payout_date < (now() AT TIME ZONE 'Europe/Oslo')::date)::int AS overdue, min(prepared_at) AS oldest FROM payout_batch WHERE state = 'PREPARED'`,
    );
    expect(queue(h, 'PAYOUT_BATCHES_TO_APPROVE')).toMatchObject({ role: 'FINANCE', count: batches.count, overdue: batches.overdue, claimedByMe: null });
    expect(queue(h, 'PAYOUT_BATCHES_TO_APPROVE')).toMatchObject({ count: 1, overdue: 1, oldestAgeHours: 72 });
    expect(queue(h, 'PAYOUT_BATCHES_TO_SEND')).toMatchObject({ count: 0, overdue: 0, oldestSince: null });

    expect(h.payoutsDue.map((p) => [p.book, p.currency])).toEqual([['SE', 'SEK'], ['NO', 'NOK']]);
    for (const book of ['SE', 'NO']) {
      const due = (await t.gql(`query($b: Country!) { payoutsDue(book: $b) { payoutDate included { invoiceId amount } held { invoiceId amount } } }`, { b: book }, finance.token)).data!.payoutsDue;
      const card = h.payoutsDue.find((p) => p.book === book)!;
      expect(card).toMatchObject({ payoutDate: due.payoutDate, count: due.included.length, held: due.held.length });
      const [{ total }] = await t.db.query(`SELECT coalesce(sum(payout), 0)::numeric(18,2)::text AS total FROM invoice WHERE id = ANY($1)`, [due.included.map((r: { invoiceId: string }) => r.invoiceId)]);
      expect(card.total).toBe(total);
    }
    // The second invoice bought and the two handed to collection since wait for their batch: planned for the next file day at the latest.
    expect(h.payoutsDue.find((p) => p.book === 'NO')).toMatchObject({ count: 3, total: expect.stringMatching(/^\d+\.\d\d$/), held: 0, heldTotal: '0.00' });
  });

  it('tells collection it has its section, and nothing of the others', async () => {
    const h = await home(collection.token);
    expect(h.sections.map((s) => s.role)).toEqual(['COLLECTION']);
    // Its disputes, overdue invoices and recourse invoices (issue 15), counted whole.
    expect(h.sections[0].queues.map((q) => q.key)).toEqual(['DISPUTES', 'OVERDUE_INVOICES', 'RECOURSE_INVOICES', 'COLLECTION_CASES']);
    expect(h.payoutsDue).toEqual([]);
    expect(h.decisionsPerDay).toEqual([]);
  });

  it("counts collection's cases as the handoff list shows them (active, claimed one by one)", async () => {
    const h = await home(collection.token);
    const [db] = await t.db.query(
      `SELECT count(*)::int AS count, min(opened_at) AS oldest, count(*) FILTER (WHERE claimed_by = $1)::int AS mine
         FROM collection_case WHERE state NOT IN ('PAID','WRITTEN_OFF','CLOSED')`,
      [collection.id],
    );
    expect(queue(h, 'COLLECTION_CASES')).toMatchObject({ role: 'COLLECTION', count: db.count, overdue: 0, dueToday: 0, claimedByMe: db.mine });
    expect(queue(h, 'COLLECTION_CASES')).toMatchObject({ count: 2, claimedByMe: 1 });
    expect(new Date(queue(h, 'COLLECTION_CASES').oldestSince!).getTime()).toBe(new Date(db.oldest).getTime());
  });

  it("counts finance's other queues over the whole of each: refunds due, write-offs to approve, failed deliveries, letters to print", async () => {
    const h = await home(finance.token);
    const counted = async (sql: string) => (await t.db.query(sql))[0];
    const refunds = await counted(
      `SELECT count(*)::int AS count, min(created_at) AS oldest FROM payout_refund r
        WHERE NOT EXISTS (SELECT 1 FROM payout_line l WHERE l.refund_id = r.id AND l.state IN ('INCLUDED','SETTLED'))`,
    );
    // The refund recorded before the NO batch was prepared missed it: past its promise (the next batch).
    expect(queue(h, 'REFUNDS_DUE')).toMatchObject({ role: 'FINANCE', count: refunds.count, overdue: 1, claimedByMe: null });
    expect(queue(h, 'REFUNDS_DUE')).toMatchObject({ count: 2, oldestAgeHours: 120 });
    expect(new Date(queue(h, 'REFUNDS_DUE').oldestSince!).getTime()).toBe(new Date(refunds.oldest).getTime());

    const writeOffs = await counted(`SELECT count(*)::int AS count, min(write_off_proposed_at) AS oldest FROM collection_case WHERE state = 'WRITE_OFF_PROPOSED'`);
    expect(queue(h, 'WRITE_OFFS_TO_APPROVE')).toMatchObject({ count: writeOffs.count, overdue: 0, claimedByMe: null, oldestAgeHours: 30 });
    expect(writeOffs.count).toBe(1);
    expect(queue(h, 'WRITE_OFFS_TO_APPROVE').ageBuckets.find((b) => b.bucket === 'FROM_1_TO_3_DAYS')!.count).toBe(1);

    const failed = await counted(`SELECT count(*)::int AS count, min(updated_at) AS oldest FROM document_delivery WHERE flagged`);
    expect(queue(h, 'FAILED_DELIVERIES')).toMatchObject({ count: failed.count, overdue: 0, claimedByMe: null });
    expect(failed.count).toBe(1);
    expect(new Date(queue(h, 'FAILED_DELIVERIES').oldestSince!).getTime()).toBe(new Date(failed.oldest).getTime());

    // Letters: past their print day (late), or for today's.
    const post = await counted(
      `SELECT count(*)::int AS count,
              count(*) FILTER (WHERE d.print_day < (now() AT TIME ZONE CASE i.country WHEN 'NO' THEN 'Europe/Oslo' ELSE 'Europe/Stockholm' END)::date)::int AS late,
              count(*) FILTER (WHERE d.print_day = (now() AT TIME ZONE CASE i.country WHEN 'NO' THEN 'Europe/Oslo' ELSE 'Europe/Stockholm' END)::date)::int AS today
         FROM document_delivery d JOIN invoice i ON i.id = d.invoice_id WHERE d.channel = 'POST' AND d.status = 'AWAITING_PRINT'`,
    );
    expect(queue(h, 'PRINT_BATCH')).toMatchObject({ count: post.count, overdue: post.late, dueToday: post.today, claimedByMe: null });
    expect(post).toMatchObject({ count: 2, late: 1, today: 1 });
    for (const key of ['REFUNDS_DUE', 'WRITE_OFFS_TO_APPROVE', 'FAILED_DELIVERIES', 'PRINT_BATCH']) {
      expect(queue(h, key).ageBuckets.reduce((sum, b) => sum + b.count, 0)).toBe(queue(h, key).count);
    }
  });

  it("shows an admin every role's work, with the same counts", async () => {
    const h = await home(admin.token);
    const own = await home(analyst.token);
    expect(h.sections.map((s) => s.role)).toEqual(['CREDIT_ANALYST', 'COLLECTION', 'FINANCE']);
    // Every queue of every role (3 + 4 + 7), claims counted as the admin's (who holds none).
    expect(h.sections.flatMap((s) => s.queues).map((q) => q.key)).toHaveLength(14);
    expect(queue(h, 'COLLECTION_CASES')).toMatchObject({ count: 2, claimedByMe: 0 });
    expect(queue(h, 'PRINT_BATCH').count).toBe(2);
    for (const key of ['CLIENT_APPLICATIONS', 'MANUAL_ASSESSMENT', 'SPOT_CHECKS']) {
      const { claimedByMe: _mine, ...counts } = queue(own, key);
      expect(queue(h, key)).toMatchObject({ ...counts, oldestAgeHours: expect.any(Number) });
    }
    expect(queue(h, 'PAYOUT_BATCHES_TO_APPROVE').count).toBe(1);
    expect(h.payoutsDue).toHaveLength(2);
    expect(h.decisionsPerDay).toHaveLength(30);
  });

  it('is for staff only', async () => {
    expect(errorOf(await t.gql(HOME))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
