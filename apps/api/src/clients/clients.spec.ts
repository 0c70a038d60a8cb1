import { analystAndAdmin, newActiveClient, TERMS } from '../../test-support/clients';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';

const CLIENT = `query($id: ID!) { client(id: $id) { id state stateReason version creditLimit agreement { version feePercent creditLimit changeReason changedBy { name } } agreementHistory { version feePercent } } }`;
const UPDATE = `mutation($id: ID!, $terms: AgreementTermsInput!, $v: Int!, $reason: String!) { updateClientAgreement(id: $id, terms: $terms, expectedVersion: $v, reason: $reason) { agreement { version feePercent creditLimit } } }`;
const BLOCK = `mutation($id: ID!, $reason: String!) { blockClient(id: $id, reason: $reason) { state stateReason } }`;
const UNBLOCK = `mutation($id: ID!, $reason: String!) { unblockClient(id: $id, reason: $reason) { state } }`;
const TERMINATE = `mutation($id: ID!, $reason: String!) { terminateClient(id: $id, reason: $reason) { state } }`;
const LIST = `query($filter: ClientFilter) { clients(filter: $filter, perPage: 200) { total items { id state country } } }`;

let t: TestApp;
let analyst: { token: string };
let admin: { token: string; name: string };
beforeAll(async () => {
  t = await startTestApp();
  ({ analyst, admin } = await analystAndAdmin(t));
});
afterAll(() => t?.close());

describe('the agreement', () => {
  it('is changed by admins as a new version, keeping the history; a stale version gets CONFLICT', async () => {
    const { clientId } = await newActiveClient(t, analyst.token);
    const changed = await t.gql(UPDATE, { id: clientId, terms: { ...TERMS, feePercent: '3' }, v: 1, reason: 'New price list' }, admin.token);
    expect(changed.data!.updateClientAgreement.agreement).toMatchObject({ version: 2, feePercent: '3' });
    const stale = await t.gql(UPDATE, { id: clientId, terms: { ...TERMS, feePercent: '4' }, v: 1, reason: 'Late edit' }, admin.token);
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_AGREEMENT_CHANGED' });

    const client = (await t.gql(CLIENT, { id: clientId }, admin.token)).data!.client;
    expect(client.agreement).toMatchObject({ version: 2, changeReason: 'New price list', changedBy: { name: admin.name } });
    expect(client.agreementHistory).toEqual([
      { version: 2, feePercent: '3' },
      { version: 1, feePercent: '2' },
    ]);
    await expect(t.db.query(`UPDATE client_agreement SET fee_percent = 1 WHERE client_id = $1`, [clientId])).rejects.toThrow(/append-only/);
  });

  it('accepts a credit limit below the exposure with a reason, and records the warning', async () => {
    const { clientId } = await newActiveClient(t, analyst.token);
    await t.db.query(`UPDATE client SET exposure = 100000 WHERE id = $1`, [clientId]);
    const response = await t.gql(UPDATE, { id: clientId, terms: { ...TERMS, creditLimit: '50000' }, v: 1, reason: 'Payment remarks found' }, admin.token);
    expect(response.data!.updateClientAgreement.agreement.creditLimit).toBe('50000.00');
    const [event] = await t.db.query(`SELECT details FROM timeline_event WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [clientId]);
    expect(event.details.warnings).toEqual(['LIMIT_BELOW_EXPOSURE']);
  });

  it('is changed by admins only', async () => {
    const { clientId } = await newActiveClient(t, analyst.token);
    expect(errorOf(await t.gql(UPDATE, { id: clientId, terms: TERMS, v: 1, reason: 'Try' }, analyst.token))?.code).toBe('FORBIDDEN');
  });
});

describe('client states', () => {
  it('blocks with a reason and unblocks; terminates; each in the timeline; wrong moves get CONFLICT', async () => {
    const { clientId } = await newActiveClient(t, analyst.token);
    expect((await t.gql(BLOCK, { id: clientId, reason: 'Recourse invoice overdue' }, analyst.token)).data!.blockClient).toEqual({ state: 'BLOCKED', stateReason: 'Recourse invoice overdue' });
    expect(errorOf(await t.gql(BLOCK, { id: clientId, reason: 'Again' }, analyst.token))).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_ALREADY_BLOCKED_FOR_REASON' });
    expect((await t.gql(UNBLOCK, { id: clientId, reason: 'Paid' }, analyst.token)).data!.unblockClient.state).toBe('ACTIVE');
    expect(errorOf(await t.gql(TERMINATE, { id: clientId, reason: 'Ended' }, analyst.token))?.code).toBe('FORBIDDEN');
    expect((await t.gql(TERMINATE, { id: clientId, reason: 'Agreement ended' }, admin.token)).data!.terminateClient.state).toBe('TERMINATED');
    const states = await t.db.query(`SELECT from_state, to_state FROM timeline_event WHERE entity_type = 'CLIENT' AND entity_id = $1 ORDER BY id`, [clientId]);
    expect(states.map((s: { to_state: string }) => s.to_state)).toEqual(['APPLIED', 'ACTIVE', 'BLOCKED', 'ACTIVE', 'TERMINATED']);
  });

  it('needs a reason', async () => {
    const { clientId } = await newActiveClient(t, analyst.token);
    expect(errorOf(await t.gql(BLOCK, { id: clientId, reason: '' }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('lists clients filtered by state and country', async () => {
    const { clientId } = await newActiveClient(t, analyst.token, 'NO');
    const items = (await t.gql(LIST, { filter: { state: 'ACTIVE', country: 'NO' } }, analyst.token)).data!.clients.items;
    expect(items.map((c: { id: string }) => c.id)).toContain(clientId);
    expect(items.every((c: { state: string; country: string }) => c.state === 'ACTIVE' && c.country === 'NO')).toBe(true);
  });
});
