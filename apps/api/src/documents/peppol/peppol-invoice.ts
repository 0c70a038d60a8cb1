import Decimal from 'decimal.js';
import { create } from 'xmlbuilder2';

/**
 * The sold invoice as a Peppol BIS Billing 3.0 e-invoice (UBL 2.1 Invoice), issue 13 s.3.
 *
 * Who is who: the client stays the Seller (BG-4: it made the sale and owes the VAT), the debtor is
 * the Buyer (BG-7), and the factor is the Payee (BG-10): the claim was sold to it, so the payment
 * instructions (BG-16) are the factor's: credit transfer (code 30) to the factor's account (BT-84)
 * with the factor's OCR/KID as the remittance information (BT-83). The assignment notice
 * (överlåtelseklausul / transportklausul) is the invoice note (BT-22): Peppol allows one note.
 *
 * ROT, RUT and green-tech deductions (skattereduktion, Sweden only) onto EN 16931:
 * the deduction is NOT a price reduction. The seller's turnover and output VAT stay those of the
 * full price (Skatteverket pays the deducted part to the seller on the seller's claim, once the
 * buyer has paid the rest), so a document-level allowance (BG-20) would be wrong: every allowance
 * carries a VAT category and lowers the VAT base (BR-CO-13, BR-S-08), which would understate the
 * VAT. What the deduction does is settle part of the total by someone other than the buyer; the
 * EN 16931 term for an amount of the total that the buyer is not asked to pay because it is
 * settled otherwise is the Paid amount (BT-113, cbc:PrepaidAmount). So:
 *   BT-106 Sum of line net amounts  = net (the lines, full price)
 *   BT-109 Total without VAT        = net (no document allowances or charges)
 *   BT-110 Total VAT                = VAT on the full price
 *   BT-112 Total with VAT           = net + VAT
 *   BT-113 Paid amount              = the deduction
 *   BT-114 Rounding amount          = the rounding (öresavrundning), when not zero
 *   BT-115 Amount due for payment   = net + VAT - deduction + rounding = our `payable`
 * which is BR-CO-16 (BT-115 = BT-112 - BT-113 + BT-114) exactly, because our own totals rule is
 * gross = net + VAT + rounding and payable = gross - deduction (libs/rules invoice-totals). The note
 * says which deduction it is and its amount, and a person buyer's personal identity number is the
 * buyer identifier (BT-46): Skatteverket needs both to pay the seller. (SFTI's Swedish guidance on
 * ROT/RUT in Peppol was not at hand when this was written; check it before a real access point.)
 *
 * VAT categories: a line with reverse charge is AE (rate 0, exemption reason code VATEX-EU-AE and
 * text; both parties' VAT identifiers are then required, BR-AE-02); a line at a rate above 0 is
 * S; a line at 0 % that is not reverse charge is E (exempt) with a reason text: the invoice we
 * were given says no more than "0 %", and exemption is what that means domestically in Sweden.
 *
 * National rules: a Swedish seller's legal registration id is its 10-digit organisation number
 * (scheme 0007, SE-R-003/004/013) and its VAT id SE + 12 digits (SE-R-001/002); a bankgiro is
 * written as the digits only with FinancialInstitutionBranch/ID "SE:BANKGIRO" (the Peppol Swedish
 * rules SE-R-008/009/011; FORMATS.md says nothing on it). A Norwegian seller's VAT id is NO + 9
 * digits + MVA (NO-R-001), its organisation number uses scheme 0192, and "Foretaksregisteret" is
 * stated as a tax registration (TaxScheme TAX) when it is registered there (NO-R-002; required of
 * AS, ASA and NUF by foretaksregisterloven § 10-2).
 *
 * Pure: the same data gives the same bytes (no clock, no random id).
 */

export type Country = 'SE' | 'NO';
export type DeductionKind = 'ROT' | 'RUT' | 'GREEN_TECH';

export interface PeppolAddress {
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-2. */
  country: string;
}

