/**
 * Once per test run: a fresh PostgreSQL database with every migration applied and a unique
 * BullMQ/Redis prefix, handed to the test workers through the environment.
 */
import { randomBytes } from 'node:crypto';
import { registerPathAliases } from './path-aliases';

registerPathAliases();

export default async function globalSetup(): Promise<void> {
  // Imported after the aliases are registered.
  const { ensureDatabase, runMigrations } = await import('../src/database/migrate');
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://root@127.0.0.1:5432/postgres');
  server.pathname = `/factoring_test_${runId}`;
  const databaseUrl = server.toString();

  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl);

  process.env.DATABASE_URL = databaseUrl;
  process.env.QUEUE_PREFIX = `test_${runId}`;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.DATABASE_POOL_SIZE = '5';
  process.env.WORKER_HEARTBEAT_SECONDS = '1';
}
