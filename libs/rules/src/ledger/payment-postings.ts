import Decimal from 'decimal.js';
import { balanced, PostingLine } from './invoice-postings';

/**
 * Money in (issue 14 s.2, seed 000). A payment lands on the factor's bank account; what it pays
 * of bought invoices reduces the purchased receivables, and what cannot (yet) be placed is held
 * as an unallocated payment until a person matches it, sets it against another invoice of the
 * same debtor, or marks it for refund. Each line names the invoice it settles (`invoiceId`), so
 * the open receivable of every invoice can be read from the ledger.
 */
export interface PaymentShare {
  invoiceId: string;
  amount: string;
  /**
   * Which of the invoice's receivables the share pays (issue 15 s.2: fees, then late interest,
   * then the principal; collection/payment-allocation.ts paymentParts): the fee receivable, the
   * late-interest receivable, or the purchased receivable (the default).
   */
  part?: 'FEE' | 'INTEREST' | 'PRINCIPAL';
}

const RECEIVABLE_OF = { FEE: 'COLLECTION_FEE_RECEIVABLES', INTEREST: 'LATE_INTEREST_RECEIVABLES', PRINCIPAL: 'PURCHASED_RECEIVABLES' } as const;
const receivableOf = (s: PaymentShare) => RECEIVABLE_OF[s.part ?? 'PRINCIPAL'];

/**
 * A payment booked on arrival: the bank is debited with all of it; each share settles its
 * invoice's receivable; the rest (nothing placed, or an overpayment's surplus) is held as
 * unallocated until a person decides.
 */
export function paymentReceivedPostings(amount: string, shares: PaymentShare[]): Array<PostingLine & { invoiceId?: string }> {
  const total = money(amount, 'payment');
  const placed = shares.reduce((sum, s) => sum.plus(money(s.amount, 'share')), new Decimal(0));
  if (placed.gt(total)) throw new Error(`The shares (${placed.toFixed(2)}) exceed the payment (${total.toFixed(2)})`);
  const lines: Array<PostingLine & { invoiceId?: string }> = [
    { role: 'BANK', amount: total.toFixed(2) },
    ...shares.map((s) => ({ role: receivableOf(s), amount: new Decimal(s.amount).negated().toFixed(2), invoiceId: s.invoiceId })),
    { role: 'UNALLOCATED_PAYMENTS', amount: total.minus(placed).negated().toFixed(2) },
  ];
  return withInvoices(lines);
}

/** A person places (part of) a held payment on invoices: the unallocated money settles their receivables. */
export function heldPaymentPlacedPostings(shares: PaymentShare[]): Array<PostingLine & { invoiceId?: string }> {
  const placed = shares.reduce((sum, s) => sum.plus(money(s.amount, 'share')), new Decimal(0));
  return withInvoices([
    { role: 'UNALLOCATED_PAYMENTS', amount: placed.toFixed(2) },
    ...shares.map((s) => ({ role: receivableOf(s), amount: new Decimal(s.amount).negated().toFixed(2), invoiceId: s.invoiceId })),
  ]);
}

/** A held payment marked for refund to the payer: no longer unallocated, now owed back (paid out in a payout batch). */
export function refundMarkedPostings(amount: string): PostingLine[] {
  const refund = money(amount, 'refund');
  return balanced([
    { role: 'UNALLOCATED_PAYMENTS', amount: refund.toFixed(2) },
    { role: 'REFUNDS_DUE', amount: refund.negated().toFixed(2) },
  ]);
}

/**
 * The debtor paid the client directly (seed 000: the client then owes the factor what it
 * received): the debtor's receivable is settled, and the client owes it instead, held on the
 * client's account with the factor until set off against its next payout or invoiced to it.
 */
export function paidToClientPostings(amount: string, parts?: Array<{ part: NonNullable<PaymentShare['part']>; amount: string }>): PostingLine[] {
  const paid = money(amount, 'paid to client');
  // What the debtor paid settles its fees first, then late interest, then the principal (issue 15 s.2); all principal when not split.
  const settled = parts?.length ? parts : [{ part: 'PRINCIPAL' as const, amount: paid.toFixed(2) }];
  return balanced([
    { role: 'RECOURSE_RECEIVABLES', amount: paid.toFixed(2) },
    ...settled.map((p) => ({ role: RECEIVABLE_OF[p.part], amount: money(p.amount, 'part').negated().toFixed(2) })),
  ]);
}

function withInvoices<T extends PostingLine & { invoiceId?: string }>(lines: T[]): T[] {
  balanced(lines);
  return lines.filter((line) => !new Decimal(line.amount).isZero());
}

function money(amount: string, what: string): Decimal {
  const value = new Decimal(amount);
  if (value.lte(0) || value.decimalPlaces() > 2) throw new Error(`A ${what} amount is above zero in whole öre/øre, not ${amount}`);
  return value;
}

/** The bank debited a payout (a batch, or one payment): the money in transit since it was sent has left the bank. */
export function payoutSettledPostings(amount: string): PostingLine[] {
  const paid = money(amount, 'payout');
  return balanced([
    { role: 'PAYOUTS_IN_TRANSIT', amount: paid.toFixed(2) },
    { role: 'BANK', amount: paid.negated().toFixed(2) },
  ]);
}

/**
 * The client's bank sent a settled payout back: the money is in the bank again and owed to the
 * client again (reversing the payout and its settlement), so the invoice goes in the next batch.
 */
export function payoutReturnedPostings(amount: string): PostingLine[] {
  const returned = money(amount, 'returned payout');
  return balanced([
    { role: 'BANK', amount: returned.toFixed(2) },
    { role: 'CLIENT_PAYABLES', amount: returned.negated().toFixed(2) },
  ]);
}
