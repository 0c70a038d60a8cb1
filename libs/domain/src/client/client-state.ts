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

/** Only an active client may sell invoices. */
export const canSellInvoices = (state: ClientState): boolean => state === 'ACTIVE';