/** A Peppol participant id: scheme (ISO 6523 ICD / EAS code, e.g. 0007, 0192) and value. */
export interface PeppolEndpoint {
  scheme: string;
  id: string;
}

export interface PeppolInvoiceData {
  invoiceNumber: string;
  /** YYYY-MM-DD. */
  issueDate: string;
  dueDate: string;
  deliveryDate: string;
  currency: 'SEK' | 'NOK';
  /** BT-10: the buyer's reference (Peppol needs it; without one the invoice fails PEPPOL-EN16931-R003). */
  buyerReference: string;
  /** The client: BG-4. */
  seller: {
    legalName: string;
    organisationNumber: string;
    country: Country;
    address: PeppolAddress;
    /** BT-31; needed with standard-rated or reverse-charge lines. */
    vatNumber?: string | null;
    endpoint: PeppolEndpoint;
    /** Sweden: approved for F-tax (godkänd för F-skatt), printed as BT-32. */
    approvedForFTax?: boolean;
    /** Norway: registered in Foretaksregisteret, printed as BT-32. */
    inForetaksregisteret?: boolean;
  };
  /** The debtor: BG-7, as submitted on the invoice. */
  buyer: {
    kind: 'COMPANY' | 'PERSON';
    name: string;
    /** Organisation number of a company; personal identity number of a person. */
    identityNumber: string;
    address: PeppolAddress;
    vatNumber?: string | null;
    email?: string | null;
    endpoint: PeppolEndpoint;
  };
  /** The factor: BG-10, and the account and reference the debtor pays to. */
  payee: {
    name: string;
    /** BT-61, optional in EN 16931: left out when not known (the ledger books keep no organisation number yet). */
    organisationNumber?: string | null;
    country: Country;
    /** The OCR (Sweden) or KID (Norway): BT-83. */
    paymentReference: string;
    /** BT-84: BANKGIRO (Sweden), BANK_ACCOUNT (Norwegian 11 digits) or IBAN. */
    account: { kind: 'BANKGIRO' | 'BANK_ACCOUNT' | 'IBAN'; number: string; bic?: string | null };
  };
  lines: ReadonlyArray<{
    description: string;
    quantity: string;
    unitPrice: string;
    vatRatePercent: string;
    reverseCharge: boolean;
    /** quantity x unit price, rounded to öre once (as stored). */
    net: string;
  }>;
  totals: { net: string; vat: string; rounding: string; gross: string; payable: string };
  deduction?: { kind: DeductionKind; amount: string } | null;
  /** Overrides the assignment notice written from the payee's name. */
  assignmentNotice?: string;
}

export const PEPPOL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

/** ISO 6523 ICD of each country's organisation number, as Peppol uses them. */
const ORGANISATION_NUMBER_SCHEME: Record<Country, string> = { SE: '0007', NO: '0192' };

const DEDUCTION_NAMES: Record<DeductionKind, string> = { ROT: 'Rotavdrag', RUT: 'Rutavdrag', GREEN_TECH: 'Skattereduktion för grön teknik' };

type Category = 'S' | 'AE' | 'E';

/** The VAT category of a line (see the header). */
function categoryOf(line: { vatRatePercent: string; reverseCharge: boolean }): Category {
  if (line.reverseCharge) return 'AE';
  return new Decimal(line.vatRatePercent).isZero() ? 'E' : 'S';
}

const money = (value: Decimal.Value) => new Decimal(value).toFixed(2);
/** Quantities and unit prices: as many decimals as they have (at most 4 are stored), none trailing. */
const plain = (value: string) => new Decimal(value).toFixed();
const digits = (value: string) => value.replace(/\D/g, '');

