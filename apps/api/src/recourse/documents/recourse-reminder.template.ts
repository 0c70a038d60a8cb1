import { ConflictError } from '@factoring/domain';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { DocumentError } from '../../documents/document-errors';
import { DocumentLoadRequest, DocumentTemplate, LoadedDocument } from '../../documents/document-template';
import { date, DocumentLanguage, fill, languageOfCountry, moneyWithCurrency, Texts } from '../../documents/document-text';
import { PdfLayout } from '../../documents/pdf-layout';
import { loadInvoiceForDocument } from '../../invoices/documents/invoice-document-data';
import { accountText, referenceName } from '../../invoices/documents/payment-words';

/** The document kind of a late recourse invoice's reminder to the client. */
export const RECOURSE_REMINDER_DOCUMENT = 'RECOURSE_INVOICE_REMINDER';

/**
 * The reminder of a late recourse invoice (påminnelse om regressfaktura, issue 15 s.3, seed 000:
 * "om du inte betalar din regressfaktura så kommer den att hanteras på samma vis som om din kund
 * inte betalat fakturan"), a letter to the client: the recourse invoice's amount, what is still
 * open, its OCR/KID and where to pay, the invoice it buys back, the due date that passed, pay
 * now, and that the client cannot sell invoices until it is paid. No fee: see RecourseFollowUp.
 * Its subject is the invoice bought back (deliveries are of invoices); the delivery names the
 * recourse invoice (an invoice bought back twice has two), else it reads the one reminded last.
 * Nothing read from the clock: the letter's day is the recourse invoice's `reminded_on`.
 */
export interface RecourseReminderData {
  country: 'SE' | 'NO';
  currency: string;
  factorName: string;
  clientName: string;
  clientOrganisationNumber: string;
  clientAddress: string[];
  reference: string;
  cause: 'UNPAID' | 'CREDIT_NOTE' | 'DISPUTE';
  issueDate: string;
  dueDate: string;
  /** The letter's day: the day the recourse invoice was issued, or reminded. */
  letterDate: string;
  amount: string;
  paid: string;
  open: string;
  invoiceNumber: string;
  invoiceDate: string;
  debtorName: string;
  paymentAccount: { kind: string; account: string } | null;
}

/** Its words; the recourse invoice's letter shares the causes, the debtor's payments and the labels. */
export const RECOURSE_REMINDER_WORDS = {
  title: { sv: 'Påminnelse: regressfaktura', nb: 'Purring: regressfaktura', en: 'Reminder: recourse invoice' },
  intro: {
    sv: 'Vi har inte fått betalt för regressfaktura {reference}, som förföll {due}. Den återköper er faktura {invoice} till {debtor} ({cause}).',
    nb: 'Vi har ikke mottatt betaling for regressfaktura {reference}, som forfalt {due}. Den tilbakekjøper fakturaen deres {invoice} til {debtor} ({cause}).',
    en: 'We have not received payment of recourse invoice {reference}, due on {due}. It buys back your invoice {invoice} to {debtor} ({cause}).',
  },
  UNPAID: { sv: 'obetald efter avtalets antal dagar efter förfallodagen', nb: 'ubetalt etter avtalens antall dager etter forfall', en: "unpaid the agreement's days after its due date" },
  CREDIT_NOTE: { sv: 'krediterat belopp', nb: 'kreditert beløp', en: 'credited amount' },
  DISPUTE: { sv: 'bestridd av er kund', nb: 'bestridt av kunden deres', en: 'disputed by your customer' },
  payNow: { sv: 'Betala det som återstår nu.', nb: 'Betal det som gjenstår nå.', en: 'Pay what is still open now.' },
  blocked: {
    sv: 'Så länge regressfakturan är obetald kan ni inte sälja fakturor till oss. Spärren hävs när den är betald.',
    nb: 'Så lenge regressfakturaen er ubetalt, kan dere ikke selge fakturaer til oss. Sperren oppheves når den er betalt.',
    en: 'Until the recourse invoice is paid you cannot sell invoices to us. The block is lifted once it is paid.',
  },
  debtorPays: {
    sv: 'Vi fortsätter att kräva {debtor} på fakturan. Betalar er kund efter att ni har betalat, betalar vi tillbaka beloppet till er utan avdrag.',
    nb: 'Vi fortsetter å kreve {debtor} for fakturaen. Betaler kunden deres etter at dere har betalt, betaler vi beløpet tilbake til dere uten fradrag.',
    en: 'We keep collecting the invoice from {debtor}. If your customer pays after you have paid, we pay the amount back to you without deduction.',
  },
  noFee: { sv: 'Ingen avgift tas ut för denna påminnelse.', nb: 'Det tas ikke gebyr for denne purringen.', en: 'No fee is charged for this reminder.' },
  owed: { sv: 'Att betala', nb: 'Å betale', en: 'To pay' },
  amount: { sv: 'Regressfakturans belopp', nb: 'Regressfakturaens beløp', en: 'Recourse invoice amount' },
  paid: { sv: 'Betalt', nb: 'Betalt', en: 'Paid' },
  open: { sv: 'Kvar att betala', nb: 'Gjenstår å betale', en: 'Still open' },
  payTo: { sv: 'Betala till', nb: 'Betal til', en: 'Pay to' },
  date: { sv: 'Datum', nb: 'Dato', en: 'Date' },
  recourseInvoice: { sv: 'Regressfaktura', nb: 'Regressfaktura', en: 'Recourse invoice' },
  issueDate: { sv: 'Utställd', nb: 'Utstedt', en: 'Issued' },
  dueDate: { sv: 'Förföll', nb: 'Forfalt', en: 'Was due' },
  invoice: { sv: 'Återköpt faktura', nb: 'Tilbakekjøpt faktura', en: 'Invoice bought back' },
  alreadyPaid: { sv: 'Har ni redan betalat? Då kan ni bortse från detta brev.', nb: 'Har dere allerede betalt? Da kan dere se bort fra dette brevet.', en: 'Already paid? Then please disregard this letter.' },
  orgNo: { sv: 'Org.nr', nb: 'Org.nr.', en: 'Org. no.' },
  footer: { sv: '{factor} · {title} · sida {page} av {pages}', nb: '{factor} · {title} · side {page} av {pages}', en: '{factor} · {title} · page {page} of {pages}' },
} satisfies Record<string, Texts>;
const T = RECOURSE_REMINDER_WORDS;

