import Decimal from 'decimal.js';
import { balanced, PostingLine } from './invoice-postings';

/**
 * Recourse (regress, seed 000): the client buys an invoice back through a recourse invoice
 * (regressfaktura) "till samma belopp som vi förväntar oss att få betalt av din kund". The
 * risk of that amount moves from the debtor to the client: the factor's receivable on the
 * debtor gives way to one on the client. The factor still collects from the debtor (000);
 * what the debtor then pays settles the recourse invoice, or is paid back to the client in
 * full once the client has paid it (the payments issue books those).
 */
export function recoursePostings(amount: string): PostingLine[] {
  const bought = positive(amount);
  return balanced([
    { role: 'RECOURSE_RECEIVABLES', amount: bought.toFixed(2) },
    { role: 'PURCHASED_RECEIVABLES', amount: bought.negated().toFixed(2) },
  ]);
}

/**
 * A recourse invoice for a credit note after payout (000: "belopp är samma som krediterat
 * belopp"). The credit note itself already took the amount off the debtor's receivable and
 * charged it to the client's account (creditNoteBeforePayoutPostings); once the payout has
 * left, that charge is a debt of the client's, which the recourse invoice now claims.
 */
export function creditedRecoursePostings(amount: string): PostingLine[] {
  const credited = positive(amount);
  return balanced([
    { role: 'RECOURSE_RECEIVABLES', amount: credited.toFixed(2) },
    { role: 'CLIENT_PAYABLES', amount: credited.negated().toFixed(2) },
  ]);
}

/**
 * A payment placed on a recourse invoice (000), from the money held unallocated since it came
 * in: what settles the recourse invoice lowers the client's debt (RECOURSE_RECEIVABLES); what a
 * debtor pays after the client has already paid is owed back to the client in full
 * (CLIENT_PAYABLES, paid by the next payout batch). Either part may be zero, not both.
 */
export function recoursePaymentPostings(settled: string, owedToClient: string): PostingLine[] {
  const settles = nonNegative(settled);
  const owed = nonNegative(owedToClient);
  const total = settles.plus(owed);
  if (total.isZero()) throw new Error('A recourse payment places something');
  return balanced([
    { role: 'UNALLOCATED_PAYMENTS', amount: total.toFixed(2) },
    { role: 'RECOURSE_RECEIVABLES', amount: settles.negated().toFixed(2) },
    { role: 'CLIENT_PAYABLES', amount: owed.negated().toFixed(2) },
  ]);
}

/**
 * The fees and late interest a debtor pays after recourse (they were charged on its reminders,
 * receivables of the factor's): the held money settles them; when the client's agreement gives
 * them to the client (feesAfterRecourseTo CLIENT), the factor's income from them is reversed and
 * owed to the client instead.
 */
export function feesAfterRecoursePostings(fees: string, interest: string, toClient: boolean): PostingLine[] {
  const fee = nonNegative(fees);
  const rate = nonNegative(interest);
  const total = fee.plus(rate);
  if (total.isZero()) throw new Error('Fees or interest paid after recourse are above zero');
  return balanced([
    { role: 'UNALLOCATED_PAYMENTS', amount: total.toFixed(2) },
    { role: 'COLLECTION_FEE_RECEIVABLES', amount: fee.negated().toFixed(2) },
    { role: 'LATE_INTEREST_RECEIVABLES', amount: rate.negated().toFixed(2) },
    ...(toClient
      ? [
          { role: 'COLLECTION_FEE_INCOME' as const, amount: fee.toFixed(2) },
          { role: 'LATE_INTEREST_INCOME' as const, amount: rate.toFixed(2) },
          { role: 'CLIENT_PAYABLES' as const, amount: total.negated().toFixed(2) },
        ]
      : []),
  ]);
}

function nonNegative(amount: string): Decimal {
  const value = new Decimal(amount);
  if (!value.isFinite() || value.lt(0) || value.decimalPlaces() > 2) throw new Error(`A recourse payment's part is zero or above in whole öre/øre, not ${amount}`);
  return value;
}

function positive(amount: string): Decimal {
  const value = new Decimal(amount);
  if (value.lte(0) || value.decimalPlaces() > 2) throw new Error(`A recourse amount is above zero in whole öre/øre, not ${amount}`);
  return value;
}
