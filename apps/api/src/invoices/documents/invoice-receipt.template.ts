import { ConflictError } from '@factoring/domain';
import { EntityManager } from 'typeorm';
import { DocumentError } from '../../documents/document-errors';
import { DocumentLoadRequest, DocumentTemplate, LoadedDocument } from '../../documents/document-template';
import { date, fill, languageOfCountry, money, moneyWithCurrency, number, Texts } from '../../documents/document-text';
import { PdfLayout } from '../../documents/pdf-layout';
import { loadInvoiceForDocument } from './invoice-document-data';
import { referenceName } from './payment-words';

/**
 * The receipt of one sold invoice, for the client's books (seed 000: "du får ett kvitto per
 * faktura"): what was sold, the fee and the VAT on it, the payout and its day, and (Swedish
 * clients) how seed 000's worked example books it: the payout to the bank, the fee on 6064,
 * the VAT on 2641, the receivable cleared. A later payout day (or the client's confirmation of
 * the day it arrived) is new data: a new receipt beside the first.
 */
export interface InvoiceReceiptData {
  country: 'SE' | 'NO';
  currency: string;
  client: { name: string; organisationNumber: string };
  factorName: string;
  invoiceNumber: string;
  debtorName: string;
  invoiceDate: string;
  dueDate: string;
  invoiceAmount: string;
  feePercent: string | null;
  fee: string;
  vatRateOnFeePercent: string | null;
  vatOnFee: string;
  payout: string;
  purchasedOn: string;
  payoutDate: string | null;
  payoutDateIsPlanned: boolean;
  paymentReference: string | null;
  recourseMode: string | null;
}

const T = {
  title: { sv: 'Kvitto på såld faktura', nb: 'Kvittering for solgt faktura', en: 'Receipt for a sold invoice' },
  intro: {
    sv: '{factor} har köpt er faktura {invoice} till {debtor}. Kvittot är underlag för er bokföring.',
    nb: '{factor} har kjøpt fakturaen deres {invoice} til {debtor}. Kvitteringen er bilag for regnskapet deres.',
    en: '{factor} has bought your invoice {invoice} to {debtor}. This receipt supports your bookkeeping.',
  },
  seller: { sv: 'Säljare', nb: 'Selger', en: 'Seller' },
  organisationNumber: { sv: 'Org.nr', nb: 'Org.nr.', en: 'Reg. no.' },
  invoice: { sv: 'Faktura', nb: 'Faktura', en: 'Invoice' },
  invoiceNumber: { sv: 'Fakturanummer', nb: 'Fakturanummer', en: 'Invoice number' },
  debtor: { sv: 'Fakturamottagare', nb: 'Fakturamottaker', en: 'Debtor' },
  invoiceDate: { sv: 'Fakturadatum', nb: 'Fakturadato', en: 'Invoice date' },
  dueDate: { sv: 'Förfallodatum', nb: 'Forfallsdato', en: 'Due date' },
  purchasedOn: { sv: 'Köpt', nb: 'Kjøpt', en: 'Bought on' },
  recourse: { sv: 'Kreditrisk', nb: 'Kredittrisiko', en: 'Credit risk' },
  WITH_RECOURSE: { sv: 'Med regress (ni behåller kreditrisken)', nb: 'Med regress (dere beholder kredittrisikoen)', en: 'With recourse (you keep the credit risk)' },
  WITHOUT_RECOURSE: { sv: 'Utan regress (vi har övertagit kreditrisken)', nb: 'Uten regress (vi har overtatt kredittrisikoen)', en: 'Without recourse (we took over the credit risk)' },
  settlement: { sv: 'Avräkning', nb: 'Avregning', en: 'Settlement' },
  invoiceAmount: { sv: 'Fakturabelopp', nb: 'Fakturabeløp', en: 'Invoice amount' },
  fee: { sv: 'Factoringavgift', nb: 'Factoringgebyr', en: 'Factoring fee' },
  vatOnFee: { sv: 'Moms på avgiften', nb: 'MVA på gebyret', en: 'VAT on the fee' },
  payout: { sv: 'Utbetalt till er', nb: 'Utbetalt til dere', en: 'Paid out to you' },
  payoutDate: { sv: 'Utbetalningsdag', nb: 'Utbetalingsdag', en: 'Payout day' },
  planned: { sv: '(planerad)', nb: '(planlagt)', en: '(planned)' },
  booking: { sv: 'Så bokför ni den sålda fakturan', nb: 'Bokføring', en: 'How to book the sold invoice' },
  bookingIntro: {
    sv: 'Försäljningen bokför ni som vanligt. När utbetalningen kommer matchar ni den mot kundfordran:',
    nb: 'Salget bokføres som vanlig. Når utbetalingen kommer, avstemmes den mot kundefordringen.',
    en: 'Book the sale as usual. When the payout arrives, match it against the receivable:',
  },
  account: { sv: 'Konto', nb: 'Konto', en: 'Account' },
  debit: { sv: 'Debet', nb: 'Debet', en: 'Debit' },
  credit: { sv: 'Kredit', nb: 'Kredit', en: 'Credit' },
  bank: { sv: '1930 Företagskonto', nb: 'Bank', en: '1930 Bank account' },
  feeAccount: { sv: '6064 Factoringavgifter', nb: 'Factoringgebyr', en: '6064 Factoring fees' },
  vatAccount: { sv: '2641 Ingående moms', nb: 'Inngående MVA', en: '2641 Input VAT' },
  receivable: { sv: '1510 Kundfordringar', nb: 'Kundefordringer', en: '1510 Trade receivables' },
  reference: { sv: 'Betalningsreferens', nb: 'Betalingsreferanse', en: 'Payment reference' },
  footer: { sv: '{factor} · kvitto för {client} · sida {page} av {pages}', nb: '{factor} · kvittering for {client} · side {page} av {pages}', en: '{factor} · receipt for {client} · page {page} of {pages}' },
} satisfies Record<string, Texts>;

