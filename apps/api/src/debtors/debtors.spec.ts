import { analystAndAdmin, newActiveClient } from '../../test-support/clients';
import { norwegianCompanyNumber, swedishCompanyNumber, swedishPersonalNumber } from '../../test-support/identities';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';

const REGISTER = `mutation($input: RegisterDebtorInput!) { registerDebtor(input: $input) { id identityNumber kind creditLimit effectiveLimit exposure available version currency } }`;
const SET_LIMIT = `mutation($id: ID!, $limit: Decimal!, $raise: TemporaryRaiseInput, $reason: String, $v: Int!) {
  setDebtorLimit(id: $id, creditLimit: $limit, temporaryRaise: $raise, reason: $reason, expectedVersion: $v) { creditLimit effectiveLimit available temporaryRaise { amount until } version } }`;
const PAIR = `mutation($c: ID!, $d: ID!, $limit: Decimal, $channel: DeliveryChannel, $reason: String) {
  setClientDebtorTerms(clientId: $c, debtorId: $d, creditLimit: $limit, deliveryChannel: $channel, reason: $reason) { clientName debtorName creditLimit effectiveLimit deliveryChannel } }`;
const RELATION = `mutation($c: ID!, $d: ID!, $r: DebtorRelation, $note: String!) { markClientDebtorRelation(clientId: $c, debtorId: $d, relation: $r, note: $note) { relation relationNote } }`;
const DEBTOR = `query($id: ID!) { debtor(id: $id) { name paymentHistory { invoicesPaid hasUnpaidBefore } clients { clientId creditLimit relation deliveryChannel } } }`;

let t: TestApp;
let analyst: { token: string };
beforeAll(async () => {
  t = await startTestApp();
  ({ analyst } = await analystAndAdmin(t));
});
afterAll(() => t?.close());

const company = (overrides: Record<string, unknown> = {}) => ({
  country: 'SE',
  kind: 'COMPANY',
  identityNumber: swedishCompanyNumber(),
  name: 'Byggvaruhuset AB',
  address: { street: 'Industrivägen 4', postalCode: '41101', city: 'Göteborg', country: 'SE' },
  creditLimit: '200000',
  ...overrides,
});

