import { ConflictError } from '@factoring/domain';
import Decimal from 'decimal.js';
import { computeTotals } from '@factoring/rules';
import { EntityManager } from 'typeorm';
import { DocumentError } from '../../documents/document-errors';
import { DocumentLoadRequest, DocumentTemplate, LoadedDocument } from '../../documents/document-template';
import { date, fill, languageOfCountry, money, moneyWithCurrency, number, Texts } from '../../documents/document-text';
import { PdfLayout } from '../../documents/pdf-layout';
import { clientLogo, ClientLogo } from './client-logo';
import { InvoiceLineRow, loadInvoiceForDocument, PostalAddress } from './invoice-document-data';
import { accountText, DEDUCTION_NAMES, referenceName } from './payment-words';

/**
 * The sold invoice (issue 13, s.2): what the debtor receives, on the factor's template with the
 * client's name, logo and details (seed 003: "Fakturan utformas av serviceföretaget men med
 * företagets logotype"), every line, VAT per rate, reverse charge per line with both parties'
 * VAT numbers and ROT/RUT/green-tech deductions with what is left to pay (seed 000), the
 * factor's OCR/KID and account (seed 001), and the assignment notice: the claim is the
 * factor's and is paid with discharging effect only to its account.
 *
 * Only what the invoice says is in the data (no status, no credited amount): the sold invoice
 * of an invoice stays one document through its life.
 */
export interface SoldInvoiceData {
  invoiceNumber: string;
  country: 'SE' | 'NO';
  currency: string;
  invoiceDate: string;
  deliveryDate: string;
  dueDate: string;
  seller: { name: string; organisationNumber: string; vatNumber: string | null; address: PostalAddress; contact: { name?: string; email?: string; phone?: string }; logo: ClientLogo | null };
  buyer: { name: string; person: boolean; identityNumber: string | null; vatNumber: string | null; address: PostalAddress | null };
  lines: Array<{ description: string; quantity: string; unitPrice: string; vatRatePercent: string; reverseCharge: boolean; net: string }>;
  totals: { net: string; vat: string; rounding: string; gross: string };
  deduction: { kind: 'ROT' | 'RUT' | 'GREEN_TECH'; amount: string } | null;
  payable: string;
  factor: { name: string; account: { kind: string; account: string } };
  paymentReference: string;
}