export const recourseReminderTemplate: DocumentTemplate<RecourseReminderData> = {
  kind: RECOURSE_REMINDER_DOCUMENT,
  subjectType: 'INVOICE',
  version: 1,
  period: false,

  async load(tx: EntityManager, request: DocumentLoadRequest): Promise<LoadedDocument<RecourseReminderData> | null> {
    return loadRecourseLetter(tx, request, 'REMINDED');
  },

  fileName(data, language) {
    const name = { sv: 'paminnelse-regressfaktura', nb: 'purring-regressfaktura', en: 'reminder-recourse-invoice' }[language];
    return `${name}-${data.reference}-${data.letterDate}.pdf`;
  },

  async render(d, lang) {
    const title = T.title[lang];
    const pdf = recourseLetterHead(d, lang, title, [
      [T.date[lang], date(d.letterDate, lang)],
      [T.recourseInvoice[lang], d.reference],
      [T.issueDate[lang], date(d.issueDate, lang)],
      [T.dueDate[lang], date(d.dueDate, lang)],
      [T.invoice[lang], d.invoiceNumber],
    ]);
    pdf.title(title);
    pdf.paragraph(fill(T.intro[lang], { reference: d.reference, due: date(d.dueDate, lang), invoice: d.invoiceNumber, debtor: d.debtorName, cause: T[d.cause][lang] }));
    pdf.space(4);
    pdf.paragraph(T.payNow[lang], { bold: true });
    pdf.paragraph(T.blocked[lang], { bold: true });
    recourseLetterOwed(pdf, d, lang, { paid: T.paid[lang], open: T.open[lang] });
    pdf.space(4);
    pdf.paragraph(T.noFee[lang]);
    pdf.paragraph(fill(T.debtorPays[lang], { debtor: d.debtorName }));
    pdf.space(8);
    pdf.paragraph(T.alreadyPaid[lang], { muted: true });
    return pdf.finish((page, pages) => fill(T.footer[lang], { factor: d.factorName, title, page: String(page), pages: String(pages) }));
  },
};

/**
 * The data of a letter about one recourse invoice of the invoice that is the document's subject:
 * the one the delivery names, else the latest (issued, or reminded for a reminder). `on` is the
 * letter's day: the day it was issued, or reminded; never the clock's.
 */