describe('registering debtors', () => {
  it('registers companies and private persons in canonical form', async () => {
    const org = norwegianCompanyNumber();
    const no = (await t.gql(REGISTER, { input: company({ country: 'NO', identityNumber: `${org.slice(0, 3)} ${org.slice(3, 6)} ${org.slice(6)}` }) }, analyst.token)).data!.registerDebtor;
    expect(no).toMatchObject({ identityNumber: org, kind: 'COMPANY', currency: 'NOK', creditLimit: '200000.00', exposure: '0.00', available: '200000.00' });
    const pnr = swedishPersonalNumber();
    const person = await t.gql(REGISTER, { input: company({ kind: 'PERSON', identityNumber: pnr.slice(2), name: 'Sven Svensson', creditLimit: undefined }) }, analyst.token);
    expect(person.data!.registerDebtor).toMatchObject({ identityNumber: pnr, kind: 'PERSON', creditLimit: '0.00' });
  });

  it.each([
    ['a malformed organisation number', { identityNumber: '12345' }, 'input.identityNumber'],
    ['a person with an organisation number', { kind: 'PERSON' }, 'input.identityNumber'],
    ['a negative limit', { creditLimit: '-1' }, 'input.creditLimit'],
  ])('refuses %s, naming the field', async (_what, override, field) => {
    expect(errorOf(await t.gql(REGISTER, { input: company(override) }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a debtor registered twice with CONFLICT', async () => {
    const input = company();
    await t.gql(REGISTER, { input }, analyst.token);
    expect(errorOf(await t.gql(REGISTER, { input }, analyst.token))).toMatchObject({ code: 'CONFLICT', reason: 'DEBTOR_EXISTS' });
  });
});

describe('debtor limits', () => {
  it('counts a temporary raise through its last day, and refuses a limit below exposure without a reason', async () => {
    const debtor = (await t.gql(REGISTER, { input: company() }, analyst.token)).data!.registerDebtor;
    const until = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const raised = (await t.gql(SET_LIMIT, { id: debtor.id, limit: '100000', raise: { amount: '50000', until }, v: 1 }, analyst.token)).data!.setDebtorLimit;
    expect(raised).toMatchObject({ creditLimit: '100000.00', effectiveLimit: '150000.00', temporaryRaise: { amount: '50000.00', until }, version: 2 });

    await t.db.query(`UPDATE debtor SET exposure = 120000 WHERE id = $1`, [debtor.id]);
    const withoutReason = await t.gql(SET_LIMIT, { id: debtor.id, limit: '80000', v: 2 }, analyst.token);
    expect(errorOf(withoutReason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const withReason = (await t.gql(SET_LIMIT, { id: debtor.id, limit: '80000', reason: 'Rating dropped', v: 2 }, analyst.token)).data!.setDebtorLimit;
    expect(withReason).toMatchObject({ creditLimit: '80000.00', effectiveLimit: '80000.00', available: '-40000.00' });
    expect(errorOf(await t.gql(SET_LIMIT, { id: debtor.id, limit: '90000', reason: 'x', v: 2 }, analyst.token))).toMatchObject({ code: 'CONFLICT', reason: 'DEBTOR_CHANGED' });
  });

  it('ignores an expired raise', async () => {
    const debtor = (await t.gql(REGISTER, { input: company() }, analyst.token)).data!.registerDebtor;
    await t.db.query(`UPDATE debtor SET temporary_raise = 999, temporary_raise_until = current_date - 1 WHERE id = $1`, [debtor.id]);
    const view = (await t.gql(`query($id: ID!) { debtor(id: $id) { effectiveLimit } }`, { id: debtor.id }, analyst.token)).data!.debtor;
    expect(view.effectiveLimit).toBe('200000.00');
  });
});

describe('client and debtor pairs', () => {
  it('keeps a pair limit, a delivery preference and a relation, seen from both sides', async () => {
    const { clientId } = await newActiveClient(t, analyst.token);
    const debtor = (await t.gql(REGISTER, { input: company() }, analyst.token)).data!.registerDebtor;
    const pair = (await t.gql(PAIR, { c: clientId, d: debtor.id, limit: '25000', channel: 'E_INVOICE' }, analyst.token)).data!.setClientDebtorTerms;
    expect(pair).toMatchObject({ creditLimit: '25000.00', effectiveLimit: '25000.00', deliveryChannel: 'E_INVOICE' });

    expect(errorOf(await t.gql(RELATION, { c: clientId, d: debtor.id, r: 'SAME_OWNER', note: '' }, analyst.token))).toMatchObject({ field: 'note' });
    const marked = (await t.gql(RELATION, { c: clientId, d: debtor.id, r: 'SAME_OWNER', note: 'Both owned by Eva Ek' }, analyst.token)).data!.markClientDebtorRelation;
    expect(marked).toEqual({ relation: 'SAME_OWNER', relationNote: 'Both owned by Eva Ek' });

    const view = (await t.gql(DEBTOR, { id: debtor.id }, analyst.token)).data!.debtor;
    expect(view.clients).toEqual([{ clientId, creditLimit: '25000.00', relation: 'SAME_OWNER', deliveryChannel: 'E_INVOICE' }]);
    expect(view.paymentHistory).toEqual({ invoicesPaid: 0, hasUnpaidBefore: false });
    const fromClient = (await t.gql(`query($id: ID!) { client(id: $id) { debtors { debtorId relation } } }`, { id: clientId }, analyst.token)).data!.client;
    expect(fromClient.debtors).toEqual([{ debtorId: debtor.id, relation: 'SAME_OWNER' }]);
  });

  it('answers NOT_FOUND for an unknown client or debtor', async () => {
    const debtor = (await t.gql(REGISTER, { input: company() }, analyst.token)).data!.registerDebtor;
    expect(errorOf(await t.gql(PAIR, { c: '00000000-0000-4000-8000-000000000000', d: debtor.id, limit: '1' }, analyst.token))?.code).toBe('NOT_FOUND');
  });
});

it('names temporaryRaise.until when the raise ends on a day that does not exist', async () => {
  const { analystAndAdmin } = await import('../../test-support/clients');
  const { analyst } = await analystAndAdmin(t);
  const [debtor] = await t.db.query(`INSERT INTO debtor (country, kind, identity_number, name, address) VALUES ('SE', 'COMPANY', $1, 'Raise AB', '{}') RETURNING id, version`, [`55${Date.now().toString().slice(-8)}`]);
  const SET = `mutation($id: ID!, $raise: TemporaryRaiseInput, $v: Int!) { setDebtorLimit(id: $id, creditLimit: "1000.00", temporaryRaise: $raise, reason: "Raise", expectedVersion: $v) { version } }`;
  const response = await t.gql(SET, { id: debtor.id, raise: { amount: '100.00', until: '2099-02-30' }, v: debtor.version }, analyst.token);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'temporaryRaise.until' });
});
