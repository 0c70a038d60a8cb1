import { analystAndAdmin, applicationInput, APPROVE, SUBMIT, TERMS } from '../../test-support/clients';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';

const CLAIM = `mutation($id: ID!) { claimClientApplication(id: $id) { id claimedBy { name } } }`;
const RELEASE = `mutation($id: ID!) { releaseClientApplication(id: $id) { id claimedBy { name } } }`;
const REFUSE = `mutation($id: ID!, $reasons: [String!]!, $note: String) { refuseClientApplication(id: $id, reasons: $reasons, note: $note) { id state refusalReasons { code en sv nb } decisionNote } }`;
const CLIENT = `query($id: ID!) { client(id: $id) { id state stateReason organisationNumber creditLimit agreement { version feePercent vatRateOnFeePercent creditLimit recourseModes payoutAccount { kind value display } changeReason } } }`;
const QUEUE = `query($filter: ClientApplicationFilter, $perPage: Int) { clientApplications(filter: $filter, perPage: $perPage) { total items { id clientId state overdue ageHours claimedBy { name } } } }`;

let t: TestApp;
let analyst: { token: string; id: string; name: string };
let admin: { token: string };
beforeAll(async () => {
  t = await startTestApp();
  ({ analyst, admin } = await analystAndAdmin(t));
});
afterAll(() => t?.close());

