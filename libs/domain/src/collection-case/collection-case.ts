import { ConflictError, DomainError } from '../errors';

/**
 * A collection case's life (issue 15 s.5-6, seeds 002, 003). After the reminders an invoice is
 * handed to collection: the case records the claim (principal, fees, interest), its steps and
 * its outcome.
 *
 *   OPEN ─HAND_OFF→ HANDED_OFF ─APPLY_PAYMENT_ORDER (SE)→ PAYMENT_ORDER_APPLIED ─┐
 *                        │      ─CONCILIATION_BOARD (NO)→ CONCILIATION_BOARD ────┤
 *                        │                                                       ├─ENFORCEMENT→ ENFORCEMENT
 *                        └───────────────────────────────────────────────────────┘
 *   any active state ─PAID→ PAID | ─CLOSE→ CLOSED | ─PROPOSE_WRITE_OFF→ WRITE_OFF_PROPOSED
 *   WRITE_OFF_PROPOSED ─APPROVE_WRITE_OFF→ WRITTEN_OFF | ─REJECT_WRITE_OFF→ HANDED_OFF
 *
 * - Sweden: an application for a payment order (betalningsföreläggande) to Kronofogden, lag
 *   (1990:746) om betalningsföreläggande och handräckning; an order granted there is enforced
 *   by Kronofogden (utsökningsbalken 1981:774).
 * - Norway: a claim before the forliksråd (tvisteloven, LOV-2005-06-17-90, kap. 6), then
 *   enforcement by the namsmann (tvangsfullbyrdelsesloven, LOV-1992-06-26-86).
 * - A write-off is proposed by collection and approved by a different (finance) person: four
 *   eyes. The API's collection-case service is the one seam that applies this table.
 */
export const COLLECTION_CASE_STATES = [
  'OPEN',
  'HANDED_OFF',
  'PAYMENT_ORDER_APPLIED',
  'CONCILIATION_BOARD',
  'ENFORCEMENT',
  'PAID',
  'WRITE_OFF_PROPOSED',
  'WRITTEN_OFF',
  'CLOSED',
] as const;
export type CollectionCaseState = (typeof COLLECTION_CASE_STATES)[number];

export const COLLECTION_CASE_EVENTS = [
  'HAND_OFF',
  'APPLY_PAYMENT_ORDER',
  'CONCILIATION_BOARD',
  'ENFORCEMENT',
  'PAID',
  'CLOSE',
  'PROPOSE_WRITE_OFF',
  'APPROVE_WRITE_OFF',
  'REJECT_WRITE_OFF',
] as const;
export type CollectionCaseEvent = (typeof COLLECTION_CASE_EVENTS)[number];

/** States in which the case is still being worked: one such case per invoice at most. */
export const ACTIVE_COLLECTION_CASE_STATES: readonly CollectionCaseState[] = ['OPEN', 'HANDED_OFF', 'PAYMENT_ORDER_APPLIED', 'CONCILIATION_BOARD', 'ENFORCEMENT', 'WRITE_OFF_PROPOSED'];
/** States in which collection works the claim (the agency, the authorities). */
const WORKING: readonly CollectionCaseState[] = ['HANDED_OFF', 'PAYMENT_ORDER_APPLIED', 'CONCILIATION_BOARD', 'ENFORCEMENT'];

export interface CollectionCaseTransition {
  from: readonly CollectionCaseState[];
  to: CollectionCaseState;
  /** The country whose law the step belongs to; undefined: both. */
  country?: 'SE' | 'NO';
}

export const COLLECTION_CASE_TRANSITIONS: Record<CollectionCaseEvent, CollectionCaseTransition> = {
  HAND_OFF: { from: ['OPEN'], to: 'HANDED_OFF' },
  APPLY_PAYMENT_ORDER: { from: ['HANDED_OFF'], to: 'PAYMENT_ORDER_APPLIED', country: 'SE' },
  CONCILIATION_BOARD: { from: ['HANDED_OFF'], to: 'CONCILIATION_BOARD', country: 'NO' },
  ENFORCEMENT: { from: ['HANDED_OFF', 'PAYMENT_ORDER_APPLIED', 'CONCILIATION_BOARD'], to: 'ENFORCEMENT' },
  PAID: { from: ['OPEN', ...WORKING, 'WRITE_OFF_PROPOSED'], to: 'PAID' },
  CLOSE: { from: ['OPEN', ...WORKING], to: 'CLOSED' },
  PROPOSE_WRITE_OFF: { from: WORKING, to: 'WRITE_OFF_PROPOSED' },
  APPROVE_WRITE_OFF: { from: ['WRITE_OFF_PROPOSED'], to: 'WRITTEN_OFF' },
  REJECT_WRITE_OFF: { from: ['WRITE_OFF_PROPOSED'], to: 'HANDED_OFF' },
};

/** The state after `event`, or a CONFLICT naming why the case's state (or its country) does not allow it. */
export function nextCollectionCaseState(current: CollectionCaseState, event: CollectionCaseEvent, country: 'SE' | 'NO'): CollectionCaseState {
  const transition = COLLECTION_CASE_TRANSITIONS[event];
  if (transition.country && transition.country !== country) {
    throw new ConflictError('COLLECTION_CASE_WRONG_COUNTRY', `${event} is a step of ${transition.country === 'SE' ? 'Swedish' : 'Norwegian'} law; this case is ${country === 'SE' ? 'Swedish' : 'Norwegian'}.`, { event, country });
  }
  if (!transition.from.includes(current)) {
    throw new ConflictError('COLLECTION_CASE_STATE_DOES_NOT_ALLOW', `${event} cannot be done on a case that is ${current.toLowerCase().replace(/_/g, ' ')}.`, { state: current, event });
  }
  return transition.to;
}

/** Four eyes (issue 15 s.6): the one who proposed a write-off may not approve it. */
export function assertWriteOffFourEyes(proposedBy: string | null, approvedBy: string): void {
  if (proposedBy !== null && proposedBy === approvedBy) {
    // FORBIDDEN, as the payout batch's own four eyes (payout-batch.ts): the person may not, whatever the case's state.
    throw new DomainError('FORBIDDEN', 'COLLECTION_CASE_FOUR_EYES', 'The person who proposed the write-off may not approve it: another member of finance must.');
  }
}

export function isActiveCollectionCase(state: CollectionCaseState): boolean {
  return ACTIVE_COLLECTION_CASE_STATES.includes(state);
}
