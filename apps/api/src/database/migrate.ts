import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '@factoring/migrations';

/** Cluster-wide roles with fixed names (issue 10, s.4): the owner of the schema, which migrations run as, and the application's. */
export const OWNER_ROLE = 'factoring_owner';
export const APP_ROLE = 'factoring_app';

const IDENTIFIER = /^[A-Za-z0-9_]{1,63}$/;

function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!IDENTIFIER.test(name)) throw new Error(`Database name "${name}" must be letters, digits or _`);
  return name;
}

function userOf(databaseUrl: string): string {
  const user = decodeURIComponent(new URL(databaseUrl).username);
  if (!IDENTIFIER.test(user)) throw new Error(`The user of ${new URL(databaseUrl).host} must be letters, digits or _ (got "${user}")`);
  return user;
}

/** The same server, as another user (no password: local trust) and, when given, on another database. */
export function databaseUrlAs(url: string, user: string, database?: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = '';
  if (database !== undefined) parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function connect(url: string, database?: string): Promise<Client> {
  const parsed = new URL(url);
  if (database !== undefined) parsed.pathname = `/${database}`;
  const client = new Client({ connectionString: parsed.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  return client;
}

/**
 * Creates the owner and the application roles when missing, for a development or test server
 * (on a managed PostgreSQL the README's steps make them). Roles belong to the whole cluster
 * while every test run makes its own database, so two runs may get here at the same moment:
 * the loser of a race sees duplicate_object or unique_violation, which means "made already".
 * The attributes are set once, at creation, so concurrent runs never update the same role.
 * `adminUrl` needs CREATEROLE (a superuser on a development machine).
 */
export async function ensureRoles(adminUrl: string, options: { ownerPassword?: string; appPassword?: string } = {}): Promise<void> {
  const client = await connect(adminUrl, 'postgres');
  try {
    for (const [role, password] of [
      [OWNER_ROLE, options.ownerPassword],
      [APP_ROLE, options.appPassword],
    ] as const) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (!exists.rowCount) {
        // NOINHERIT and no memberships: the application's role holds only what is granted to it by name.
        const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${role === APP_ROLE ? ' NOINHERIT' : ''}`;
        const withPassword = password ? ` PASSWORD ${client.escapeLiteral(password)}` : '';
        try {
          await client.query(`CREATE ROLE ${role} ${attributes}${withPassword}`);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code !== '42710' && code !== '23505') throw error; // duplicate_object, unique_violation: another run made it
        }
      } else if (password) {
        await client.query(`ALTER ROLE ${role} PASSWORD ${client.escapeLiteral(password)}`);
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Creates the database named in `databaseUrl` when it does not exist yet, owned by `owner`
 * (the user of the migration URL), connecting to `postgres` as `adminUrl` (or, without one,
 * as the URL's own user, who then needs CREATEDB). A database made before the roles existed
 * (owned by the admin, with the admin's tables) is handed to the owner, objects included, so
 * that migrations running as the owner may grant on them. Returns whether it was created.
 */
export async function ensureDatabase(databaseUrl: string, options: { adminUrl?: string; owner?: string } = {}): Promise<boolean> {
  const name = databaseName(databaseUrl);
  const owner = options.owner;
  if (owner !== undefined && !IDENTIFIER.test(owner)) throw new Error(`Owner "${owner}" must be letters, digits or _`);
  const client = await connect(options.adminUrl ?? databaseUrl, 'postgres');
  try {
    const [existing] = (await client.query('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [name])).rows;
    if (!existing) {
      await client.query(`CREATE DATABASE "${name}"${owner ? ` OWNER "${owner}"` : ''}`);
      return true;
    }
    if (owner && options.adminUrl && existing.owner !== owner) await handOver(options.adminUrl, name, owner);
    return false;
  } finally {
    await client.end();
  }
}

/** The database, its public schema and every table, sequence, view and function in it (extensions' own aside) to `owner`. */
async function handOver(adminUrl: string, name: string, owner: string): Promise<void> {
  const client = await connect(adminUrl, 'postgres');
  try {
    await client.query(`ALTER DATABASE "${name}" OWNER TO "${owner}"`);
  } finally {
    await client.end();
  }
  const db = await connect(adminUrl, name);
  try {
    await db.query(`
      DO $$
      DECLARE r record;
      BEGIN
        IF (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public') NOT IN ('pg_database_owner', '${owner}') THEN
          ALTER SCHEMA public OWNER TO "${owner}";
        END IF;
        FOR r IN
          SELECT c.relkind, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND pg_get_userbyid(c.relowner) <> '${owner}'
             -- identity and serial sequences follow their table; extension members stay the extension's
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
        LOOP
          EXECUTE format('ALTER %s public.%I OWNER TO %I',
            CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
            r.relname, '${owner}');
        END LOOP;
        FOR r IN
          SELECT p.oid::regprocedure AS routine FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${owner}'
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.routine, '${owner}');
        END LOOP;
      END $$`);
  } finally {
    await db.end();
  }
}

/**
 * A development or test database as `npm start` and the tests make it: both roles, and the
 * database owned by the migration URL's user (the owner role). `adminUrl` is a superuser (or
 * CREATEROLE and CREATEDB) on the same server. A password in the migration or the application
 * URL becomes that role's password. Returns whether the database was created.
 */
export async function prepareDatabase(urls: { adminUrl: string; migrationUrl: string; appUrl?: string }): Promise<boolean> {
  const passwordOf = (url: string | undefined, role: string) =>
    url && decodeURIComponent(new URL(url).username) === role ? decodeURIComponent(new URL(url).password) || undefined : undefined;
  await ensureRoles(urls.adminUrl, { ownerPassword: passwordOf(urls.migrationUrl, OWNER_ROLE), appPassword: passwordOf(urls.appUrl, APP_ROLE) });
  return ensureDatabase(urls.migrationUrl, { adminUrl: urls.adminUrl, owner: userOf(urls.migrationUrl) });
}

/** Drops the database named in the URL, connecting to `postgres` as `adminUrl` (by default the URL's own user). */
export async function dropDatabase(databaseUrl: string, adminUrl: string = databaseUrl): Promise<void> {
  const name = databaseName(databaseUrl);
  const client = await connect(adminUrl, 'postgres');
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Applies every pending migration, each in its own transaction; returns the names applied.
 * `migrationUrl` connects as the owner role: every table it makes is the owner's, and the
 * owner's default privileges give the application's role its rights on it.
 */
export async function runMigrations(migrationUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: migrationUrl,
    migrations,
    migrationsTransactionMode: 'each',
    logging: false,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