const T = {
  title: { sv: 'Faktura', nb: 'Faktura', en: 'Invoice' },
  invoiceNumber: { sv: 'Fakturanummer', nb: 'Fakturanummer', en: 'Invoice number' },
  invoiceDate: { sv: 'Fakturadatum', nb: 'Fakturadato', en: 'Invoice date' },
  deliveryDate: { sv: 'Leveransdatum', nb: 'Leveringsdato', en: 'Delivery date' },
  dueDate: { sv: 'Förfallodatum', nb: 'Forfallsdato', en: 'Due date' },
  toPay: { sv: 'Att betala', nb: 'Å betale', en: 'Amount due' },
  seller: { sv: 'Säljare', nb: 'Selger', en: 'Seller' },
  buyer: { sv: 'Köpare', nb: 'Kjøper', en: 'Buyer' },
  organisationNumber: { sv: 'Org.nr', nb: 'Org.nr.', en: 'Reg. no.' },
  personalNumber: { sv: 'Personnr', nb: 'Fødselsnr.', en: 'Personal ID no.' },
  vatNumber: { sv: 'Momsreg.nr', nb: 'MVA-nr.', en: 'VAT no.' },
  ourReference: { sv: 'Vår referens', nb: 'Vår referanse', en: 'Our reference' },
  description: { sv: 'Beskrivning', nb: 'Beskrivelse', en: 'Description' },
  quantity: { sv: 'Antal', nb: 'Antall', en: 'Qty' },
  unitPrice: { sv: 'À-pris', nb: 'Enhetspris', en: 'Unit price' },
  vatRate: { sv: 'Moms', nb: 'MVA', en: 'VAT' },
  amount: { sv: 'Belopp', nb: 'Beløp', en: 'Amount' },
  reverseChargeLine: { sv: 'Omvänd betalningsskyldighet: ingen moms debiteras på raden', nb: 'Omvendt avgiftsplikt: ingen merverdiavgift beregnet på linjen', en: 'Reverse charge: no VAT charged on this line' },
  reverseChargeShort: { sv: 'omvänd', nb: 'omvendt', en: 'RC' },
  vatByRate: { sv: 'Moms per momssats', nb: 'Merverdiavgift per sats', en: 'VAT by rate' },
  rate: { sv: 'Momssats', nb: 'Sats', en: 'Rate' },
  basis: { sv: 'Underlag', nb: 'Grunnlag', en: 'Taxable amount' },
  vat: { sv: 'Moms', nb: 'MVA', en: 'VAT' },
  reverseChargeBasis: { sv: 'Omvänd betalningsskyldighet', nb: 'Omvendt avgiftsplikt', en: 'Reverse charge' },
  netTotal: { sv: 'Summa exkl. moms', nb: 'Sum eks. MVA', en: 'Total excl. VAT' },
  vatTotal: { sv: 'Moms', nb: 'MVA', en: 'VAT' },
  rounding: { sv: 'Öresavrundning', nb: 'Øreavrunding', en: 'Rounding' },
  gross: { sv: 'Summa inkl. moms', nb: 'Sum inkl. MVA', en: 'Total incl. VAT' },
  payment: { sv: 'Betalning', nb: 'Betaling', en: 'Payment' },
  payTo: { sv: 'Betala till', nb: 'Betal til', en: 'Pay to' },
  reference: { sv: 'Ange vid betalning', nb: 'Oppgi ved betaling', en: 'Quote when paying' },
  payBy: { sv: 'Senast', nb: 'Innen', en: 'By' },
  reverseChargeNote: {
    sv: 'Omvänd betalningsskyldighet gäller för de rader som är märkta så: köparen redovisar momsen. Säljarens momsreg.nr: {seller}. Köparens momsreg.nr: {buyer}.',
    nb: 'Omvendt avgiftsplikt gjelder for linjene som er merket slik: kjøper beregner merverdiavgiften. Selgers MVA-nr.: {seller}. Kjøpers MVA-nr.: {buyer}.',
    en: 'Reverse charge applies to the lines marked so: the buyer accounts for the VAT. Seller\'s VAT no.: {seller}. Buyer\'s VAT no.: {buyer}.',
  },
  deductionNote: {
    sv: '{kind}: {amount} är avdraget från fakturans summa. Att betala är {payable}; säljaren begär resterande belopp från Skatteverket.',
    nb: '{kind}: {amount} er trukket fra fakturaens sum. Å betale er {payable}; selger krever resten fra Skatteetaten.',
    en: '{kind}: {amount} is deducted from the invoice total. The amount due is {payable}; the seller claims the rest from the Swedish Tax Agency.',
  },
  assignmentHeading: { sv: 'Överlåtelse av fordran', nb: 'Transportklausul', en: 'Notice of assignment' },
  assignment: {
    sv: 'Denna faktura har sålts och fordran har överlåtits till {factor}. Betalning med befriande verkan kan endast ske till {factor}, {account}, med {referenceName} {reference}. Betalning till {seller} befriar inte från betalningsskyldigheten.',
    nb: 'Denne fakturaen er solgt og fordringen er overdratt til {factor}. Betaling med frigjørende virkning kan bare skje til {factor}, {account}, med {referenceName} {reference}. Betaling til {seller} fritar ikke for betalingsplikten.',
    en: 'This invoice has been sold and the claim assigned to {factor}. Payment discharges the debt only when made to {factor}, {account}, with {referenceName} {reference}. Payment to {seller} does not discharge the debt.',
  },
  questions: {
    sv: 'Frågor om fakturans innehåll besvaras av {seller}; frågor om betalningen av {factor}.',
    nb: 'Spørsmål om fakturaens innhold besvares av {seller}; spørsmål om betalingen av {factor}.',
    en: 'Questions about the invoice\'s content: {seller}; about the payment: {factor}.',
  },
  footer: { sv: '{seller} · fakturan administreras av {factor} · sida {page} av {pages}', nb: '{seller} · fakturaen administreres av {factor} · side {page} av {pages}', en: '{seller} · invoice administered by {factor} · page {page} of {pages}' },
} satisfies Record<string, Texts>;

