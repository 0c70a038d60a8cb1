import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { DocumentLoadRequest, DocumentTemplate, LoadedDocument } from '../../documents/document-template';
import { date, fill, languageOfCountry, money, moneyWithCurrency, Texts } from '../../documents/document-text';
import { PdfLayout } from '../../documents/pdf-layout';
import { ClientDocumentHead, loadClientForDocument } from './client-document-data';

/**
 * The client's account statement (seed 004: "Kontoutdraget visar alla händelser som sker på ditt
 * konto"): every event on the client's account with the factor in the period, read from the
 * factor's journal (the client's settlement account and its recourse receivables), with the
 * balance before, after each event and at the end. A positive amount is in the client's favour
 * (what the factor owes it), a negative one what it owes the factor.
 */
export interface AccountStatementData {
  client: ClientDocumentHead;
  periodFrom: string;
  periodTo: string;
  opening: string;
  events: Array<{ date: string; event: string; invoiceNumber: string | null; amount: string }>;
}

const T = {
  title: { sv: 'Kontoutdrag', nb: 'Kontoutskrift', en: 'Account statement' },
  subtitle: { sv: 'Alla händelser på ert konto {from} – {to}', nb: 'Alle hendelser på kontoen deres {from} – {to}', en: 'Every event on your account {from} – {to}' },
  client: { sv: 'Kund', nb: 'Kunde', en: 'Client' },
  organisationNumber: { sv: 'Org.nr', nb: 'Org.nr.', en: 'Reg. no.' },
  date: { sv: 'Datum', nb: 'Dato', en: 'Date' },
  event: { sv: 'Händelse', nb: 'Hendelse', en: 'Event' },
  amount: { sv: 'Belopp', nb: 'Beløp', en: 'Amount' },
  balance: { sv: 'Saldo', nb: 'Saldo', en: 'Balance' },
  opening: { sv: 'Ingående saldo', nb: 'Inngående saldo', en: 'Opening balance' },
  closing: { sv: 'Utgående saldo', nb: 'Utgående saldo', en: 'Closing balance' },
  none: { sv: 'Inga händelser under perioden.', nb: 'Ingen hendelser i perioden.', en: 'No events in the period.' },
  sign: {
    sv: 'Positivt belopp: till er fördel (vi är skyldiga er). Negativt: ni är skyldiga oss. Belopp i {currency}.',
    nb: 'Positivt beløp: i deres favør (vi skylder dere). Negativt: dere skylder oss. Beløp i {currency}.',
    en: 'A positive amount is in your favour (we owe you); a negative one you owe us. Amounts in {currency}.',
  },
  PURCHASE: { sv: 'Faktura {invoice} köpt: fakturabelopp minus avgift och moms', nb: 'Faktura {invoice} kjøpt: fakturabeløp minus gebyr og MVA', en: 'Invoice {invoice} bought: amount less fee and VAT' },
  PAYOUT: { sv: 'Utbetalning för faktura {invoice}', nb: 'Utbetaling for faktura {invoice}', en: 'Payout for invoice {invoice}' },
  PAYOUT_REJECTED: { sv: 'Utbetalning för faktura {invoice} avvisad av banken', nb: 'Utbetaling for faktura {invoice} avvist av banken', en: 'Payout for invoice {invoice} rejected by the bank' },
  CREDIT_NOTE: { sv: 'Kreditering av faktura {invoice}', nb: 'Kreditering av faktura {invoice}', en: 'Credit note on invoice {invoice}' },
  OTHER: { sv: 'Händelse {event}, faktura {invoice}', nb: 'Hendelse {event}, faktura {invoice}', en: 'Event {event}, invoice {invoice}' },
  footer: { sv: '{factor} · kontoutdrag för {client} · sida {page} av {pages}', nb: '{factor} · kontoutskrift for {client} · side {page} av {pages}', en: '{factor} · account statement for {client} · page {page} of {pages}' },
} satisfies Record<string, Texts>;

/** The accounts that are the client's account with the factor. */
const CLIENT_ROLES = ['CLIENT_PAYABLES', 'RECOURSE_RECEIVABLES'];

export const accountStatementTemplate: DocumentTemplate<AccountStatementData> = {
  kind: 'ACCOUNT_STATEMENT',
  subjectType: 'CLIENT',
  version: 1,
  period: true,

  async load(tx: EntityManager, request: DocumentLoadRequest): Promise<LoadedDocument<AccountStatementData> | null> {
    const client = await loadClientForDocument(tx, request.subjectId, request.clientId);
    if (!client) return null;
    const accounts = `SELECT DISTINCT number FROM ledger_account WHERE book = $2 AND role = ANY($5)`;
    // In the client's favour: a credit on its settlement account (a negative posting) is money owed to it.
    const [{ opening }] = await tx.query(
      `SELECT coalesce(-sum(p.amount), 0)::text AS opening FROM journal_posting p
        WHERE p.client_id = $1 AND p.book = $2 AND p.entry_date < $3 AND $4::date IS NOT NULL AND p.account IN (${accounts})`,
      [client.id, client.country, request.periodFrom, request.periodTo, CLIENT_ROLES],
    );
    const events = await tx.query(
      `SELECT e.entry_date::text AS date, e.event, i.invoice_number AS "invoiceNumber", (-sum(p.amount))::text AS amount
         FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id LEFT JOIN invoice i ON i.id = p.invoice_id
        WHERE p.client_id = $1 AND p.book = $2 AND p.entry_date BETWEEN $3 AND $4 AND p.account IN (${accounts})
        GROUP BY e.id, e.entry_date, e.event, i.invoice_number
        HAVING sum(p.amount) <> 0
        ORDER BY e.entry_date, e.id`,
      [client.id, client.country, request.periodFrom, request.periodTo, CLIENT_ROLES],
    );
    return { clientId: client.id, invoiceId: null, language: languageOfCountry(client.country), date: request.periodTo!, data: { client, periodFrom: request.periodFrom!, periodTo: request.periodTo!, opening, events } };
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
    pdf.paragraph(fill(T.sign[lang], { currency: d.client.currency }), { muted: true });
    pdf.space(10);
    let balance = new Decimal(d.opening);
    const rows: Array<{ cells: string[]; bold?: boolean }> = [{ cells: [date(d.periodFrom, lang), T.opening[lang], '', money(balance, lang)], bold: true }];
    for (const e of d.events) {
      balance = balance.plus(e.amount);
      const text = e.event in T && e.event !== 'OTHER' ? T[e.event as 'PURCHASE'][lang] : T.OTHER[lang];
      rows.push({ cells: [date(e.date, lang), fill(text, { invoice: e.invoiceNumber ?? '—', event: e.event }), money(e.amount, lang), money(balance, lang)] });
    }
    if (d.events.length === 0) rows.push({ cells: ['', T.none[lang], '', ''] });
    rows.push({ cells: [date(d.periodTo, lang), T.closing[lang], '', moneyWithCurrency(balance, d.client.currency, lang)], bold: true });
    pdf.table(
      [
        { header: T.date[lang], width: 0.14 },
        { header: T.event[lang], width: 0.5 },
        { header: T.amount[lang], width: 0.16, align: 'right' },
        { header: T.balance[lang], width: 0.2, align: 'right' },
      ],
      rows,
    );
    return pdf.finish((page, pages) => fill(T.footer[lang], { factor: d.client.factorName, client: d.client.name, page: String(page), pages: String(pages) }));
  },
};
