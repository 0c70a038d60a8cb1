import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfText } from '../../documents/pdf-text.spec-support';
import { RecourseReminderData, recourseReminderTemplate } from './recourse-reminder.template';

/**
 * The late recourse invoice's reminder to the client (issue 15 s.3) rendered from its data in
 * each language: what is owed and open, the OCR/KID and account, the invoice bought back, the
 * due date passed, pay now, selling blocked until paid, no fee; the same data renders the same
 * bytes. With DOCUMENTS_OUT set the PDFs land there to be looked at (pdftoppm -png -r 80).
 */
const SWEDISH: RecourseReminderData = {
  country: 'SE',
  currency: 'SEK',
  factorName: 'Factoring AB',
  clientName: 'Snickeri Lindqvist AB',
  clientOrganisationNumber: '556677-8899',
  clientAddress: ['Storgatan 1', '111 22 Stockholm'],
  reference: '1234567897',
  cause: 'DISPUTE',
  issueDate: '2027-02-05',
  dueDate: '2027-02-15',
  letterDate: '2027-02-16',
  amount: '12500.00',
  paid: '2500.00',
  open: '10000.00',
  invoiceNumber: 'F-1001',
  invoiceDate: '2026-12-01',
  debtorName: 'Bygg & Co AB',
  paymentAccount: { kind: 'BANKGIRO', account: '5050-1055' },
};

const keep = (name: string, bytes: Buffer) => {
  const dir = process.env.DOCUMENTS_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
};

const textOf = async (bytes: Buffer) => (await pdfText(bytes)).replace(/[\s\u00a0\u202f]+/g, ' ');

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
