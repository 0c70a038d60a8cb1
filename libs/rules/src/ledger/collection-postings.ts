import Decimal from 'decimal.js';
import { balanced, PostingLine } from './invoice-postings';

/**
 * What a collection step books (issue 15 s.2: "every fee and interest amount is a receivable in
 * the ledger"). A fee charged for a letter actually sent (a reminder fee, an inkassovarsel fee,
 * the business debtor's compensation for late payment) and the late interest a letter states are
 * new claims on the debtor beside the principal: each is a receivable of its own, against the
 * factor's income. Neither is booked with VAT: a reminder fee, a collection fee, the compensation
 * of lag 1981:739 4 a § and late interest compensate the creditor for the debtor's delay and are
 * not payment for a supply (the general view in Swedish and Norwegian practice; the authorities'
 * own guidance was not read here: check before production use).
 *
 * A payment then pays the fees first, then the interest, then the principal (payment-allocation.ts):
 * the payments capability credits these receivables in that order.
 */
export function collectionFeePostings(amount: string): PostingLine[] {
  const fee = positive(amount, 'fee');
  return balanced([
    { role: 'COLLECTION_FEE_RECEIVABLES', amount: fee.toFixed(2) },
    { role: 'COLLECTION_FEE_INCOME', amount: fee.negated().toFixed(2) },
  ]);
}

/** Late interest a letter states (accrued per half-year segment, rounded once): owed by the debtor, earned by the factor. */
export function lateInterestPostings(amount: string): PostingLine[] {
  const interest = positive(amount, 'late interest');
  return balanced([
    { role: 'LATE_INTEREST_RECEIVABLES', amount: interest.toFixed(2) },
    { role: 'LATE_INTEREST_INCOME', amount: interest.negated().toFixed(2) },
  ]);
}

function positive(amount: string, what: string): Decimal {
  const value = new Decimal(amount);
  if (value.lte(0) || value.decimalPlaces() > 2) throw new Error(`A ${what} is above zero in whole öre/øre, not ${amount}`);
  return value;
}
