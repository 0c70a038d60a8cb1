import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfText } from '../../documents/pdf-text.spec-support';
import { RecourseReminderData } from './recourse-reminder.template';

/** A Swedish client's recourse letter data (a disputed invoice, partly paid, reminded): the recourse templates' specs start from it. */
export const SWEDISH_RECOURSE_LETTER: RecourseReminderData = {
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

/** With DOCUMENTS_OUT set, the rendered PDF lands there to be looked at (pdftoppm -png -r 80). */
export const keep = (name: string, bytes: Buffer): void => {
  const dir = process.env.DOCUMENTS_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
};

/** The PDF's text with every kind of space folded to one. */
export const textOf = async (bytes: Buffer): Promise<string> => (await pdfText(bytes)).replace(/[\s\u00a0\u202f]+/g, ' ');
