import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { DocumentLoadRequest, DocumentTemplate, LoadedDocument } from '../../documents/document-template';
import { date, fill, languageOfCountry, money, Texts } from '../../documents/document-text';
import { PdfLayout } from '../../documents/pdf-layout';
import { ClientDocumentHead, loadClientForDocument } from './client-document-data';

/**
 * The client's sales report (seed 000: "en rapport för alla dina sålda fakturor under en valfri
 * period"): every invoice the factor bought from it in the period (by the day the purchase was
 * booked), with the amount, fee, VAT on the fee and payout, and their totals.
 */
export interface SalesReportData {
  client: ClientDocumentHead;
  periodFrom: string;
  periodTo: string;
  invoices: Array<{ invoiceNumber: string; debtorName: string; invoiceDate: string; dueDate: string; soldOn: string; amount: string; fee: string; vatOnFee: string; payout: string }>;
}

const T = {
  title: { sv: 'Försäljningsrapport', nb: 'Salgsrapport', en: 'Sales report' },
  subtitle: { sv: 'Sålda fakturor {from} – {to}', nb: 'Solgte fakturaer {from} – {to}', en: 'Invoices sold {from} – {to}' },
  client: { sv: 'Kund', nb: 'Kunde', en: 'Client' },
  organisationNumber: { sv: 'Org.nr', nb: 'Org.nr.', en: 'Reg. no.' },
  invoice: { sv: 'Faktura', nb: 'Faktura', en: 'Invoice' },
  debtor: { sv: 'Fakturamottagare', nb: 'Fakturamottaker', en: 'Debtor' },
  soldOn: { sv: 'Såld', nb: 'Solgt', en: 'Sold' },
  dueDate: { sv: 'Förfaller', nb: 'Forfall', en: 'Due' },
  amount: { sv: 'Belopp', nb: 'Beløp', en: 'Amount' },
  fee: { sv: 'Avgift', nb: 'Gebyr', en: 'Fee' },
  vatOnFee: { sv: 'Moms', nb: 'MVA', en: 'VAT' },
  payout: { sv: 'Utbetalt', nb: 'Utbetalt', en: 'Payout' },
  total: { sv: 'Summa', nb: 'Sum', en: 'Total' },
  count: { sv: '{count} fakturor', nb: '{count} fakturaer', en: '{count} invoices' },
  none: { sv: 'Inga fakturor såldes under perioden.', nb: 'Ingen fakturaer ble solgt i perioden.', en: 'No invoices were sold in the period.' },
  amounts: { sv: 'Belopp i {currency}.', nb: 'Beløp i {currency}.', en: 'Amounts in {currency}.' },
  footer: { sv: '{factor} · försäljningsrapport för {client} · sida {page} av {pages}', nb: '{factor} · salgsrapport for {client} · side {page} av {pages}', en: '{factor} · sales report for {client} · page {page} of {pages}' },
} satisfies Record<string, Texts>;

export const salesReportTemplate: DocumentTemplate<SalesReportData> = {
  kind: 'SALES_REPORT',
  subjectType: 'CLIENT',
  version: 1,
  period: true,

  async load(tx: EntityManager, request: DocumentLoadRequest): Promise<LoadedDocument<SalesReportData> | null> {
    const client = await loadClientForDocument(tx, request.subjectId, request.clientId);
    if (!client) return null;
    const invoices = await tx.query(
      `SELECT i.invoice_number AS "invoiceNumber", i.debtor->>'name' AS "debtorName", i.invoice_date::text AS "invoiceDate", i.due_date::text AS "dueDate",
              e.entry_date::text AS "soldOn", i.payable::text AS amount, i.fee::text AS fee, i.vat_on_fee::text AS "vatOnFee", i.payout::text AS payout
         FROM invoice i
         JOIN LATERAL (SELECT min(entry_date) AS entry_date FROM journal_entry WHERE cause_type = 'INVOICE' AND cause_id = i.id AND event = 'PURCHASE') e ON e.entry_date IS NOT NULL
        WHERE i.client_id = $1 AND e.entry_date BETWEEN $2 AND $3
        ORDER BY e.entry_date, i.invoice_number`,
      [client.id, request.periodFrom, request.periodTo],
    );
    return { clientId: client.id, invoiceId: null, language: languageOfCountry(client.country), date: request.periodTo!, data: { client, periodFrom: request.periodFrom!, periodTo: request.periodTo!, invoices } };
  },

  fileName(data, language) {
    return `${T.title[language].toLowerCase()}-${data.periodFrom}-${data.periodTo}.pdf`;
  },

  async render(d, lang) {
    const pdf = new PdfLayout({ title: `${T.title[lang]} ${d.periodFrom} – ${d.periodTo}`, author: d.client.factorName, subject: `${T.title[lang]} · ${d.client.name}`, date: d.periodTo, language: lang });
    pdf.paragraph(d.client.factorName, { bold: true, size: 11 });
    pdf.space(10);
    pdf.title(T.title[lang]);
    pdf.paragraph(fill(T.subtitle[lang], { from: date(d.periodFrom, lang), to: date(d.periodTo, lang) }), { bold: true });
    pdf.space(6);
    pdf.paragraph(`${T.client[lang]}: ${d.client.name}, ${T.organisationNumber[lang]} ${d.client.organisationNumber}`);
    pdf.paragraph(fill(T.amounts[lang], { currency: d.client.currency }), { muted: true });
    pdf.space(10);
    if (d.invoices.length === 0) {
      pdf.paragraph(T.none[lang]);
    } else {
      const sum = (pick: (i: SalesReportData['invoices'][number]) => string) => d.invoices.reduce((s, i) => s.plus(pick(i)), new Decimal(0));
      pdf.table(
        [
          { header: T.invoice[lang], width: 0.15 },
          { header: T.debtor[lang], width: 0.19 },
          { header: T.soldOn[lang], width: 0.12 },
          { header: T.dueDate[lang], width: 0.12 },
          { header: T.amount[lang], width: 0.12, align: 'right' },
          { header: T.fee[lang], width: 0.09, align: 'right' },
          { header: T.vatOnFee[lang], width: 0.08, align: 'right' },
          { header: T.payout[lang], width: 0.13, align: 'right' },
        ],
        [
          ...d.invoices.map((i) => ({
            cells: [i.invoiceNumber, i.debtorName, date(i.soldOn, lang), date(i.dueDate, lang), money(i.amount, lang), money(i.fee, lang), money(i.vatOnFee, lang), money(i.payout, lang)],
          })),
          {
            cells: [T.total[lang], fill(T.count[lang], { count: String(d.invoices.length) }), '', '', money(sum((i) => i.amount), lang), money(sum((i) => i.fee), lang), money(sum((i) => i.vatOnFee), lang), money(sum((i) => i.payout), lang)],
            bold: true,
          },
        ],
      );
    }
    return pdf.finish((page, pages) => fill(T.footer[lang], { factor: d.client.factorName, client: d.client.name, page: String(page), pages: String(pages) }));
  },
};
