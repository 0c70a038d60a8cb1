/**
 * Demo clients in every state in both countries, and debtors with limits and a relation.
 * Numbers are valid (check digits computed) but made up.
 */
type Target = 'ACTIVE' | 'BLOCKED' | 'APPLIED' | 'REFUSED' | 'TERMINATED';

export interface DemoClient {
  target: Target;
  country: 'SE' | 'NO';
  organisationNumber: string;
  legalName: string;
  companyForm: string;
  registryStatus?: 'ACTIVE' | 'BANKRUPT';
  city: string;
  account: { kind: string; value: string };
  accountingProgram: string;
  feePercent?: string;
  note?: string;
}

const se = (city: string) => ({ street: 'Storgatan 12', postalCode: '111 22', city, country: 'SE' });
const no = (city: string) => ({ street: 'Strandgata 5', postalCode: '5013', city, country: 'NO' });
export const demoAddress = (client: DemoClient) => (client.country === 'SE' ? se(client.city) : no(client.city));

export const DEMO_CLIENTS: DemoClient[] = [
  { target: 'ACTIVE', country: 'SE', organisationNumber: '556712-3400', legalName: 'Snickeri Lindqvist AB', companyForm: 'AB', city: 'Uppsala', account: { kind: 'SE_BANKGIRO', value: '505-1057' }, accountingProgram: 'Fortnox', feePercent: '2.5' },
  { target: 'BLOCKED', country: 'SE', organisationNumber: '969712-3454', legalName: 'Bageri Holm HB', companyForm: 'HB', city: 'Västerås', account: { kind: 'SE_BANKGIRO', value: '554-3210' }, accountingProgram: 'Visma eEkonomi', note: 'Recourse invoice 30 days overdue' },
  { target: 'APPLIED', country: 'SE', organisationNumber: '556812-3458', legalName: 'Konsultbyrån Ek AB', companyForm: 'AB', city: 'Malmö', account: { kind: 'SE_BANKGIRO', value: '598-7656' }, accountingProgram: 'Fortnox' },
  { target: 'REFUSED', country: 'SE', organisationNumber: '916812-3454', legalName: 'Måleri Berg KB', companyForm: 'KB', city: 'Örebro', account: { kind: 'SE_BANKGIRO', value: '523-4562' }, accountingProgram: 'Visma eEkonomi', note: 'Significant payment remarks at UC' },
  { target: 'TERMINATED', country: 'SE', organisationNumber: '559012-3450', legalName: 'Gamla Verkstaden AB', companyForm: 'AB', city: 'Gävle', account: { kind: 'SE_BANKGIRO', value: '505-1057' }, accountingProgram: 'Fortnox', note: 'Company sold; agreement ended' },
  { target: 'ACTIVE', country: 'NO', organisationNumber: '923456783', legalName: 'Fjordbygg AS', companyForm: 'AS', city: 'Bergen', account: { kind: 'NO_BANK_ACCOUNT', value: '1503.12.34562' }, accountingProgram: 'Fiken', feePercent: '3' },
  { target: 'BLOCKED', country: 'NO', organisationNumber: '934567897', legalName: 'Vestland Transport DA', companyForm: 'DA', city: 'Stavanger', account: { kind: 'NO_BANK_ACCOUNT', value: '1506.23.45672' }, accountingProgram: 'Fiken', note: 'Unpaid public fees reported' },
  { target: 'APPLIED', country: 'NO', organisationNumber: '812345672', legalName: 'Nordlys Regnskap ENK', companyForm: 'ENK', city: 'Tromsø', account: { kind: 'NO_BANK_ACCOUNT', value: '1207.34.56787' }, accountingProgram: 'Fiken' },
  { target: 'REFUSED', country: 'NO', organisationNumber: '987654325', legalName: 'Havkraft ASA', companyForm: 'ASA', registryStatus: 'BANKRUPT', city: 'Ålesund', account: { kind: 'NO_BANK_ACCOUNT', value: '9710.45.67898' }, accountingProgram: 'Tripletex' },
  { target: 'TERMINATED', country: 'NO', organisationNumber: '998877660', legalName: 'Fjell og Dal ANS', companyForm: 'ANS', city: 'Lillehammer', account: { kind: 'NO_BANK_ACCOUNT', value: '1503.12.34562' }, accountingProgram: 'Fiken', note: 'Client ended the agreement' },
];

export interface DemoDebtor {
  country: 'SE' | 'NO';
  kind: 'COMPANY' | 'PERSON';
  identityNumber: string;
  name: string;
  city: string;
  creditLimit: string;
  /**
   * The debtor's stored e-mail, where its sold invoices are sent. Byggvaruhuset's is at a domain the demo's mail
   * catcher refuses (550): the invoice falls back to post and finance finds it among the failed deliveries.
   */
  email?: string;
  /** Client org numbers this debtor buys from, with a pair limit. */
  pairs: Array<{ client: string; creditLimit?: string; relation?: 'SAME_GROUP' | 'SAME_OWNER'; note?: string }>;
}

export const DEMO_DEBTORS: DemoDebtor[] = [
  { country: 'SE', kind: 'COMPANY', identityNumber: '556123-4567', name: 'Byggvaruhuset i Uppsala AB', city: 'Uppsala', creditLimit: '400000', email: 'ekonomi@refuse.example', pairs: [{ client: '556712-3400', creditLimit: '150000' }] },
  { country: 'SE', kind: 'COMPANY', identityNumber: '556234-5677', name: 'Lindqvist Fastigheter AB', city: 'Uppsala', creditLimit: '100000', pairs: [{ client: '556712-3400', relation: 'SAME_OWNER', note: 'Both owned by Per Lindqvist' }] },
  { country: 'SE', kind: 'PERSON', identityNumber: '19851224-1236', name: 'Sven Svensson', city: 'Uppsala', creditLimit: '30000', pairs: [{ client: '556712-3400' }] },
  { country: 'NO', kind: 'COMPANY', identityNumber: '975312461', name: 'Bergen Eiendom AS', city: 'Bergen', creditLimit: '500000', pairs: [{ client: '923456783', creditLimit: '200000' }] },
];
