import { analystAndAdmin, newActiveClient } from '../../test-support/clients';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';

const ISSUE = `mutation($c: ID!, $label: String!) { issueIntegrationKey(clientId: $c, label: $label) { key integrationKey { id keyPrefix label revokedAt } } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeIntegrationKey(id: $id, reason: $reason) { revokedAt revokeReason } }`;
const MY_CLIENT = `{ myClient { id legalName state canSellInvoices feePercent } }`;

let t: TestApp;
let analyst: { token: string };
let admin: { token: string };
let clientA: string;
let clientB: string;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ analyst, admin } = await analystAndAdmin(t));
  clientA = (await newActiveClient(t, analyst.token)).clientId;
  clientB = (await newActiveClient(t, analyst.token, 'NO')).clientId;
  keyA = (await t.gql(ISSUE, { c: clientA, label: 'Fortnox' }, admin.token)).data!.issueIntegrationKey.key;
  keyB = (await t.gql(ISSUE, { c: clientB, label: 'Fiken' }, admin.token)).data!.issueIntegrationKey.key;
});
afterAll(() => t?.close());

it('is shown once and stored only as a hash', async () => {
  expect(keyA).toMatch(/^fkey_[A-Za-z0-9_-]{43}$/);
  const rows = await t.db.query(`SELECT key_prefix, key_hash FROM integration_key WHERE client_id = $1`, [clientA]);
  expect(rows).toHaveLength(1);
  expect(keyA.startsWith(rows[0].key_prefix)).toBe(true);
  expect(JSON.stringify(rows)).not.toContain(keyA);
  const keys = (await t.gql(`query($id: ID!) { client(id: $id) { integrationKeys { label keyPrefix lastUsedAt } } }`, { id: clientA }, admin.token)).data!.client.integrationKeys;
  expect(keys).toEqual([{ label: 'Fortnox', keyPrefix: rows[0].key_prefix, lastUsedAt: null }]);
});

it('acts for its own client only: A sees A, B sees B', async () => {
  expect((await t.gql(MY_CLIENT, {}, keyA)).data!.myClient).toMatchObject({ id: clientA, state: 'ACTIVE', canSellInvoices: true, feePercent: '2' });
  expect((await t.gql(MY_CLIENT, {}, keyB)).data!.myClient.id).toBe(clientB);
});

it('cannot reach staff operations, so client A\'s key cannot read or change client B', async () => {
  expect(errorOf(await t.gql(`query($id: ID!) { client(id: $id) { id } }`, { id: clientB }, keyA))).toMatchObject({ code: 'FORBIDDEN', reason: 'STAFF_ONLY' });
  expect(errorOf(await t.gql(`{ clients { total } }`, {}, keyA))?.code).toBe('FORBIDDEN');
  const block = await t.gql(`mutation($id: ID!) { blockClient(id: $id, reason: "by key") { state } }`, { id: clientB }, keyA);
  expect(errorOf(block)?.code).toBe('FORBIDDEN');
  const [{ state }] = await t.db.query(`SELECT state FROM client WHERE id = $1`, [clientB]);
  expect(state).toBe('ACTIVE');
});

it('is the only way into the integration operations', async () => {
  expect(errorOf(await t.gql(MY_CLIENT, {}, analyst.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'INTEGRATION_ONLY' });
  expect(errorOf(await t.gql(MY_CLIENT))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INTEGRATION_KEY_REQUIRED' });
  expect(errorOf(await t.gql(MY_CLIENT, {}, 'fkey_made-up'))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INTEGRATION_KEY_INVALID' });
});

it('stops working when revoked', async () => {
  const issued = (await t.gql(ISSUE, { c: clientA, label: 'Old laptop' }, admin.token)).data!.issueIntegrationKey;
  expect((await t.gql(MY_CLIENT, {}, issued.key)).data!.myClient.id).toBe(clientA);
  expect((await t.gql(REVOKE, { id: issued.integrationKey.id, reason: 'Laptop stolen' }, admin.token)).data!.revokeIntegrationKey.revokeReason).toBe('Laptop stolen');
  expect(errorOf(await t.gql(MY_CLIENT, {}, issued.key))?.code).toBe('UNAUTHENTICATED');
  expect(errorOf(await t.gql(REVOKE, { id: issued.integrationKey.id, reason: 'Again' }, admin.token))?.code).toBe('CONFLICT');
});

it('is issued by admins only, to clients with an agreement', async () => {
  expect(errorOf(await t.gql(ISSUE, { c: clientA, label: 'x' }, analyst.token))?.code).toBe('FORBIDDEN');
  expect(errorOf(await t.gql(ISSUE, { c: clientA, label: '' }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'label' });
});
