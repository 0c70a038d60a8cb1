import { Role } from '../auth/role';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestApp, TestApp, withOwnDatabase } from '../../test-support/test-app';

const CREATE = `mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id email name roles active version } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateStaffMemberInput!) { updateStaffMember(id: $id, input: $input) { id name roles version } }`;
const DEACTIVATE = `mutation($id: ID!, $reason: String!) { deactivateStaffMember(id: $id, reason: $reason) { active deactivationReason version } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateStaffMember(id: $id) { active version } }`;
const LIST = `query($filter: StaffMemberFilter, $page: Int, $perPage: Int, $sortField: String) {
  staffMembers(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField) { total items { email active roles } } }`;

let t: TestApp;
let admin: string;
let adminId: string;

beforeAll(async () => {
  t = await startTestApp();
  const person = await newStaff(t.db, { roles: [Role.ADMIN] });
  adminId = person.id;
  admin = await t.signIn(person.email, person.password);
});
afterAll(() => t?.close());

const unique = () => `new-${Math.random().toString(36).slice(2, 10)}@test.factoring.test`;
/** Test files share one database and run in parallel: count only this test's rows. */
const countStaff = async (email: string) => Number((await t.db.query('SELECT count(*) AS n FROM staff_member WHERE email = $1', [email]))[0].n);

describe('creating staff', () => {
  it('creates an active account that can sign in, with a timeline entry', async () => {
    const email = unique();
    const response = await t.gql(CREATE, { input: { email: email.toUpperCase(), name: ' Nils Holgersson ', roles: ['COLLECTION', 'FINANCE'], initialPassword: 'a long enough secret' } }, admin);
    expect(response.errors).toBeUndefined();
    const created = response.data!.createStaffMember;
    expect(created).toMatchObject({ email, name: 'Nils Holgersson', roles: ['COLLECTION', 'FINANCE'], active: true, version: 1 });
    await expect(t.signIn(email, 'a long enough secret')).resolves.toEqual(expect.any(String));

    const timeline = await t.gql(`query($id: ID!) { timeline(entityType: "STAFF_MEMBER", entityId: $id) { actorId toState reason } }`, { id: created.id }, admin);
    expect(timeline.data!.timeline).toEqual([{ actorId: adminId, toState: 'ACTIVE', reason: 'Account created' }]);
  });

  it.each([
    ['a malformed e-mail', { email: 'nils.example.com' }, 'input.email'],
    ['an empty name', { name: '   ' }, 'input.name'],
    ['no roles', { roles: [] }, 'input.roles'],
    ['the same role twice', { roles: ['FINANCE', 'FINANCE'] }, 'input.roles'],
    ['a short password', { initialPassword: 'short' }, 'input.initialPassword'],
    ['a password with surrounding spaces', { initialPassword: ' long enough but spaced ' }, 'input.initialPassword'],
  ])('refuses %s, naming the field, and changes nothing', async (_what, override, field) => {
    const email = unique();
    const input = { email, name: 'Valid Name', roles: ['FINANCE'], initialPassword: 'a long enough secret', ...override };
    const response = await t.gql(CREATE, { input }, admin);
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await countStaff(email)).toBe(0);
  });

  it('refuses an unknown role before anything runs', async () => {
    const response = await t.gql(CREATE, { input: { email: unique(), name: 'X', roles: ['JANITOR'], initialPassword: 'a long enough secret' } }, admin);
    expect(errorOf(response)?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a taken e-mail with CONFLICT', async () => {
    const existing = await newStaff(t.db);
    const response = await t.gql(CREATE, { input: { email: existing.email, name: 'Twin', roles: ['FINANCE'], initialPassword: 'a long enough secret' } }, admin);
    expect(errorOf(response)).toMatchObject({ code: 'CONFLICT', reason: 'STAFF_EMAIL_TAKEN' });
  });
});

