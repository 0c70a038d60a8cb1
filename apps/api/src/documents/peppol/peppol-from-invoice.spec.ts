import { analystAndAdmin } from '../../../test-support/clients';
import { creditFixtures } from '../../../test-support/credit';
import { swedishPersonalNumber } from '../../../test-support/identities';
import { ACCEPT, day, invoiceInput, LineSpec, SUBMIT_INVOICE } from '../../../test-support/invoices';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../../test-support/test-app';
import { CreditService } from '../../credit/credit.service';
import { buildPeppolInvoice } from './peppol-invoice';
import { loadPeppolInvoice } from './peppol-from-invoice';
import { validatePeppolInvoice } from './peppol-validation';

/**
 * The e-invoice of a bought invoice, read from the database (issue 13 s.3): Swedish and Norwegian,
 * with reverse charge and with a ROT deduction, each built and checked against the UBL 2.1 XSD and
 * the CEN EN 16931 and Peppol BIS 3 schematrons; a tampered one fails them. And the debtor's
 * e-invoice address at the edge: a wrong scheme or check digit is refused, naming the field, and
 * nothing is stored.
 */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));
let se: { clientId: string; key: string };
let no: { clientId: string; key: string };

async function noSpotChecks(country: 'SE' | 'NO') {
  const published = await t.gql(
    `mutation($v: JSON!, $from: String!, $c: Country!) { publishRuleSetting(name: "spotCheck", country: $c, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
    {
      c: country,
      from: day(0),
      v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' },
    },
    admin.token,
  );
  if (!published.data && published.errors?.[0]?.extensions?.reason !== 'SETTING_VERSION_EXISTS') throw new Error(JSON.stringify(published.errors));
}

async function bought(key: string, input: Record<string, unknown>) {
  const offered = (await t.gql(SUBMIT_INVOICE, { input }, key)).data!.submitInvoice;
  if (offered.status !== 'OFFERED') throw new Error(`Not offered: ${JSON.stringify(offered.reasons)}`);
  const accepted = (await t.gql(ACCEPT, { id: offered.id }, key)).data!.acceptOffer;
  const [{ debtor_id }] = await t.db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [offered.id]);
  await f.setLimit(debtor_id, '1000000');
  expect(await credit.decide(offered.id)).toBe('APPROVE');
  return { id: offered.id as string, reference: accepted.paymentInstructions.reference as string };
}

async function eInvoice(invoiceId: string) {
  const data = await loadPeppolInvoice(t.db.manager, invoiceId);
  const xml = buildPeppolInvoice(data);
  const result = await validatePeppolInvoice(xml);
  return { data, xml, result };
}

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await noSpotChecks('SE');
  await noSpotChecks('NO');
  se = await f.clientWithKey('SE');
  no = await f.clientWithKey('NO');
}, 120_000);
afterAll(() => t?.close());

describe('the e-invoice of a bought invoice', () => {
  it('Swedish: the client is the Seller, the debtor (at its Peppol id) the Buyer, the factor the Payee with the OCR and the bankgiro; valid', async () => {
    const lines: LineSpec[] = [
      { description: 'Snickeriarbete, kök', quantity: '10', unitPrice: '100', vatRatePercent: '25' },
      { description: 'Livsmedel till fika', quantity: '1', unitPrice: '80', vatRatePercent: '12' },
    ];
    const base = invoiceInput('SE', {}, lines);
    const digits = (base.debtor.identityNumber as string).replace(/\D/g, '');
    const invoice = await bought(se.key, { ...base, debtor: { ...base.debtor, peppolId: `0007:${digits}`, reference: 'Anna Berg', email: 'ekonomi@kund.example' } });
    const { data, xml, result } = await eInvoice(invoice.id);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    const [client] = await t.db.query(`SELECT organisation_number FROM client WHERE id = $1`, [se.clientId]);
    const clientDigits = client.organisation_number.replace(/\D/g, '');
    expect(data.seller).toMatchObject({ legalName: 'Snickeri Lindqvist AB', endpoint: { scheme: '0007', id: clientDigits }, vatNumber: `SE${clientDigits}01` });
    expect(data.buyer.endpoint).toEqual({ scheme: '0007', id: digits });
    expect(data.payee).toMatchObject({ name: 'Factoring AB (Sverige)', paymentReference: invoice.reference, account: { kind: 'BANKGIRO', number: '5050-1055' } });
    expect(xml).toContain('<cbc:BuyerReference>Anna Berg</cbc:BuyerReference>');
    expect(xml).toMatch(/<cac:AccountingSupplierParty>[\s\S]*<cbc:RegistrationName>Snickeri Lindqvist AB<\/cbc:RegistrationName>[\s\S]*<\/cac:AccountingSupplierParty>/);
    expect(xml).toMatch(/<cac:PayeeParty>\s*<cac:PartyName>\s*<cbc:Name>Factoring AB \(Sverige\)<\/cbc:Name>/);
    expect(xml).toMatch(new RegExp(`<cbc:PaymentID>${invoice.reference}</cbc:PaymentID>\\s*<cac:PayeeFinancialAccount>\\s*<cbc:ID>50501055</cbc:ID>`));
    expect(xml).toContain(`<cbc:PayableAmount currencyID="SEK">${base.payable}</cbc:PayableAmount>`);
  }, 60_000);

  it('Norwegian: the debtor reached at its organisation number (0192), KID and the 11-digit account with its BIC; valid', async () => {
    const invoice = await bought(no.key, invoiceInput('NO', {}, [{ description: 'Tømrerarbeid, bad', quantity: '12', unitPrice: '850', vatRatePercent: '25' }]));
    const { data, xml, result } = await eInvoice(invoice.id);
    expect(result.errors).toEqual([]);
    expect(data.buyer.endpoint.scheme).toBe('0192');
    expect(data.seller.vatNumber).toMatch(/^NO\d{9}MVA$/);
    expect(xml).toMatch(new RegExp(`<cbc:PaymentID>${invoice.reference}</cbc:PaymentID>\\s*<cac:PayeeFinancialAccount>\\s*<cbc:ID>15031234562</cbc:ID>`));
    expect(xml).toContain('<cbc:ID>NDEANOKK</cbc:ID>');
    expect(xml).toContain('Denne fakturaen er overdratt til Factoring AS (Norge)');
    // No reference was submitted: the invoice number is the buyer reference Peppol requires.
    expect(xml).toContain(`<cbc:BuyerReference>${data.invoiceNumber}</cbc:BuyerReference>`);
  }, 60_000);

  it('reverse charge: category AE with both VAT numbers as submitted; valid', async () => {
    const base = invoiceInput('SE', {}, [
      { description: 'Byggtjänst, omvänd betalningsskyldighet', quantity: '5', unitPrice: '400', vatRatePercent: '25', reverseCharge: true },
      { description: 'Hyra av byggställning', quantity: '1', unitPrice: '900', vatRatePercent: '25' },
    ]);
    const invoice = await bought(se.key, { ...base, sellerVatNumber: 'SE556677889901', debtor: { ...base.debtor, vatNumber: 'SE559988776601' } });
    const { xml, result } = await eInvoice(invoice.id);
    expect(result.errors).toEqual([]);
    expect(xml).toMatch(/<cbc:ID>AE<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>\s*<cbc:TaxExemptionReasonCode>VATEX-EU-AE<\/cbc:TaxExemptionReasonCode>/);
    expect(xml).toContain('<cbc:CompanyID>SE556677889901</cbc:CompanyID>');
    expect(xml).toContain('<cbc:CompanyID>SE559988776601</cbc:CompanyID>');
  }, 60_000);

  it('a ROT deduction is the paid amount (BT-113), so BR-CO-16 holds with the stored totals; a person reached through a GLN; valid', async () => {
    const rot = invoiceInput('SE', {}, [{ description: 'Målning av fasad (arbete)', quantity: '10', unitPrice: '500', vatRatePercent: '25' }]);
    const invoice = await bought(se.key, {
      ...rot,
      debtor: { ...rot.debtor, kind: 'PERSON', identityNumber: swedishPersonalNumber(), name: 'Karin Andersson', peppolId: '0088:7300010000001' },
      deduction: { kind: 'ROT', amount: '1875.00' },
      payable: '4375.00',
    });
    const { data, xml, result } = await eInvoice(invoice.id);
    expect(result.errors).toEqual([]);
    expect(xml).toContain('<cbc:TaxInclusiveAmount currencyID="SEK">6250.00</cbc:TaxInclusiveAmount>');
    expect(xml).toContain('<cbc:PrepaidAmount currencyID="SEK">1875.00</cbc:PrepaidAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="SEK">4375.00</cbc:PayableAmount>');
    expect(xml).toContain('Rotavdrag 1875.00 SEK');
    expect(data.buyer.endpoint).toEqual({ scheme: '0088', id: '7300010000001' });

    // The same invoice with its amount due tampered: the CEN rules refuse it, naming BR-CO-16.
    const broken = await validatePeppolInvoice(buildPeppolInvoice({ ...data, totals: { ...data.totals, payable: '6250.00' } }));
    expect(broken.valid).toBe(false);
    expect([...new Set(broken.errors.map((e) => e.id))]).toEqual(['BR-CO-16']);
  }, 60_000);

  it('a private person with no Peppol id cannot be e-invoiced: DOCUMENT_NOT_AVAILABLE, not a made-up address', async () => {
    const rot = invoiceInput('SE', {}, [{ description: 'Fönsterputs', quantity: '2', unitPrice: '300', vatRatePercent: '25' }]);
    const invoice = await bought(se.key, { ...rot, debtor: { ...rot.debtor, kind: 'PERSON', identityNumber: swedishPersonalNumber(), name: 'Per Persson' } });
    await expect(loadPeppolInvoice(t.db.manager, invoice.id)).rejects.toMatchObject({ code: 'DOCUMENT_NOT_AVAILABLE' });
  }, 60_000);
});

describe("the debtor's delivery addresses at the edge", () => {
  async function refused(debtor: Record<string, unknown>) {
    const base = invoiceInput('SE');
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM invoice`);
    const [{ n: debtorsBefore }] = await t.db.query(`SELECT count(*)::int AS n FROM debtor`);
    const response = await t.gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, ...debtor } } }, se.key);
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM invoice`);
    const [{ n: debtorsAfter }] = await t.db.query(`SELECT count(*)::int AS n FROM debtor`);
    expect({ invoices: after, debtors: debtorsAfter }).toEqual({ invoices: before, debtors: debtorsBefore });
    return errorOf(response);
  }

  it.each([
    ['a scheme we do not deliver to (9955, Swedish VAT: not in the Peppol EAS list)', '9955:SE556677889901', 'PEPPOL_ID_SCHEME'],
    ['a Danish scheme', '0184:DK12345678', 'PEPPOL_ID_SCHEME'],
    ['no scheme', '5567123400', 'PEPPOL_ID_FORMAT'],
    ['a Swedish organisation number with a wrong check digit', '0007:5567123401', 'IDENTITY_NUMBER_CHECK_DIGIT'],
    ['a GLN with a wrong check digit', '0088:7300010000002', 'IDENTITY_NUMBER_CHECK_DIGIT'],
  ])('%s: a specific error naming the field, nothing stored', async (_, peppolId, reason) => {
    expect(await refused({ peppolId })).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'input.debtor.peppolId' });
  });

  it('an e-mail address that does not parse: refused naming the field, nothing stored', async () => {
    const error = await refused({ email: 'ekonomi@@kund' });
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('email must be an e-mail address');
    expect(JSON.stringify(error)).toContain('email');
  });

  it("staff registering a debtor: the same check on input.peppolId, nothing stored; a good one is kept and shown", async () => {
    const REGISTER = `mutation($input: RegisterDebtorInput!) { registerDebtor(input: $input) { id peppolId } }`;
    const debtor = { country: 'NO', kind: 'COMPANY', identityNumber: '923456783', name: 'Fjordbygg AS', address: { street: 'Strandkaien 3', postalCode: '5013', city: 'Bergen', country: 'NO' } };
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM debtor`);
    for (const [peppolId, reason] of [['0007:923456783', 'PEPPOL_ID_FORMAT'], ['9908:923456783', 'PEPPOL_ID_SCHEME'], ['0192:923456784', 'IDENTITY_NUMBER_CHECK_DIGIT']]) {
      expect(errorOf(await t.gql(REGISTER, { input: { ...debtor, peppolId } }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'input.peppolId' });
    }
    expect((await t.db.query(`SELECT count(*)::int AS n FROM debtor`))[0].n).toBe(before);
    const made = (await t.gql(REGISTER, { input: { ...debtor, peppolId: '0192: 923456783' } }, analyst.token)).data!.registerDebtor;
    expect(made.peppolId).toBe('0192:923456783');
  });

  it('a good Peppol id is kept on the debtor, in its canonical form', async () => {
    const base = invoiceInput('SE');
    const digits = (base.debtor.identityNumber as string).replace(/\D/g, '');
    const offered = (await t.gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, peppolId: `0007:${digits.slice(0, 6)}-${digits.slice(6)}` } } }, se.key)).data!.submitInvoice;
    const [row] = await t.db.query(`SELECT d.peppol_id FROM invoice i JOIN debtor d ON d.id = i.debtor_id WHERE i.id = $1`, [offered.id]);
    expect(row.peppol_id).toBe(`0007:${digits}`);
  });
});
