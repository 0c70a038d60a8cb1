import Decimal from 'decimal.js';
import { ConflictError, InvalidValueError } from '../errors';

/**
 * A dispute case's life (seed 000: "bestriden"): collection staff register the debtor's
 * dispute of a bought invoice, and the case ends in one of three ways:
 * - WITHDRAWN: the debtor takes the dispute back; collection resumes on the invoice.
 * - CREDITED: the client credits the invoice (kreditering); recourse of the credited amount.
 * - RECOURSE: the disputed amount is bought back by the client (regress), whatever the
 *   invoice's recourse mode: "en bestriden faktura ... behöver återköpas oavsett om fakturan är
 *   såld med eller utan regress" (000).
 * The API's dispute service is the one seam that applies this table.
 */
export const DISPUTE_STATES = ['OPEN', 'WITHDRAWN', 'CREDITED', 'RECOURSE'] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

export const DISPUTE_CHANNELS = ['PHONE', 'EMAIL', 'LETTER'] as const;
export type DisputeChannel = (typeof DISPUTE_CHANNELS)[number];

export type DisputeEvent = 'WITHDRAW' | 'CREDIT' | 'RECOURSE';

export interface DisputeTransition {
  from: readonly DisputeState[];
  to: DisputeState;
  /** Whether the ending makes the client buy back (a recourse invoice, regressfaktura). */
  recourse: boolean;
  /** The step as the client reads it: no staff names, no notes. */
  clientText: { en: string; sv: string; nb: string };
  /** The client's event topic. */
  topic: string;
}

export const DISPUTE_TRANSITIONS: Record<DisputeEvent, DisputeTransition> = {
  WITHDRAW: {
    from: ['OPEN'],
    to: 'WITHDRAWN',
    recourse: false,
    topic: 'invoice.dispute_withdrawn',
    clientText: { en: 'The debtor withdrew the dispute: collection resumes', sv: 'Kunden har återkallat bestridandet: indrivningen fortsätter', nb: 'Kunden har trukket innsigelsen: innfordringen fortsetter' },
  },
  CREDIT: {
    from: ['OPEN'],
    to: 'CREDITED',
    recourse: true,
    topic: 'invoice.dispute_credited',
    clientText: { en: 'Dispute settled by your credit note: a recourse invoice of the credited amount', sv: 'Bestridandet löst med er kreditering: regressfaktura på det krediterade beloppet', nb: 'Innsigelsen løst med deres kreditnota: regressfaktura på det krediterte beløpet' },
  },
  RECOURSE: {
    from: ['OPEN'],
    to: 'RECOURSE',
    recourse: true,
    topic: 'invoice.dispute_recourse',
    clientText: { en: 'Disputed invoice bought back: a recourse invoice of the disputed amount', sv: 'Bestriden faktura återköps: regressfaktura på det bestridda beloppet', nb: 'Omtvistet faktura kjøpes tilbake: regressfaktura på det omtvistede beløpet' },
  },
};

/** What the client reads when a dispute is registered (seed 000: the invoice is "bestriden"). */
export const DISPUTE_REGISTERED_TEXT = {
  en: 'The debtor disputes the invoice: no reminders while the dispute is open',
  sv: 'Kunden har bestridit fakturan: inga påminnelser medan bestridandet pågår',
  nb: 'Kunden har bestridt fakturaen: ingen purringer mens innsigelsen pågår',
} as const;

/** The state after `event`, or a CONFLICT saying the case has already ended. */
export function nextDisputeState(current: DisputeState, event: DisputeEvent): DisputeState {
  const transition = DISPUTE_TRANSITIONS[event];
  if (!transition.from.includes(current)) {
    throw new ConflictError('DISPUTE_STATE_DOES_NOT_ALLOW', `This dispute has already ended (${current.toLowerCase()}).`, { state: current, event });
  }
  return transition.to;
}

/**
 * A disputed amount is above zero, in whole öre/øre, and at most what is still open on the
 * invoice (refused, never rounded or capped).
 */
export function checkDisputedAmount(amount: string, open: string, field = 'amount'): Decimal {
  let value: Decimal;
  try {
    value = new Decimal(amount);
  } catch {
    throw new InvalidValueError('DISPUTE_AMOUNT_INVALID', 'The disputed amount must be a number above 0, in whole öre/øre.', field);
  }
  if (!value.isFinite() || value.lte(0) || value.decimalPlaces() > 2) {
    throw new InvalidValueError('DISPUTE_AMOUNT_INVALID', 'The disputed amount must be a number above 0, in whole öre/øre.', field);
  }
  if (value.gt(open)) {
    throw new InvalidValueError('DISPUTE_MORE_THAN_OPEN', `At most ${new Decimal(open).toFixed(2)} is open on this invoice: the disputed amount cannot be more.`, field, { open: new Decimal(open).toFixed(2) });
  }
  return value;
}

/**
 * The amount a CREDITED ending buys back: the client's credit note, above zero and at most
 * the disputed amount (a credit of more than was disputed is not this case's business).
 */
export function checkCreditedAmount(amount: string, disputed: string, field = 'creditedAmount'): Decimal {
  let value: Decimal;
  try {
    value = new Decimal(amount);
  } catch {
    throw new InvalidValueError('DISPUTE_CREDIT_INVALID', 'The credited amount must be a number above 0, in whole öre/øre.', field);
  }
  if (!value.isFinite() || value.lte(0) || value.decimalPlaces() > 2) {
    throw new InvalidValueError('DISPUTE_CREDIT_INVALID', 'The credited amount must be a number above 0, in whole öre/øre.', field);
  }
  if (value.gt(disputed)) {
    throw new InvalidValueError('DISPUTE_CREDIT_MORE_THAN_DISPUTED', `At most the disputed ${new Decimal(disputed).toFixed(2)} can be credited in this case.`, field, { disputed: new Decimal(disputed).toFixed(2) });
  }
  return value;
}
