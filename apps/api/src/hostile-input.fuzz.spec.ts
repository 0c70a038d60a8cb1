import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLScalarType,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { DataSource } from 'typeorm';
import { analystAndAdmin } from '../test-support/clients';
import { creditFixtures } from '../test-support/credit';
import { newStaff } from '../test-support/factories';
import { startTestAppOnOwnDatabase, TestApp } from '../test-support/test-app';
import { Role } from './auth/role';

/**
 * Hostile input against every operation, derived from the schema (issue 10, s.5). For each
 * query and mutation, values that are well typed but hostile (NUL, lone surrogates, 100 kB
 * strings, overflowing numbers, excess decimals, other clients' ids), some ill typed, sent as
 * each role, a client key and nobody. Every call must answer a specific error (never
 * INTERNAL_SERVER_ERROR, never 5xx), change no business row, and leave exactly one audit row
 * for a mutation that reached the API (none for a request GraphQL refused before any
 * operation ran). New operations are covered the day they land: nothing here names one.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 8);
const ALLOWED_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);
/** Rows that may change on a refused call: the record of the attempt itself. */
const NOT_BUSINESS = new Set(['audit_entry', 'migrations', 'typeorm_metadata']);

let t: TestApp;
let schema: GraphQLSchemaHost["schema"];
let callers: Array<{ name: string; token?: string }>;
let foreignIds: string[];
const reached = new Map<string, number>();

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  schema = t.app.get(GraphQLSchemaHost).schema;
  // Count the calls that got through GraphQL's own checks to the operation's resolver.
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root!.getFields())) {
      const resolve = field.resolve!;
      field.resolve = (source, args, context, info) => {
        reached.set(field.name, (reached.get(field.name) ?? 0) + 1);
        return resolve(source, args, context, info);
      };
    }
  }
  const { analyst, admin } = await analystAndAdmin(t);
  const staff = async (role: Role) => {
    const person = await newStaff(t.db, { roles: [role] });
    return t.signIn(person.email, person.password);
  };
  const f = creditFixtures(() => t, () => ({ analyst, admin }));
  const mine = await f.clientWithKey('SE');
  const other = await f.clientWithKey('NO');
  const othersInvoice = await f.accepted(other.key, 'NO', f.norwegianDebtor());
  foreignIds = [other.clientId, othersInvoice.id, othersInvoice.debtorId];
  callers = [
    { name: 'nobody' },
    { name: 'analyst', token: analyst.token },
    { name: 'admin', token: admin.token },
    { name: 'collection', token: await staff(Role.COLLECTION) },
    { name: 'finance', token: await staff(Role.FINANCE) },
    { name: 'client key', token: mine.key },
  ];
}, 120_000);
afterAll(() => t?.close());

/** A fingerprint of every business table: any row added, changed or removed changes it. */
async function businessFingerprint(db: DataSource): Promise<string> {
  const tables: Array<{ table_name: string }> = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables
    .filter(({ table_name }) => !NOT_BUSINESS.has(table_name))
    // When a key was last used is bookkeeping of the call, not business data.
    .map(({ table_name }) => `SELECT '${table_name}' AS t, md5(coalesce(string_agg((to_jsonb(x) - 'last_used_at')::text, '|' ORDER BY (to_jsonb(x) - 'last_used_at')::text), '')) AS h FROM "${table_name}" x`);
  const rows: Array<{ t: string; h: string }> = await db.query(parts.join(' UNION ALL '));
  return rows.map((r) => `${r.t}:${r.h}`).join(',');
}

/**
 * Text no field may take: PostgreSQL cannot store NUL or a lone surrogate, and no field is
 * 100 kB long. Texts that are odd but legal (an apostrophe, markup) go to queries only: a
 * mutation given one might rightly succeed, and every mutation here must be refused.
 */
const refusedText = fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', 'x'.repeat(100_000), '\u202e\u0000');
const oddText = fc.constantFrom('', '   ', "' OR 1=1 --", '<img src=x onerror=alert(1)>', '%', '_');
/** Decimals the scalar takes but no column can (too large, too many decimals, negative where a limit is), and a few it does not take. */
const hostileDecimal = fc.oneof(
  { weight: 19, arbitrary: fc.constantFrom('99999999999999999999.99', '999999999999999', '10000.00004', '10.000049', '25.004', '100.005', '-1') },
  { weight: 1, arbitrary: fc.constantFrom('1e309', 'NaN', '1,5', '0x10', '') },
);
const hostileInt = fc.constantFrom(2 ** 31 - 1, -1, 0, -(2 ** 31));

/**
 * A value for `type`: mostly well typed and hostile, now and then of the wrong type. For a
 * mutation (`refusable`), ids are unknown or another client's, so nothing is found to change.
 */