export const soldInvoiceTemplate: DocumentTemplate<SoldInvoiceData> = {
  kind: 'SOLD_INVOICE',
  subjectType: 'INVOICE',
  version: 1,
  period: false,

  async load(tx: EntityManager, request: DocumentLoadRequest): Promise<LoadedDocument<SoldInvoiceData> | null> {
    const found = await loadInvoiceForDocument(tx, request.subjectId, request.clientId);
    if (!found) return null;
    const { invoice: i, lines } = found;
    if (!i.purchased_on || !i.payment_reference || !i.payment_account) {
      throw new ConflictError(DocumentError.DOCUMENT_NOT_AVAILABLE, `Invoice ${i.invoice_number} has not been bought: the factor sends only invoices it bought.`);
    }
    const address = i.debtor.address ?? null;
    return {
      clientId: i.client_id,
      invoiceId: i.id,
      // The debtor reads it: the debtor's country's language (a Swedish invoice to a Norwegian address reads Norwegian).
      language: languageOfCountry(address?.country ?? i.country),
      date: i.invoice_date,
      data: {
        invoiceNumber: i.invoice_number,
        country: i.country,
        currency: i.currency,
        invoiceDate: i.invoice_date,
        deliveryDate: i.delivery_date,
        dueDate: i.due_date,
        seller: {
          name: i.client_name,
          organisationNumber: i.client_organisation_number,
          vatNumber: i.reverse_charge_vat_numbers?.seller ?? null,
          address: i.client_address,
          contact: i.client_contact,
          logo: await clientLogo(tx, i.client_id),
        },
        buyer: { name: i.debtor.name, person: i.debtor.kind === 'PERSON', identityNumber: i.debtor.identityNumber ?? null, vatNumber: i.reverse_charge_vat_numbers?.buyer ?? i.debtor.vatNumber ?? null, address },
        lines: lines.map((l: InvoiceLineRow) => ({ description: l.description, quantity: l.quantity, unitPrice: l.unit_price, vatRatePercent: l.vat_rate_percent, reverseCharge: l.reverse_charge, net: l.net })),
        totals: { net: i.net, vat: i.vat, rounding: i.rounding, gross: i.gross },
        deduction: i.deduction_kind && i.deduction_amount ? { kind: i.deduction_kind, amount: i.deduction_amount } : null,
        payable: i.payable,
        factor: { name: i.factor_name, account: i.payment_account },
        paymentReference: i.payment_reference,
      },
    };
  },

  fileName(data, language) {
    return `${T.title[language].toLowerCase()}-${data.invoiceNumber.replace(/[^\w.-]+/g, '_')}.pdf`;
  },

  async render(d, lang) {
    const amount = (value: string) => money(value, lang);
    const withCurrency = (value: string) => moneyWithCurrency(value, d.currency, lang);
    const account = accountText(d.factor.account, lang);
    const refName = referenceName(d.country, lang);
    const pdf = new PdfLayout({ title: `${T.title[lang]} ${d.invoiceNumber}`, author: d.factor.name, subject: `${T.title[lang]} ${d.invoiceNumber} · ${d.seller.name}`, date: d.invoiceDate, language: lang });

    // The head: the client's logo (or its name as a wordmark) and address; the invoice's facts on the right.
    const top = pdf.y;
    if (d.seller.logo) {
      pdf.doc.image(Buffer.from(d.seller.logo.base64, 'base64'), pdf.left, top, { fit: [180, 56] });
      pdf.doc.y = top + 60;
    } else {
      pdf.doc.font('bold').fontSize(16).fillColor('#1f2933').text(d.seller.name, pdf.left, top, { width: pdf.width * 0.5 });
      pdf.doc.font('regular').fontSize(9);
    }
    pdf.paragraph(addressLines(d.seller.address, d.country).join('\n'), { muted: true });
    const leftBottom = pdf.y;
    pdf.doc.y = top;
    pdf.doc.font('bold').fontSize(20).fillColor('#0b4f6c').text(T.title[lang], pdf.left + pdf.width * 0.55, top, { width: pdf.width * 0.45, align: 'right' });
    pdf.doc.font('regular').fontSize(9);
    pdf.space(4);
    const factsTop = pdf.y;
    pdf.doc.y = factsTop;
    const facts: Array<[string, string]> = [
      [T.invoiceNumber[lang], d.invoiceNumber],
      [T.invoiceDate[lang], date(d.invoiceDate, lang)],
      [T.deliveryDate[lang], date(d.deliveryDate, lang)],
      [T.dueDate[lang], date(d.dueDate, lang)],
      [refName, d.paymentReference],
      [T.toPay[lang], withCurrency(d.payable)],
    ];
    const x = pdf.left + pdf.width * 0.55;
    const w = pdf.width * 0.45;
    for (const [label, value] of facts) {
      const y = pdf.y;
      pdf.doc.font('regular').fontSize(9).fillColor('#5f6b7a').text(label, x, y, { width: w * 0.5 });
      pdf.doc.font('bold').fontSize(9).fillColor('#1f2933').text(value, x + w * 0.5, y, { width: w * 0.5, align: 'right' });
    }
    pdf.doc.font('regular').fontSize(9);
    pdf.doc.y = Math.max(leftBottom, pdf.y) + 14;
    pdf.rule();
    pdf.space(10);

    // The parties.
    pdf.columns([
      {
        heading: T.seller[lang],
        lines: [
          d.seller.name,
          ...addressLines(d.seller.address, d.country),
          `${T.organisationNumber[lang]} ${d.seller.organisationNumber}`,
          ...(d.seller.vatNumber ? [`${T.vatNumber[lang]} ${d.seller.vatNumber}`] : []),
          ...(d.seller.contact.name ? [`${T.ourReference[lang]}: ${d.seller.contact.name}`] : []),
          ...[d.seller.contact.email, d.seller.contact.phone].filter((v): v is string => Boolean(v)),
        ],
      },
      {
        heading: T.buyer[lang],
        lines: [
          d.buyer.name,
          ...addressLines(d.buyer.address, d.country),
          ...(d.buyer.identityNumber ? [`${(d.buyer.person ? T.personalNumber : T.organisationNumber)[lang]} ${d.buyer.identityNumber}`] : []),
          ...(d.buyer.vatNumber ? [`${T.vatNumber[lang]} ${d.buyer.vatNumber}`] : []),
        ],
      },
    ]);
    pdf.space(14);

    // Every line; a reverse-charge line says so under it.
    pdf.table(
      [
        { header: T.description[lang], width: 0.43 },
        { header: T.quantity[lang], width: 0.1, align: 'right' },
        { header: T.unitPrice[lang], width: 0.17, align: 'right' },
        { header: T.vatRate[lang], width: 0.12, align: 'right' },
        { header: `${T.amount[lang]} (${d.currency})`, width: 0.18, align: 'right' },
      ],
      d.lines.map((line) => ({
        cells: [line.description, number(line.quantity, lang), amount(line.unitPrice), line.reverseCharge ? T.reverseChargeShort[lang] : `${number(line.vatRatePercent, lang)} %`, amount(line.net)],
        note: line.reverseCharge ? T.reverseChargeLine[lang] : undefined,
      })),
    );
    pdf.space(8);

    // VAT per rate, computed as the rules checked the invoice (half-up per rate), beside the totals.
    const computed = computeTotals({ lines: d.lines, totals: { net: d.totals.net, vat: d.totals.vat, gross: d.totals.gross, rounding: d.totals.rounding }, deduction: d.deduction ?? undefined });
    const reverseBasis = d.lines.filter((l) => l.reverseCharge).reduce((sum, l) => sum.plus(l.net), new Decimal(0));
    const vatRows = computed.vatByRate.map((r) => ({ cells: [`${number(r.ratePercent, lang)} %`, amount(r.base.toFixed(2)), amount(r.vat.toFixed(2))] }));
    if (d.lines.some((l) => l.reverseCharge)) vatRows.push({ cells: [T.reverseChargeBasis[lang], amount(reverseBasis.toFixed(2)), '—'] });
    const totals: Array<{ cells: string[]; bold?: boolean }> = [
      { cells: [T.netTotal[lang], amount(d.totals.net)] },
      { cells: [T.vatTotal[lang], amount(d.totals.vat)] },
      ...(!new Decimal(d.totals.rounding).isZero() ? [{ cells: [T.rounding[lang], amount(d.totals.rounding)] }] : []),
      { cells: [T.gross[lang], amount(d.totals.gross)], bold: !d.deduction },
      ...(d.deduction ? [{ cells: [DEDUCTION_NAMES[d.deduction.kind][lang], `\u2212${amount(d.deduction.amount)}`] }] : []),
      { cells: [T.toPay[lang], withCurrency(d.payable)], bold: true },
    ];
    pdf.heading(T.vatByRate[lang]);
    const beforeTables = pdf.y;
    const half = pdf.width * 0.46;
    // Two narrow tables side by side: VAT by rate on the left, the totals on the right.
    const vatTable = new SideTable(pdf, pdf.left, half);
    vatTable.draw([T.rate[lang], T.basis[lang], T.vat[lang]], [0.5, 0.28, 0.22], vatRows);
    const leftEnd = pdf.y;
    pdf.doc.y = beforeTables;
    new SideTable(pdf, pdf.left + pdf.width - half, half).draw(['', ''], [0.6, 0.4], totals, false);
    pdf.doc.y = Math.max(leftEnd, pdf.y) + 10;

    if (d.lines.some((l) => l.reverseCharge)) {
      pdf.paragraph(fill(T.reverseChargeNote[lang], { seller: d.seller.vatNumber ?? '—', buyer: d.buyer.vatNumber ?? '—' }));
      pdf.space(6);
    }
    if (d.deduction) {
      pdf.paragraph(fill(T.deductionNote[lang], { kind: DEDUCTION_NAMES[d.deduction.kind][lang], amount: withCurrency(d.deduction.amount), payable: withCurrency(d.payable) }));
      pdf.space(6);
    }

    // How to pay, and to whom only.
    pdf.space(4);
    pdf.box(T.payment[lang], [
      `${T.payTo[lang]}: ${d.factor.name}, ${account}`,
      `${refName} (${T.reference[lang].toLowerCase()}): ${d.paymentReference}`,
      `${T.amount[lang]}: ${withCurrency(d.payable)}    ${T.payBy[lang]}: ${date(d.dueDate, lang)}`,
    ]);
    pdf.box(
      T.assignmentHeading[lang],
      [fill(T.assignment[lang], { factor: d.factor.name, account, referenceName: refName, reference: d.paymentReference, seller: d.seller.name })],
      { strong: true },
    );
    pdf.paragraph(fill(T.questions[lang], { seller: [d.seller.name, d.seller.contact.email].filter(Boolean).join(', '), factor: d.factor.name }), { muted: true, size: 8 });

    return pdf.finish((page, pages) => fill(T.footer[lang], { seller: d.seller.name, factor: d.factor.name, page: String(page), pages: String(pages) }));
  },
};

