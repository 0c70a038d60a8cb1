import { Role } from '../auth/role';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';
import { summariseInput } from './audit.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const entriesFor = (actorEmail: string) =>
  t.db.query(
    `SELECT actor_id, actor_email, operation, target_type, target_id, input_summary, outcome, error_code, request_id
       FROM audit_entry WHERE actor_email = $1 ORDER BY id`,
    [actorEmail],
  );

describe('the audit trail', () => {
  it('records successful, failed and refused mutations with who, what, on what and the outcome, without secrets', async () => {
    const admin = await newStaff(t.db, { roles: [Role.ADMIN] });
    const analyst = await newStaff(t.db, { roles: [Role.CREDIT_ANALYST] });
    const adminToken = await t.signIn(admin.email, admin.password);
    const analystToken = await t.signIn(analyst.email, analyst.password);
    const input = { email: `audited-${Date.now()}@test.factoring.test`, name: 'Audited', roles: ['FINANCE'], initialPassword: 'super secret password' };
    const CREATE = 'mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }';

    const created = await t.gql(CREATE, { input }, adminToken);
    const createdId = created.data!.createStaffMember.id;
    await t.gql(CREATE, { input }, adminToken); // same e-mail again: CONFLICT
    await t.gql(CREATE, { input: { ...input, email: 'x' } }, analystToken); // wrong role: FORBIDDEN

    const adminEntries = await entriesFor(admin.email);
    expect(adminEntries.filter((e: { operation: string }) => e.operation === 'createStaffMember')).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        target_type: 'STAFF_MEMBER',
        target_id: createdId,
        outcome: 'SUCCEEDED',
        error_code: null,
        input_summary: { input: { ...input, initialPassword: '[REDACTED]' } },
        request_id: expect.any(String),
      }),
      expect.objectContaining({ outcome: 'FAILED', error_code: 'STAFF_EMAIL_TAKEN' }),
    ]);
    const analystEntries = await entriesFor(analyst.email);
    expect(analystEntries.filter((e: { operation: string }) => e.operation === 'createStaffMember')).toEqual([
      expect.objectContaining({ actor_id: analyst.id, outcome: 'REFUSED', error_code: 'ROLE_REQUIRED' }),
    ]);
    expect(JSON.stringify(adminEntries)).not.toContain('super secret password');
  });

  it('records failed sign-ins by the e-mail tried, never the password', async () => {
    const email = `nobody-${Date.now()}@test.factoring.test`;
    await t.gql('mutation { signIn(email: "' + email + '", password: "hunter2hunter2") { token } }');
    const [entry] = await entriesFor(email);
    expect(entry).toMatchObject({ operation: 'signIn', outcome: 'REFUSED', error_code: 'WRONG_CREDENTIALS', actor_id: null });
    expect(entry.input_summary).toEqual({ email, password: '[REDACTED]' });
  });

  it('records attempts without a token', async () => {
    const response = await t.gql('mutation { deactivateStaffMember(id: "00000000-0000-4000-8000-000000000001", reason: "no token") { id } }');
    expect(errorOf(response)?.code).toBe('UNAUTHENTICATED');
    const rows = await t.db.query(`SELECT outcome, error_code FROM audit_entry WHERE target_id = '00000000-0000-4000-8000-000000000001'`);
    expect(rows).toContainEqual({ outcome: 'REFUSED', error_code: 'SIGN_IN_REQUIRED' });
  });

  it('shows admins the trail, filtered', async () => {
    const admin = await newStaff(t.db, { roles: [Role.ADMIN] });
    const token = await t.signIn(admin.email, admin.password);
    await t.gql('mutation { signOut }', {}, token).catch(() => undefined);
    const token2 = await t.signIn(admin.email, admin.password);
    const page = await t.gql(
      'query($f: AuditEntryFilter) { auditEntries(filter: $f) { total items { operation outcome actorEmail } } }',
      { f: { actorId: admin.id, operation: 'signOut' } },
      token2,
    );
    expect(page.data!.auditEntries).toEqual({ total: 1, items: [{ operation: 'signOut', outcome: 'SUCCEEDED', actorEmail: admin.email }] });
  });
});

describe('append-only tables', () => {
  it.each(['audit_entry', 'timeline_event'])('%s refuses UPDATE, DELETE and TRUNCATE in the database itself', async (table) => {
    // Other test files write to these tables meanwhile: check that the rows there before are all still there.
    const [{ id: ours }] =
      table === 'timeline_event'
        ? await t.db.query(`INSERT INTO timeline_event (entity_type, entity_id, actor_type, to_state) VALUES ('CASE', gen_random_uuid(), 'SYSTEM', 'OPEN') RETURNING id`)
        : await t.db.query(`INSERT INTO audit_entry (operation, operation_type, outcome) VALUES ('test', 'job', 'SUCCEEDED') RETURNING id`);
    const [{ ids: before }] = await t.db.query(`SELECT array_agg(id::text ORDER BY id) AS ids FROM ${table} WHERE id <= $1`, [ours]);
    await expect(t.db.query(`UPDATE ${table} SET occurred_at = now() - interval '1 year'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(t.db.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only: DELETE/);
    await expect(t.db.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only: TRUNCATE/);
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::bigint[])`, [before]);
    expect(after).toBe(before.length);
  });
});

describe('summariseInput', () => {
  it('redacts secrets at any depth and shortens long strings', () => {
    expect(
      summariseInput({ a: 'x'.repeat(600), nested: { apiKey: 'k', token: 't', list: [{ newPassword: 'p', ok: 1 }] }, when: new Date('2026-01-01T00:00:00Z') }),
    ).toEqual({
      a: `${'x'.repeat(500)}…`,
      nested: { apiKey: '[REDACTED]', token: '[REDACTED]', list: [{ newPassword: '[REDACTED]', ok: 1 }] },
      when: '2026-01-01T00:00:00.000Z',
    });
  });
});

describe('sign-in entries', () => {
  it('name the person who signed in as the actor', async () => {
    const person = await newStaff(t.db);
    await t.signIn(person.email, person.password);
    const [entry] = await entriesFor(person.email);
    expect(entry).toMatchObject({ operation: 'signIn', outcome: 'SUCCEEDED', actor_id: person.id, target_id: null });
  });
});
