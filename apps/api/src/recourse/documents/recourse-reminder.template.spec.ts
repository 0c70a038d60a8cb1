import { keep, SWEDISH_RECOURSE_LETTER, textOf } from './recourse-letter.spec-support';
import { recourseReminderTemplate } from './recourse-reminder.template';

/**
 * The late recourse invoice's reminder to the client (issue 15 s.3) rendered from its data in
 * each language: what is owed and open, the OCR/KID and account, the invoice bought back, the
 * due date passed, pay now, selling blocked until paid, no fee; the same data renders the same
 * bytes. With DOCUMENTS_OUT set the PDFs land there to be looked at (pdftoppm -png -r 80).
 */
const SWEDISH = SWEDISH_RECOURSE_LETTER;

describe('the recourse invoice reminder letter', () => {
  it('in Swedish: amount, paid, open, OCR and bankgiro, the invoice bought back, the due date passed, pay now, selling blocked, no fee', async () => {
    const bytes = await recourseReminderTemplate.render(SWEDISH, 'sv');
    keep('recourse-invoice-reminder-sv.pdf', bytes);
    const text = await textOf(bytes);
    for (const words of [
      'Påminnelse: regressfaktura',
      'regressfaktura 1234567897, som förföll 2027-02-15',
      'F-1001',
      'Bygg & Co AB',
      'bestridd av er kund',
      'Betala det som återstår nu.',
      'kan ni inte sälja fakturor',
      'Ingen avgift tas ut',
      'Bankgiro 5050-1055',
      'OCR-nummer 1234567897',
      'Snickeri Lindqvist AB',
      'Storgatan 1',
    ]) {
      expect(text).toContain(words);
    }
    const digits = text.replace(/\s/g, '');
    for (const amount of ['Regressfakturansbelopp12500,00kr', 'Betalt−2500,00kr', 'Kvaratt betala10000,00kr'.replace(/ /g, '')]) expect(digits).toContain(amount);
    expect(recourseReminderTemplate.fileName(SWEDISH, 'sv')).toBe('paminnelse-regressfaktura-1234567897-2027-02-16.pdf');
  });

  it('in English, nothing paid yet: no paid row; the same data renders the same bytes', async () => {
    const unpaid = { ...SWEDISH, paid: '0.00', open: '12500.00', cause: 'UNPAID' as const };
    const bytes = await recourseReminderTemplate.render(unpaid, 'en');
    keep('recourse-invoice-reminder-en.pdf', bytes);
    const text = await textOf(bytes);
    expect(text).toContain('Reminder: recourse invoice');
    expect(text).toContain("unpaid the agreement's days after its due date");
    expect(text).toContain('Until the recourse invoice is paid you cannot sell invoices to us');
    expect(text).not.toContain('Paid ');
    expect(Buffer.compare(bytes, await recourseReminderTemplate.render(unpaid, 'en'))).toBe(0);
  });
});
