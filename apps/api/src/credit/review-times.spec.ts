import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { day } from '../../test-support/invoices';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { CreditService } from './credit.service';

/**
 * How long a manual assessment or a spot check may take is policy: a dated setting with its
 * source, not configuration. A database of its own, as publishing a version that is in force
 * today would change the promises of the test files running beside this one.
 */
const PUBLISH = `mutation($v: JSON!, $from: String!) {
  publishRuleSetting(name: "reviewTimes", country: SE, validFrom: $from, value: $v, source: "Test: faster spot checks") { validFrom value }
}`;

let t: TestApp;
let credit: CreditService;
let staff: { analyst: { token: string }; admin: { token: string } };
const f = creditFixtures(() => t, () => staff);

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  staff = await analystAndAdmin(t);
});
afterAll(() => t?.close());

async function spotCheckDueIn(): Promise<number> {
  const client = await f.clientWithKey('SE');
  const invoice = await f.accepted(client.key, 'SE', f.swedishDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  const decidedAt = new Date();
  expect(await credit.decide(invoice.id, decidedAt)).toBe('SPOT_CHECK');
  const [{ due_at: dueAt }] = await t.db.query(`SELECT due_at FROM credit_review WHERE invoice_id = $1`, [invoice.id]);
  return (new Date(dueAt).getTime() - decidedAt.getTime()) / 3_600_000;
}

it('promises a spot check within the hours in force: 24 built in, then what an admin publishes', async () => {
  expect(await spotCheckDueIn()).toBe(24);
  const published = await t.gql(PUBLISH, { v: { manualAssessmentHours: 4, spotCheckHours: 6 }, from: day(0) }, staff.admin.token);
  expect(published.data!.publishRuleSetting).toEqual({ validFrom: day(0), value: { manualAssessmentHours: 4, spotCheckHours: 6 } });
  expect(await spotCheckDueIn()).toBe(6);
});

it('refuses hours that are not whole or out of bounds, naming the field, and publishes nothing', async () => {
  const refused = await t.gql(PUBLISH, { v: { manualAssessmentHours: 4, spotCheckHours: 0 }, from: day(1) }, staff.admin.token);
  expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REVIEW_TIME_HOURS_OUT_OF_RANGE', field: 'value.spotCheckHours' });
  const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rule_setting WHERE name = 'reviewTimes' AND valid_from = $1`, [day(1)]);
  expect(n).toBe(0);
});
