import { Role } from '../src/auth/role';
import { newStaff } from './factories';
import { norwegianBankAccount, norwegianCompanyNumber, swedishBankgiro, swedishCompanyNumber } from './identities';
import { TestApp } from './test-app';

export function applicationInput(country: 'SE' | 'NO' = 'SE', overrides: Record<string, unknown> = {}) {
  const se = country === 'SE';
  const account = se ? { kind: 'SE_BANKGIRO', value: swedishBankgiro() } : { kind: 'NO_BANK_ACCOUNT', value: norwegianBankAccount() };
  return {
    country,
    organisationNumber: se ? swedishCompanyNumber() : norwegianCompanyNumber(),
    legalName: se ? 'Snickeri Lindqvist AB' : 'Fjordbygg AS',
    companyForm: se ? 'AB' : 'AS',
    registryStatus: 'ACTIVE',
    address: se ? { street: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm', country: 'SE' } : { street: 'Karl Johans gate 1', postalCode: '0154', city: 'Oslo', country: 'NO' },
    contact: { name: 'Eva Ek', email: 'eva@example.com', phone: '+46 8 123 456' },
    payoutAccount: account,
    repaymentAccount: account,
    accountingProgram: se ? 'Fortnox' : 'Fiken',
    ...overrides,
  };
}

export const TERMS = {
  feePercent: '2',
  recourseModes: ['WITH_RECOURSE', 'WITHOUT_RECOURSE'],
  creditLimit: '500000',
  spotCheckIntensity: 'HIGH',
  deliveryChannel: 'EMAIL',
};

export const SUBMIT = `mutation($input: ClientApplicationInput!) { submitClientApplication(input: $input) {
  id clientId state organisationNumber answerDueOn overdue automaticReasons { code en } } }`;
export const APPROVE = `mutation($id: ID!, $terms: AgreementTermsInput!, $note: String) { approveClientApplication(id: $id, terms: $terms, note: $note) { id state decidedBy { name } } }`;

/** Signs in a fresh analyst and a fresh admin. */
export async function analystAndAdmin(t: TestApp) {
  const analyst = await newStaff(t.db, { roles: [Role.CREDIT_ANALYST], name: 'Anna Analyst' });
  const admin = await newStaff(t.db, { roles: [Role.ADMIN], name: 'Adam Admin' });
  return {
    analyst: { ...analyst, token: await t.signIn(analyst.email, analyst.password) },
    admin: { ...admin, token: await t.signIn(admin.email, admin.password) },
  };
}

/** An active client, through the real API: applied, then approved with TERMS. */
export async function newActiveClient(t: TestApp, analystToken: string, country: 'SE' | 'NO' = 'SE', terms = TERMS): Promise<{ clientId: string; applicationId: string }> {
  const submitted = await t.gql(SUBMIT, { input: applicationInput(country) }, analystToken);
  if (!submitted.data) throw new Error(JSON.stringify(submitted.errors));
  const { id, clientId } = submitted.data.submitClientApplication;
  const approved = await t.gql(APPROVE, { id, terms }, analystToken);
  if (!approved.data) throw new Error(JSON.stringify(approved.errors));
  return { clientId, applicationId: id };
}