function valueFor(type: GraphQLInputType, depth: number, refusable: boolean, caller: string): fc.Arbitrary<unknown> {
  const inner = (t: GraphQLInputType, d: number) => valueFor(t, d, refusable, caller);
  const hostileText = refusable ? refusedText : fc.oneof(refusedText, oddText);
  if (isNonNullType(type)) return inner(type.ofType, depth);
  if (isListType(type)) return fc.array(inner((type as GraphQLList<GraphQLInputType>).ofType, depth + 1), { minLength: 1, maxLength: depth > 2 ? 1 : 2 });
  const named = type as GraphQLNamedType;
  const wrongType = fc.constantFrom<unknown>({ nested: true }, [1, 2], 12.5, true);
  if (named instanceof GraphQLEnumType) return fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...named.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') });
  if (named instanceof GraphQLInputObjectType) {
    const fields = Object.values(named.getFields());
    if (depth > 4) return fc.constant({});
    return fc.record(Object.fromEntries(fields.map((field) => [field.name, inner(field.type, depth + 1)])), {
      requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name),
    });
  }
  if (named instanceof GraphQLScalarType) {
    switch (named.name) {
      case 'String':
        return fc.oneof({ weight: 19, arbitrary: hostileText }, { weight: 1, arbitrary: wrongType });
      case 'ID':
        // Staff may read any client's records: their ids are foreign only to a client key.
        return refusable && caller !== 'client key' ? fc.oneof(fc.constant(randomUUID()), hostileText) : fc.oneof(fc.constantFrom(...foreignIds), fc.constant(randomUUID()), hostileText);
      case 'Int':
        return fc.oneof({ weight: 19, arbitrary: hostileInt }, { weight: 1, arbitrary: fc.constant('seven') });
      case 'Float':
        return fc.constantFrom(1e308, -1, Number.MIN_VALUE);
      case 'Boolean':
        return fc.boolean();
      case 'Decimal':
        return fc.oneof({ weight: 19, arbitrary: hostileDecimal }, { weight: 1, arbitrary: fc.constant(12.5) });
      default:
        // JSON, DateTime and other custom scalars: hostile text does for both.
        return fc.oneof(hostileText, fc.constant({ deep: { deeper: '\u0000' } }));
    }
  }
  return fc.constant(null);
}

/** A small selection of the result: enough to run the resolver, leaves only. */
function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const leaves = Object.values((named as GraphQLObjectType).getFields())
    .filter((field) => isLeafType(getNamedType(field.type)) && field.args.length === 0)
    .slice(0, 3)
    .map((field) => field.name);
  return `{ __typename ${leaves.join(' ')} }`;
}

function documentOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args as readonly GraphQLArgument[];
  const vars = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind}${vars ? `(${vars})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionOf(field.type)} }`;
}

async function call(document: string, variables: Record<string, unknown>, token: string | undefined, requestId: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

function operations(): Array<{ kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }> {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
  ].filter(({ field }) => field.args.length > 0);
}

it('answers every hostile call to every operation with a specific error, changes nothing, and audits each mutation attempt once', async () => {
  const findings: string[] = [];
  const ops = operations();
  for (const { kind, field } of ops) {
    const document = documentOf(kind, field);
    const call$ = fc.constantFrom(...callers).chain((caller) =>
      fc.tuple(fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, valueFor(arg.type, 0, kind === 'mutation', caller.name)]))), fc.constant(caller)),
    );
    const samples = fc.sample(call$, { numRuns: RUNS_PER_OPERATION, seed: SEED + field.name.length * 7919 });
    for (const [vars, caller] of samples) {
      const before = await businessFingerprint(t.db);
      const reachedBefore = reached.get(field.name) ?? 0;
      const requestId = `fuzz-${randomUUID()}`;
      const { status, body } = await call(document, vars as Record<string, unknown>, caller.token, requestId);
      const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
      const what = `${kind} ${field.name} as ${caller.name} with ${JSON.stringify(vars).slice(0, 200)}`;
      if (status >= 500) findings.push(`${what}: HTTP ${status}`);
      // A query may rightly answer odd but legal values; a mutation here never carries a value it may take.
      if (kind === 'mutation' && !body.errors?.length) findings.push(`${what}: accepted (${JSON.stringify(body.data).slice(0, 120)})`);
      for (const code of codes) if (!ALLOWED_CODES.has(code)) findings.push(`${what}: ${code} (${body.errors?.[0]?.message.slice(0, 120)})`);
      if ((await businessFingerprint(t.db)) !== before) findings.push(`${what}: changed business rows`);
      if (kind === 'mutation') {
        const audited = (await t.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE request_id = $1`, [requestId]))[0].n;
        const wasReached = (reached.get(field.name) ?? 0) > reachedBefore;
        if (audited !== (wasReached ? 1 : 0)) findings.push(`${what}: ${audited} audit rows (reached: ${wasReached})`);
      }
    }
  }
  const neverReached = ops.filter(({ field }) => !reached.get(field.name)).map(({ field }) => field.name);
  const report = ops.map(({ field }) => `${field.name}: ${reached.get(field.name) ?? 0}/${RUNS_PER_OPERATION}`).join(', ');
  console.log(`Hostile input, seed ${SEED} (FUZZ_SEED to repeat): calls that reached each resolver: ${report}`);
  if (findings.length || neverReached.length) {
    throw new Error(
      `Seed ${SEED} (run again with FUZZ_SEED=${SEED}):\n` +
        (neverReached.length ? `never reached: ${neverReached.join(', ')}\n` : '') +
        [...new Set(findings)].slice(0, 60).join('\n'),
    );
  }
}, 600_000);
