import { DatedVersion, versionInForce } from '../policy/dated-setting';
import { reason, Reason } from '../reason';

export interface PayoutHoldPolicy {
  /** Days a changed payout account waits for a second person's confirmation before money goes to it. */
  accountChangeQuarantineDays: number;
}

/** The classic fraud is a changed payout account (issue 12): policy, dated, with its source. */
export const DEFAULT_PAYOUT_HOLD_POLICY: readonly DatedVersion<PayoutHoldPolicy>[] = Object.freeze([
  { validFrom: '2024-01-01', value: { accountChangeQuarantineDays: 5 }, source: "Factor's payment-fraud policy: a changed payout account is confirmed by a second person, or waits 5 days" },
]);

export interface PayoutCandidate {
  clientState: string;
  /** Why a blocked client is blocked; a payout is not held for an overdue recourse invoice alone. */
  clientBlockReasons?: readonly string[];
  /** The day the client's payout account last changed, when it has ever changed. */
  payoutAccountChangedOn: string | null;
  /** A second person confirmed the changed account (called the client on a known number). */
  payoutAccountConfirmed: boolean;
  today: string;
}

export type PayoutHoldCode = 'PAYOUT_HELD_CLIENT_BLOCKED' | 'PAYOUT_HELD_ACCOUNT_CHANGED';

/**
 * Why an invoice bought and due for payout is left out of the day's batch: the client is blocked
 * (issue 9 b: held, not cancelled) or its payout account changed lately and nobody else has
 * confirmed it. The client is told its payout is delayed (seed 000).
 */
export function payoutHolds(candidate: PayoutCandidate, policies: readonly DatedVersion<PayoutHoldPolicy>[] = DEFAULT_PAYOUT_HOLD_POLICY): Reason<PayoutHoldCode>[] {
  const policy = versionInForce('payout hold policy', policies, candidate.today).value;
  const holds: Reason<PayoutHoldCode>[] = [];
  // Blocked only for an overdue recourse invoice (issue 15 s.3, seed 000): the block stops new
  // sales, and the overdue amount is set off against the payout (PayoutSetOffs) instead of
  // holding money the factor owes for invoices it already bought. Any other reason holds it.
  const onlyOverdueRecourse =
    candidate.clientState === 'BLOCKED' && !!candidate.clientBlockReasons?.length && candidate.clientBlockReasons.every((r) => r === 'OVERDUE_RECOURSE_INVOICE');
  if (candidate.clientState !== 'ACTIVE' && !onlyOverdueRecourse) {
    holds.push(
      reason('PAYOUT_HELD_CLIENT_BLOCKED', {
        en: 'Paid out once your company may sell invoices again.',
        sv: 'Betalas ut när ert företag får sälja fakturor igen.',
        nb: 'Utbetales når foretaket deres kan selge fakturaer igjen.',
      }),
    );
  }
  if (candidate.payoutAccountChangedOn && !candidate.payoutAccountConfirmed) {
    const waitedDays = Math.floor((Date.parse(candidate.today) - Date.parse(candidate.payoutAccountChangedOn)) / 86_400_000);
    if (waitedDays < policy.accountChangeQuarantineDays) {
      holds.push(
        reason(
          'PAYOUT_HELD_ACCOUNT_CHANGED',
          {
            en: 'Your payout account changed recently: we confirm it with you before paying to it.',
            sv: 'Ert utbetalningskonto ändrades nyligen: vi bekräftar det med er innan vi betalar till det.',
            nb: 'Utbetalingskontoen deres ble endret nylig: vi bekrefter den med dere før vi betaler til den.',
          },
          { changedOn: candidate.payoutAccountChangedOn, quarantineDays: policy.accountChangeQuarantineDays },
        ),
      );
    }
  }
  return holds;
}