export async function loadRecourseLetter(tx: EntityManager, request: DocumentLoadRequest, letter: 'ISSUED' | 'REMINDED'): Promise<LoadedDocument<RecourseReminderData> | null> {
  const found = await loadInvoiceForDocument(tx, request.subjectId, request.clientId);
  if (!found) return null;
  const i = found.invoice;
  const day = letter === 'REMINDED' ? 'r.reminded_on' : 'r.issue_date';
  const [r] = await tx.query(
    `SELECT r.reference, r.cause, r.amount::text, r.paid_amount::text, r.issue_date::text, r.due_date::text, r.reminded_on::text, ${day}::text AS letter_day,
            (SELECT jsonb_build_object('kind', b.kind, 'account', b.number) FROM ledger_bank_account b
              WHERE b.book = r.country AND b.valid_from <= ${day} ORDER BY b.valid_from DESC LIMIT 1) AS payment_account
       FROM recourse_invoice r WHERE r.invoice_id = $1 AND ${day} IS NOT NULL AND ($2::uuid IS NULL OR r.id = $2::uuid)
      ORDER BY ${day} DESC, r.created_at DESC LIMIT 1`,
    [i.id, request.recourseInvoiceId ?? null],
  );
  if (!r) {
    throw new ConflictError(
      DocumentError.DOCUMENT_NOT_AVAILABLE,
      letter === 'REMINDED'
        ? `No recourse invoice of invoice ${i.invoice_number} has been reminded: the letter is made when a late one is.`
        : `Invoice ${i.invoice_number} has no recourse invoice: the letter is made when one is issued.`,
    );
  }
  const address = i.client_address ?? {};
  return {
    clientId: i.client_id,
    invoiceId: i.id,
    // The client reads it: its own country's language.
    language: languageOfCountry(i.client_country),
    date: r.letter_day,
    data: {
      country: i.country,
      currency: i.currency,
      factorName: i.factor_name,
      clientName: i.client_name,
      clientOrganisationNumber: i.client_organisation_number,
      clientAddress: [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter((l): l is string => !!l),
      reference: r.reference,
      cause: r.cause,
      issueDate: r.issue_date,
      dueDate: r.due_date,
      letterDate: r.letter_day,
      amount: new Decimal(r.amount).toFixed(2),
      paid: new Decimal(r.paid_amount).toFixed(2),
      open: Decimal.max(new Decimal(r.amount).minus(r.paid_amount), 0).toFixed(2),
      invoiceNumber: i.invoice_number,
      invoiceDate: i.invoice_date,
      debtorName: i.debtor.name,
      paymentAccount: r.payment_account ?? null,
    },
  };
}

/** A recourse letter's head: the factor, the client's address beside the letter's facts. The caller titles it. */
export function recourseLetterHead(d: RecourseReminderData, lang: DocumentLanguage, title: string, facts: Array<[string, string]>): PdfLayout {
  const pdf = new PdfLayout({ title: `${title} ${d.reference}`, author: d.factorName, subject: `${title} ${d.reference} · ${d.clientName}`, date: d.letterDate, language: lang });
  pdf.paragraph(d.factorName, { bold: true, size: 11 });
  pdf.space(10);
  pdf.columns([{ lines: [d.clientName, `${T.orgNo[lang]} ${d.clientOrganisationNumber}`, ...d.clientAddress] }, { lines: facts }], [0.5, 0.5]);
  pdf.space(10);
  return pdf;
}

/** What is owed (the amount, what is paid, what is left under the caller's label) and where to pay it, with its OCR/KID. */
export function recourseLetterOwed(pdf: PdfLayout, d: RecourseReminderData, lang: DocumentLanguage, labels: { paid: string; open: string }): void {
  const amount = (value: string) => moneyWithCurrency(value, d.currency, lang);
  pdf.heading(T.owed[lang]);
  const rows: Array<{ cells: string[]; bold?: boolean }> = [{ cells: [T.amount[lang], amount(d.amount)] }];
  if (new Decimal(d.paid).gt(0)) rows.push({ cells: [labels.paid, amount(new Decimal(d.paid).negated().toFixed(2))] });
  rows.push({ cells: [labels.open, amount(d.open)], bold: true });
  pdf.table(
    [
      { header: '', width: 0.7 },
      { header: '', width: 0.3, align: 'right' },
    ],
    rows,
  );
  pdf.space(6);
  const payTo = [d.paymentAccount ? accountText(d.paymentAccount, lang) : null, `${referenceName(d.country, lang)} ${d.reference}`].filter(Boolean).join(' · ');
  pdf.paragraph(`${T.payTo[lang]}: ${payTo}`, { bold: true });
}
