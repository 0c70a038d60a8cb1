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
    db: app.get(DataSource),
    gql,
    async signIn(email, password) {
      const result = await gql<{ signIn: { token: string } }>(
        'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
        { email, password },
      );
      if (!result.data?.signIn) throw new Error(`Sign-in failed for ${email}: ${JSON.stringify(result.errors)}`);
      return result.data.signIn.token;
    },
    close: () => app.close(),
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
  const { dropDatabase, ensureDatabase, runMigrations } = await import('../src/database/migrate');
  const shared = process.env.DATABASE_URL!;
  const own = new URL(shared);
  own.pathname = `${own.pathname}_own_${Math.random().toString(36).slice(2, 8)}`;
  await ensureDatabase(own.toString());
  await runMigrations(own.toString());
  process.env.DATABASE_URL = own.toString();
  let app: TestApp;
  try {
    app = await startTestApp(parts);
  } finally {
    process.env.DATABASE_URL = shared;
  }
  return {
    ...app,
    async close() {
      await app.close();
      await dropDatabase(own.toString());
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
