import { newStaff, TEST_PASSWORD } from '../../test-support/factories';
import { errorOf, GraphQLResponse, startTestApp, TestApp } from '../../test-support/test-app';

/** Password guessing is slowed per address and per account, from addresses we choose to believe (issue 10, s.3). */
const SIGN_IN = 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }';

async function signInFrom(app: TestApp, forwardedFor: string | null, email: string, password: string): Promise<GraphQLResponse> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ query: SIGN_IN, variables: { email, password } }),
  });
  return response.json() as Promise<GraphQLResponse>;
}
const reasonOf = (r: GraphQLResponse) => errorOf(r)?.reason ?? 'SIGNED_IN';

describe('with no trusted proxy (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('ignores X-Forwarded-For: rotating it does not buy more guesses', async () => {
    const person = await newStaff(t.db);
    for (let i = 0; i < 5; i++) expect(reasonOf(await signInFrom(t, `203.0.113.${i}`, person.email, `wrong ${i}`))).toBe('WRONG_CREDENTIALS');
    expect(reasonOf(await signInFrom(t, '198.51.100.77', person.email, 'wrong again'))).toBe('SIGN_IN_THROTTLED');
  });

  it('checks parallel guesses one at a time: twenty at once are not twenty checks', async () => {
    const person = await newStaff(t.db);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signInFrom(t, null, person.email, `parallel ${i}`)));
    const reasons = answers.map(reasonOf);
    expect(reasons.filter((r) => r === 'WRONG_CREDENTIALS').length).toBeLessThanOrEqual(5);
    expect(reasons.filter((r) => r === 'SIGN_IN_THROTTLED').length).toBeGreaterThanOrEqual(15);
  });

  it('throttles the current-password check of changeMyPassword the same way', async () => {
    const person = await newStaff(t.db);
    const token = await t.signIn(person.email, person.password);
    const CHANGE = 'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) }';
    for (let i = 0; i < 5; i++) expect(errorOf(await t.gql(CHANGE, { c: `wrong ${i}`, n: 'a new long password' }, token))?.reason).toBe('WRONG_CURRENT_PASSWORD');
    expect(errorOf(await t.gql(CHANGE, { c: TEST_PASSWORD, n: 'a new long password' }, token))?.reason).toBe('SIGN_IN_THROTTLED');
  });
});

describe('behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    Object.assign(process.env, { TRUSTED_PROXIES: '127.0.0.1,::1', SIGN_IN_ACCOUNT_FREE_ATTEMPTS: '8', SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS: '60' });
    try {
      t = await startTestApp();
    } finally {
      delete process.env.TRUSTED_PROXIES;
      delete process.env.SIGN_IN_ACCOUNT_FREE_ATTEMPTS;
      delete process.env.SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS;
    }
  });
  afterAll(() => t?.close());

  it('slows an account guessed from many addresses, but not the person at an address they signed in from before', async () => {
    const person = await newStaff(t.db);
    expect(reasonOf(await signInFrom(t, '192.0.2.10', person.email, person.password))).toBe('SIGNED_IN');
    // Eight guesses from eight addresses: each address is under its own limit, the account is not.
    for (let i = 0; i < 8; i++) expect(reasonOf(await signInFrom(t, `203.0.113.${i}`, person.email, `wrong ${i}`))).toBe('WRONG_CREDENTIALS');
    expect(reasonOf(await signInFrom(t, '198.51.100.1', person.email, person.password))).toBe('SIGN_IN_THROTTLED');
    // The person's own desk is not locked out by someone else's guessing.
    expect(reasonOf(await signInFrom(t, '192.0.2.10', person.email, person.password))).toBe('SIGNED_IN');
  });
});
