import { ConflictError } from '@factoring/domain';
import { EntityManager } from 'typeorm';
import { DocumentError } from '../../documents/document-errors';
import { DocumentLoadRequest, DocumentTemplate, LoadedDocument } from '../../documents/document-template';
import { date, fill, languageOfCountry, moneyWithCurrency, Texts } from '../../documents/document-text';
import { PdfLayout } from '../../documents/pdf-layout';
import { loadInvoiceForDocument } from '../../invoices/documents/invoice-document-data';
import { referenceName } from '../../invoices/documents/payment-words';
import { TAX_AGENCY_CLAIM_TEXT } from '../payments.service';

/** The deductions whose rest the client claims from the tax agency once the customer has paid its part (seed 000). */
type Deduction = 'ROT' | 'RUT' | 'GREEN_TECH';

/**
 * The payment receipt (issue 14 s.4, seed 000): an invoice the factor bought is fully paid, and
 * the client gets a receipt for its books: what the debtor paid (to the factor, or to the client
 * directly), what was credited or bought back, and the day it was fully paid. For ROT, RUT and
 * green-technology invoices it says the client may now claim the rest from the tax agency.
 * Made from the documents base: the same invoice's data renders the same bytes.
 */
export interface PaymentReceiptData {
  country: 'SE' | 'NO';
  currency: string;
  client: { name: string; organisationNumber: string };
  factorName: string;
  invoiceNumber: string;
  debtorName: string;
  invoiceDate: string;
  dueDate: string;
  paymentReference: string | null;
  gross: string;
  payable: string;
  credited: string;
  boughtBack: string;
  paidToFactor: string;
  paidToClient: string;
  fullyPaidOn: string;
  deduction: { kind: Deduction; amount: string } | null;
}

const T = {
  title: { sv: 'Betalningskvitto', nb: 'Betalingskvittering', en: 'Payment receipt' },
  intro: {
    sv: 'Er faktura {invoice} till {debtor}, som {factor} har köpt, är slutbetald.',
    nb: 'Fakturaen deres {invoice} til {debtor}, som {factor} har kjøpt, er ferdig betalt.',
    en: 'Your invoice {invoice} to {debtor}, bought by {factor}, is fully paid.',
  },
  seller: { sv: 'Säljare', nb: 'Selger', en: 'Seller' },
  organisationNumber: { sv: 'Org.nr', nb: 'Org.nr.', en: 'Reg. no.' },
  invoice: { sv: 'Faktura', nb: 'Faktura', en: 'Invoice' },
  invoiceNumber: { sv: 'Fakturanummer', nb: 'Fakturanummer', en: 'Invoice number' },
  debtor: { sv: 'Fakturamottagare', nb: 'Fakturamottaker', en: 'Debtor' },
  invoiceDate: { sv: 'Fakturadatum', nb: 'Fakturadato', en: 'Invoice date' },
  dueDate: { sv: 'Förfallodatum', nb: 'Forfallsdato', en: 'Due date' },
  fullyPaidOn: { sv: 'Slutbetald', nb: 'Ferdig betalt', en: 'Fully paid on' },
  payments: { sv: 'Betalningar', nb: 'Betalinger', en: 'Payments' },
  gross: { sv: 'Fakturans belopp', nb: 'Fakturaens beløp', en: 'Invoice total' },
  deductionPart: {
    sv: '{kind}-avdrag som ni begär från Skatteverket',
    nb: '{kind}-fradrag som dere krever fra Skatteverket',
    en: '{kind} deduction you claim from the Swedish Tax Agency',
  },
  payable: { sv: 'Att betala för kunden', nb: 'Å betale for kunden', en: 'Payable by the customer' },
  credited: { sv: 'Krediterat', nb: 'Kreditert', en: 'Credited' },
  boughtBack: { sv: 'Återköpt av er (regress)', nb: 'Kjøpt tilbake av dere (regress)', en: 'Bought back by you (recourse)' },
  paidToFactor: { sv: 'Betalt av kunden till {factor}', nb: 'Betalt av kunden til {factor}', en: 'Paid by the customer to {factor}' },
  paidToClient: { sv: 'Betalt av kunden direkt till er', nb: 'Betalt av kunden direkte til dere', en: 'Paid by the customer directly to you' },
  paidToClientNote: {
    sv: 'Det kunden betalade direkt till er är ni skyldiga {factor}; det kvittas mot er nästa utbetalning.',
    nb: 'Det kunden betalte direkte til dere, skylder dere {factor}; det motregnes i neste utbetaling.',
    en: 'What the customer paid directly to you, you owe {factor}; it is set off against your next payout.',
  },
  taxAgency: { sv: 'Skatteverket', nb: 'Skatteverket (Sverige)', en: 'Swedish Tax Agency' },
  GREEN_TECH: { sv: 'Grön teknik', nb: 'Grønn teknologi', en: 'Green technology' },
  footer: { sv: '{factor} · betalningskvitto för {client} · sida {page} av {pages}', nb: '{factor} · betalingskvittering for {client} · side {page} av {pages}', en: '{factor} · payment receipt for {client} · page {page} of {pages}' },
} satisfies Record<string, Texts>;

/** The notice for ROT, RUT and green-technology invoices (seed 000), in the same words as the client's fully-paid event. */
export const TAX_AGENCY_CLAIM: Record<Deduction, Texts> = TAX_AGENCY_CLAIM_TEXT;