describe('changing staff', () => {
  it('changes roles with the version seen, and a stale version gets CONFLICT and changes nothing', async () => {
    const person = await newStaff(t.db, { roles: [Role.FINANCE] });
    const first = await t.gql(UPDATE, { id: person.id, input: { roles: ['FINANCE', 'COLLECTION'], expectedVersion: 1 } }, admin);
    expect(first.data!.updateStaffMember).toMatchObject({ roles: ['FINANCE', 'COLLECTION'], version: 2 });

    const stale = await t.gql(UPDATE, { id: person.id, input: { name: 'Someone Else', expectedVersion: 1 } }, admin);
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', reason: 'STAFF_MEMBER_CHANGED' });
    const [row] = await t.db.query('SELECT name, version FROM staff_member WHERE id = $1', [person.id]);
    expect(row).toEqual({ name: 'Test Person', version: 2 });
  });

  it('lets exactly one of two admins acting at once win; the other gets CONFLICT', async () => {
    const person = await newStaff(t.db, { roles: [Role.FINANCE] });
    const [a, b] = await Promise.all([
      t.gql(UPDATE, { id: person.id, input: { roles: ['COLLECTION'], expectedVersion: 1 } }, admin),
      t.gql(UPDATE, { id: person.id, input: { roles: ['CREDIT_ANALYST'], expectedVersion: 1 } }, admin),
    ]);
    const outcomes = [a, b].map((r) => (r.errors ? errorOf(r)!.code : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);

    const [c, d] = await Promise.all([
      t.gql(DEACTIVATE, { id: person.id, reason: 'Left the company' }, admin),
      t.gql(DEACTIVATE, { id: person.id, reason: 'Left the company' }, admin),
    ]);
    expect([c, d].map((r) => (r.errors ? errorOf(r)!.reason : 'OK')).sort()).toEqual(['OK', 'STAFF_MEMBER_ALREADY_DEACTIVATED']);
  });

  it('deactivates with a reason and reactivates, each in the timeline', async () => {
    const person = await newStaff(t.db);
    expect(errorOf(await t.gql(DEACTIVATE, { id: person.id, reason: 'x' }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await t.gql(DEACTIVATE, { id: person.id, reason: 'On parental leave' }, admin)).data!.deactivateStaffMember).toMatchObject({
      active: false,
      deactivationReason: 'On parental leave',
    });
    expect((await t.gql(REACTIVATE, { id: person.id }, admin)).data!.reactivateStaffMember.active).toBe(true);
    expect(errorOf(await t.gql(REACTIVATE, { id: person.id }, admin))?.reason).toBe('STAFF_MEMBER_ALREADY_ACTIVE');

    const rows = await t.db.query(`SELECT from_state, to_state, reason FROM timeline_event WHERE entity_id = $1 ORDER BY id`, [person.id]);
    expect(rows).toEqual([
      { from_state: 'ACTIVE', to_state: 'DEACTIVATED', reason: 'On parental leave' },
      { from_state: 'DEACTIVATED', to_state: 'ACTIVE', reason: 'Account reactivated' },
    ]);
  });

  it('keeps at least one active admin, and no one deactivates themselves', async () => {
    expect(errorOf(await t.gql(DEACTIVATE, { id: adminId, reason: 'Testing myself' }, admin))?.reason).toBe('CANNOT_DEACTIVATE_SELF');
    // On a database of its own, where this admin is the only one: removing the last admin role is refused.
    await withOwnDatabase(async (own) => {
      const only = await newStaff(own.db, { roles: [Role.ADMIN] });
      const token = await own.signIn(only.email, only.password);
      const response = await own.gql(UPDATE, { id: only.id, input: { roles: ['FINANCE'], expectedVersion: 1 } }, token);
      expect(errorOf(response)).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ACTIVE_ADMIN' });
      const other = await newStaff(own.db, { roles: [Role.ADMIN] });
      expect(errorOf(await own.gql(DEACTIVATE, { id: other.id, reason: 'Leaving' }, token))).toBeUndefined();
      expect(errorOf(await own.gql(UPDATE, { id: only.id, input: { roles: ['FINANCE'], expectedVersion: 1 } }, token))).toMatchObject({ reason: 'LAST_ACTIVE_ADMIN' });
    });
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    expect(errorOf(await t.gql(REACTIVATE, { id: '00000000-0000-4000-8000-000000000000' }, admin))?.code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(REACTIVATE, { id: 'not-a-uuid' }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('listing staff', () => {
  it('filters, sorts and pages', async () => {
    const marker = `zz-${Math.random().toString(36).slice(2, 8)}`;
    for (const n of [1, 2, 3]) await newStaff(t.db, { email: `${marker}-${n}@test.factoring.test`, roles: [Role.COLLECTION] });
    const page = await t.gql(LIST, { filter: { q: marker, role: 'COLLECTION' }, page: 1, perPage: 2, sortField: 'email' }, admin);
    expect(page.data!.staffMembers).toEqual({ total: 3, items: [{ email: `${marker}-3@test.factoring.test`, active: true, roles: ['COLLECTION'] }] });
    expect(errorOf(await t.gql(LIST, { sortField: 'password_hash' }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
    expect(errorOf(await t.gql(LIST, { perPage: 10000 }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
  });
});
