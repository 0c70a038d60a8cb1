import Decimal from 'decimal.js';

/**
 * What each account of the factor's books is for. The chart (numbers and names, dated, per
 * book) is data in the database; code names the role and the book says which account holds it.
 */
export const LEDGER_ROLES = [
  'PURCHASED_RECEIVABLES',
  'CLIENT_PAYABLES',
  'FEE_INCOME',
  'OUTPUT_VAT',
  'BANK',
  'RECOURSE_RECEIVABLES',
  'UNALLOCATED_PAYMENTS',
  'REFUNDS_DUE',
  'CREDIT_LOSSES',
  'PAYOUTS_IN_TRANSIT',
  // Issue 15 s.2: fees and late interest owed by a debtor, and what they earn (migration 1764300016000).
  'COLLECTION_FEE_RECEIVABLES',
  'LATE_INTEREST_RECEIVABLES',
  'COLLECTION_FEE_INCOME',
  'LATE_INTEREST_INCOME',
] as const;
export type LedgerRole = (typeof LEDGER_ROLES)[number];

/** One line of an entry: a positive amount is a debit, a negative one a credit. */
export interface PostingLine {
  role: LedgerRole;
  amount: string;
}

/**
 * Buying an invoice (seed 000's worked example: 100.00 at 2 % gives receivable 100.00, payable
 * to the client 97.50, fee income 2.00, VAT on the fee 0.50). The factor now owns the debtor's
 * debt for what is left after credit notes, owes the client that less the fee and the VAT on it,
 * and has earned the fee. Should credits have left less than the fee and VAT, the client's line
 * turns into a debit: the client owes the difference.
 */
export function purchasePostings(invoice: { open: string; fee: string; vatOnFee: string }): PostingLine[] {
  const open = new Decimal(invoice.open);
  const fee = new Decimal(invoice.fee);
  const vat = new Decimal(invoice.vatOnFee);
  return balanced([
    { role: 'PURCHASED_RECEIVABLES', amount: open.toFixed(2) },
    { role: 'CLIENT_PAYABLES', amount: open.minus(fee).minus(vat).negated().toFixed(2) },
    { role: 'FEE_INCOME', amount: fee.negated().toFixed(2) },
    { role: 'OUTPUT_VAT', amount: vat.negated().toFixed(2) },
  ]);
}

/** A credit note on a bought invoice before payout: the debtor owes less, and so do we to the client (seed 000). */
export function creditNoteBeforePayoutPostings(amount: string): PostingLine[] {
  const credited = new Decimal(amount);
  return balanced([
    { role: 'CLIENT_PAYABLES', amount: credited.toFixed(2) },
    { role: 'PURCHASED_RECEIVABLES', amount: credited.negated().toFixed(2) },
  ]);
}

/** The lines, without zero amounts, after checking they balance: an entry that does not balance is a bug, never booked. */
export function balanced(lines: PostingLine[]): PostingLine[] {
  const kept = lines.filter((line) => !new Decimal(line.amount).isZero());
  const sum = kept.reduce((total, line) => total.plus(line.amount), new Decimal(0));
  if (!sum.isZero()) throw new Error(`Unbalanced entry: the lines sum to ${sum.toFixed(2)}`);
  return kept;
}

/** A payout sent to the bank: we no longer owe the client; the money is on its way until the statement shows it. */
export function payoutSentPostings(amount: string): PostingLine[] {
  return balanced([
    { role: 'CLIENT_PAYABLES', amount: new Decimal(amount).toFixed(2) },
    { role: 'PAYOUTS_IN_TRANSIT', amount: new Decimal(amount).negated().toFixed(2) },
  ]);
}

/** The bank rejected a payout: it is owed to the client again (reversing the payout). */
export function payoutRejectedPostings(amount: string): PostingLine[] {
  return payoutSentPostings(amount).map((line) => ({ ...line, amount: new Decimal(line.amount).negated().toFixed(2) }));
}