export const paymentReceiptTemplate: DocumentTemplate<PaymentReceiptData> = {
  kind: 'PAYMENT_RECEIPT',
  subjectType: 'INVOICE',
  version: 1,
  period: false,

  async load(tx: EntityManager, request: DocumentLoadRequest): Promise<LoadedDocument<PaymentReceiptData> | null> {
    const found = await loadInvoiceForDocument(tx, request.subjectId, request.clientId);
    if (!found) return null;
    const i = found.invoice;
    if (i.status !== 'FULLY_PAID') {
      throw new ConflictError(DocumentError.DOCUMENT_NOT_AVAILABLE, `Invoice ${i.invoice_number} is not fully paid: its payment receipt is made once it is.`);
    }
    const [paid] = await tx.query(
      `SELECT i.paid_amount::text AS paid, i.paid_to_client_amount::text AS to_client, i.recourse_amount::text AS bought_back,
              coalesce(i.last_paid_on, (SELECT max(t.occurred_at)::date FROM timeline_event t WHERE t.entity_type = 'INVOICE' AND t.entity_id = i.id AND t.to_state = 'FULLY_PAID'))::text AS fully_paid_on
         FROM invoice i WHERE i.id = $1`,
      [i.id],
    );
    return {
      clientId: i.client_id,
      invoiceId: i.id,
      language: languageOfCountry(i.client_country),
      date: paid.fully_paid_on,
      data: {
        country: i.country,
        currency: i.currency,
        client: { name: i.client_name, organisationNumber: i.client_organisation_number },
        factorName: i.factor_name,
        invoiceNumber: i.invoice_number,
        debtorName: i.debtor.name,
        invoiceDate: i.invoice_date,
        dueDate: i.due_date,
        paymentReference: i.payment_reference,
        gross: i.gross,
        payable: i.payable,
        credited: i.credited_amount,
        boughtBack: paid.bought_back,
        paidToFactor: paid.paid,
        paidToClient: paid.to_client,
        fullyPaidOn: paid.fully_paid_on,
        deduction: i.deduction_kind && i.deduction_amount ? { kind: i.deduction_kind, amount: i.deduction_amount } : null,
      },
    };
  },

  fileName(data, language) {
    return `${language === 'en' ? 'payment-receipt' : language === 'nb' ? 'betalingskvittering' : 'betalningskvitto'}-${data.invoiceNumber.replace(/[^\w.-]+/g, '_')}.pdf`;
  },

  async render(d, lang) {
    const amount = (value: string) => moneyWithCurrency(value, d.currency, lang);
    const nonZero = (value: string) => value !== '0.00' && value !== '0';
    const pdf = new PdfLayout({ title: `${T.title[lang]} ${d.invoiceNumber}`, author: d.factorName, subject: `${T.title[lang]} ${d.invoiceNumber} · ${d.client.name}`, date: d.fullyPaidOn, language: lang });
    pdf.paragraph(d.factorName, { bold: true, size: 11 });
    pdf.space(10);
    pdf.title(T.title[lang]);
    pdf.paragraph(fill(T.intro[lang], { factor: d.factorName, invoice: d.invoiceNumber, debtor: d.debtorName }));
    pdf.space(12);
    pdf.columns(
      [
        { heading: T.seller[lang], lines: [d.client.name, `${T.organisationNumber[lang]} ${d.client.organisationNumber}`] },
        {
          heading: T.invoice[lang],
          lines: [
            [T.invoiceNumber[lang], d.invoiceNumber],
            [T.debtor[lang], d.debtorName],
            [T.invoiceDate[lang], date(d.invoiceDate, lang)],
            [T.dueDate[lang], date(d.dueDate, lang)],
            [T.fullyPaidOn[lang], date(d.fullyPaidOn, lang)],
            ...(d.paymentReference ? [[referenceName(d.country, lang), d.paymentReference] as [string, string]] : []),
          ],
        },
      ],
      [0.4, 0.6],
    );
    pdf.heading(T.payments[lang]);
    const kindName = d.deduction ? (d.deduction.kind === 'GREEN_TECH' ? T.GREEN_TECH[lang] : d.deduction.kind) : '';
    pdf.table(
      [
        { header: '', width: 0.7 },
        { header: '', width: 0.3, align: 'right' },
      ],
      [
        ...(d.deduction
          ? [
              { cells: [T.gross[lang], amount(d.gross)] },
              { cells: [fill(T.deductionPart[lang], { kind: kindName }), `\u2212${amount(d.deduction.amount)}`] },
            ]
          : []),
        { cells: [T.payable[lang], amount(d.payable)], bold: true },
        ...(nonZero(d.credited) ? [{ cells: [T.credited[lang], `\u2212${amount(d.credited)}`] }] : []),
        ...(nonZero(d.boughtBack) ? [{ cells: [T.boughtBack[lang], `\u2212${amount(d.boughtBack)}`] }] : []),
        ...(nonZero(d.paidToFactor) ? [{ cells: [fill(T.paidToFactor[lang], { factor: d.factorName }), `\u2212${amount(d.paidToFactor)}`] }] : []),
        ...(nonZero(d.paidToClient) ? [{ cells: [T.paidToClient[lang], `\u2212${amount(d.paidToClient)}`] }] : []),
      ],
    );
    if (nonZero(d.paidToClient)) {
      pdf.space(4);
      pdf.paragraph(fill(T.paidToClientNote[lang], { factor: d.factorName }));
    }
    if (d.deduction) {
      pdf.heading(T.taxAgency[lang]);
      pdf.paragraph(TAX_AGENCY_CLAIM[d.deduction.kind][lang], { bold: true });
    }
    return pdf.finish((page, pages) => fill(T.footer[lang], { factor: d.factorName, client: d.client.name, page: String(page), pages: String(pages) }));
  },
};
