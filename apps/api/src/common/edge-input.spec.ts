import { randomUUID } from 'node:crypto';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff, NewStaff } from '../../test-support/factories';
import { invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';

/**
 * Input refused at the edge (issue 10): text PostgreSQL cannot store, variables that do not
 * coerce, fragment cycles, and numbers beyond the column that keeps them. Each is a client
 * error: HTTP 4xx, BAD_USER_INPUT naming the field, nothing changed; a refused mutation is
 * still in the audit trail, while a request GraphQL refuses before any operation runs is not.
 */

interface Answer {
  status: number;
  requestId: string;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  data?: Record<string, any> | null;
}

let t: TestApp;
let analyst: { token: string };
let admin: { token: string };
let client: { clientId: string; key: string };
let member: NewStaff;
let offeredId: string;
let debtorId: string;

/** POST /graphql with our own request id, so the audit row of exactly this call can be found. */
async function call(query: string, variables: Record<string, unknown> | undefined, token: string): Promise<Answer> {
  const requestId = `edge-${randomUUID()}`;
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, requestId, ...((await response.json()) as object) };
}

const auditOf = async (requestId: string): Promise<Array<{ operation: string; outcome: string; error_code: string | null }>> =>
  t.db.query(`SELECT operation, outcome, error_code FROM audit_entry WHERE request_id = $1`, [requestId]);

/** What a refused call may not have changed: the staff member, the debtor, the offered invoice. */
async function snapshot() {
  const [staff] = await t.db.query(`SELECT name, version FROM staff_member WHERE id = $1`, [member.id]);
  const [debtor] = await t.db.query(`SELECT credit_limit, temporary_raise, temporary_raise_until, version FROM debtor WHERE id = $1`, [debtorId]);
  const [invoice] = await t.db.query(`SELECT status FROM invoice WHERE id = $1`, [offeredId]);
  const [{ invoices }] = await t.db.query(`SELECT count(*)::int AS invoices FROM invoice WHERE client_id = $1`, [client.clientId]);
  return { staff, debtor, invoice, invoices };
}

function expectRefused(answer: Answer, field: string, reason?: string) {
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
}

beforeAll(async () => {
  t = await startTestApp();
  ({ analyst, admin } = await analystAndAdmin(t));
  const f = creditFixtures(() => t, () => ({ analyst, admin }));
  client = await f.clientWithKey('SE');
  member = await newStaff(t.db, { roles: [Role.COLLECTION], name: 'Stina Staff' });
  const offered = (await t.gql(SUBMIT_INVOICE, { input: invoiceInput('SE') }, client.key)).data!.submitInvoice;
  expect(offered.status).toBe('OFFERED');
  offeredId = offered.id;
  debtorId = (await t.db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [offered.id]))[0].debtor_id;
}, 60_000);
afterAll(() => t?.close());

const UPDATE_STAFF = `mutation($id: ID!, $input: UpdateStaffMemberInput!) { updateStaffMember(id: $id, input: $input) { id name } }`;
const SET_LIMIT = `mutation($id: ID!, $limit: Decimal!, $raise: TemporaryRaiseInput, $reason: String, $v: Int!) {
  setDebtorLimit(id: $id, creditLimit: $limit, temporaryRaise: $raise, reason: $reason, expectedVersion: $v) { version creditLimit } }`;
const DECLINE = `mutation($id: ID!, $reason: String) { declineOffer(invoiceId: $id, reason: $reason) { status } }`;
const REGISTER_DEBTOR = `mutation($input: RegisterDebtorInput!) { registerDebtor(input: $input) { id } }`;

const debtorVersion = async () => (await t.db.query(`SELECT version FROM debtor WHERE id = $1`, [debtorId]))[0].version as number;

