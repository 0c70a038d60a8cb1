import { Client } from 'pg';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { migrations } from '@factoring/migrations';
import { AppConfig, redactUrl } from './config.schema';

export class PreflightError extends Error {}

/**
 * Checks, before the app starts, that PostgreSQL and Redis answer and that the schema is
 * up to date, so that a misconfigured machine fails at once with a message naming the
 * service and the address it tried (password hidden), instead of with a stack trace later.
 */
export async function preflight(config: AppConfig): Promise<void> {
  await checkPostgres(config.DATABASE_URL);
  await checkRedis(config.REDIS_URL);
  await checkMigrations(config.DATABASE_URL);
}

export async function checkPostgres(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new PreflightError(
      `PostgreSQL did not answer at ${redactUrl(databaseUrl)}: ${describe(error)}. ` +
        `Start it (npm start does) or set DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // ioredis reports the socket's own error (e.g. ECONNREFUSED) as an event, and only "Connection is closed" to the caller.
  let socketError: unknown;
  redis.on('error', (error) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new PreflightError(
      `Redis did not answer at ${redactUrl(redisUrl)}: ${describe(socketError ?? error)}. Start it (npm start does) or set REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }
}

async function checkMigrations(databaseUrl: string): Promise<void> {
  const notApplied = () =>
    new PreflightError(`The database at ${redactUrl(databaseUrl)} has migrations not yet applied. Run: npm run migration:run`);
  // The application's role may not create tables: TypeORM would try to make its migrations table
  // on a database that has none, and fail with a raw "permission denied" (issue 10 s.4).
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const [{ found }] = (await client.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS found`)).rows;
    if (!found) throw notApplied();
  } finally {
    await client.end().catch(() => undefined);
  }
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, migrations, logging: false });
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) {
      throw notApplied();
    }
  } finally {
    await dataSource.destroy();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    const message = error.message.replace(/\.+$/, '');
    return code && !message.includes(code) ? `${code} ${message}` : message || String(code);
  }
  return String(error);
}
