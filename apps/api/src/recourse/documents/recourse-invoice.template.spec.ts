import { RecourseInvoiceData, recourseInvoiceTemplate } from './recourse-invoice.template';
import { keep, SWEDISH_RECOURSE_LETTER, textOf } from './recourse-letter.spec-support';

/**
 * The recourse invoice to the client (issue 15 s.3) rendered from its data in each language: the
 * invoice bought back and why, the amount and the day to pay by, the OCR/KID and account, what a
 * late payment brings, and that the factor keeps collecting from the debtor; the same data renders
 * the same bytes. With DOCUMENTS_OUT set the PDFs land there to be looked at (pdftoppm -png -r 80).
 */
/** Unpaid after the agreement's days, issued today, nothing paid yet. */
const SWEDISH: RecourseInvoiceData = { ...SWEDISH_RECOURSE_LETTER, cause: 'UNPAID', letterDate: '2027-02-05', paid: '0.00', open: '12500.00' };

describe('the recourse invoice letter', () => {
  it('in Swedish: the invoice bought back and why, the amount to pay by the due date, OCR and bankgiro, a late payment blocks selling', async () => {
    const bytes = await recourseInvoiceTemplate.render(SWEDISH, 'sv');
    keep('recourse-invoice-sv.pdf', bytes);
    const text = await textOf(bytes);
    for (const words of [
      'Regressfaktura 1234567897',
      'Fakturan F-1001 till Bygg & Co AB, som vi köpte av er, går tillbaka till er (obetald efter avtalets antal dagar efter förfallodagen)',
      'Betala beloppet nedan senast 2027-02-15',
      'Bankgiro 5050-1055',
      'OCR-nummer 1234567897',
      'ni kan inte sälja fakturor till oss förrän regressfakturan är betald',
      'betalar vi tillbaka beloppet till er utan avdrag',
      'Snickeri Lindqvist AB',
      'Storgatan 1',
    ]) {
      expect(text).toContain(words);
    }
    expect(text.replace(/\s/g, '')).toContain('Attbetalasenast2027-02-1512500,00kr');
    expect(text).not.toContain('Redan betalt');
    expect(recourseInvoiceTemplate.fileName(SWEDISH, 'sv')).toBe('regressfaktura-1234567897.pdf');
  });

  it('in Norwegian, partly paid already and of a credit note: the paid row; the same data renders the same bytes', async () => {
    const norwegian: RecourseInvoiceData = { ...SWEDISH, country: 'NO', currency: 'NOK', cause: 'CREDIT_NOTE', paid: '2500.00', open: '10000.00', paymentAccount: { kind: 'BBAN', account: '15031234562' } };
    const bytes = await recourseInvoiceTemplate.render(norwegian, 'nb');
    keep('recourse-invoice-nb.pdf', bytes);
    const text = await textOf(bytes);
    expect(text).toContain('Regressfaktura 1234567897');
    expect(text).toContain('går tilbake til dere (kreditert beløp)');
    expect(text).toContain('KID 1234567897');
    expect(text).toContain('Allerede betalt');
    expect(Buffer.compare(bytes, await recourseInvoiceTemplate.render(norwegian, 'nb'))).toBe(0);
  });
});
