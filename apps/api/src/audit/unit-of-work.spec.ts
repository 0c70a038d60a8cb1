import { randomUUID } from 'node:crypto';
import { ConflictError } from '@factoring/domain';
import { Role } from '../auth/role';
import { newStaff } from '../../test-support/factories';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { GraphQLOperation } from '../auth/operation';
import { MutationContext, runInMutationContext } from './mutation-context';
import { RefusedAfterCommit, UnitOfWork } from './unit-of-work';

/** One unit of work per request (issues 9 and 10): no change without its audit row, no audit row for a change that rolled back. */
let t: TestApp;
let uow: UnitOfWork;
beforeAll(async () => {
  t = await startTestApp();
  uow = t.app.get(UnitOfWork);
});
afterAll(() => t?.close());

function mutation(name: string): MutationContext {
  const requestId = randomUUID();
  const operation = { rootType: 'Mutation', name, args: { id: randomUUID() }, req: { id: requestId, staff: { id: null, email: `uow-${requestId}@test` } } } as unknown as GraphQLOperation;
  return { operation, targetType: 'TEST', audited: false, refusalAudited: false };
}
const rowsOf = (context: MutationContext) =>
  t.db.query(`SELECT operation, outcome, error_code FROM audit_entry WHERE request_id = $1 ORDER BY id`, [String((context.operation.req as { id: string }).id)]);
const note = (text: string) => `INSERT INTO timeline_event (entity_type, entity_id, actor_type, to_state, reason) VALUES ('TEST', gen_random_uuid(), 'SYSTEM', 'X', '${text}')`;
const notes = async (text: string) => (await t.db.query(`SELECT count(*)::int AS n FROM timeline_event WHERE reason = $1`, [text]))[0].n;

it('commits a mutation\'s change with its SUCCEEDED audit row, in one transaction', async () => {
  const context = mutation('testChange');
  await runInMutationContext(context, () => uow.transaction((tx) => tx.query(note('uow-committed'))));
  expect(await notes('uow-committed')).toBe(1);
  expect(await rowsOf(context)).toEqual([{ operation: 'testChange', outcome: 'SUCCEEDED', error_code: null }]);
  expect(context.audited).toBe(true);
});

it('keeps no change when the audit row cannot be written: no change without its row', async () => {
  const context = mutation('x'.repeat(10));
  // An operation name the audit table refuses (NOT NULL) stands for any failure to write the row.
  (context.operation as { name: unknown }).name = null;
  await expect(runInMutationContext(context, () => uow.transaction((tx) => tx.query(note('uow-unaudited'))))).rejects.toThrow();
  expect(await notes('uow-unaudited')).toBe(0);
});

it('writes neither the change nor a SUCCEEDED row when the work fails', async () => {
  const context = mutation('testFailure');
  await expect(
    runInMutationContext(context, () =>
      uow.transaction(async (tx) => {
        await tx.query(note('uow-rolled-back'));
        throw new ConflictError('TEST_CONFLICT', 'no');
      }),
    ),
  ).rejects.toThrow('no');
  expect(await notes('uow-rolled-back')).toBe(0);
  expect(await rowsOf(context)).toEqual([]);
  expect(context.audited).toBe(false);
});

it('commits a change that must stand with a FAILED row when the caller is refused after it (an offer that just expired)', async () => {
  const context = mutation('testRefusedAfterCommit');
  await expect(
    runInMutationContext(context, () =>
      uow.transaction(async (tx) => {
        await tx.query(note('uow-stands'));
        throw new RefusedAfterCommit(new ConflictError('OFFER_EXPIRED', 'expired'));
      }),
    ),
  ).rejects.toThrow('expired');
  expect(await notes('uow-stands')).toBe(1);
  expect(await rowsOf(context)).toEqual([{ operation: 'testRefusedAfterCommit', outcome: 'FAILED', error_code: 'OFFER_EXPIRED' }]);
});

it('records over HTTP exactly one row per mutation, written with the change', async () => {
  const admin = await newStaff(t.db, { roles: [Role.ADMIN] });
  const token = await t.signIn(admin.email, admin.password);
  const email = `uow-${Date.now()}@test.factoring.test`;
  const created = await t.gql('mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }', { input: { email, name: 'Unit Of Work', roles: ['FINANCE'], initialPassword: 'a long enough password' } }, token);
  const id = created.data!.createStaffMember.id;
  const rows = await t.db.query(`SELECT outcome, target_id FROM audit_entry WHERE operation = 'createStaffMember' AND actor_id = $1`, [admin.id]);
  expect(rows).toEqual([{ outcome: 'SUCCEEDED', target_id: id }]);
});

it('records an attempt whose text PostgreSQL cannot store, and changes nothing', async () => {
  const admin = await newStaff(t.db, { roles: [Role.ADMIN] });
  const token = await t.signIn(admin.email, admin.password);
  const target = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Before' });
  const response = await t.gql(
    'mutation($id: ID!, $input: UpdateStaffMemberInput!) { updateStaffMember(id: $id, input: $input) { id name } }',
    { id: target.id, input: { name: 'Bad\u0000name', expectedVersion: 1 } },
    token,
  );
  expect(response.errors?.length).toBeGreaterThan(0);
  const [row] = await t.db.query(`SELECT name FROM staff_member WHERE id = $1`, [target.id]);
  expect(row.name).toBe('Before');
  const rows = await t.db.query(`SELECT outcome, input_summary FROM audit_entry WHERE operation = 'updateStaffMember' AND actor_id = $1`, [admin.id]);
  expect(rows).toHaveLength(1);
  expect(rows[0].outcome).not.toBe('SUCCEEDED');
  expect(rows[0].input_summary.input.name).toBe('Bad\ufffdname');
});
