import { ConflictError } from '@factoring/domain';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { DocumentError } from '../../documents/document-errors';
import { DocumentLoadRequest, DocumentTemplate, LoadedDocument } from '../../documents/document-template';
import { date, fill, languageOfCountry, moneyWithCurrency, Texts } from '../../documents/document-text';
import { PdfLayout } from '../../documents/pdf-layout';
import { loadInvoiceForDocument } from '../../invoices/documents/invoice-document-data';
import { accountText, referenceName } from '../../invoices/documents/payment-words';

/**
 * The letter of the follow-up's last step to the debtor (issue 15 s.2): a reminder (påminnelse /
 * purring), a second reminder, or the Norwegian inkassovarsel with its 14 days to pay
 * (inkassoloven § 9). It states what is owed: the principal still open, the fee charged for this
 * letter (only where the law allows it: collection-fees.ts), the late interest accrued from the
 * due date as the letters booked it, and the day to pay by; where to pay and the reference. All
 * from the step's row and the books: nothing read from the clock, so the same step renders the
 * same bytes.
 */
export interface PaymentReminderData {
  country: 'SE' | 'NO';
  currency: string;
  factorName: string;
  clientName: string;
  invoiceNumber: string;
  debtorName: string;
  debtorAddress: string[];
  invoiceDate: string;
  dueDate: string;
  step: 'REMINDER' | 'SECOND_REMINDER' | 'COLLECTION_WARNING';
  sentOn: string;
  payBy: string;
  principal: string;
  fees: string;
  interest: string;
  interestTo: string;
  total: string;
  paymentReference: string | null;
  paymentAccount: { kind: string; account: string } | null;
}

const T = {
  REMINDER: { sv: 'Betalningspåminnelse', nb: 'Betalingspåminnelse (purring)', en: 'Payment reminder' },
  SECOND_REMINDER: { sv: 'Andra betalningspåminnelsen', nb: 'Andre betalingspåminnelse', en: 'Second payment reminder' },
  COLLECTION_WARNING: { sv: 'Inkassovarsel', nb: 'Inkassovarsel', en: 'Debt collection warning (inkassovarsel)' },
  intro: {
    sv: 'Vi har inte fått betalt för faktura {invoice} från {client}, som förföll {due}. Fordran har överlåtits till {factor}: betala till oss.',
    nb: 'Vi har ikke mottatt betaling for faktura {invoice} fra {client}, som forfalt {due}. Kravet er overdratt til {factor}: betal til oss.',
    en: 'We have not received payment of invoice {invoice} from {client}, due on {due}. The claim has been assigned to {factor}: pay us.',
  },
  warning: {
    sv: '',
    nb: 'Betales ikke kravet innen fristen, kan det bli sendt til inkasso uten ytterligere varsel. Fristen er minst 14 dager fra dette varselet (inkassoloven § 9).',
    en: 'If the claim is not paid by the day below, it may be handed to debt collection without further notice (at least 14 days from this warning in Norway).',
  },
  owed: { sv: 'Att betala', nb: 'Å betale', en: 'To pay' },
  principal: { sv: 'Kvar att betala av fakturan', nb: 'Utestående på fakturaen', en: 'Still owed on the invoice' },
  fees: { sv: 'Avgifter', nb: 'Gebyrer', en: 'Fees' },
  interest: { sv: 'Dröjsmålsränta till och med {to}', nb: 'Forsinkelsesrente til og med {to}', en: 'Late interest up to {to}' },
  total: { sv: 'Summa', nb: 'Sum', en: 'Total' },
  payBy: { sv: 'Betala senast', nb: 'Betal innen', en: 'Pay by' },
  payTo: { sv: 'Betala till', nb: 'Betal til', en: 'Pay to' },
  invoice: { sv: 'Faktura', nb: 'Faktura', en: 'Invoice' },
  invoiceDate: { sv: 'Fakturadatum', nb: 'Fakturadato', en: 'Invoice date' },
  dueDate: { sv: 'Förfallodatum', nb: 'Forfallsdato', en: 'Due date' },
  sentOn: { sv: 'Datum', nb: 'Dato', en: 'Date' },
  paid: {
    sv: 'Har du redan betalat? Då kan du bortse från detta brev.',
    nb: 'Har du allerede betalt? Da kan du se bort fra dette brevet.',
    en: 'Already paid? Then please disregard this letter.',
  },
  footer: { sv: '{factor} · {title} · sida {page} av {pages}', nb: '{factor} · {title} · side {page} av {pages}', en: '{factor} · {title} · page {page} of {pages}' },
} satisfies Record<string, Texts>;

