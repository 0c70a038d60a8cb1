import { newActiveClient, TERMS } from './clients';
import { ACCEPT, day, invoiceInput, SUBMIT_INVOICE } from './invoices';
import { TestApp } from './test-app';

const ISSUE = `mutation($c: ID!) { issueIntegrationKey(clientId: $c, label: "credit") { key } }`;
const SET_LIMIT = `mutation($id: ID!, $limit: Decimal!, $v: Int!) { setDebtorLimit(id: $id, creditLimit: $limit, expectedVersion: $v) { version } }`;

/** Helpers for the credit tests: an active client with a key, accepted invoices, debtor limits. */
/** Both arguments are read when a helper runs, so they can be made before the app starts (in beforeAll). */
export function creditFixtures(app: () => TestApp, staff: () => { analyst: { token: string }; admin: { token: string } }) {
  return {
    async clientWithKey(country: 'SE' | 'NO') {
      const { analyst, admin } = staff();
      const { clientId } = await newActiveClient(app(), analyst.token, country, { ...TERMS, recourseModes: ['WITH_RECOURSE'] });
      return { clientId, key: (await app().gql(ISSUE, { c: clientId }, admin.token)).data!.issueIntegrationKey.key as string };
    },
    /** Submits and accepts an invoice to the debtor with `debtorNumber`; returns its id and debtor id. */
    async accepted(key: string, country: 'SE' | 'NO', debtorNumber: string, lines = [{ quantity: '10', unitPrice: '100' }]) {
      const base = invoiceInput(country, {}, lines);
      const offered = (await app().gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, identityNumber: debtorNumber } } }, key)).data!.submitInvoice;
      if (offered.status !== 'OFFERED') throw new Error(`Not offered: ${JSON.stringify(offered.reasons)}`);
      await app().gql(ACCEPT, { id: offered.id }, key);
      // The debtor's id is the factor's: the client's answer does not carry it (issue 9 c).
      const [{ debtor_id: debtorId }] = await app().db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [offered.id]);
      return { id: offered.id as string, debtorId: debtorId as string };
    },
    async setLimit(debtorId: string, limit: string) {
      const [{ version }] = await app().db.query(`SELECT version FROM debtor WHERE id = $1`, [debtorId]);
      const result = await app().gql(SET_LIMIT, { id: debtorId, limit, v: version }, staff().analyst.token);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
    },
    /** Spot checks off for Norway in this test run (rates all zero), so the other paths show plainly. */
    async noSpotChecksInNorway() {
      const published = await app().gql(
        `mutation($v: JSON!, $from: String!) { publishRuleSetting(name: "spotCheck", country: NO, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
        {
          from: day(0),
          v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' },
        },
        staff().admin.token,
      );
      // Another test file may have published today's version already: that is the same setting.
      if (!published.data && published.errors?.[0]?.extensions?.reason !== 'SETTING_VERSION_EXISTS') throw new Error(JSON.stringify(published.errors));
    },
    norwegianDebtor: () => invoiceInput('NO').debtor.identityNumber,
    swedishDebtor: () => invoiceInput('SE').debtor.identityNumber,
  };
}
