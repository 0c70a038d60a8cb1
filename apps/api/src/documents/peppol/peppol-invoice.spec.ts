import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPeppolInvoice, PeppolInvoiceData } from './peppol-invoice';
import { norwegianInvoice, reverseChargeInvoice, rotInvoice, swedishInvoice } from './peppol-test-invoices';
import { PEPPOL_SCHEMAS, validatePeppolInvoice } from './peppol-validation';

/**
 * The e-invoice passes what an access point checks: the UBL 2.1 XSD and the CEN EN 16931 and Peppol
 * BIS Billing 3.0 schematrons; a broken one fails them, naming the rule.
 */

const ids = (findings: Array<{ id: string }>) => [...new Set(findings.map((f) => f.id))].sort();

async function expectValid(data: PeppolInvoiceData) {
  const xml = buildPeppolInvoice(data);
  const result = await validatePeppolInvoice(xml);
  expect(result.errors).toEqual([]);
  return { xml, warnings: ids(result.warnings) };
}

it('a Swedish invoice: the client is the Seller, the factor the Payee, paid by bankgiro with the factor OCR', async () => {
  const { xml, warnings } = await expectValid(swedishInvoice());
  expect(warnings).toEqual([]);
  expect(xml).toMatch(/<cac:AccountingSupplierParty>[\s\S]*<cbc:RegistrationName>Snickeri Lindqvist AB<\/cbc:RegistrationName>[\s\S]*<\/cac:AccountingSupplierParty>/);
  expect(xml).toMatch(/<cac:PayeeParty>\s*<cac:PartyName>\s*<cbc:Name>Factoring AB \(Sverige\)<\/cbc:Name>/);
  expect(xml).toMatch(
    /<cbc:PaymentMeansCode name="Credit transfer">30<\/cbc:PaymentMeansCode>\s*<cbc:PaymentID>1234567897<\/cbc:PaymentID>\s*<cac:PayeeFinancialAccount>\s*<cbc:ID>50501055<\/cbc:ID>[\s\S]*<cbc:ID>SE:BANKGIRO<\/cbc:ID>/,
  );
  expect(xml).toContain('<cbc:CompanyID>Godkänd för F-skatt</cbc:CompanyID>');
  expect(xml).toContain('Denna faktura har överlåtits till Factoring AB (Sverige)');
  // Two rates, one subtotal each; the rounding is BT-114.
  expect(xml.match(/<cac:TaxSubtotal>/g)).toHaveLength(2);
  expect(xml).toContain('<cbc:PayableRoundingAmount currencyID="SEK">0.24</cbc:PayableRoundingAmount>');
});

it('a Norwegian invoice: NO…MVA VAT id, Foretaksregisteret, KID and an 11-digit account', async () => {
  const { xml, warnings } = await expectValid(norwegianInvoice());
  expect(warnings).toEqual([]);
  expect(xml).toContain('<cbc:CompanyID>NO923456783MVA</cbc:CompanyID>');
  expect(xml).toContain('<cbc:CompanyID>Foretaksregisteret</cbc:CompanyID>');
  expect(xml).toMatch(/<cbc:PaymentID>000000001230<\/cbc:PaymentID>\s*<cac:PayeeFinancialAccount>\s*<cbc:ID>15031234562<\/cbc:ID>/);
  expect(xml).toContain('Denne fakturaen er overdratt til Factoring AS (Norge)');
});

it('reverse charge: category AE with its exemption reason and both parties VAT numbers', async () => {
  const { xml } = await expectValid(reverseChargeInvoice());
  expect(xml).toMatch(/<cbc:ID>AE<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>\s*<cbc:TaxExemptionReasonCode>VATEX-EU-AE<\/cbc:TaxExemptionReasonCode>\s*<cbc:TaxExemptionReason>Omvänd betalningsskyldighet/);
  expect(xml).toContain('<cbc:CompanyID>SE556712340001</cbc:CompanyID>');
  expect(xml).toContain('<cbc:CompanyID>SE556234567701</cbc:CompanyID>');
});

