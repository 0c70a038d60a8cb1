import Decimal from 'decimal.js';
import { balanced, PostingLine } from './invoice-postings';

/**
 * Refunds paid in a payout batch (issue 14 s.3): money the factor owes someone other than an
 * invoice's payout. What it was owed on is cleared when the batch is sent, and the money is in
 * transit until the bank's debit settles it (payoutSettledPostings), like any payout:
 * - a debtor's overpayment marked for refund waits on REFUNDS_DUE (refundMarkedPostings);
 * - money owed back to a client waits on CLIENT_PAYABLES (what the factor owes the client).
 */
export type RefundKind = 'DEBTOR_REFUND' | 'CLIENT_REPAYMENT';

export const REFUND_OWED_ON: Record<RefundKind, 'REFUNDS_DUE' | 'CLIENT_PAYABLES'> = {
  DEBTOR_REFUND: 'REFUNDS_DUE',
  CLIENT_REPAYMENT: 'CLIENT_PAYABLES',
};

/** A refund sent to the bank: no longer owed, on its way. */
export function refundSentPostings(kind: RefundKind, amount: string): PostingLine[] {
  const paid = positive(amount);
  return balanced([
    { role: REFUND_OWED_ON[kind], amount: paid.toFixed(2) },
    { role: 'PAYOUTS_IN_TRANSIT', amount: paid.negated().toFixed(2) },
  ]);
}

/** The bank rejected a refund before paying it: owed again (reversing refundSentPostings). */
export function refundRejectedPostings(kind: RefundKind, amount: string): PostingLine[] {
  return refundSentPostings(kind, amount).map((line) => ({ ...line, amount: new Decimal(line.amount).negated().toFixed(2) }));
}

/** The payee's bank sent a settled refund back: the money is in the bank again and owed again. */
export function refundReturnedPostings(kind: RefundKind, amount: string): PostingLine[] {
  const returned = positive(amount);
  return balanced([
    { role: 'BANK', amount: returned.toFixed(2) },
    { role: REFUND_OWED_ON[kind], amount: returned.negated().toFixed(2) },
  ]);
}

/**
 * A client's payout set off against what the client owes the factor (issue 14 s.4, issue 15):
 * money a debtor paid the client directly, or an overdue recourse invoice. Both wait on
 * RECOURSE_RECEIVABLES (the client's debt); the payout owed on CLIENT_PAYABLES pays it.
 */
export function payoutSetOffPostings(amount: string): PostingLine[] {
  const setOff = positive(amount);
  return balanced([
    { role: 'CLIENT_PAYABLES', amount: setOff.toFixed(2) },
    { role: 'RECOURSE_RECEIVABLES', amount: setOff.negated().toFixed(2) },
  ]);
}

function positive(amount: string): Decimal {
  const value = new Decimal(amount);
  if (!value.isFinite() || value.lte(0) || value.decimalPlaces() > 2) throw new Error(`A refund or set-off amount is above zero in whole öre/øre, not ${amount}`);
  return value;
}