describe('text PostgreSQL cannot store', () => {
  const texts: Array<[string, string]> = [
    ['a NUL', 'Stina\u0000Staff'],
    ['a lone high surrogate', 'Stina \ud800 Staff'],
    ['a lone low surrogate', 'Stina \udc00 Staff'],
  ];
  type Case = [string, () => Promise<{ query: string; variables?: Record<string, unknown>; token: string }>, string];
  const cases = (bad: string): Case[] => [
    ['updateStaffMember name (variable)', async () => ({ query: UPDATE_STAFF, variables: { id: member.id, input: { name: bad, expectedVersion: 1 } }, token: admin.token }), 'input.name'],
    ['setDebtorLimit reason', async () => ({ query: SET_LIMIT, variables: { id: debtorId, limit: '0', reason: bad, v: await debtorVersion() }, token: analyst.token }), 'reason'],
    ['declineOffer reason', async () => ({ query: DECLINE, variables: { id: offeredId, reason: bad }, token: client.key }), 'reason'],
    [
      'submitInvoice debtor name',
      async () => {
        const input = invoiceInput('SE');
        return { query: SUBMIT_INVOICE, variables: { input: { ...input, debtor: { ...input.debtor, name: bad } } }, token: client.key };
      },
      'input.debtor.name',
    ],
    ['submitInvoice line description', async () => {
      const input = invoiceInput('SE');
      return { query: SUBMIT_INVOICE, variables: { input: { ...input, lines: [{ ...input.lines[0], description: bad }] } }, token: client.key };
    }, 'input.lines.0.description'],
  ];

  it('a NUL written in the query itself is refused naming the argument, and audited', async () => {
    const before = await snapshot();
    const answer = await call(`mutation { updateStaffMember(id: "${member.id}", input: { name: "Stina\\u0000Staff", expectedVersion: 1 }) { id } }`, undefined, admin.token);
    expectRefused(answer, 'input.name', 'TEXT_NOT_STORABLE');
    expect(await snapshot()).toEqual(before);
    expect(await auditOf(answer.requestId)).toMatchObject([{ outcome: 'FAILED', error_code: 'TEXT_NOT_STORABLE' }]);
  });

  it('a lone surrogate written in the query itself is a syntax error (the GraphQL spec allows no such string): 400, not audited', async () => {
    const answer = await call(`mutation { updateStaffMember(id: "${member.id}", input: { name: "Stina\\ud800Staff", expectedVersion: 1 }) { id } }`, undefined, admin.token);
    expect(answer.status).toBe(400);
    expect(answer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
    expect(await auditOf(answer.requestId)).toEqual([]);
  });

  describe.each(texts)('%s', (_what, bad) => {
    it.each(cases(bad))('in %s is refused naming the field, changes nothing, and is audited', async (_case, request, field) => {
      const before = await snapshot();
      const { query, variables, token } = await request();
      const answer = await call(query, variables, token);
      expectRefused(answer, field, 'TEXT_NOT_STORABLE');
      expect(await snapshot()).toEqual(before);
      const audit = await auditOf(answer.requestId);
      expect(audit).toHaveLength(1);
      expect(['REFUSED', 'FAILED']).toContain(audit[0].outcome);
      expect(audit[0].error_code).toBe('TEXT_NOT_STORABLE');
    });
  });
});

describe('variables that do not coerce, and fragment cycles', () => {
  const submit = (change: (input: Record<string, any>) => Record<string, any>) => ({ query: SUBMIT_INVOICE, variables: { input: change(invoiceInput('SE')) } });
  // Four columns in every row: jest hands a test with fewer values than parameters a done callback.
  const cases: Array<[string, () => { query: string; variables?: Record<string, unknown> }, string, string | undefined]> = [
    ['a missing field', () => submit(({ currency: _c, ...rest }) => rest), 'input.currency', undefined],
    ['a missing nested field', () => submit((i) => ({ ...i, debtor: { ...i.debtor, name: undefined } })), 'input.debtor.name', undefined],
    ['a missing variable', () => ({ query: SUBMIT_INVOICE, variables: {} }), 'input', undefined],
    ['a field the type does not have', () => submit((i) => ({ ...i, colour: 'red' })), 'input.colour', undefined],
    ['a number for a string', () => submit((i) => ({ ...i, invoiceNumber: 12 })), 'input.invoiceNumber', undefined],
    ['a number for a decimal', () => submit((i) => ({ ...i, lines: [{ ...i.lines[0], quantity: 10 }] })), 'input.lines.0.quantity', 'DECIMAL_NOT_A_STRING'],
    ['a malformed decimal', () => submit((i) => ({ ...i, payable: '1 250,00' })), 'input.payable', 'DECIMAL_FORMAT'],
    ['an unknown enum value', () => submit((i) => ({ ...i, debtor: { ...i.debtor, kind: 'FIRM' } })), 'input.debtor.kind', undefined],
    ['a string for a boolean', () => submit((i) => ({ ...i, lines: [{ ...i.lines[0], reverseCharge: 'yes' }] })), 'input.lines.0.reverseCharge', undefined],
    ['a string for an integer', () => ({ query: SET_LIMIT, variables: { id: debtorId, limit: '10', v: 'one' } }), 'v', undefined],
    ['an inline number for a decimal', () => ({ query: `mutation { setDebtorLimit(id: "${randomUUID()}", creditLimit: 12, expectedVersion: 1) { version } }` }), 'creditLimit', 'DECIMAL_NOT_A_STRING'],
  ];

  it.each(cases)('%s: 400 BAD_USER_INPUT with the path', async (_what, request, field, reason) => {
    const before = await snapshot();
    const { query, variables } = request();
    const token = query === SET_LIMIT || query.includes('setDebtorLimit') ? analyst.token : client.key;
    const answer = await call(query, variables, token);
    expectRefused(answer, field, reason);
    expect(answer.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    // Refused before any operation ran: logged, not audited.
    expect(await auditOf(answer.requestId)).toEqual([]);
  });

  it('a fragment cycle: 400 BAD_USER_INPUT', async () => {
    const answer = await call(`query { ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }`, {}, analyst.token);
    expect(answer.status).toBe(400);
    expect(answer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(answer.errors![0].message).toMatch(/fragment/i);
  });
});

describe('numbers beyond the column that keeps them', () => {
  const line = (change: Record<string, string>) => () => {
    const input = invoiceInput('SE');
    return { query: SUBMIT_INVOICE, variables: { input: { ...input, lines: [{ ...input.lines[0], ...change }] } }, token: client.key };
  };
  const limit = (variables: Record<string, unknown>) => async () => ({ query: SET_LIMIT, variables: { id: debtorId, limit: '1000', v: await debtorVersion(), ...variables }, token: analyst.token });
  type Case = [string, () => Promise<{ query: string; variables: Record<string, unknown>; token: string }> | { query: string; variables: Record<string, unknown>; token: string }, string, string];
  const cases: Case[] = [
    ['a quantity of 10.000049 (four decimals kept)', line({ quantity: '10.000049' }), 'input.lines.0.quantity', 'DECIMAL_TOO_PRECISE'],
    ['a VAT rate of 25.004 (two decimals kept)', line({ vatRatePercent: '25.004' }), 'input.lines.0.vatRatePercent', 'DECIMAL_TOO_PRECISE'],
    ['a unit price of 10000.00004 (four decimals kept)', line({ unitPrice: '10000.00004' }), 'input.lines.0.unitPrice', 'DECIMAL_TOO_PRECISE'],
    ['a VAT rate of 1000 (numeric(5,2))', line({ vatRatePercent: '1000' }), 'input.lines.0.vatRatePercent', 'DECIMAL_TOO_LARGE'],
    ['a quantity of 15 digits (numeric(18,4))', line({ quantity: '100000000000000' }), 'input.lines.0.quantity', 'DECIMAL_TOO_LARGE'],
    ['a line net beyond numeric(18,2)', line({ quantity: '99999999999999', unitPrice: '99999999999999' }), 'input.lines.0.unitPrice', 'LINE_NET_TOO_LARGE'],
    ['a payable of 1250.001', () => ({ query: SUBMIT_INVOICE, variables: { input: { ...invoiceInput('SE'), payable: '1250.001' } }, token: client.key }), 'input.payable', 'DECIMAL_TOO_PRECISE'],
    ['a debtor limit of 100.005', limit({ limit: '100.005' }), 'creditLimit', 'DECIMAL_TOO_PRECISE'],
    ['a debtor limit of 999 999 999 999 999', limit({ limit: '999999999999999' }), 'creditLimit', 'AMOUNT_ABOVE_CEILING'],
    ['a debtor limit just above a billion', limit({ limit: '1000000000.01' }), 'creditLimit', 'AMOUNT_ABOVE_CEILING'],
    ['a raise above a billion', limit({ raise: { amount: '1000000001', until: '2030-01-31' } }), 'temporaryRaise.amount', 'AMOUNT_ABOVE_CEILING'],
    ['a raise of 10.001', limit({ raise: { amount: '10.001', until: '2030-01-31' } }), 'temporaryRaise.amount', 'DECIMAL_TOO_PRECISE'],
    ['a raise until a day that does not exist', limit({ raise: { amount: '100', until: '2030-02-30' } }), 'temporaryRaise.until', 'DATE_INVALID'],
    [
      'a registered debtor with a limit above a billion',
      () => ({
        query: REGISTER_DEBTOR,
        variables: { input: { country: 'SE', kind: 'COMPANY', identityNumber: invoiceInput('SE').debtor.identityNumber, name: 'Takt AB', address: invoiceInput('SE').debtor.address, creditLimit: '2000000000' } },
        token: analyst.token,
      }),
      'input.creditLimit',
      'AMOUNT_ABOVE_CEILING',
    ],
  ];

  it.each(cases)('%s is refused naming the field, changes nothing, and is audited', async (_what, request, field, reason) => {
    const before = await snapshot();
    const { query, variables, token } = await request();
    const answer = await call(query, variables, token);
    expectRefused(answer, field, reason);
    expect(await snapshot()).toEqual(before);
    const audit = await auditOf(answer.requestId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'FAILED', error_code: reason });
  });

  it('takes a limit of exactly a billion, and the precision each column keeps', async () => {
    const set = await call(SET_LIMIT, { id: debtorId, limit: '1000000000.00', v: await debtorVersion() }, analyst.token);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setDebtorLimit.creditLimit).toBe('1000000000.00');
    const input = invoiceInput('SE', {}, [{ quantity: '10.0001', unitPrice: '100.0049', vatRatePercent: '25' }]);
    const submitted = await call(SUBMIT_INVOICE, { input }, client.key);
    expect(submitted.errors).toBeUndefined();
  });
});