it('a ROT deduction is the paid amount (BT-113), so Amount due = Total with VAT - Paid + Rounding (BR-CO-16) holds', async () => {
  const data = rotInvoice();
  const { xml } = await expectValid(data);
  // Lines 8960 + 6840 = 15800 net, VAT 3950, with VAT 19750; the tax agency's 3360 is the paid amount.
  expect(xml).toContain('<cbc:TaxExclusiveAmount currencyID="SEK">15800.00</cbc:TaxExclusiveAmount>');
  expect(xml).toContain('<cbc:TaxAmount currencyID="SEK">3950.00</cbc:TaxAmount>');
  expect(xml).toContain('<cbc:TaxInclusiveAmount currencyID="SEK">19750.00</cbc:TaxInclusiveAmount>');
  expect(xml).toContain('<cbc:PrepaidAmount currencyID="SEK">3360.00</cbc:PrepaidAmount>');
  expect(xml).toContain('<cbc:PayableAmount currencyID="SEK">16390.00</cbc:PayableAmount>');
  expect(data.totals.payable).toBe('16390.00');
  expect(xml).toContain('Rotavdrag 3360.00 SEK');
  // The person's identity number is the buyer identifier, not a legal registration id.
  expect(xml).toMatch(/<cac:PartyIdentification>\s*<cbc:ID>198112189876<\/cbc:ID>/);
});

it('a broken invoice fails, naming the rule: wrong amount due (BR-CO-16), a missing buyer reference (PEPPOL-EN16931-R003), a bad shape (XSD)', async () => {
  const wrongTotal = rotInvoice();
  wrongTotal.totals = { ...wrongTotal.totals, payable: '19750.00' };
  const totals = await validatePeppolInvoice(buildPeppolInvoice(wrongTotal));
  expect(totals.valid).toBe(false);
  expect(ids(totals.errors)).toEqual(['BR-CO-16']);
  expect(totals.errors[0]).toMatchObject({ source: 'CEN-EN16931', flag: 'fatal', location: '/Invoice[1]/cac:LegalMonetaryTotal[1]' });

  const noReference = swedishInvoice();
  noReference.buyerReference = '';
  const peppol = await validatePeppolInvoice(buildPeppolInvoice(noReference));
  expect(ids(peppol.errors)).toEqual(expect.arrayContaining(['PEPPOL-EN16931-R003']));
  expect(peppol.errors.find((e) => e.id === 'PEPPOL-EN16931-R003')?.source).toBe('PEPPOL-BIS3');

  const misshapen = buildPeppolInvoice(swedishInvoice()).replace('<cbc:IssueDate>2026-11-20</cbc:IssueDate>', '<cbc:IssueDate>20 November 2026</cbc:IssueDate>');
  const xsd = await validatePeppolInvoice(misshapen);
  expect(xsd.errors[0]).toMatchObject({ source: 'UBL-XSD', id: 'XSD' });
  expect(xsd.errors[0].text).toContain('IssueDate');
});

it('the same data gives the same bytes', () => {
  expect(buildPeppolInvoice(norwegianInvoice())).toBe(buildPeppolInvoice(norwegianInvoice()));
});

it('totals that do not agree with the lines are refused before any XML is written', () => {
  const data = swedishInvoice();
  data.totals = { ...data.totals, vat: '1.00' };
  expect(() => buildPeppolInvoice(data)).toThrow(/VAT per rate/);
});

it('the vendored SEF was compiled from the vendored schematrons (schemas/compiled/SOURCES.sha256)', () => {
  const recorded = readFileSync(join(PEPPOL_SCHEMAS, 'compiled', 'SOURCES.sha256'), 'utf8').trim().split('\n');
  for (const line of recorded) {
    const [digest, path] = line.split(/\s+/);
    expect(`${createHash('sha256').update(readFileSync(join(PEPPOL_SCHEMAS, path))).digest('hex')} ${path}`).toBe(`${digest} ${path}`);
  }
});
