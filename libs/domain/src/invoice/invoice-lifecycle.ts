import { ConflictError } from '../errors';

/**
 * An invoice's life, in one table (seeds 000, 001, 004): which events move it from which
 * state, who may cause each, and what each must leave behind (a timeline step, told to the
 * client or not, in which words; a client event topic; from the ledger issue on, a journal
 * entry). The API's lifecycle seam is the only code that applies it, and the database holds
 * the same transitions (a trigger over `invoice_status_transition`, checked against this
 * table by a test), so no code path can go around it.
 *
 * Each state has one meaning: a refusal by the eligibility rules (REFUSED) may be corrected
 * and sold again, a credit denial (DENIED) may not; a person looking at an invoice before any
 * offer (OFFER_REVIEW) is not a person deciding credit on an accepted offer (MANUAL_ASSESSMENT).
 */
export const INVOICE_STATUSES = [
  'OFFERED',
  'REFUSED',
  'OFFER_REVIEW',
  'DECLINED',
  'EXPIRED',
  'WITHDRAWN',
  'ACCEPTED',
  'SPOT_CHECK',
  'MANUAL_ASSESSMENT',
  'DENIED',
  'PURCHASED',
  'CREDITED',
  // Reached by later issues, kept here so the table is whole: money in (fully paid), collection (recourse).
  'FULLY_PAID',
  'RECOURSE',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** What the client's program shows (seeds 000, 004): processing (clock), denied (cross), sold (coins), ... */
export type ClientInvoiceStatusName = 'OFFERED' | 'PROCESSING' | 'DENIED' | 'DECLINED' | 'EXPIRED' | 'WITHDRAWN' | 'SOLD' | 'CREDITED' | 'FULLY_PAID' | 'RECOURSE';

export const CLIENT_STATUS_OF: Record<InvoiceStatus, ClientInvoiceStatusName> = {
  OFFERED: 'OFFERED',
  REFUSED: 'DENIED',
  OFFER_REVIEW: 'PROCESSING',
  DECLINED: 'DECLINED',
  EXPIRED: 'EXPIRED',
  WITHDRAWN: 'WITHDRAWN',
  ACCEPTED: 'PROCESSING',
  SPOT_CHECK: 'PROCESSING',
  MANUAL_ASSESSMENT: 'PROCESSING',
  DENIED: 'DENIED',
  PURCHASED: 'SOLD',
  CREDITED: 'CREDITED',
  FULLY_PAID: 'FULLY_PAID',
  RECOURSE: 'RECOURSE',
};

export type InvoiceActorKind = 'CLIENT' | 'SYSTEM' | 'CREDIT_ANALYST';

export type LocalText = { en: string; sv: string; nb: string };

export interface InvoiceTransition {
  /** Where it may start; `null` is the invoice's creation on submission. */
  from: readonly (InvoiceStatus | null)[];
  /** The state after it; `undefined` keeps the state (a step on the timeline without a change). */
  to?: InvoiceStatus;
  by: readonly InvoiceActorKind[];
  /** The client event it writes to the outbox, or null when the client is not told. */
  topic: string | null;
  /** The step as the client reads it on its timeline; null when the step is internal. */
  clientText: LocalText | null;
  /** The journal entry it posts, from the ledger issue on (issue 12). */
  books?: 'PURCHASE' | 'CREDIT_NOTE';
  /** A state the issue that reaches it has not landed yet. */
  reachedBy?: string;
}

/** Where an invoice that may be corrected and sold again stops: the next submission is a new attempt. */
export const RESUBMITTABLE_STATUSES: readonly InvoiceStatus[] = ['REFUSED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'];

const PENDING_DECISION = ['ACCEPTED', 'SPOT_CHECK', 'MANUAL_ASSESSMENT'] as const;

export const INVOICE_TRANSITIONS = {
  // Submission: the client submits, and the eligibility rules answer at once.
  OFFER_MADE: {
    from: [null],
    to: 'OFFERED',
    by: ['CLIENT'],
    topic: 'invoice.offered',
    clientText: { en: 'Offer made', sv: 'Erbjudande lämnat', nb: 'Tilbud gitt' },
  },
  REFUSED_BY_RULES: {
    from: [null],
    to: 'REFUSED',
    by: ['CLIENT'],
    topic: 'invoice.denied',
    clientText: { en: 'The invoice cannot be sold: see the reasons', sv: 'Fakturan kan inte säljas: se skälen', nb: 'Fakturaen kan ikke selges: se begrunnelsen' },
  },
  HELD_FOR_OFFER_REVIEW: {
    from: [null],
    to: 'OFFER_REVIEW',
    by: ['CLIENT'],
    topic: 'invoice.processing',
    clientText: { en: 'Being checked by the factor', sv: 'Granskas av factoringbolaget', nb: 'Kontrolleres av factoringselskapet' },
  },
  // The client asks a person to look at a refusal (seed 000).
  REVIEW_REQUESTED: {
    from: ['REFUSED'],
    to: 'OFFER_REVIEW',
    by: ['CLIENT'],
    topic: 'invoice.processing',
    clientText: { en: 'Manual assessment requested', sv: 'Manuell bedömning begärd', nb: 'Manuell vurdering bedt om' },
  },
  OFFER_REVIEW_APPROVED: {
    from: ['OFFER_REVIEW'],
    to: 'OFFERED',
    by: ['CREDIT_ANALYST'],
    topic: 'invoice.offered',
    clientText: { en: 'Offer made after manual assessment', sv: 'Erbjudande lämnat efter manuell bedömning', nb: 'Tilbud gitt etter manuell vurdering' },
  },
  OFFER_REVIEW_DENIED: {
    from: ['OFFER_REVIEW'],
    to: 'DENIED',
    by: ['CREDIT_ANALYST', 'SYSTEM'],
    topic: 'invoice.denied',
    clientText: { en: 'Not bought after manual assessment', sv: 'Inte köpt efter manuell bedömning', nb: 'Ikke kjøpt etter manuell vurdering' },
  },
  // A corrected submission of the same invoice number became a new attempt (issue 9 a); this one stays as it ended.
  SUBMITTED_AGAIN: {
    from: ['REFUSED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'],
    by: ['CLIENT'],
    topic: null,
    clientText: { en: 'Submitted again as a new attempt', sv: 'Inskickad igen som ett nytt försök', nb: 'Sendt inn på nytt som et nytt forsøk' },
  },
  DECLINE: {
    from: ['OFFERED'],
    to: 'DECLINED',
    by: ['CLIENT'],
    topic: 'invoice.declined',
    clientText: { en: 'Offer declined', sv: 'Erbjudandet avböjt', nb: 'Tilbudet avslått' },
  },
  EXPIRE: {
    from: ['OFFERED'],
    to: 'EXPIRED',
    by: ['SYSTEM'],
    topic: 'invoice.expired',
    clientText: { en: 'The offer expired', sv: 'Erbjudandet har gått ut', nb: 'Tilbudet er utløpt' },
  },
  // The client was blocked or terminated: open offers are withdrawn (issue 9 b).
  WITHDRAW: {
    from: ['OFFERED'],
    to: 'WITHDRAWN',
    by: ['SYSTEM'],
    topic: 'invoice.withdrawn',
    clientText: { en: 'The offer was withdrawn: you cannot sell invoices at the moment', sv: 'Erbjudandet har dragits tillbaka: ni kan inte sälja fakturor just nu', nb: 'Tilbudet er trukket tilbake: dere kan ikke selge fakturaer nå' },
  },
  ACCEPT: {
    from: ['OFFERED'],
    to: 'ACCEPTED',
    by: ['CLIENT'],
    topic: 'invoice.accepted',
    clientText: { en: 'Offer accepted: the credit decision is being made', sv: 'Erbjudandet accepterat: kreditbeslut fattas', nb: 'Tilbudet akseptert: kredittbeslutning tas' },
  },
  // The credit decision (automatic, or a person's).
  PURCHASE: {
    from: PENDING_DECISION,
    to: 'PURCHASED',
    by: ['SYSTEM', 'CREDIT_ANALYST'],
    topic: 'invoice.approved',
    clientText: { en: 'Approved and bought', sv: 'Godkänd och köpt', nb: 'Godkjent og kjøpt' },
    books: 'PURCHASE',
  },
  DENY: {
    from: PENDING_DECISION,
    to: 'DENIED',
    by: ['SYSTEM', 'CREDIT_ANALYST'],
    topic: 'invoice.denied',
    clientText: { en: 'Denied', sv: 'Nekad', nb: 'Avslått' },
  },
  SPOT_CHECK_SELECTED: {
    from: ['ACCEPTED'],
    to: 'SPOT_CHECK',
    by: ['SYSTEM'],
    topic: 'invoice.processing',
    // Seed 004: a spot check may delay the decision by about a day, and the client is told.
    clientText: { en: 'Selected for a spot check: the decision may take about a day', sv: 'Vald för stickprovskontroll: beslutet kan ta ungefär en dag', nb: 'Valgt ut til stikkprøvekontroll: beslutningen kan ta omtrent en dag' },
  },
  SENT_TO_MANUAL_ASSESSMENT: {
    from: ['ACCEPTED', 'SPOT_CHECK'],
    to: 'MANUAL_ASSESSMENT',
    by: ['SYSTEM', 'CREDIT_ANALYST'],
    topic: 'invoice.processing',
    clientText: { en: 'Being assessed by the factor', sv: 'Bedöms manuellt av factoringbolaget', nb: 'Vurderes manuelt av factoringselskapet' },
  },
  INFORMATION_REQUESTED: {
    from: ['OFFER_REVIEW', 'SPOT_CHECK', 'MANUAL_ASSESSMENT'],
    by: ['CREDIT_ANALYST'],
    topic: 'invoice.information_requested',
    clientText: { en: 'The factor asks for information', sv: 'Factoringbolaget ber om information', nb: 'Factoringselskapet ber om informasjon' },
  },
  CREDITED_IN_PART: {
    from: [...PENDING_DECISION, 'PURCHASED'],
    by: ['CLIENT'],
    topic: 'invoice.credited',
    clientText: { en: 'Credit note recorded', sv: 'Kreditnota registrerad', nb: 'Kreditnota registrert' },
    books: 'CREDIT_NOTE',
  },
  CREDITED_IN_FULL: {
    from: [...PENDING_DECISION, 'PURCHASED'],
    to: 'CREDITED',
    by: ['CLIENT'],
    topic: 'invoice.credited',
    clientText: { en: 'Credited in full', sv: 'Helt krediterad', nb: 'Kreditert i sin helhet' },
    books: 'CREDIT_NOTE',
  },
  PAID_IN_FULL: {
    from: ['PURCHASED', 'RECOURSE'],
    to: 'FULLY_PAID',
    by: ['SYSTEM'],
    topic: 'invoice.fully_paid',
    clientText: { en: 'Fully paid', sv: 'Slutbetald', nb: 'Fullt betalt' },
    reachedBy: 'issue 14 (money in)',
  },
  BOUGHT_BACK: {
    from: ['PURCHASED'],
    to: 'RECOURSE',
    by: ['SYSTEM'],
    topic: 'invoice.recourse',
    clientText: { en: 'Recourse: the invoice is bought back', sv: 'Regress: fakturan köps tillbaka', nb: 'Regress: fakturaen kjøpes tilbake' },
    reachedBy: 'issue 15 (collection)',
  },
} satisfies Record<string, InvoiceTransition>;

export type InvoiceEvent = keyof typeof INVOICE_TRANSITIONS;
export const INVOICE_EVENTS = Object.keys(INVOICE_TRANSITIONS) as InvoiceEvent[];

export function invoiceTransition(event: InvoiceEvent): InvoiceTransition {
  return INVOICE_TRANSITIONS[event] as InvoiceTransition;
}

const WHY_NOT: Record<InvoiceStatus, string> = {
  OFFERED: 'it has an open offer',
  REFUSED: 'it was refused by the rules',
  OFFER_REVIEW: 'a person is checking it before an offer',
  DECLINED: 'its offer was declined',
  EXPIRED: 'its offer expired',
  WITHDRAWN: 'its offer was withdrawn',
  ACCEPTED: 'its credit decision is being made',
  SPOT_CHECK: 'it is in a spot check',
  MANUAL_ASSESSMENT: 'it is in a manual assessment',
  DENIED: 'it was denied',
  PURCHASED: 'it has been bought',
  CREDITED: 'it has been credited in full',
  FULLY_PAID: 'it is fully paid',
  RECOURSE: 'it has been bought back',
};

/**
 * The state after `event` (the same state for a step that changes none), or a CONFLICT
 * saying why the invoice's state or the actor does not allow it.
 */
export function nextInvoiceStatus(current: InvoiceStatus | null, event: InvoiceEvent, actor: InvoiceActorKind): InvoiceStatus {
  const transition = invoiceTransition(event);
  if (!transition.from.includes(current)) {
    throw new ConflictError(
      'INVOICE_STATE_DOES_NOT_ALLOW',
      current === null ? `${event} cannot create an invoice.` : `This cannot be done now: ${WHY_NOT[current]}.`,
      { status: current, event },
    );
  }
  if (!transition.by.includes(actor)) {
    throw new ConflictError('INVOICE_ACTOR_NOT_ALLOWED', `${event} is not done by ${actor.toLowerCase().replace('_', ' ')}.`, { event, actor });
  }
  const next = transition.to ?? current;
  if (next === null) throw new ConflictError('INVOICE_STATE_DOES_NOT_ALLOW', `${event} needs an existing invoice.`, { event });
  return next;
}

/** Every (from, to) pair of a status change the table allows; `from` null is creation. The database trigger holds these. */
export function allowedStatusChanges(): Array<{ from: InvoiceStatus | null; to: InvoiceStatus }> {
  const pairs = new Map<string, { from: InvoiceStatus | null; to: InvoiceStatus }>();
  for (const event of INVOICE_EVENTS) {
    const t = invoiceTransition(event);
    if (!t.to) continue;
    for (const from of t.from) if (from !== t.to) pairs.set(`${from}>${t.to}`, { from, to: t.to });
  }
  return [...pairs.values()].sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
}

/** States from which a credit note may be recorded: sold, or on its way to be. */
export const CREDITABLE_STATUSES: readonly InvoiceStatus[] = invoiceTransition('CREDITED_IN_FULL').from.filter((s): s is InvoiceStatus => s !== null);

/** States that count when looking for a twin: everything that may still be, or has been, sold. */
export const LIVE_STATUSES: readonly InvoiceStatus[] = ['OFFERED', 'OFFER_REVIEW', 'ACCEPTED', 'SPOT_CHECK', 'MANUAL_ASSESSMENT', 'PURCHASED', 'RECOURSE', 'FULLY_PAID'];

/** States in which a credit decision is still to be made (what a client block ends, issue 9 b). */
export const AWAITING_CREDIT_DECISION: readonly InvoiceStatus[] = PENDING_DECISION;

/** States in which the factor has bought the invoice: its amount counts as exposure until paid, credited or bought back. */
export const BOUGHT_STATUSES: readonly InvoiceStatus[] = ['PURCHASED', 'RECOURSE', 'FULLY_PAID'];
