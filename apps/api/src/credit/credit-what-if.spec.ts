import { getQueueToken } from '@nestjs/bullmq';
import { CreditOutcome, reviveCreditInput, whatIf, WhatIfResult } from '@factoring/rules';
import { Queue } from 'bullmq';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { QUEUES } from '../queues/queues.module';
import { CreditWhatIfService, WHAT_IF_DECISION_BOUND } from './credit-what-if.service';

/**
 * The what-if (issue 9 i) as a job of the worker: started by a mutation, replayed in chunks
 * by the worker on its own database (so its relay and queue see only this file's work),
 * bounded, resumable, and read back with its progress.
 */
let t: TestApp;
let analyst: { id: string; token: string };
let admin: { id: string; token: string };
let whatIfs: CreditWhatIfService;
let settings: Record<string, unknown>;

const { clientWithKey, accepted, setLimit, noSpotChecksInNorway, norwegianDebtor } = creditFixtures(
  () => t,
  () => ({ analyst, admin }),
);

const RUN_FIELDS = `id status country days bound total replayed truncated failure startedBy { id name } createdAt startedAt finishedAt
  result { decisions truncated bound before after moved exposureTakenBefore exposureTakenAfter }`;
const START = `mutation($v: JSON!, $days: Int) { startCreditWhatIf(country: NO, value: $v, days: $days) { ${RUN_FIELDS} } }`;
const RUN = `query($id: ID!) { creditWhatIfRun(id: $id) { ${RUN_FIELDS} } }`;
const RUNS = `{ creditWhatIfRuns { id status } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)} after ${ms} ms`);
    await sleep(100);
  }
}

const readRun = async (id: string) => {
  const answer = await t.gql(RUN, { id }, admin.token);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data.creditWhatIfRun;
};
const finished = (id: string) => until(`what-if ${id}`, () => readRun(id), (run) => run.status === 'DONE' || run.status === 'FAILED');

/** What the synchronous replay in the API process answered before (the old creditWhatIf query), newest `limit` only. */
async function synchronousWhatIf(value: Record<string, unknown>, days: number, limit = 1_000_000): Promise<WhatIfResult> {
  const rows: Array<{ input: unknown; outcome: CreditOutcome }> = await t.db.query(
    `SELECT * FROM (
       SELECT d.id, d.input, d.outcome FROM credit_decision d JOIN invoice i ON i.id = d.invoice_id
        WHERE d.kind = 'AUTOMATIC' AND d.input IS NOT NULL AND i.country = $1 AND d.decided_at > now() - make_interval(days => $2)
        ORDER BY d.id DESC LIMIT $3) recent
      ORDER BY id`,
    ['NO', days, limit],
  );
  return whatIf(
    rows.map((row) => ({ input: reviveCreditInput(row.input), outcome: row.outcome })),
    { validFrom: 'what-if', source: 'candidate', value: value as never },
  );
}

/** The what-if queue paused: a job added meanwhile waits, so the test replays the run itself. */
const queueOf = () => t.app.get<Queue>(getQueueToken(QUEUES.creditWhatIf));

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase({ http: true, workers: true });
  whatIfs = t.app.get(CreditWhatIfService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await noSpotChecksInNorway();
  settings = (await t.gql(`{ ruleSettings(name: "credit", country: NO) { value } }`, {}, admin.token)).data!.ruleSettings[0].value;

  // Seven decisions by the worker: the first to a debtor without a limit is denied, the rest are bought.
  const client = await clientWithKey('NO');
  const debtor = norwegianDebtor();
  const first = await accepted(client.key, 'NO', debtor, [{ quantity: '10', unitPrice: '100' }]);
  await until('the first decision', async () => (await t.db.query(`SELECT count(*)::int AS n FROM credit_decision WHERE invoice_id = $1`, [first.id]))[0].n, (n) => n === 1);
  await setLimit(first.debtorId, '1000000');
  for (let i = 1; i < 7; i += 1) await accepted(client.key, 'NO', debtor, [{ quantity: '10', unitPrice: `${100 + i * 7}.25` }]);
  await until('seven decisions', async () => (await t.db.query(`SELECT count(*)::int AS n FROM credit_decision WHERE kind = 'AUTOMATIC'`))[0].n, (n) => n === 7);
}, 90_000);

afterAll(() => t?.close());

