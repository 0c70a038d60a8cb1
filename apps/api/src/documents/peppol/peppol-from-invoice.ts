import { ConflictError, NotFoundError, PeppolParticipantId } from '@factoring/domain';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { loadInvoiceForDocument, PostalAddress } from '../../invoices/documents/invoice-document-data';
import { DocumentError } from '../document-errors';
import { Country, PeppolAddress, PeppolInvoiceData } from './peppol-invoice';

/**
 * A bought invoice as the Peppol builder's data (issue 13 s.3), read from the database through the
 * sold invoice's own loader (loadInvoiceForDocument), so the e-invoice and the PDF say the same:
 * the client is the Seller, the debtor the Buyer as submitted, the factor the Payee with the
 * invoice's OCR/KID and the account the offer named (offer_terms.paymentAccount, which is
 * Ledger.paymentAccount of the book on the day the offer was made; the BIC from the same
 * ledger_bank_account row). How ROT/RUT map onto EN 16931 is stated in peppol-invoice.ts: the
 * deduction is the Paid amount (BT-113), so BR-CO-16 holds with the stored totals.
 *
 * Where the stored invoice says less than Peppol wants:
 * - Buyer's electronic address (BT-49): the Peppol id kept on the debtor (debtor.peppol_id, the
 *   address delivery sends to, so the envelope and the document agree), else the one submitted with
 *   this invoice, else a company's organisation number in its country's scheme (0007/0192), which
 *   is how Swedish and Norwegian companies are registered in the Peppol directory. A person has
 *   no scheme of their own: without a submitted id (e.g. an intermediary's GLN) the invoice cannot
 *   go by Peppol, DOCUMENT_NOT_AVAILABLE.
 * - Seller's VAT id (BT-31): the one submitted for reverse charge; otherwise, when the invoice
 *   charges VAT or is reverse charged, the client must be VAT registered, and its VAT number is
 *   then formed from its organisation number: SE + the 10 digits + 01 in Sweden (Skatteverket,
 *   "momsregistreringsnummer"), NO + the 9 digits + MVA in Norway (bokføringsforskriften § 5-1-1
 *   nr. 3 / merverdiavgiftsloven § 2-1). A client with only exempt lines gets none.
 * - Buyer reference (BT-10, PEPPOL-EN16931-R003): the debtor's reference submitted with the
 *   invoice, else the invoice number (the one reference both parties have).
 * - F-skatt (BT-32 "Godkänd för F-skatt") and "Foretaksregisteret" (NO-R-002, a warning): the
 *   client records keep neither, so neither is claimed.
 * - Payee legal registration id (BT-61, optional): the ledger books keep no organisation number.
 */
