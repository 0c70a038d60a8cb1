import { EntityManager } from 'typeorm';
import { DocumentLoadRequest, DocumentTemplate, LoadedDocument } from '../../documents/document-template';
import { date, fill, Texts } from '../../documents/document-text';
import { loadRecourseLetter, RECOURSE_REMINDER_WORDS, recourseLetterHead, recourseLetterOwed, RecourseReminderData } from './recourse-reminder.template';

/** The document kind of the recourse invoice itself, sent to the client when it is issued. */
export const RECOURSE_INVOICE_DOCUMENT = 'RECOURSE_INVOICE';

/** The same data as the reminder's: the letter's day is the day the recourse invoice was issued. */
export type RecourseInvoiceData = RecourseReminderData;

const T = {
  title: { sv: 'Regressfaktura', nb: 'Regressfaktura', en: 'Recourse invoice' },
  intro: {
    sv: 'Fakturan {invoice} till {debtor}, som vi köpte av er, går tillbaka till er ({cause}). Betala beloppet nedan senast {due}.',
    nb: 'Fakturaen {invoice} til {debtor}, som vi kjøpte av dere, går tilbake til dere ({cause}). Betal beløpet nedenfor senest {due}.',
    en: 'Your invoice {invoice} to {debtor}, which we bought, goes back to you ({cause}). Pay the amount below by {due}.',
  },
  late: {
    sv: 'Betalar ni inte i tid påminner vi er, och ni kan inte sälja fakturor till oss förrän regressfakturan är betald.',
    nb: 'Betaler dere ikke i tide, sender vi purring, og dere kan ikke selge fakturaer til oss før regressfakturaen er betalt.',
    en: 'If you do not pay on time we remind you, and you cannot sell invoices to us until the recourse invoice is paid.',
  },
  paid: { sv: 'Redan betalt', nb: 'Allerede betalt', en: 'Already paid' },
  open: { sv: 'Att betala senast {due}', nb: 'Å betale senest {due}', en: 'To pay by {due}' },
  date: { sv: 'Fakturadatum', nb: 'Fakturadato', en: 'Invoice date' },
  dueDate: { sv: 'Förfallodag', nb: 'Forfallsdato', en: 'Due date' },
} satisfies Record<string, Texts>;
/** The causes, the debtor's payments and the labels, as the reminder says them. */
const R = RECOURSE_REMINDER_WORDS;

/**
 * The recourse invoice (regressfaktura, issue 15 s.3, seed 000), a letter to the client when it is
 * issued: the invoice it buys back and why, the amount, the due date, the OCR/KID and account to
 * pay to, what happens if it is late, and that the factor keeps collecting from the debtor. No VAT
 * line: it claims back what was paid for a receivable under the factoring agreement, not a sale.
 * Its subject is the invoice bought back; the delivery names the recourse invoice (else the
 * latest issued).
 */
export const recourseInvoiceTemplate: DocumentTemplate<RecourseInvoiceData> = {
  kind: RECOURSE_INVOICE_DOCUMENT,
  subjectType: 'INVOICE',
  version: 1,
  period: false,

  async load(tx: EntityManager, request: DocumentLoadRequest): Promise<LoadedDocument<RecourseInvoiceData> | null> {
    return loadRecourseLetter(tx, request, 'ISSUED');
  },

  fileName(data, language) {
    const name = { sv: 'regressfaktura', nb: 'regressfaktura', en: 'recourse-invoice' }[language];
    return `${name}-${data.reference}.pdf`;
  },

  async render(d, lang) {
    const title = T.title[lang];
    const pdf = recourseLetterHead(d, lang, title, [
      [R.recourseInvoice[lang], d.reference],
      [T.date[lang], date(d.letterDate, lang)],
      [T.dueDate[lang], date(d.dueDate, lang)],
      [R.invoice[lang], d.invoiceNumber],
    ]);
    pdf.title(`${title} ${d.reference}`);
    pdf.paragraph(fill(T.intro[lang], { invoice: d.invoiceNumber, debtor: d.debtorName, cause: R[d.cause][lang], due: date(d.dueDate, lang) }));
    recourseLetterOwed(pdf, d, lang, { paid: T.paid[lang], open: fill(T.open[lang], { due: date(d.dueDate, lang) }) });
    pdf.space(4);
    pdf.paragraph(T.late[lang]);
    pdf.paragraph(fill(R.debtorPays[lang], { debtor: d.debtorName }));
    return pdf.finish((page, pages) => fill(R.footer[lang], { factor: d.factorName, title, page: String(page), pages: String(pages) }));
  },
};
