import { newStaff } from '../../test-support/factories';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  const person = await newStaff(t.db);
  token = await t.signIn(person.email, person.password);
});
afterAll(() => t?.close());

it('refuses a query nested deeper than the limit', async () => {
  let selection = 'name';
  for (let i = 0; i < 12; i++) selection = `__typename ... on Query { me { ${selection} } }`;
  const response = await t.gql(`{ ${selection} }`, {}, token);
  expect(errorOf(response)?.code).toBe('BAD_USER_INPUT');
  expect(response.errors![0].message).toMatch(/exceeds maximum operation depth/);
});

it('refuses a query whose cost is over the limit', async () => {
  const fields = Array.from({ length: 2100 }, (_, i) => `a${i}: __typename`).join(' ');
  const response = await t.gql(`{ ${fields} }`, {}, token);
  expect(errorOf(response)?.code).toBe('BAD_USER_INPUT');
});

it('counts a list by its page size, and caps root fields and aliases (issue 10)', async () => {
  const page = `staffMembers(perPage: 200) { items { id email name roles active } total }`;
  const pages = Array.from({ length: 20 }, (_, i) => `p${i}: ${page}`).join(' ');
  const costly = await t.gql(`{ ${pages} }`, {}, token);
  expect(costly.errors?.[0]?.message).toMatch(/too complex/);
  const aliases = Array.from({ length: 21 }, (_, i) => `m${i}: me { id }`).join(' ');
  const many = await t.gql(`{ ${aliases} }`, {}, token);
  expect(many.errors?.[0]?.message).toMatch(/root fields/);
  expect((await t.gql(`{ ${page} }`, {}, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN'); // within the cost: it reaches the roles check
});

it('never leaks a stack trace, SQL or driver text', async () => {
  const response = await t.gql('{ me { id } ', {}, token);
  expect(errorOf(response)?.code).toBe('BAD_USER_INPUT');
  expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js:\d+|SELECT |node_modules/);
});

it('keeps introspection for development', async () => {
  const response = await t.gql('{ __schema { queryType { name } } }');
  expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
});

describe('in production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    try {
      prod = await startTestApp();
    } finally {
      process.env.NODE_ENV = 'test';
    }
  });
  afterAll(() => prod?.close());

  it('turns introspection off', async () => {
    const response = await prod.gql('{ __schema { queryType { name } } }');
    expect(response.data ?? null).toBeNull();
    expect(errorOf(response)?.code).toBe('BAD_USER_INPUT');
  });

  it('serves no playground or GraphiQL page', async () => {
    const page = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html/i);
  });
});
