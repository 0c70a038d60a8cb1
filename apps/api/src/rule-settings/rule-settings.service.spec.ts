import { LocalDate } from '@factoring/domain';
import { DEFAULT_OFFER_SETTINGS } from '@factoring/rules';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { Role } from '../auth/role';
import { newStaff } from '../../test-support/factories';
import { day } from '../../test-support/invoices';
import { startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { RULE_SETTINGS_CHANNEL, RuleSettingsService } from './rule-settings.service';

/**
 * The settings in force are cached in each process and dropped when any process publishes
 * (NOTIFY on commit). A database of its own: the versions published here are in force today.
 */
let t: TestApp;
let settings: RuleSettingsService;
let other: Client;

const BUILT_IN = DEFAULT_OFFER_SETTINGS.SE[DEFAULT_OFFER_SETTINGS.SE.length - 1].value;
const today = () => LocalDate.parse(day(0));
const offerToday = async (service = settings) => (await service.inForce('offer', 'SE', today())).value;

/** A version written by "another process": the row alone, no NOTIFY (that comes separately). */
async function insertQuietly(validFrom: string, validityHours: number): Promise<void> {
  await other.query(`INSERT INTO rule_setting (name, country, valid_from, value, source) VALUES ('offer', 'SE', $1, $2, 'Test')`, [
    validFrom,
    { ...BUILT_IN, validityHours },
  ]);
}

async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDeepStrictEqual(value, expected) || Date.now() > deadline) return expect(value).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const listenerPid = async (): Promise<number | undefined> =>
  (await other.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'rule-settings-listener'`)).rows[0]?.pid;

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  settings = t.app.get(RuleSettingsService);
  other = new Client({ connectionString: (t.db.options as { url: string }).url });
  await other.connect();
});
afterAll(async () => {
  await other?.end();
  await t?.close();
});

it('keeps the versions in memory, and a NOTIFY from another connection makes the next read see the new one', async () => {
  expect(await offerToday()).toEqual(BUILT_IN);
  await insertQuietly(day(0), 48);
  // Not yet told: the cached versions still answer.
  expect(await offerToday()).toEqual(BUILT_IN);
  await other.query(`SELECT pg_notify($1, 'offer:SE')`, [RULE_SETTINGS_CHANNEL]);
  await eventually(offerToday, { ...BUILT_IN, validityHours: 48 });
});

it('a publish through another instance reaches this one; the publishing instance sees it at once', async () => {
  const publisher = new RuleSettingsService(t.db);
  await publisher.onModuleInit();
  try {
    const admin = await newStaff(t.db, { roles: [Role.ADMIN] });
    expect(await offerToday(publisher)).toEqual({ ...BUILT_IN, validityHours: 48 });
    expect(await offerToday()).toEqual({ ...BUILT_IN, validityHours: 48 });
    await publisher.publish('offer', 'SE', day(1), { ...BUILT_IN, validityHours: 24 }, 'Test: shorter offers', { id: admin.id, email: admin.email, name: admin.name, roles: [Role.ADMIN], sessionId: 'test' });
    const tomorrow = LocalDate.parse(day(1));
    expect((await publisher.inForce('offer', 'SE', tomorrow)).value).toEqual({ ...BUILT_IN, validityHours: 24 });
    await eventually(async () => (await settings.inForce('offer', 'SE', tomorrow)).value, { ...BUILT_IN, validityHours: 24 });
    // Every version is kept with its day: today's answer is still today's version.
    expect(await offerToday()).toEqual({ ...BUILT_IN, validityHours: 48 });
  } finally {
    await publisher.onModuleDestroy();
  }
});

it('reads inside a transaction pick the version in force on the day asked, from the same cache', async () => {
  await t.db.transaction(async (tx) => {
    expect((await settings.inForce('offer', 'SE', LocalDate.parse('2025-01-01'), tx)).value).toEqual(BUILT_IN);
    expect((await settings.inForce('offer', 'SE', LocalDate.parse(day(1)), tx)).value).toEqual({ ...BUILT_IN, validityHours: 24 });
  });
});

it('when the listening connection breaks, forgets everything and reads the database until it listens again', async () => {
  expect(await offerToday()).toEqual({ ...BUILT_IN, validityHours: 48 });
  const pid = await listenerPid();
  expect(pid).toBeDefined();
  await other.query(`SELECT pg_terminate_backend($1)`, [pid]);
  // A version written while nobody listened, with no NOTIFY at all: still seen, as nothing stays cached.
  await insertQuietly(day(2), 12);
  await eventually(async () => (await settings.inForce('offer', 'SE', LocalDate.parse(day(2)))).value, { ...BUILT_IN, validityHours: 12 });
  // Back and listening on a new connection; caching again, and told of the next publish.
  await eventually(async () => ((await listenerPid()) ?? pid) !== pid, true, 10_000);
  await eventually(async () => (await settings.inForce('offer', 'SE', LocalDate.parse(day(2)))).value, { ...BUILT_IN, validityHours: 12 });
  await insertQuietly(day(3), 6);
  expect((await settings.inForce('offer', 'SE', LocalDate.parse(day(3)))).value).toEqual({ ...BUILT_IN, validityHours: 12 });
  await other.query(`NOTIFY ${RULE_SETTINGS_CHANNEL}, 'offer:SE'`);
  await eventually(async () => (await settings.inForce('offer', 'SE', LocalDate.parse(day(3)))).value, { ...BUILT_IN, validityHours: 6 });
});
