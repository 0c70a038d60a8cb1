import { startTestApp, TestApp } from '../../test-support/test-app';

/** In production the schema is not handed out: no introspection, no "Did you mean" (issue 10, s.3). */
let t: TestApp;
beforeAll(async () => {
  const mode = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    t = await startTestApp();
  } finally {
    process.env.NODE_ENV = mode;
  }
});
afterAll(() => t?.close());

it('refuses introspection', async () => {
  const response = await t.gql('{ __schema { types { name } } }');
  expect(response.data ?? null).toBeNull();
  expect(JSON.stringify(response.errors)).toMatch(/introspection/i);
});

it('names no field it might have meant', async () => {
  const response = await t.gql('{ myInvoicez { id } }');
  expect(response.errors?.length).toBeGreaterThan(0);
  expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean/);
});
