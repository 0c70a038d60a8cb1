import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { analystAndAdmin, newActiveClient } from '../../test-support/clients';
import { newStaff } from '../../test-support/factories';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { OperationAccessRegistry } from './operation-access.registry';
import { ALL_ROLES, Role } from './role';

/**
 * The whole matrix of operation x role, over HTTP against the real app: allowed roles get
 * past the access check (whatever their dummy input then does), the others get FORBIDDEN,
 * and no token gets UNAUTHENTICATED. An operation that declares no roles fails this test.
 */
const ACCESS_REASONS = new Set(['ROLE_REQUIRED', 'NO_ROLES_DECLARED', 'SIGN_IN_REQUIRED', 'SESSION_INVALID', 'STAFF_ONLY', 'INTEGRATION_ONLY', 'INTEGRATION_KEY_REQUIRED', 'INTEGRATION_KEY_INVALID']);
const DUMMY_ID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let operations: Array<{ rootType: 'Query' | 'Mutation'; field: GraphQLField<unknown, unknown> }>;
let registry: OperationAccessRegistry;
const people: Partial<Record<Role | 'EVERY_ROLE', { email: string; password: string; roles: Role[] }>> = {};
let integrationKey: string;

beforeAll(async () => {
  t = await startTestApp();
  const schema = t.app.get(GraphQLSchemaHost).schema;
  registry = t.app.get(OperationAccessRegistry);
  operations = (['Query', 'Mutation'] as const).flatMap((rootType) => {
    const type = rootType === 'Query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values((type as GraphQLObjectType).getFields()).map((field) => ({ rootType, field }));
  });
  for (const role of ALL_ROLES) people[role] = await newStaff(t.db, { roles: [role] });
  people.EVERY_ROLE = await newStaff(t.db, { roles: [...ALL_ROLES] });
  const { analyst, admin } = await analystAndAdmin(t);
  const { clientId } = await newActiveClient(t, analyst.token);
  const issued = await t.gql(`mutation($c: ID!) { issueIntegrationKey(clientId: $c, label: "matrix") { key } }`, { c: clientId }, admin.token);
  integrationKey = issued.data!.issueIntegrationKey.key;
});

afterAll(() => t?.close());

it('finds the operations of the schema', () => {
  const names = operations.map((op) => op.field.name);
  expect(names).toEqual(expect.arrayContaining(['signIn', 'me', 'staffMembers', 'createStaffMember', 'auditEntries']));
});

it('every query and mutation declares who may run it', () => {
  const undeclared = operations
    .filter((op) => registry.accessFor(op.rootType, op.field.name).kind === 'undeclared')
    .map((op) => `${op.rootType}.${op.field.name}`);
  expect(undeclared).toEqual([]);
});

it('walks the matrix: allowed roles pass, others are FORBIDDEN, no token is UNAUTHENTICATED', async () => {
  const failures: string[] = [];
  const tokens: Record<string, string> = {};
  for (const { rootType, field } of operations) {
    const access = registry.accessFor(rootType, field.name);
    const document = documentFor(rootType, field);

    if (access.kind !== 'public') {
      const anonymous = await t.gql(document);
      const error = anonymous.errors?.[0]?.extensions;
      if (error?.code !== 'UNAUTHENTICATED') failures.push(`${field.name} without token: got ${JSON.stringify(anonymous)}`);
    }

    // A client's integration key: only the integration operations, and only those, let it in.
    const byKey = await t.gql(document, undefined, integrationKey);
    const keyError = byKey.errors?.[0]?.extensions;
    if (access.kind === 'integration' && keyError && ACCESS_REASONS.has(keyError.reason)) {
      failures.push(`${field.name} with an integration key: should be allowed, got ${keyError.code}/${keyError.reason}`);
    }
    if (access.kind !== 'integration' && access.kind !== 'public' && keyError?.code !== 'FORBIDDEN') {
      failures.push(`${field.name} with an integration key: should be FORBIDDEN, got ${JSON.stringify(byKey).slice(0, 300)}`);
    }

    for (const [who, person] of Object.entries(people)) {
      const token = (tokens[who] ??= await t.signIn(person!.email, person!.password));
      const response = await t.gql(document, undefined, token);
      // Some operations (signOut) end the session they run in: sign in again for the next one.
      if ((await t.gql('{ me { id } }', undefined, token)).errors) delete tokens[who];
      const error = response.errors?.[0]?.extensions;
      const allowed = access.kind === 'public' || (access.kind === 'roles' && access.roles.some((r) => person!.roles.includes(r)));
      if (allowed && error && ACCESS_REASONS.has(error.reason)) {
        failures.push(`${field.name} as ${who}: should be allowed, got ${error.code}/${error.reason}`);
      }
      const refusal = access.kind === 'integration' ? 'INTEGRATION_ONLY' : 'ROLE_REQUIRED';
      if (!allowed && (error?.code !== 'FORBIDDEN' || error?.reason !== refusal)) {
        failures.push(`${field.name} as ${who}: should be FORBIDDEN, got ${JSON.stringify(response).slice(0, 300)}`);
      }
    }
  }
  expect(failures).toEqual([]);
}, 120_000);

/** A syntactically valid call with dummy arguments of the right types, selecting only __typename. */
function documentFor(rootType: string, field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)
    .map((arg: GraphQLArgument) => `${arg.name}: ${dummyLiteral(arg.type)}`);
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection}`;
  return `${rootType === 'Query' ? 'query' : 'mutation'} { ${call} }`;
}

function dummyLiteral(type: GraphQLInputType): string {
  if (isNonNullType(type)) return dummyLiteral(type.ofType);
  if (isListType(type)) return `[${dummyLiteral(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields())
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
      .map((f) => `${f.name}: ${dummyLiteral(f.type)}`);
    return `{ ${fields.join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return JSON.stringify(DUMMY_ID);
      case 'Int':
        return '1';
      case 'Float':
        return '1.5';
      case 'Boolean':
        return 'true';
      case 'DateTime':
        return JSON.stringify('2026-01-01T00:00:00.000Z');
      case 'JSON':
        return '{}';
      case 'Decimal':
        return JSON.stringify('1');
      default:
        return JSON.stringify('x');
    }
  }
  throw new Error(`No dummy value for ${String(type)}`);
}