export function buildPeppolInvoice(data: PeppolInvoiceData): string {
  const language = data.buyer.address.country === 'NO' || data.seller.country === 'NO' ? 'nb' : 'sv';
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(NS.invoice, 'Invoice').att('xmlns:cac', NS.cac).att('xmlns:cbc', NS.cbc);
  const cbc = (parent: typeof root, name: string, text: string, attributes?: Record<string, string>) =>
    parent.ele(NS.cbc, `cbc:${name}`, attributes).txt(text).up();
  const cac = (parent: typeof root, name: string) => parent.ele(NS.cac, `cac:${name}`);

  cbc(root, 'CustomizationID', PEPPOL_CUSTOMIZATION_ID);
  cbc(root, 'ProfileID', PEPPOL_PROFILE_ID);
  cbc(root, 'ID', data.invoiceNumber);
  cbc(root, 'IssueDate', data.issueDate);
  cbc(root, 'DueDate', data.dueDate);
  cbc(root, 'InvoiceTypeCode', '380');
  cbc(root, 'Note', note(data, language));
  cbc(root, 'DocumentCurrencyCode', data.currency);
  // Peppol wants BT-10 or an order reference (PEPPOL-EN16931-R003) and no empty element (R008).
  if (data.buyerReference.trim()) cbc(root, 'BuyerReference', data.buyerReference.trim());

  // BG-4 Seller: the client.
  const seller = cac(cac(root, 'AccountingSupplierParty'), 'Party');
  cbc(seller, 'EndpointID', data.seller.endpoint.id, { schemeID: data.seller.endpoint.scheme });
  cbc(cac(seller, 'PartyName'), 'Name', data.seller.legalName);
  address(seller, data.seller.address);
  if (data.seller.vatNumber) taxScheme(seller, data.seller.vatNumber, 'VAT');
  if (data.seller.country === 'SE' && data.seller.approvedForFTax) taxScheme(seller, 'Godkänd för F-skatt', 'TAX');
  if (data.seller.country === 'NO' && data.seller.inForetaksregisteret) taxScheme(seller, 'Foretaksregisteret', 'TAX');
  const sellerEntity = cac(seller, 'PartyLegalEntity');
  cbc(sellerEntity, 'RegistrationName', data.seller.legalName);
  cbc(sellerEntity, 'CompanyID', digits(data.seller.organisationNumber), { schemeID: ORGANISATION_NUMBER_SCHEME[data.seller.country] });

  // BG-7 Buyer: the debtor. A person's identity number is the buyer identifier (BT-46), never a legal registration id.
  const buyer = cac(cac(root, 'AccountingCustomerParty'), 'Party');
  cbc(buyer, 'EndpointID', data.buyer.endpoint.id, { schemeID: data.buyer.endpoint.scheme });
  if (data.buyer.kind === 'PERSON') cbc(cac(buyer, 'PartyIdentification'), 'ID', digits(data.buyer.identityNumber));
  cbc(cac(buyer, 'PartyName'), 'Name', data.buyer.name);
  address(buyer, data.buyer.address);
  if (data.buyer.vatNumber) taxScheme(buyer, data.buyer.vatNumber, 'VAT');
  const buyerEntity = cac(buyer, 'PartyLegalEntity');
  cbc(buyerEntity, 'RegistrationName', data.buyer.name);
  const buyerCountry = data.buyer.address.country as Country;
  if (data.buyer.kind === 'COMPANY' && ORGANISATION_NUMBER_SCHEME[buyerCountry]) {
    cbc(buyerEntity, 'CompanyID', digits(data.buyer.identityNumber), { schemeID: ORGANISATION_NUMBER_SCHEME[buyerCountry] });
  }
  if (data.buyer.email) cbc(cac(buyer, 'Contact'), 'ElectronicMail', data.buyer.email);

  // BG-10 Payee: the factor, which bought the claim.
  const payee = cac(root, 'PayeeParty');
  cbc(cac(payee, 'PartyName'), 'Name', data.payee.name);
  if (data.payee.organisationNumber) cbc(cac(payee, 'PartyLegalEntity'), 'CompanyID', digits(data.payee.organisationNumber), { schemeID: ORGANISATION_NUMBER_SCHEME[data.payee.country] });

  cbc(cac(root, 'Delivery'), 'ActualDeliveryDate', data.deliveryDate);

  // BG-16 Payment instructions: credit transfer to the factor's account with the factor's OCR/KID.
  const means = cac(root, 'PaymentMeans');
  cbc(means, 'PaymentMeansCode', '30', { name: 'Credit transfer' });
  cbc(means, 'PaymentID', data.payee.paymentReference);
  const account = cac(means, 'PayeeFinancialAccount');
  const { kind, number, bic } = data.payee.account;
  cbc(account, 'ID', kind === 'IBAN' ? number.replace(/\s/g, '').toUpperCase() : digits(number));
  cbc(account, 'Name', data.payee.name);
  if (kind === 'BANKGIRO') cbc(cac(account, 'FinancialInstitutionBranch'), 'ID', 'SE:BANKGIRO');
  else if (bic) cbc(cac(account, 'FinancialInstitutionBranch'), 'ID', bic);

  // BG-23 VAT breakdown: one subtotal per category and rate.
  const breakdown = vatBreakdown(data);
  const taxTotal = cac(root, 'TaxTotal');
  cbc(taxTotal, 'TaxAmount', money(data.totals.vat), { currencyID: data.currency });
  for (const group of breakdown) {
    const subtotal = cac(taxTotal, 'TaxSubtotal');
    cbc(subtotal, 'TaxableAmount', money(group.base), { currencyID: data.currency });
    cbc(subtotal, 'TaxAmount', money(group.vat), { currencyID: data.currency });
    const category = cac(subtotal, 'TaxCategory');
    cbc(category, 'ID', group.category);
    cbc(category, 'Percent', plain(group.percent));
    if (group.category === 'AE') {
      cbc(category, 'TaxExemptionReasonCode', 'VATEX-EU-AE');
      cbc(category, 'TaxExemptionReason', language === 'nb' ? 'Omvendt avgiftsplikt' : 'Omvänd betalningsskyldighet');
    } else if (group.category === 'E') {
      cbc(category, 'TaxExemptionReason', language === 'nb' ? 'Unntatt fra merverdiavgift' : 'Undantag från skatteplikt för mervärdesskatt');
    }
    cbc(cac(category, 'TaxScheme'), 'ID', 'VAT');
  }

  // BG-22 Document totals; the deduction is the paid amount (see the header).
  const totals = cac(root, 'LegalMonetaryTotal');
  const net = new Decimal(data.totals.net);
  const withVat = net.plus(data.totals.vat);
  cbc(totals, 'LineExtensionAmount', money(net), { currencyID: data.currency });
  cbc(totals, 'TaxExclusiveAmount', money(net), { currencyID: data.currency });
  cbc(totals, 'TaxInclusiveAmount', money(withVat), { currencyID: data.currency });
  const deduction = data.deduction ? new Decimal(data.deduction.amount) : null;
  if (deduction && !deduction.isZero()) cbc(totals, 'PrepaidAmount', money(deduction), { currencyID: data.currency });
  const rounding = new Decimal(data.totals.rounding || 0);
  if (!rounding.isZero()) cbc(totals, 'PayableRoundingAmount', money(rounding), { currencyID: data.currency });
  cbc(totals, 'PayableAmount', money(data.totals.payable), { currencyID: data.currency });

  // BG-25 Lines.
  data.lines.forEach((line, i) => {
    const category = categoryOf(line);
    const invoiceLine = cac(root, 'InvoiceLine');
    cbc(invoiceLine, 'ID', String(i + 1));
    // C62 "one": the submitted lines carry no unit of measure.
    cbc(invoiceLine, 'InvoicedQuantity', plain(line.quantity), { unitCode: 'C62' });
    cbc(invoiceLine, 'LineExtensionAmount', money(line.net), { currencyID: data.currency });
    const item = cac(invoiceLine, 'Item');
    cbc(item, 'Name', line.description.slice(0, 200));
    const taxCategory = cac(item, 'ClassifiedTaxCategory');
    cbc(taxCategory, 'ID', category);
    cbc(taxCategory, 'Percent', category === 'S' ? plain(line.vatRatePercent) : '0');
    cbc(cac(taxCategory, 'TaxScheme'), 'ID', 'VAT');
    cbc(cac(invoiceLine, 'Price'), 'PriceAmount', plain(line.unitPrice), { currencyID: data.currency });
  });

  return doc.end({ prettyPrint: true });

  function address(parent: typeof root, value: PeppolAddress) {
    const postal = cac(parent, 'PostalAddress');
    cbc(postal, 'StreetName', value.street);
    cbc(postal, 'CityName', value.city);
    cbc(postal, 'PostalZone', value.postalCode);
    cbc(cac(postal, 'Country'), 'IdentificationCode', value.country);
  }

  function taxScheme(parent: typeof root, companyId: string, scheme: 'VAT' | 'TAX') {
    const partyTaxScheme = cac(parent, 'PartyTaxScheme');
    cbc(partyTaxScheme, 'CompanyID', scheme === 'VAT' ? companyId.replace(/[\s-]/g, '').toUpperCase() : companyId);
    cbc(cac(partyTaxScheme, 'TaxScheme'), 'ID', scheme);
  }
}