/** A small table placed in a part of the width (VAT by rate, totals). */
class SideTable {
  constructor(
    private readonly pdf: PdfLayout,
    private readonly x: number,
    private readonly width: number,
  ) {}

  draw(headers: string[], shares: number[], rows: Array<{ cells: string[]; bold?: boolean }>, withHeader = true): void {
    const doc = this.pdf.doc;
    const cell = (text: string, i: number, y: number, bold: boolean, muted = false) => {
      const left = this.x + shares.slice(0, i).reduce((a, b) => a + b, 0) * this.width;
      doc.font(bold ? 'bold' : 'regular').fontSize(muted ? 8 : 9).fillColor(muted ? '#5f6b7a' : '#1f2933').text(text, left + 2, y, { width: shares[i] * this.width - 4, align: i === 0 ? 'left' : 'right' });
      return doc.y;
    };
    if (withHeader) {
      const y = doc.y;
      const end = Math.max(...headers.map((h, i) => cell(h, i, y, true, true)));
      doc.save().lineWidth(0.6).strokeColor('#c9d1da').moveTo(this.x, end + 1).lineTo(this.x + this.width, end + 1).stroke().restore();
      doc.y = end + 4;
    }
    for (const row of rows) {
      const y = doc.y;
      if (row.bold) doc.save().lineWidth(0.6).strokeColor('#c9d1da').moveTo(this.x, y - 2).lineTo(this.x + this.width, y - 2).stroke().restore();
      doc.y = Math.max(...row.cells.map((c, i) => cell(c, i, y, Boolean(row.bold)))) + 3;
    }
    doc.font('regular').fontSize(9).fillColor('#1f2933');
    doc.x = this.pdf.left;
  }
}

/** Street, postcode and town; the country only when it is not the invoice's. */
function addressLines(address: PostalAddress | null | undefined, home?: string): string[] {
  if (!address) return [];
  return [address.street, [address.postalCode, address.city].filter(Boolean).join(' '), address.country && address.country !== home ? address.country : undefined].filter(
    (v): v is string => Boolean(v && v.trim()),
  );
}
