/**
 * A probe for the payments-import workload, outside the harness: builds (or reuses) a database of
 * its own, seeds N bought invoices, writes the camt.054 and imports it through the built API's
 * PaymentsService in this process, printing the phases and RSS. The database is kept, so its
 * statements can be looked at afterwards (EXPLAIN ANALYZE, or PROBE_EXPLAIN=1: auto_explain of
 * every statement over 100 ms of the import, triggers included, into the server's log; PROBE_LOG=1: every
 * statement of the app's role with its duration).
 *
 *   cd bench && PROBE_N=10000 npx ts-node --transpile-only src/payments/probe-import.ts
 *   PROBE_DB=bench_h4probe (default) PROBE_KEEP=1 keeps it; otherwise it is dropped at the end.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ocrReference, writeCamt054 } from '../bank-files/generate-camt054';
import { createDatabase, dropDatabase } from '../db';
import { appDatabaseUrl } from '../probe';
import { DIST, connect, migrate } from '../workloads/ledger-fixture';
import { ourIban, seed } from './payments-import';

const N = Number(process.env.PROBE_N ?? 10_000);
const NAME = process.env.PROBE_DB ?? 'bench_h4probe';
const ADMIN = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

async function main(): Promise<void> {
  const admin = await connect(ADMIN);
  await dropDatabase(ADMIN, NAME);
  await createDatabase(ADMIN, NAME);
  const url = new URL(ADMIN);
  url.pathname = `/${NAME}`;
  migrate(url.toString());
  const db = await connect(url.toString());
  await seed(db, N);
  await db.query('ANALYZE');
  if (process.env.PROBE_EXPLAIN) {
    for (const s of [
      `session_preload_libraries = 'auto_explain'`,
      `auto_explain.log_min_duration = '100ms'`,
      `auto_explain.log_analyze = on`,
      `auto_explain.log_nested_statements = on`,
      `auto_explain.log_triggers = on`,
    ])
      await admin.query(`ALTER DATABASE ${NAME} SET ${s}`);
  }
  // PROBE_LOG=1: every statement of the app's role with its duration into the server's log (log_min_duration_statement = 0).
  if (process.env.PROBE_LOG) await admin.query(`ALTER ROLE factoring_app IN DATABASE ${NAME} SET log_min_duration_statement = 0`);
  const dir = mkdtempSync(path.join(tmpdir(), 'probe-payments-'));
  const file = path.join(dir, 'camt054.xml');
  await writeCamt054(file, N, { accountIban: ourIban(), currency: 'SEK', referenceOf: (i) => ocrReference(1_000_000 + i) });
  process.env.DATABASE_URL = appDatabaseUrl(url.toString());
  process.env.LOG_LEVEL = 'warn';
  process.env.QUEUE_PREFIX = `probe-${process.pid}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NestFactory } = require(require.resolve('@nestjs/core', { paths: [DIST] }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AppModule } = require(path.join(DIST, 'app.module.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PaymentsService } = require(path.join(DIST, 'payments/payments.service.js'));
  const app = await NestFactory.create(AppModule.register({ http: true, workers: false }), { logger: ['error'] });
  await app.init();
  const payments = app.get(PaymentsService);
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  // PROBE_PROFILE=<file>: a V8 CPU profile of the import alone (summarise it with src/cpuprofile-summary.ts).
  const session = process.env.PROBE_PROFILE ? new Session() : null;
  const post = (method: string) => new Promise<{ profile?: object }>((resolve, reject) => session!.post(method, (error, result) => (error ? reject(error) : resolve(result as { profile?: object }))));
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const start = performance.now();
  const summary = await payments.importStream(createReadStream(file), { source: 'API', fileName: 'probe.xml' });
  clearInterval(sampler);
  if (session) writeFileSync(process.env.PROBE_PROFILE!, JSON.stringify((await post('Profiler.stop')).profile));
  const seconds = (performance.now() - start) / 1000;
  const paid = (await db.query(`SELECT count(*)::int AS n FROM invoice WHERE status = 'FULLY_PAID'`)).rows[0].n;
  console.log(JSON.stringify({ N, seconds: seconds.toFixed(2), matched: summary.entriesMatched, paid, phases: summary.phases, rssBeforeMB: Math.round(before / 2 ** 20), peakPlusMB: Math.round((peak - before) / 2 ** 20) }));
  await app.close();
  await db.end();
  rmSync(dir, { recursive: true, force: true });
  if (!process.env.PROBE_KEEP) await dropDatabase(ADMIN, NAME);
  await admin.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
