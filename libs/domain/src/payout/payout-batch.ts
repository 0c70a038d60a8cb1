import { ConflictError, DomainError } from '../errors';

/**
 * A payout batch's life (issue 12; seeds 000, 001: clients are paid the same or next business
 * day): finance prepares the day's batch, a second person approves it (four eyes: never the
 * preparer, and never a batch that changed after they looked), the bank file is exported and
 * sent, the bank's status report accepts or rejects it, and the account statement shows the
 * money leaving (the payments issue settles it).
 */
export const PAYOUT_BATCH_STATES = ['PREPARED', 'APPROVED', 'EXPORTED', 'SENT', 'ACCEPTED', 'PARTLY_REJECTED', 'REJECTED', 'SETTLED', 'CANCELLED'] as const;
export type PayoutBatchState = (typeof PAYOUT_BATCH_STATES)[number];

export type PayoutBatchEvent = 'APPROVE' | 'CANCEL' | 'EXPORT' | 'MARK_SENT' | 'BANK_ACCEPTED' | 'BANK_PARTLY_REJECTED' | 'BANK_REJECTED' | 'SETTLE';

const TRANSITIONS: Record<PayoutBatchEvent, { from: readonly PayoutBatchState[]; to: PayoutBatchState }> = {
  APPROVE: { from: ['PREPARED'], to: 'APPROVED' },
  CANCEL: { from: ['PREPARED', 'APPROVED'], to: 'CANCELLED' },
  EXPORT: { from: ['APPROVED'], to: 'EXPORTED' },
  MARK_SENT: { from: ['EXPORTED'], to: 'SENT' },
  BANK_ACCEPTED: { from: ['SENT'], to: 'ACCEPTED' },
  BANK_PARTLY_REJECTED: { from: ['SENT'], to: 'PARTLY_REJECTED' },
  BANK_REJECTED: { from: ['SENT'], to: 'REJECTED' },
  // The statement shows the debit (issue 14).
  SETTLE: { from: ['ACCEPTED', 'PARTLY_REJECTED'], to: 'SETTLED' },
};

/** The state after `event`, or a CONFLICT saying why the batch's state does not allow it. */
export function nextPayoutBatchState(current: PayoutBatchState, event: PayoutBatchEvent): PayoutBatchState {
  const transition = TRANSITIONS[event];
  if (!transition.from.includes(current)) {
    throw new ConflictError('PAYOUT_BATCH_STATE_DOES_NOT_ALLOW', `This cannot be done to a batch that is ${current.toLowerCase().replace('_', ' ')}.`, { state: current, event });
  }
  return transition.to;
}

/** Money out needs four eyes: the approver is not the preparer, and approves the batch exactly as they saw it. */
export function assertFourEyes(batch: { preparedBy: string; version: number }, approver: string, versionSeen: number): void {
  if (batch.preparedBy === approver) {
    throw new DomainError('FORBIDDEN', 'PAYOUT_BATCH_PREPARER_CANNOT_APPROVE', 'Another member of finance must approve a batch you prepared.');
  }
  if (batch.version !== versionSeen) {
    throw new ConflictError('PAYOUT_BATCH_CHANGED', `The batch changed after you looked at it (version ${versionSeen}, now ${batch.version}). Look at it again before approving.`, {
      currentVersion: batch.version,
    });
  }
}

/** Every (from, to) pair the table allows, for the database's trigger. */
export function allowedPayoutBatchChanges(): Array<{ from: PayoutBatchState; to: PayoutBatchState }> {
  return Object.values(TRANSITIONS).flatMap((t) => t.from.map((from) => ({ from, to: t.to })));
}
