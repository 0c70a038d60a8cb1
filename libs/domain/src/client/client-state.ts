import { ConflictError } from '../errors';

/**
 * A client's life: it applies, is approved (active) or refused; an active client can be
 * blocked (by an analyst, or by an overdue recourse invoice) and unblocked; the factor can
 * end the relationship. A refused or terminated company may apply again and is assessed anew.
 */
export const CLIENT_STATES = ['APPLIED', 'ACTIVE', 'BLOCKED', 'REFUSED', 'TERMINATED'] as const;
export type ClientState = (typeof CLIENT_STATES)[number];

export type ClientEvent = 'APPROVE' | 'REFUSE' | 'REAPPLY' | 'BLOCK' | 'UNBLOCK' | 'TERMINATE';

const TRANSITIONS: Record<ClientEvent, { from: readonly ClientState[]; to: ClientState }> = {
  APPROVE: { from: ['APPLIED'], to: 'ACTIVE' },
  REFUSE: { from: ['APPLIED'], to: 'REFUSED' },
  REAPPLY: { from: ['REFUSED', 'TERMINATED'], to: 'APPLIED' },
  BLOCK: { from: ['ACTIVE'], to: 'BLOCKED' },
  UNBLOCK: { from: ['BLOCKED'], to: 'ACTIVE' },
  TERMINATE: { from: ['ACTIVE', 'BLOCKED'], to: 'TERMINATED' },
};

const WHY_NOT: Record<ClientState, string> = {
  APPLIED: 'it has an application waiting for assessment',
  ACTIVE: 'it is an active client',
  BLOCKED: 'it is blocked',
  REFUSED: 'its application was refused',
  TERMINATED: 'its agreement has been terminated',
};

/** The state after `event`, or a CONFLICT saying why the client's current state does not allow it. */
export function nextClientState(current: ClientState, event: ClientEvent): ClientState {
  const transition = TRANSITIONS[event];
  if (!transition.from.includes(current)) {
    throw new ConflictError(
      'CLIENT_STATE_DOES_NOT_ALLOW',
      `This cannot be done now: ${WHY_NOT[current]} (${event.toLowerCase()} needs the client to be ${transition.from.join(' or ').toLowerCase()}).`,
      { state: current, event },
    );
  }
  return transition.to;
}

/**
 * Why a client is blocked. Blocks are a set: a fraud block and an overdue-recourse block are
 * lifted separately, and the client is active again only when none is left (issue 9 b).
 */
export const CLIENT_BLOCK_REASONS = ['FRAUD_SUSPICION', 'OVERDUE_RECOURSE_INVOICE', 'OTHER'] as const;
export type ClientBlockReason = (typeof CLIENT_BLOCK_REASONS)[number];

export interface ClientStanding {
  state: ClientState;
  blockReasons: readonly ClientBlockReason[];
}

/** Adds a block reason: an active client becomes blocked; a blocked one keeps its other reasons. */
export function blockClient(current: ClientStanding, reason: ClientBlockReason): ClientStanding {
  if (current.state === 'BLOCKED') {
    if (current.blockReasons.includes(reason)) {
      throw new ConflictError('CLIENT_ALREADY_BLOCKED_FOR_REASON', 'The client is already blocked for this reason.', { state: current.state, blockReason: reason });
    }
    return { state: 'BLOCKED', blockReasons: [...current.blockReasons, reason].sort() };
  }
  return { state: nextClientState(current.state, 'BLOCK'), blockReasons: [reason] };
}

/** Lifts one block reason; the client is active again only when no reason is left. */
export function liftClientBlock(current: ClientStanding, reason: ClientBlockReason): ClientStanding {
  if (current.state !== 'BLOCKED' || !current.blockReasons.includes(reason)) {
    throw new ConflictError('CLIENT_NOT_BLOCKED_FOR_REASON', 'The client is not blocked for this reason.', { state: current.state, blockReason: reason, blockReasons: current.blockReasons });
  }
  const left = current.blockReasons.filter((r) => r !== reason);
  return left.length ? { state: 'BLOCKED', blockReasons: left } : { state: nextClientState('BLOCKED', 'UNBLOCK'), blockReasons: [] };
}

/** Every (from, to) pair of a state change the table allows; `from` null is registration. The database trigger holds these. */
export function allowedClientStateChanges(): Array<{ from: ClientState | null; to: ClientState }> {
  const pairs = [{ from: null, to: 'APPLIED' as ClientState }, ...Object.values(TRANSITIONS).flatMap((t) => t.from.map((from) => ({ from, to: t.to })))];
  return pairs.sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
}

/** Only an active client may sell invoices. */
export const canSellInvoices = (state: ClientState): boolean => state === 'ACTIVE';