export const invoiceReceiptTemplate: DocumentTemplate<InvoiceReceiptData> = {
  kind: 'INVOICE_RECEIPT',
  subjectType: 'INVOICE',
  version: 1,
  period: false,

  async load(tx: EntityManager, request: DocumentLoadRequest): Promise<LoadedDocument<InvoiceReceiptData> | null> {
    const found = await loadInvoiceForDocument(tx, request.subjectId, request.clientId);
    if (!found) return null;
    const i = found.invoice;
    if (!i.purchased_on || !i.fee || !i.vat_on_fee || !i.payout) {
      throw new ConflictError(DocumentError.DOCUMENT_NOT_AVAILABLE, `Invoice ${i.invoice_number} has not been bought: a receipt is made once it is.`);
    }
    return {
      clientId: i.client_id,
      invoiceId: i.id,
      language: languageOfCountry(i.client_country),
      date: i.purchased_on,
      data: {
        country: i.country,
        currency: i.currency,
        client: { name: i.client_name, organisationNumber: i.client_organisation_number },
        factorName: i.factor_name,
        invoiceNumber: i.invoice_number,
        debtorName: i.debtor.name,
        invoiceDate: i.invoice_date,
        dueDate: i.due_date,
        invoiceAmount: i.payable,
        feePercent: i.fee_percent,
        fee: i.fee,
        vatRateOnFeePercent: i.vat_rate_on_fee,
        vatOnFee: i.vat_on_fee,
        payout: i.payout,
        purchasedOn: i.purchased_on,
        payoutDate: i.paid_out_on ?? i.planned_payout_date,
        payoutDateIsPlanned: !i.paid_out_on,
        paymentReference: i.payment_reference,
        recourseMode: i.recourse_mode,
      },
    };
  },

  fileName(data, language) {
    return `${language === 'en' ? 'receipt' : language === 'nb' ? 'kvittering' : 'kvitto'}-${data.invoiceNumber.replace(/[^\w.-]+/g, '_')}.pdf`;
  },

  async render(d, lang) {
    const amount = (value: string) => moneyWithCurrency(value, d.currency, lang);
    const pdf = new PdfLayout({ title: `${T.title[lang]} ${d.invoiceNumber}`, author: d.factorName, subject: `${T.title[lang]} ${d.invoiceNumber} · ${d.client.name}`, date: d.purchasedOn, language: lang });
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
            [T.purchasedOn[lang], date(d.purchasedOn, lang)],
            ...(d.paymentReference ? [[referenceName(d.country, lang), d.paymentReference] as [string, string]] : []),
            ...(d.recourseMode === 'WITH_RECOURSE' || d.recourseMode === 'WITHOUT_RECOURSE' ? [[T.recourse[lang], T[d.recourseMode][lang]] as [string, string]] : []),
          ],
        },
      ],
      [0.4, 0.6],
    );
    pdf.heading(T.settlement[lang]);
    pdf.table(
      [
        { header: '', width: 0.7 },
        { header: '', width: 0.3, align: 'right' },
      ],
      [
        { cells: [T.invoiceAmount[lang], amount(d.invoiceAmount)] },
        { cells: [`${T.fee[lang]}${d.feePercent ? ` (${number(d.feePercent, lang)} %)` : ''}`, `\u2212${amount(d.fee)}`] },
        { cells: [`${T.vatOnFee[lang]}${d.vatRateOnFeePercent ? ` (${number(d.vatRateOnFeePercent, lang)} %)` : ''}`, `\u2212${amount(d.vatOnFee)}`] },
        { cells: [T.payout[lang], amount(d.payout)], bold: true },
      ],
    );
    pdf.space(2);
    if (d.payoutDate) pdf.paragraph(`${T.payoutDate[lang]}: ${date(d.payoutDate, lang)}${d.payoutDateIsPlanned ? ` ${T.planned[lang]}` : ''}`);
    // Seed 000's worked example, with BAS accounts: only for Swedish clients (a Norwegian chart is the client's own choice).
    if (d.country === 'SE') {
      pdf.heading(T.booking[lang]);
      pdf.paragraph(T.bookingIntro[lang]);
      pdf.space(4);
      pdf.table(
        [
          { header: T.account[lang], width: 0.5 },
          { header: T.debit[lang], width: 0.25, align: 'right' },
          { header: T.credit[lang], width: 0.25, align: 'right' },
        ],
        [
          { cells: [T.bank[lang], money(d.payout, lang), ''] },
          { cells: [T.feeAccount[lang], money(d.fee, lang), ''] },
          { cells: [T.vatAccount[lang], money(d.vatOnFee, lang), ''] },
          { cells: [T.receivable[lang], '', money(d.invoiceAmount, lang)] },
        ],
      );
    }
    return pdf.finish((page, pages) => fill(T.footer[lang], { factor: d.factorName, client: d.client.name, page: String(page), pages: String(pages) }));
  },
};