export const paymentReminderTemplate: DocumentTemplate<PaymentReminderData> = {
  kind: 'PAYMENT_REMINDER',
  subjectType: 'INVOICE',
  version: 1,
  period: false,

  async load(tx: EntityManager, request: DocumentLoadRequest): Promise<LoadedDocument<PaymentReminderData> | null> {
    const found = await loadInvoiceForDocument(tx, request.subjectId, request.clientId);
    if (!found) return null;
    const i = found.invoice;
    const [step] = await tx.query(
      // The last letter made (its delivery makes it before sending it: the fee and interest it states are charged when it goes);
      // the fees and interest of the letters before it, except those that failed delivery (never charged).
      `SELECT s.step, to_char(s.taken_on, 'YYYY-MM-DD') AS sent_on, to_char(s.pay_by, 'YYYY-MM-DD') AS pay_by, s.principal::text,
              to_char(s.interest_to, 'YYYY-MM-DD') AS interest_to,
              (SELECT coalesce(sum(x.fee_amount), 0)::text FROM collection_step x
                WHERE x.invoice_id = s.invoice_id AND x.taken_on <= s.taken_on AND x.delivery_state IN ('TO_SEND','SENT')) AS fees,
              (SELECT coalesce(sum(x.interest_amount), 0)::text FROM collection_step x
                WHERE x.invoice_id = s.invoice_id AND x.taken_on <= s.taken_on AND x.delivery_state IN ('TO_SEND','SENT')) AS interest
         FROM collection_step s WHERE s.invoice_id = $1 AND s.kind = 'LETTER' AND s.delivery_state IN ('TO_SEND','SENT')
        ORDER BY s.taken_on DESC, s.created_at DESC LIMIT 1`,
      [i.id],
    );
    if (!step) throw new ConflictError(DocumentError.DOCUMENT_NOT_AVAILABLE, `Invoice ${i.invoice_number} has had no reminder: the letter is made once the follow-up sends one.`);
    const address = i.debtor.address ?? {};
    return {
      clientId: i.client_id,
      invoiceId: i.id,
      language: languageOfCountry(i.country),
      date: step.sent_on,
      data: {
        country: i.country,
        currency: i.currency,
        factorName: i.factor_name,
        clientName: i.client_name,
        invoiceNumber: i.invoice_number,
        debtorName: i.debtor.name,
        debtorAddress: [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter((l): l is string => !!l),
        invoiceDate: i.invoice_date,
        dueDate: i.due_date,
        step: step.step,
        sentOn: step.sent_on,
        payBy: step.pay_by,
        principal: step.principal,
        fees: step.fees,
        interest: step.interest,
        interestTo: step.interest_to ?? step.sent_on,
        total: new Decimal(step.principal).plus(step.fees).plus(step.interest).toFixed(2),
        paymentReference: i.payment_reference,
        paymentAccount: i.payment_account,
      },
    };
  },

  fileName(data, language) {
    const name = { sv: 'paminnelse', nb: 'purring', en: 'reminder' }[language];
    return `${data.step === 'COLLECTION_WARNING' ? 'inkassovarsel' : name}-${data.invoiceNumber.replace(/[^\w.-]+/g, '_')}-${data.sentOn}.pdf`;
  },

  async render(d, lang) {
    const amount = (value: string) => moneyWithCurrency(value, d.currency, lang);
    const title = T[d.step][lang];
    const pdf = new PdfLayout({ title: `${title} ${d.invoiceNumber}`, author: d.factorName, subject: `${title} ${d.invoiceNumber} · ${d.debtorName}`, date: d.sentOn, language: lang });
    pdf.paragraph(d.factorName, { bold: true, size: 11 });
    pdf.space(10);
    pdf.columns(
      [
        { lines: [d.debtorName, ...d.debtorAddress] },
        { lines: [[T.sentOn[lang], date(d.sentOn, lang)], [T.invoice[lang], d.invoiceNumber], [T.invoiceDate[lang], date(d.invoiceDate, lang)], [T.dueDate[lang], date(d.dueDate, lang)]] },
      ],
      [0.5, 0.5],
    );
    pdf.space(10);
    pdf.title(title);
    pdf.paragraph(fill(T.intro[lang], { invoice: d.invoiceNumber, client: d.clientName, due: date(d.dueDate, lang), factor: d.factorName }));
    if (d.step === 'COLLECTION_WARNING' && T.warning[lang]) pdf.paragraph(T.warning[lang], { bold: true });
    pdf.heading(T.owed[lang]);
    const rows = [{ cells: [T.principal[lang], amount(d.principal)] }];
    if (new Decimal(d.fees).gt(0)) rows.push({ cells: [T.fees[lang], amount(d.fees)] });
    if (new Decimal(d.interest).gt(0)) rows.push({ cells: [fill(T.interest[lang], { to: date(d.interestTo, lang) }), amount(d.interest)] });
    pdf.table(
      [
        { header: '', width: 0.7 },
        { header: '', width: 0.3, align: 'right' },
      ],
      [...rows, { cells: [T.total[lang], amount(d.total)], bold: true } as { cells: string[]; bold?: boolean }],
    );
    pdf.space(6);
    pdf.paragraph(`${T.payBy[lang]}: ${date(d.payBy, lang)}`, { bold: true });
    const payTo = [d.paymentAccount ? accountText(d.paymentAccount, lang) : null, d.paymentReference ? `${referenceName(d.country, lang)} ${d.paymentReference}` : null].filter(Boolean).join(' · ');
    if (payTo) pdf.paragraph(`${T.payTo[lang]}: ${payTo}`);
    pdf.space(8);
    pdf.paragraph(T.paid[lang], { muted: true });
    return pdf.finish((page, pages) => fill(T.footer[lang], { factor: d.factorName, title, page: String(page), pages: String(pages) }));
  },
};
