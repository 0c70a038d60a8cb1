import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Opens one plain pg client (no pool) with bounded connect and statement times. */
export async function connectPg(connectionString: string): Promise<Client> {
  const client = new Client({
    connectionString,
    application_name: 'bench',
    connectionTimeoutMillis: 10_000,
    statement_timeout: 60_000,
  });
  // A connection error after connect() would otherwise crash the process via an unhandled 'error' event.
  client.on('error', (err) => {
    console.error(`[bench] PostgreSQL client error: ${err.message}`);
  });
  await client.connect();
  return client;
}

export async function closePg(client: Client | undefined): Promise<void> {
  if (!client) return;
  try {
    await client.end();
  } catch {
    // Already closed or broken: nothing more to release.
  }
}

/** A scratch database name like bench_1a2b3c4d (lower-case, safe to use unquoted). */
export function scratchDatabaseName(): string {
  return `bench_${randomBytes(4).toString('hex')}`;
}

/** Same server and credentials as the admin URL, another database. */
export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function assertScratchName(name: string): void {
  // The name goes into DDL unparameterised; only our own generated names are accepted.
  if (!/^bench_[a-z0-9_]{1,50}$/.test(name)) {
    throw new Error(`refusing to touch database "${name}": not a bench scratch name`);
  }
}

/** The product's two cluster-wide roles (issue 10, s.4): migrations run as the owner, the API and workers as the app role. */
export const OWNER_ROLE = 'factoring_owner';
export const APP_ROLE = 'factoring_app';

/**
 * Creates both roles when missing, as `npm start` does. Roles belong to the whole server, so
 * a test run or `npm start` may be making them at the same moment: a duplicate means "made".
 */
export async function ensureRoles(admin: Client): Promise<void> {
  for (const role of [OWNER_ROLE, APP_ROLE]) {
    if ((await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount) continue;
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE${role === APP_ROLE ? ' NOINHERIT' : ''}`);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw err; // duplicate_object, unique_violation
    }
  }
}

/** The same server and database as the application's role (no password: local trust), for the app processes under test. */
export function appRoleUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = APP_ROLE;
  url.password = '';
  return url.toString();
}

/**
 * Creates a scratch database owned by the owner role (both roles made first), so the product's
 * migration command, run as the owner, may create its schema there; the bench's own baselines
 * keep connecting as the admin, a superuser.
 */
export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  assertScratchName(name);
  const admin = await connectPg(adminUrl);
  try {
    await ensureRoles(admin);
    await admin.query(`CREATE DATABASE "${name}" OWNER ${OWNER_ROLE}`);
  } finally {
    await closePg(admin);
  }
}

/** Drops a scratch database, first ending any session still connected to it (works on PostgreSQL < 13 too). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  assertScratchName(name);
  const admin = await connectPg(adminUrl);
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  } finally {
    await closePg(admin);
  }
}

/**
 * Creates a fresh, empty database, hands its URL to `fn`, and drops it afterwards
 * whether `fn` succeeded or not. A failed drop is reported but does not hide `fn`'s error.
 */
export async function withScratchDatabase<T>(adminUrl: string, fn: (databaseUrl: string, name: string) => Promise<T>): Promise<T> {
  const name = scratchDatabaseName();
  await createDatabase(adminUrl, name);
  try {
    return await fn(databaseUrlFor(adminUrl, name), name);
  } finally {
    try {
      await dropDatabase(adminUrl, name);
    } catch (err) {
      console.error(`[bench] could not drop scratch database ${name}: ${(err as Error).message} (drop it by hand)`);
    }
  }
}