/** Test files share one database and run in parallel: count only this test's rows. */
const count = async (table: string, where: string, params: unknown[]) => Number((await t.db.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

describe('applying', () => {
  it('registers a pending application due within one business day, and an APPLIED client with its timeline', async () => {
    const input = applicationInput('SE', { organisationNumber: undefined });
    const org = applicationInput('SE').organisationNumber as string;
    const response = await t.gql(SUBMIT, { input: { ...input, organisationNumber: org.replace('-', '') } }, analyst.token);
    expect(response.errors).toBeUndefined();
    const application = response.data!.submitClientApplication;
    expect(application).toMatchObject({ state: 'PENDING', organisationNumber: org, overdue: false, automaticReasons: [] });
    expect(application.answerDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const client = (await t.gql(CLIENT, { id: application.clientId }, analyst.token)).data!.client;
    expect(client).toMatchObject({ state: 'APPLIED', agreement: null });
    const [event] = await t.db.query(`SELECT to_state, actor_id FROM timeline_event WHERE entity_type = 'CLIENT' AND entity_id = $1`, [application.clientId]);
    expect(event).toEqual({ to_state: 'APPLIED', actor_id: analyst.id });
  });

  it.each([
    ['a malformed organisation number', { organisationNumber: '556036-079' }, 'input.organisationNumber'],
    ['an organisation number with a wrong check digit', { organisationNumber: '556036-0794' }, 'input.organisationNumber'],
    ['a company form not allowed in Sweden', { companyForm: 'AS' }, 'input.companyForm'],
    ['an unknown company form', { companyForm: 'GMBH' }, 'input.companyForm'],
    ['a payout account with a wrong check digit', { payoutAccount: { kind: 'SE_BANKGIRO', value: '5050-1056' } }, 'input.payoutAccount.value'],
    ['a Norwegian account for a Swedish client', { payoutAccount: { kind: 'NO_BANK_ACCOUNT', value: '12345678903' } }, 'input.payoutAccount.kind'],
    ['a malformed e-mail', { contact: { name: 'Eva', email: 'eva.example.com' } }, 'input.contact.email'],
  ])('refuses %s, naming the field, and stores nothing', async (_what, override, field) => {
    const legalName = `Refused ${Math.random().toString(36).slice(2)} AB`;
    const response = await t.gql(SUBMIT, { input: applicationInput('SE', { legalName, ...override }) }, analyst.token);
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('client', 'legal_name = $1', [legalName])).toBe(0);
  });

  it('refuses a bankrupt company with a reason code, keeps the application, and assesses a later application anew', async () => {
    const input = applicationInput('NO', { registryStatus: 'BANKRUPT' });
    const first = (await t.gql(SUBMIT, { input }, analyst.token)).data!.submitClientApplication;
    expect(first.state).toBe('REFUSED');
    expect(first.automaticReasons.map((r: { code: string }) => r.code)).toContain('COMPANY_BANKRUPT');
    expect((await t.gql(CLIENT, { id: first.clientId }, analyst.token)).data!.client.state).toBe('REFUSED');

    const second = (await t.gql(SUBMIT, { input: { ...input, registryStatus: 'ACTIVE' } }, analyst.token)).data!.submitClientApplication;
    expect(second).toMatchObject({ state: 'PENDING', clientId: first.clientId });
    const history = await t.gql(QUEUE, { filter: { clientId: first.clientId } }, analyst.token);
    expect(history.data!.clientApplications.items.map((a: { state: string }) => a.state)).toEqual(['REFUSED', 'PENDING']);

    const again = await t.gql(SUBMIT, { input: { ...input, registryStatus: 'ACTIVE' } }, analyst.token);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_APPLICATION_PENDING' });
  });
});

describe('the applications queue', () => {
  it('lists pending applications oldest first and flags those past the promised business day', async () => {
    const fresh = (await t.gql(SUBMIT, { input: applicationInput('SE') }, analyst.token)).data!.submitClientApplication;
    const old = (await t.gql(SUBMIT, { input: applicationInput('SE') }, analyst.token)).data!.submitClientApplication;
    await t.db.query(`UPDATE client_application SET submitted_at = now() - interval '9 days', answer_due_on = current_date - 8 WHERE id = $1`, [old.id]);
    const queue = (await t.gql(QUEUE, { filter: { state: 'PENDING' }, perPage: 200 }, analyst.token)).data!.clientApplications.items;
    const ids = queue.map((a: { id: string }) => a.id);
    expect(ids.indexOf(old.id)).toBeLessThan(ids.indexOf(fresh.id));
    expect(queue.find((a: { id: string }) => a.id === old.id)).toMatchObject({ overdue: true, ageHours: expect.any(Number) });
    expect(queue.find((a: { id: string }) => a.id === old.id).ageHours).toBeGreaterThanOrEqual(9 * 24 - 1);
    expect(queue.find((a: { id: string }) => a.id === fresh.id).overdue).toBe(false);
  });

  it('gives an application to one analyst at a time: the second gets CONFLICT naming the first', async () => {
    const other = await newStaff(t.db, { roles: [Role.CREDIT_ANALYST], name: 'Bo Bengtsson' });
    const otherToken = await t.signIn(other.email, other.password);
    const { id } = (await t.gql(SUBMIT, { input: applicationInput('SE') }, analyst.token)).data!.submitClientApplication;

    expect((await t.gql(CLAIM, { id }, analyst.token)).data!.claimClientApplication.claimedBy.name).toBe(analyst.name);
    const stolen = await t.gql(CLAIM, { id }, otherToken);
    expect(errorOf(stolen)).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_APPLICATION_CLAIMED' });
    expect(stolen.errors![0].message).toContain(analyst.name);
    expect(errorOf(await t.gql(APPROVE, { id, terms: TERMS }, otherToken))?.code).toBe('CONFLICT');
    expect(errorOf(await t.gql(RELEASE, { id }, otherToken))?.reason).toBe('CLIENT_APPLICATION_NOT_YOURS');

    expect((await t.gql(RELEASE, { id }, analyst.token)).data!.releaseClientApplication.claimedBy).toBeNull();
    expect((await t.gql(CLAIM, { id }, otherToken)).data!.claimClientApplication.claimedBy.name).toBe('Bo Bengtsson');
  });

  it('claim next gives two analysts pressing it at once two different applications, oldest first', async () => {
    const other = await newStaff(t.db, { roles: [Role.CREDIT_ANALYST] });
    const otherToken = await t.signIn(other.email, other.password);
    for (let i = 0; i < 2; i++) await t.gql(SUBMIT, { input: applicationInput('NO') }, analyst.token);
    const NEXT = `mutation { claimNextClientApplication(country: NO) { id claimedBy { id } } }`;
    const [a, b] = await Promise.all([t.gql(NEXT, {}, analyst.token), t.gql(NEXT, {}, otherToken)]);
    expect(a.data!.claimNextClientApplication.id).not.toBe(b.data!.claimNextClientApplication.id);
    expect(b.data!.claimNextClientApplication.claimedBy.id).toBe(other.id);
  });

  it('lets exactly one of two analysts deciding at once win', async () => {
    const other = await newStaff(t.db, { roles: [Role.CREDIT_ANALYST] });
    const otherToken = await t.signIn(other.email, other.password);
    const { id } = (await t.gql(SUBMIT, { input: applicationInput('NO') }, analyst.token)).data!.submitClientApplication;
    const [a, b] = await Promise.all([
      t.gql(APPROVE, { id, terms: TERMS }, analyst.token),
      t.gql(REFUSE, { id, reasons: ['KEY_RATIOS'] }, otherToken),
    ]);
    expect([a, b].map((r) => (r.errors ? errorOf(r)!.code : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
  });
});

describe('deciding', () => {
  it('approves: the client becomes active with agreement version 1', async () => {
    const { id, clientId } = (await t.gql(SUBMIT, { input: applicationInput('SE') }, analyst.token)).data!.submitClientApplication;
    const approved = await t.gql(APPROVE, { id, terms: { ...TERMS, feePercent: '2.5' }, note: 'Good key ratios' }, analyst.token);
    expect(approved.data!.approveClientApplication).toMatchObject({ state: 'APPROVED', decidedBy: { name: analyst.name } });
    const client = (await t.gql(CLIENT, { id: clientId }, analyst.token)).data!.client;
    expect(client).toMatchObject({
      state: 'ACTIVE',
      creditLimit: '500000.00',
      agreement: { version: 1, feePercent: '2.5', vatRateOnFeePercent: '25', recourseModes: ['WITH_RECOURSE', 'WITHOUT_RECOURSE'], changeReason: 'Good key ratios' },
    });
    expect(client.agreement.payoutAccount.kind).toBe('SE_BANKGIRO');
    expect(errorOf(await t.gql(APPROVE, { id, terms: TERMS }, analyst.token))).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_APPLICATION_DECIDED' });
  });

  it.each([
    ['an absurd fee', { feePercent: '12' }, 'terms.feePercent', /between 0\.5 % and 10 %/],
    ['a negative fee', { feePercent: '-1' }, 'terms.feePercent', /./],
    ['a negative credit limit', { creditLimit: '-5' }, 'terms.creditLimit', /./],
  ])('refuses %s with the allowed range, and changes nothing', async (_what, override, field, message) => {
    const { id, clientId } = (await t.gql(SUBMIT, { input: applicationInput('SE') }, analyst.token)).data!.submitClientApplication;
    const response = await t.gql(APPROVE, { id, terms: { ...TERMS, ...override } }, analyst.token);
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors![0].message).toMatch(message);
    expect((await t.gql(CLIENT, { id: clientId }, analyst.token)).data!.client.state).toBe('APPLIED');
  });

  it('refuses amounts sent as JSON numbers', async () => {
    const { id } = (await t.gql(SUBMIT, { input: applicationInput('SE') }, analyst.token)).data!.submitClientApplication;
    const response = await t.gql(APPROVE, { id, terms: { ...TERMS, feePercent: 2.5 } }, analyst.token);
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DECIMAL_NOT_A_STRING', field: 'terms.feePercent' });
  });

  it('refuses with the analyst\'s reasons in three languages; OTHER needs a note; unknown reasons are bad input', async () => {
    const { id, clientId } = (await t.gql(SUBMIT, { input: applicationInput('SE') }, analyst.token)).data!.submitClientApplication;
    expect(errorOf(await t.gql(REFUSE, { id, reasons: ['NOT_A_REASON'] }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reasons' });
    expect(errorOf(await t.gql(REFUSE, { id, reasons: [] }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reasons' });
    expect(errorOf(await t.gql(REFUSE, { id, reasons: ['OTHER'] }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });

    const refused = (await t.gql(REFUSE, { id, reasons: ['UNPAID_PUBLIC_FEES', 'SIGNIFICANT_PAYMENT_REMARKS'], note: 'Skatteverket debt' }, analyst.token)).data!.refuseClientApplication;
    expect(refused).toMatchObject({ state: 'REFUSED', decisionNote: 'Skatteverket debt' });
    expect(refused.refusalReasons.map((r: { code: string }) => r.code)).toEqual(['UNPAID_PUBLIC_FEES', 'SIGNIFICANT_PAYMENT_REMARKS']);
    expect(refused.refusalReasons[0].sv).toBeTruthy();
    expect((await t.gql(CLIENT, { id: clientId }, analyst.token)).data!.client.state).toBe('REFUSED');
  });

  it('is for credit analysts: finance may not decide', async () => {
    const finance = await newStaff(t.db, { roles: [Role.FINANCE] });
    const token = await t.signIn(finance.email, finance.password);
    const { id } = (await t.gql(SUBMIT, { input: applicationInput('SE') }, analyst.token)).data!.submitClientApplication;
    expect(errorOf(await t.gql(APPROVE, { id, terms: TERMS }, token))?.code).toBe('FORBIDDEN');
    expect(admin.token).toBeTruthy();
  });
});
