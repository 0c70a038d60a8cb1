/**
 * Once per test run: a fresh PostgreSQL database with every migration applied and a unique
 * BullMQ/Redis prefix, handed to the test workers through the environment. As `npm start`
 * does it (issue 10, s.4): both roles (cluster-wide, fixed names, made idempotently, so runs
 * may start at the same moment), a database owned by the owner role, the migrations run as the
 * owner, and the app under test connecting as the application's role (DATABASE_URL). The
 * tests' own fixture writes and reads use TEST_FIXTURE_DATABASE_URL, the server's superuser.
 */
import { randomBytes } from 'node:crypto';
import { registerPathAliases } from './path-aliases';

registerPathAliases();

export default async function globalSetup(): Promise<void> {
  // Imported after the aliases are registered.
  const { APP_ROLE, OWNER_ROLE, databaseUrlAs, prepareDatabase, runMigrations } = await import('../src/database/migrate');
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://root@127.0.0.1:5432/postgres');
  const adminUrl = server.toString();
  const name = `factoring_test_${runId}`;
  server.pathname = `/${name}`;
  const fixtureUrl = server.toString();
  const migrationUrl = databaseUrlAs(adminUrl, OWNER_ROLE, name);
  const appUrl = databaseUrlAs(adminUrl, APP_ROLE, name);

  await prepareDatabase({ adminUrl, migrationUrl, appUrl });
  await runMigrations(migrationUrl);

  process.env.DATABASE_URL = appUrl;
  process.env.DATABASE_MIGRATION_URL = migrationUrl;
  process.env.TEST_FIXTURE_DATABASE_URL = fixtureUrl;
  process.env.QUEUE_PREFIX = `test_${runId}`;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.DATABASE_POOL_SIZE = '5';
  process.env.WORKER_HEARTBEAT_SECONDS = '1';
  // Specs that run the workers send the documents of bought invoices: never to a mail catcher a demo runs on this
  // machine (1025). Port 9 (discard) refuses the connection; delivery specs start their own SMTP server.
  process.env.SMTP_URL = 'smtp://127.0.0.1:9';
}
