import { DISPUTE_REGISTERED_TEXT, DISPUTE_TRANSITIONS } from '../dispute/dispute-case';
import type { LocalText } from './invoice-lifecycle';

/**
 * The steps of a sold invoice's life that change no status but that the client hears of (issue 15
 * s.7, seed 000): its timeline shows them in these words, and its program gets an event naming the
 * step. The lifecycle's own steps (sold, recourse, fully paid) keep their words in its table.
 * A step written with `clientStep` and `forClient` on its timeline details is the client's; the
 * rest of the details (staff names, notes, the factor's figures) never reach the client.
 */
export const CLIENT_STEPS = {
  // The follow-up's letters (their codes are the steps of the events invoice.reminder_sent).
  COLLECTION_REMINDER_SENT: { en: 'Reminder sent to the debtor', sv: 'Påminnelse skickad till er kund', nb: 'Purring sendt til kunden deres' },
  COLLECTION_SECOND_REMINDER_SENT: { en: 'Second reminder sent to the debtor', sv: 'Andra påminnelsen skickad till er kund', nb: 'Andre purring sendt til kunden deres' },
  COLLECTION_WARNING_SENT: { en: 'Collection warning sent to the debtor', sv: 'Inkassovarning skickad till er kund', nb: 'Inkassovarsel sendt til kunden deres' },
  // Disputes, in the words their events carry (dispute/dispute-case.ts).
  DISPUTE_REGISTERED: DISPUTE_REGISTERED_TEXT,
  DISPUTE_WITHDRAWN: DISPUTE_TRANSITIONS.WITHDRAW.clientText,
  DISPUTE_CREDITED: DISPUTE_TRANSITIONS.CREDIT.clientText,
  DISPUTE_RECOURSE: DISPUTE_TRANSITIONS.RECOURSE.clientText,
  RECOURSE_INVOICE_ISSUED: { en: 'Recourse invoice issued to you', sv: 'Regressfaktura utställd till er', nb: 'Regressfaktura utstedt til dere' },
  RECOURSE_INVOICE_PAID: { en: 'Your recourse invoice is paid', sv: 'Er regressfaktura är betald', nb: 'Regressfakturaen deres er betalt' },
  HANDED_TO_COLLECTION: { en: 'Handed to debt collection', sv: 'Överlämnad till inkasso', nb: 'Overlevert til inkasso' },
  WRITTEN_OFF: { en: 'Written off: the factor bears the loss', sv: 'Avskriven: factoringbolaget bär förlusten', nb: 'Avskrevet: factoringselskapet bærer tapet' },
  PARTLY_PAID: { en: 'Partly paid by the debtor', sv: 'Delvis betald av er kund', nb: 'Delvis betalt av kunden deres' },
  PAID_TO_CLIENT: { en: 'Paid to you directly by the debtor', sv: 'Betald direkt till er av er kund', nb: 'Betalt direkte til dere av kunden deres' },
  // Money out (issue 14 s.4): what the client owed the factor taken from this invoice's payout.
  PAYOUT_SET_OFF: { en: 'Part of the payout set off against what you owe us', sv: 'Del av utbetalningen kvittad mot det ni är skyldiga oss', nb: 'Del av utbetalingen motregnet mot det dere skylder oss' },
  // The client's approvals its agreement asks for (seed 003).
  APPROVAL_ASKED: { en: 'Your approval is asked', sv: 'Ert godkännande efterfrågas', nb: 'Deres godkjenning etterspørres' },
  APPROVAL_GIVEN: { en: 'Approved by you', sv: 'Godkänt av er', nb: 'Godkjent av dere' },
  APPROVAL_DECLINED: { en: 'Declined by you', sv: 'Avböjt av er', nb: 'Avslått av dere' },
} satisfies Record<string, LocalText>;

export type ClientStepCode = keyof typeof CLIENT_STEPS;

export function isClientStep(code: string): code is ClientStepCode {
  return Object.prototype.hasOwnProperty.call(CLIENT_STEPS, code);
}
export const CLIENT_STEP_CODES = Object.keys(CLIENT_STEPS) as ClientStepCode[];

/** What a client step may tell the client besides its words: facts of its own invoice, nothing of the factor's. */
export interface ClientStepFacts {
  amount?: string | null;
  currency?: string | null;
  /** The day it happened (a letter's day, a payment's day). */
  on?: string | null;
  /** By when: the debtor's new pay-by day, a recourse invoice's due date. */
  dueDate?: string | null;
  /** A recourse invoice's OCR (SE) or KID (NO). */
  reference?: string | null;
  /** Which approval (LATE_INTEREST_INVOICE, COLLECTION_HANDOFF). */
  approvalKind?: string | null;
}

const FACT_KEYS: ReadonlyArray<keyof ClientStepFacts> = ['amount', 'currency', 'on', 'dueDate', 'reference', 'approvalKind'];

/**
 * The timeline details that make a step the client's: its code and only the facts the client may
 * read (anything else given is dropped, so a caller cannot leak a figure by passing it here).
 */
export function clientStepDetails(code: ClientStepCode, facts: ClientStepFacts = {}): { clientStep: ClientStepCode; forClient: ClientStepFacts } {
  const forClient: ClientStepFacts = {};
  for (const key of FACT_KEYS) if (facts[key] !== undefined && facts[key] !== null) forClient[key] = facts[key];
  return { clientStep: code, forClient };
}
