import { newStaff, TEST_PASSWORD } from '../../test-support/factories';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';
import { Role } from './role';

const SIGN_IN = 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token expiresAt staff { id email roles } } }';
const ME = '{ me { id email name roles } }';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('sign-in', () => {
  it('returns a token that works, for any spelling of the e-mail', async () => {
    const person = await newStaff(t.db, { roles: [Role.FINANCE] });
    const response = await t.gql(SIGN_IN, { email: `  ${person.email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(response.errors).toBeUndefined();
    const { token, staff } = response.data!.signIn;
    expect(staff).toEqual({ id: person.id, email: person.email, roles: ['FINANCE'] });
    const me = await t.gql(ME, {}, token);
    expect(me.data!.me.email).toBe(person.email);
  });

  it.each([
    ['a malformed e-mail', { email: 'not-an-email', password: 'x' }, 'BAD_USER_INPUT', 'email'],
    ['an empty password', { email: 'someone@example.com', password: '' }, 'BAD_USER_INPUT', 'password'],
    ['an absurdly long password', { email: 'someone@example.com', password: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'password'],
  ])('refuses %s with a specific error', async (_what, variables, code, field) => {
    const response = await t.gql(SIGN_IN, variables);
    expect(errorOf(response)).toMatchObject({ code, field });
    expect(response.data).toBeNull();
  });

  it('refuses an unknown e-mail and a wrong password with the same words', async () => {
    const person = await newStaff(t.db);
    const wrong = errorOf(await t.gql(SIGN_IN, { email: person.email, password: 'wrong password!' }));
    const unknown = errorOf(await t.gql(SIGN_IN, { email: 'nobody@test.factoring.test', password: 'wrong password!' }));
    expect(wrong).toEqual({ code: 'UNAUTHENTICATED', reason: 'WRONG_CREDENTIALS', message: 'The e-mail or the password is wrong.', field: undefined });
    expect(unknown).toEqual(wrong);
  });

  it('slows down repeated failures, even for the right password, then lets the person in after the lock', async () => {
    const person = await newStaff(t.db);
    for (let i = 0; i < 5; i++) {
      expect(errorOf(await t.gql(SIGN_IN, { email: person.email, password: `guess ${i} wrong` }))?.reason).toBe('WRONG_CREDENTIALS');
    }
    const locked = await t.gql(SIGN_IN, { email: person.email, password: TEST_PASSWORD });
    expect(errorOf(locked)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_THROTTLED' });
    expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await t.gql(SIGN_IN, { email: person.email, password: TEST_PASSWORD });
    expect(after.errors).toBeUndefined();
  });

  it('refuses a deactivated account', async () => {
    const person = await newStaff(t.db);
    await t.db.query(`UPDATE staff_member SET active = false, deactivated_at = now() WHERE id = $1`, [person.id]);
    expect(errorOf(await t.gql(SIGN_IN, { email: person.email, password: TEST_PASSWORD }))?.reason).toBe('ACCOUNT_DEACTIVATED');
  });
});

describe('tokens', () => {
  it('stops working after sign-out', async () => {
    const person = await newStaff(t.db);
    const token = await t.signIn(person.email, person.password);
    expect((await t.gql('mutation { signOut }', {}, token)).data).toEqual({ signOut: true });
    expect(errorOf(await t.gql(ME, {}, token))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_INVALID' });
  });

  it('stop working when an admin deactivates the account', async () => {
    const admin = await newStaff(t.db, { roles: [Role.ADMIN] });
    const person = await newStaff(t.db);
    const adminToken = await t.signIn(admin.email, admin.password);
    const token = await t.signIn(person.email, person.password);
    expect((await t.gql(ME, {}, token)).data?.me.id).toBe(person.id);

    const deactivated = await t.gql(
      'mutation($id: ID!) { deactivateStaffMember(id: $id, reason: "Left the company") { active } }',
      { id: person.id },
      adminToken,
    );
    expect(deactivated.data).toEqual({ deactivateStaffMember: { active: false } });
    expect(errorOf(await t.gql(ME, {}, token))?.code).toBe('UNAUTHENTICATED');
  });

  it('are refused when malformed or made up', async () => {
    expect(errorOf(await t.gql(ME, {}, 'made-up-token'))?.code).toBe('UNAUTHENTICATED');
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: ME }),
    });
    expect(errorOf((await response.json()) as never)?.code).toBe('UNAUTHENTICATED');
  });
});

describe('changing one\'s password', () => {
  const CHANGE = 'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) }';

  it('needs the current password and a policy-compliant new one, and ends other sessions', async () => {
    const person = await newStaff(t.db);
    const token = await t.signIn(person.email, person.password);
    const other = await t.signIn(person.email, person.password);

    expect(errorOf(await t.gql(CHANGE, { c: 'not my password', n: 'a brand new secret' }, token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'WRONG_CURRENT_PASSWORD',
      field: 'currentPassword',
    });
    expect(errorOf(await t.gql(CHANGE, { c: person.password, n: 'short' }, token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PASSWORD_TOO_SHORT',
      field: 'newPassword',
    });
    expect((await t.gql(CHANGE, { c: person.password, n: 'a brand new secret' }, token)).data).toEqual({ changeMyPassword: true });

    expect((await t.gql(ME, {}, token)).data?.me.id).toBe(person.id);
    expect(errorOf(await t.gql(ME, {}, other))?.code).toBe('UNAUTHENTICATED');
    await expect(t.signIn(person.email, 'a brand new secret')).resolves.toEqual(expect.any(String));
  });
});