export async function loadPeppolInvoice(manager: EntityManager, invoiceId: string): Promise<PeppolInvoiceData> {
  const found = await loadInvoiceForDocument(manager, invoiceId);
  if (!found) throw new NotFoundError(DocumentError.DOCUMENT_SUBJECT_NOT_FOUND, `No invoice ${invoiceId}.`, { invoiceId });
  const { invoice: i, lines } = found;
  if (!i.purchased_on || !i.payment_reference || !i.payment_account) {
    throw new ConflictError(DocumentError.DOCUMENT_NOT_AVAILABLE, `Invoice ${i.invoice_number} has not been bought: the factor sends only invoices it bought.`);
  }
  const [extra]: Array<{ debtor_peppol_id: string | null; bic: string | null }> = await manager.query(
    `SELECT d.peppol_id AS debtor_peppol_id,
            (SELECT a.bic FROM ledger_bank_account a WHERE a.book = i.country AND a.kind = $2 AND a.number = $3 ORDER BY a.valid_from DESC LIMIT 1) AS bic
       FROM invoice i LEFT JOIN debtor d ON d.id = i.debtor_id WHERE i.id = $1`,
    [invoiceId, i.payment_account.kind, i.payment_account.account],
  );
  const debtor = i.debtor as typeof i.debtor & { peppolId?: string; reference?: string; email?: string };
  const debtorAddress = address(debtor.address, i.country);
  const buyerCountry = debtorAddress.country as Country;
  const buyerEndpoint = endpointOfBuyer(debtor, extra?.debtor_peppol_id ?? null, buyerCountry, i.invoice_number);
  const chargesVat = lines.some((l) => l.reverse_charge || !new Decimal(l.vat_rate_percent).isZero());

  return {
    invoiceNumber: i.invoice_number,
    issueDate: i.invoice_date,
    dueDate: i.due_date,
    deliveryDate: i.delivery_date,
    currency: i.currency as PeppolInvoiceData['currency'],
    buyerReference: debtor.reference?.trim() || i.invoice_number,
    seller: {
      legalName: i.client_name,
      organisationNumber: i.client_organisation_number,
      country: i.client_country,
      address: address(i.client_address, i.client_country),
      vatNumber: i.reverse_charge_vat_numbers?.seller ?? (chargesVat ? vatNumberOf(i.client_country, i.client_organisation_number) : null),
      endpoint: organisationEndpoint(i.client_country, i.client_organisation_number),
    },
    buyer: {
      kind: debtor.kind === 'PERSON' ? 'PERSON' : 'COMPANY',
      name: debtor.name,
      identityNumber: debtor.identityNumber ?? '',
      address: debtorAddress,
      vatNumber: i.reverse_charge_vat_numbers?.buyer ?? debtor.vatNumber ?? null,
      email: debtor.email ?? null,
      endpoint: buyerEndpoint,
    },
    payee: {
      name: i.factor_name,
      organisationNumber: null,
      country: i.country,
      paymentReference: i.payment_reference,
      account: { kind: i.payment_account.kind as PeppolInvoiceData['payee']['account']['kind'], number: i.payment_account.account, bic: extra?.bic ?? null },
    },
    lines: lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: l.unit_price, vatRatePercent: l.vat_rate_percent, reverseCharge: l.reverse_charge, net: l.net })),
    totals: { net: i.net, vat: i.vat, rounding: i.rounding, gross: i.gross, payable: i.payable },
    deduction: i.deduction_kind && i.deduction_amount ? { kind: i.deduction_kind, amount: i.deduction_amount } : null,
  };
}

const ORGANISATION_SCHEME: Record<Country, '0007' | '0192'> = { SE: '0007', NO: '0192' };

/** A Swedish sole trader's organisation number is the owner's 12-digit personnummer: Peppol's 0007 takes its last 10. */
function organisationDigits(country: Country, organisationNumber: string): string {
  const digits = organisationNumber.replace(/\D/g, '');
  return country === 'SE' ? digits.slice(-10) : digits;
}

function organisationEndpoint(country: Country, organisationNumber: string) {
  return { scheme: ORGANISATION_SCHEME[country], id: organisationDigits(country, organisationNumber) };
}

function vatNumberOf(country: Country, organisationNumber: string): string {
  const digits = organisationDigits(country, organisationNumber);
  return country === 'SE' ? `SE${digits}01` : `NO${digits}MVA`;
}

function endpointOfBuyer(debtor: { kind?: string; identityNumber?: string; peppolId?: string }, kept: string | null, country: Country, invoiceNumber: string) {
  const given = kept || debtor.peppolId;
  if (given) {
    const id = PeppolParticipantId.parse(given, 'debtor.peppolId');
    return { scheme: id.scheme, id: id.value };
  }
  if (debtor.kind !== 'PERSON' && debtor.identityNumber && ORGANISATION_SCHEME[country]) return organisationEndpoint(country, debtor.identityNumber);
  throw new ConflictError(
    DocumentError.DOCUMENT_NOT_AVAILABLE,
    `Invoice ${invoiceNumber} cannot go as an e-invoice: its debtor is a private person with no Peppol address (send it by e-mail or post, or submit the debtor's peppolId).`,
  );
}

function address(value: PostalAddress | undefined, fallbackCountry: string): PeppolAddress {
  return { street: value?.street ?? '', postalCode: value?.postalCode ?? '', city: value?.city ?? '', country: value?.country ?? fallbackCountry };
}