/**
 * One VAT subtotal per category and rate. The standard-rated VAT is computed as the invoice rule
 * does (libs/rules invoice-totals: rounded once per rate), so the subtotals add up to the stored
 * VAT; if they do not, the stored totals are wrong and the invoice must not be sent.
 */
export function vatBreakdown(data: Pick<PeppolInvoiceData, 'lines' | 'totals'>): Array<{ category: Category; percent: string; base: Decimal; vat: Decimal }> {
  const groups = new Map<string, { category: Category; percent: string; base: Decimal; vat: Decimal }>();
  for (const line of data.lines) {
    const category = categoryOf(line);
    const percent = category === 'S' ? new Decimal(line.vatRatePercent).toFixed() : '0';
    const key = `${category}:${percent}`;
    const group = groups.get(key) ?? { category, percent, base: new Decimal(0), vat: new Decimal(0) };
    group.base = group.base.plus(line.net);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort((a, b) => a.category.localeCompare(b.category) || new Decimal(a.percent).comparedTo(b.percent));
  for (const group of ordered) {
    if (group.category === 'S') group.vat = group.base.times(group.percent).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  }
  const vat = ordered.reduce((sum, group) => sum.plus(group.vat), new Decimal(0));
  if (!vat.equals(data.totals.vat)) {
    throw new Error(`The VAT per rate (${vat.toFixed(2)}) does not add up to the invoice's VAT (${money(data.totals.vat)})`);
  }
  return ordered;
}

/** BT-22: the assignment notice, and the deduction when there is one (Peppol allows one note). */
function note(data: PeppolInvoiceData, language: 'sv' | 'nb'): string {
  const notice =
    data.assignmentNotice ??
    (language === 'nb'
      ? `Denne fakturaen er overdratt til ${data.payee.name}. Betaling med frigjørende virkning kan bare skje til ${data.payee.name}, til kontoen og med KID ${data.payee.paymentReference} som står på fakturaen.`
      : `Denna faktura har överlåtits till ${data.payee.name}. Betalning med befriande verkan kan endast ske till ${data.payee.name}, till det konto och med OCR ${data.payee.paymentReference} som anges på fakturan.`);
  if (!data.deduction || new Decimal(data.deduction.amount).isZero()) return notice;
  const amount = `${money(data.deduction.amount)} ${data.currency}`;
  return `${notice} ${DEDUCTION_NAMES[data.deduction.kind]} ${amount} (förutbetalt belopp: betalas av Skatteverket efter begäran från säljaren).`;
}