it('is started by an admin and replayed by the worker: progress reaches the total, and the result is what the synchronous replay gave', async () => {
  const lenient = { ...settings, limitToleranceShare: '0.25' };
  const started = await t.gql(START, { v: lenient, days: 90 }, admin.token);
  expect(started.errors).toBeUndefined();
  const run = started.data!.startCreditWhatIf;
  expect(run).toMatchObject({ status: 'QUEUED', country: 'NO', days: 90, bound: WHAT_IF_DECISION_BOUND, replayed: 0, startedBy: { id: admin.id, name: 'Adam Admin' } });

  const done = await finished(run.id);
  const expected = await synchronousWhatIf(lenient, 90);
  expect(expected.decisions).toBe(7);
  expect(done).toMatchObject({ status: 'DONE', total: 7, replayed: 7, truncated: false, failure: null });
  expect(done.result).toEqual({ ...expected, truncated: false, bound: WHAT_IF_DECISION_BOUND });
  expect(done.result.before.DENY).toBeGreaterThan(0);
  expect(new Date(done.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(done.startedAt).getTime());

  // The start is audited with the run it made, in the same transaction as the run.
  const [audit] = await t.db.query(`SELECT outcome, target_type, target_id FROM audit_entry WHERE operation = 'startCreditWhatIf' AND actor_id = $1`, [admin.id]);
  expect(audit).toEqual({ outcome: 'SUCCEEDED', target_type: 'CREDIT_WHAT_IF_RUN', target_id: run.id });
  expect((await t.gql(RUNS, {}, admin.token)).data!.creditWhatIfRuns[0]).toEqual({ id: run.id, status: 'DONE' });
});

it('replays only the most recent decisions up to the bound, and says the answer was cut', async () => {
  const run = await whatIfs.start({ id: admin.id }, { country: 'NO' as never, value: settings, days: 30 }, { bound: 3 });
  const done = await finished(run.id);
  const expected = await synchronousWhatIf(settings, 30, 3);
  expect(expected.decisions).toBe(3);
  expect(done).toMatchObject({ status: 'DONE', bound: 3, total: 3, replayed: 3, truncated: true });
  expect(done.result).toEqual({ ...expected, truncated: true, bound: 3 });
});

it('counts each decision once when the job is cut off after a chunk and then run twice at once', async () => {
  const queue = queueOf();
  await queue.pause();
  try {
    const run = await whatIfs.start({ id: admin.id }, { country: 'NO' as never, value: settings, days: 90 });
    // A worker killed after its first chunk of two: the chunk and the progress are saved together.
    const killed = whatIfs.replay(run.id, {
      chunkSize: 2,
      onProgress: () => {
        throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    expect(await readRun(run.id)).toMatchObject({ status: 'RUNNING', replayed: 2, total: 7, result: null });

    // Retried twice at once (a stalled job taken again while the first still runs): each decision counts once.
    await Promise.all([whatIfs.replay(run.id, { chunkSize: 2 }), whatIfs.replay(run.id, { chunkSize: 2 })]);
    const done = await readRun(run.id);
    expect(done).toMatchObject({ status: 'DONE', total: 7, replayed: 7 });
    expect(done.result).toEqual({ ...(await synchronousWhatIf(settings, 90)), truncated: false, bound: WHAT_IF_DECISION_BOUND });

    // The queued job still runs when the queue resumes: a finished run is left as it is.
    await queue.resume();
    await until('the queued job', async () => (await queue.getJob(run.id))?.getState(), (state) => state === 'completed');
    expect(await readRun(run.id)).toEqual(done);
  } finally {
    await queue.resume();
  }
});

it("answers an admin who starts the same what-if again with the running one, and another one with CONFLICT until it is done", async () => {
  const queue = queueOf();
  await queue.pause();
  let first: { id: string };
  try {
    first = (await t.gql(START, { v: settings, days: 60 }, admin.token)).data!.startCreditWhatIf;
    const again = (await t.gql(START, { v: settings, days: 60 }, admin.token)).data!.startCreditWhatIf;
    expect(again.id).toBe(first.id);
    const other = await t.gql(START, { v: settings, days: 61 }, admin.token);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_WHAT_IF_ALREADY_RUNNING' });
    expect((await readRun(first.id)).status).toBe('QUEUED');
  } finally {
    await queue.resume();
  }
  expect((await finished(first.id)).status).toBe('DONE');
  const next = await t.gql(START, { v: settings, days: 61 }, admin.token);
  expect(next.data?.startCreditWhatIf.id).not.toBe(first.id);
  expect((await finished(next.data!.startCreditWhatIf.id)).status).toBe('DONE');
});

it('refuses invalid settings naming the field before anything is queued, an unknown run, and anyone but an admin', async () => {
  const before = (await t.db.query(`SELECT count(*)::int AS n FROM credit_what_if_run`))[0].n;
  const bad = await t.gql(START, { v: { ...settings, limitToleranceShare: '-1' } }, admin.token);
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value.limitToleranceShare' });
  expect((await t.db.query(`SELECT count(*)::int AS n FROM credit_what_if_run`))[0].n).toBe(before);

  const unknown = await t.gql(RUN, { id: '00000000-0000-4000-8000-000000000000' }, admin.token);
  expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CREDIT_WHAT_IF_RUN_NOT_FOUND' });

  for (const [query, variables] of [
    [START, { v: settings }],
    [RUN, { id: '00000000-0000-4000-8000-000000000000' }],
    [RUNS, {}],
  ] as const) {
    expect((await t.gql(query, variables, analyst.token)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
  }
});
