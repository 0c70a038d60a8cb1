import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';
import { QUEUES } from '../queues/queues.module';
import { ExposureCheck } from './exposure-check';
import { EXPOSURE_CHECK_JOB, EXPOSURE_CHECK_SCHEDULER, ExposureCheckProcessor } from './exposure-check.processor';

/**
 * The daily exposure check (issue 14 s.2) on a database of its own (it reads every debtor): a
 * BullMQ job scheduler runs it daily, each day's answer is recorded once, and finance's home
 * shows the latest as a card, with the debtors that differ.
 */
let t: TestApp;
let check: ExposureCheck;
let analyst: { token: string };
let admin: { token: string };
let finance: string;
const f = creditFixtures(() => t, () => ({ analyst, admin }));
const HOME = `query { home { exposureCheck { runOn differenceCount differences { debtorId exposure receivables } } } }`;

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  check = t.app.get(ExposureCheck);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const fin = await newStaff(t.db, { roles: [Role.FINANCE] });
  finance = await t.signIn(fin.email, fin.password);
});
afterAll(() => t?.close());

it('is scheduled once a day in Stockholm, records one answer per day, and finance sees it on the home (nothing for other roles)', async () => {
  const client = await f.clientWithKey('NO');
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await t.app.get(CreditService).decide(invoice.id)).toBe('APPROVE');

  const queue = t.app.get<string, Queue>(getQueueToken(QUEUES.reconciliation));
  const processor = new ExposureCheckProcessor(check, queue);
  await processor.onApplicationBootstrap();
  await processor.onApplicationBootstrap(); // a restart upserts, never doubles
  const schedulers = await queue.getJobSchedulers();
  expect(schedulers.map((s) => [s.key, s.tz, s.pattern])).toEqual([[EXPOSURE_CHECK_SCHEDULER, 'Europe/Stockholm', '0 15 6 * * *']]);

  const job = { name: EXPOSURE_CHECK_JOB, data: {} } as Job;
  expect(await processor.process(job)).toMatchObject({ differenceCount: 0 });
  expect(await processor.process(job)).toMatchObject({ differenceCount: 0 });
  expect(await t.db.query(`SELECT count(*)::int AS n FROM exposure_check`)).toEqual([{ n: 1 }]);
  expect((await t.gql(HOME, {}, finance)).data!.home.exposureCheck).toMatchObject({ differenceCount: 0, differences: [] });
  expect((await t.gql(HOME, {}, analyst.token)).data!.home.exposureCheck).toBeNull();

  // Exposure that no longer agrees with the books (a bug elsewhere, made here by hand) is found and shown with the debtor.
  const [{ exposure }] = await t.db.query(`SELECT exposure::text FROM invoice WHERE id = $1`, [invoice.id]);
  await t.db.query(`UPDATE invoice SET exposure = exposure - 1 WHERE id = $1`, [invoice.id]);
  try {
    const run = await check.run();
    expect(run.differenceCount).toBe(1);
    const card = (await t.gql(HOME, {}, finance)).data!.home.exposureCheck;
    expect(card.differences).toEqual([{ debtorId: invoice.debtorId, exposure: expect.any(String), receivables: exposure }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM exposure_check`)).toEqual([{ n: 1 }]);
  } finally {
    await t.db.query(`UPDATE invoice SET exposure = exposure + 1 WHERE id = $1`, [invoice.id]);
  }
  expect((await check.run()).differenceCount).toBe(0);
});
