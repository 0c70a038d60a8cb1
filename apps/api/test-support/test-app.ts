import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppParts } from '../src/app.module';
import { createApiApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/config.schema';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestApp {
  app: INestApplication;
  url: string;
  /**
   * The test's own connection, for fixtures and for looking at rows: the server's superuser
   * (TEST_FIXTURE_DATABASE_URL), so a fixture may write what the application may not. The app
   * under test connects as the application's role: `t.app.get(DataSource)` is its connection.
   */
  db: DataSource;
  /** POST /graphql; `token` adds the Authorization header. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  signIn(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** The real API (HTTP, GraphQL, PostgreSQL, Redis), listening on a free port of 127.0.0.1. */
export async function startTestApp(parts: AppParts = { http: true, workers: false }): Promise<TestApp> {
  const app = await createApiApp(loadConfig(), parts);
  await app.listen(0, '127.0.0.1');
  const appDb = app.get(DataSource);
  const fixtureUrl = process.env.TEST_FIXTURE_DATABASE_URL;
  // Same entities as the app's, so services may be handed a transaction of this connection.
  const db = fixtureUrl ? await new DataSource({ ...appDb.options, url: fixtureUrl, extra: { max: 3 } } as typeof appDb.options).initialize() : appDb;
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  return {
    app,
    url,
    db,
    gql,
    async signIn(email, password) {
      const result = await gql<{ signIn: { token: string } }>(
        'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
        { email, password },
      );
      if (!result.data?.signIn) throw new Error(`Sign-in failed for ${email}: ${JSON.stringify(result.errors)}`);
      return result.data.signIn.token;
    },
    async close() {
      await app.close();
      if (db !== appDb) await db.destroy();
    },
  };
}

/** The first error's code, reason and field, for compact assertions. */
export function errorOf(response: GraphQLResponse) {
  const error = response.errors?.[0];
  return error
    ? { code: error.extensions?.code, reason: error.extensions?.reason, field: error.extensions?.field, message: error.message }
    : undefined;
}

/**
 * An app on a database of its own, for tests that must not share the run's database: those
 * whose subject is global (e.g. "at least one active admin"), and those that run the workers,
 * whose relay would otherwise pick up the jobs of the test files running beside them.
 * Closing the app drops the database.
 */
export async function startTestAppOnOwnDatabase(parts: AppParts = { http: true, workers: false }): Promise<TestApp> {
  const { dropDatabase, prepareDatabase, runMigrations } = await import('../src/database/migrate');
  const shared = { app: process.env.DATABASE_URL!, migration: process.env.DATABASE_MIGRATION_URL!, fixture: process.env.TEST_FIXTURE_DATABASE_URL! };
  const suffix = `_own_${Math.random().toString(36).slice(2, 8)}`;
  const own = (url: string) => {
    const next = new URL(url);
    next.pathname = `${next.pathname}${suffix}`;
    return next.toString();
  };
  // Made as the run's database was: owned by the owner role, migrated as it, the app as the application's role.
  await prepareDatabase({ adminUrl: shared.fixture, migrationUrl: own(shared.migration), appUrl: own(shared.app) });
  await runMigrations(own(shared.migration));
  process.env.DATABASE_URL = own(shared.app);
  process.env.TEST_FIXTURE_DATABASE_URL = own(shared.fixture);
  // Its own queues too (`<run prefix>_own_<id>`, which the run's teardown also clears): a worker
  // of another test file, on another database, would otherwise take this app's jobs and run them
  // where its rows are not (a what-if run or a delivery that never finishes here).
  const sharedPrefix = process.env.QUEUE_PREFIX;
  if (sharedPrefix) process.env.QUEUE_PREFIX = `${sharedPrefix}${suffix}`;
  let app: TestApp;
  try {
    app = await startTestApp(parts);
  } finally {
    process.env.DATABASE_URL = shared.app;
    process.env.TEST_FIXTURE_DATABASE_URL = shared.fixture;
    process.env.QUEUE_PREFIX = sharedPrefix;
  }
  return {
    ...app,
    async close() {
      await app.close();
      await dropDatabase(own(shared.fixture));
    },
  };
}

export async function withOwnDatabase(fn: (app: TestApp) => Promise<void>): Promise<void> {
  const app = await startTestAppOnOwnDatabase();
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}
