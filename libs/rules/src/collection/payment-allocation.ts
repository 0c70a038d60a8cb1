/**
 * How a partial payment on an overdue claim is used (issue 15 s.2): fees first, then late
 * interest, then the principal, so that interest keeps running on the principal still owed
 * ("users of other dunning systems lose fees and interest when the principal is paid first:
 * do not").
 *
 * Where this comes from: the order is the policy. It is the order Swedish and Norwegian
 * collection practice applies when the debtor names no other use of the payment, but neither
 * lag (1981:739) om ersättning för inkassokostnader, räntelagen (1975:635), inkassoloven nor
 * forsinkelsesrenteloven states it for a claim between businesses: no section is cited for it.
 *
 * Fees are paid oldest first (by the day charged, then in the order given). What is left after
 * the whole claim is paid is returned as unallocated (an overpayment, for the payments desk).
 * Never more is allocated than was paid, and no part more than is open.
 */
import Decimal from 'decimal.js';
import { InvalidValueError } from '@factoring/domain';
import { reason, Reason } from '../reason';
import { moneyFormatted } from '../onboarding/decimal-input';
import { CollectionFeeKind } from './collection-rates';

export interface OpenFee {
  kind: CollectionFeeKind;
  /** Still open on this fee. */
  amount: Decimal.Value;
  /** The day it was charged (YYYY-MM-DD). */
  chargedOn: string;
}

export interface PaymentAllocationInput {
  /** The payment, positive, at most two decimals. */
  payment: Decimal.Value;
  fees: readonly OpenFee[];
  /** Late interest open (charged and accrued up to the payment day). */
  interest: Decimal.Value;
  principal: Decimal.Value;
}

export type AllocationPart = 'FEE' | 'INTEREST' | 'PRINCIPAL';

export interface AllocationLine {
  part: AllocationPart;
  /** For a fee: which one. */
  feeKind?: CollectionFeeKind;
  feeChargedOn?: string;
  amount: string;
}

export type PaymentAllocationCode = 'ALLOCATED_FEES_INTEREST_PRINCIPAL' | 'PAYMENT_EXCEEDS_CLAIM';

export interface PaymentAllocation {
  lines: AllocationLine[];
  /** Paid beyond the whole claim. */
  unallocated: string;
  /** What is still open after this payment. */
  remaining: { fees: string; interest: string; principal: string };
  reasons: Reason<PaymentAllocationCode>[];
}

function amount(value: Decimal.Value, field: string, positive = false): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new InvalidValueError('AMOUNT_INVALID', `"${String(value)}" is not an amount.`, field);
  }
  if (!d.isFinite() || d.isNegative() || (positive && d.isZero())) {
    throw new InvalidValueError('AMOUNT_INVALID', `${field} must be ${positive ? 'more than zero' : 'zero or more'}, not ${d.toString()}.`, field);
  }
  if (d.decimalPlaces() > 2) {
    // Refuse, never round silently (house rule): amounts are stored with two decimals.
    throw new InvalidValueError('AMOUNT_PRECISION', `${field} has more than two decimals: ${d.toString()}.`, field);
  }
  return d;
}

export function allocatePayment(input: PaymentAllocationInput): PaymentAllocation {
  let left = amount(input.payment, 'payment', true);
  const fees = input.fees
    .map((fee, index) => ({ fee, index, open: amount(fee.amount, `fees[${index}].amount`) }))
    .sort((a, b) => (a.fee.chargedOn < b.fee.chargedOn ? -1 : a.fee.chargedOn > b.fee.chargedOn ? 1 : a.index - b.index));
  const interest = amount(input.interest, 'interest');
  const principal = amount(input.principal, 'principal');

  const lines: AllocationLine[] = [];
  const take = (open: Decimal): Decimal => {
    const taken = Decimal.min(open, left);
    left = left.minus(taken);
    return taken;
  };
  let feesLeft = new Decimal(0);
  for (const { fee, open } of fees) {
    const taken = take(open);
    feesLeft = feesLeft.plus(open.minus(taken));
    if (taken.gt(0)) lines.push({ part: 'FEE', feeKind: fee.kind, feeChargedOn: fee.chargedOn, amount: taken.toFixed(2) });
  }
  const interestTaken = take(interest);
  if (interestTaken.gt(0)) lines.push({ part: 'INTEREST', amount: interestTaken.toFixed(2) });
  const principalTaken = take(principal);
  if (principalTaken.gt(0)) lines.push({ part: 'PRINCIPAL', amount: principalTaken.toFixed(2) });

  const reasons: Reason<PaymentAllocationCode>[] = [
    reason(
      'ALLOCATED_FEES_INTEREST_PRINCIPAL',
      {
        en: 'The payment pays the fees first, then the late interest, then the principal.',
        sv: 'Betalningen går först till avgifterna, sedan till dröjsmålsräntan och sist till kapitalbeloppet.',
        nb: 'Betalingen går først til gebyrene, deretter til forsinkelsesrenten og til slutt til hovedstolen.',
      },
      { payment: new Decimal(input.payment).toFixed(2), lines: lines.length },
    ),
  ];
  if (left.gt(0)) {
    reasons.push(
      reason(
        'PAYMENT_EXCEEDS_CLAIM',
        {
          en: `The payment is ${moneyFormatted(left).en} more than the whole claim.`,
          sv: `Betalningen är ${moneyFormatted(left).sv} mer än hela fordran.`,
          nb: `Betalingen er ${moneyFormatted(left).nb} mer enn hele kravet.`,
        },
        { unallocated: left.toFixed(2) },
      ),
    );
  }
  return {
    lines,
    unallocated: left.toFixed(2),
    remaining: { fees: feesLeft.toFixed(2), interest: interest.minus(interestTaken).toFixed(2), principal: principal.minus(principalTaken).toFixed(2) },
    reasons,
  };
}

/** What is open on one invoice, by receivable: the invoice's fees, late interest and principal. */
export interface OpenReceivables {
  fees: Decimal.Value;
  interest: Decimal.Value;
  principal: Decimal.Value;
}

/** What one amount paid of an invoice, in the order paid; `lines` holds only the parts paid. */
export interface PaymentParts {
  fees: string;
  interest: string;
  principal: string;
  /** More than all that was open: for the payments desk (an overpayment's surplus). */
  unallocated: string;
  lines: Array<{ part: AllocationPart; amount: string }>;
  /** What is still open after it. */
  remaining: { fees: string; interest: string; principal: string };
}

/**
 * One amount of a payment placed on one invoice, by the invoice's receivables in the ledger
 * (issue 15 s.2): the open fees first, then the open late interest, then the principal. The
 * fees are one receivable per invoice in the books (paid oldest first is allocatePayment's
 * concern when fees are listed one by one); this is the split the payment's journal entry and
 * its allocation rows use. Zero is a valid amount here (nothing is paid); every input is
 * refused with more than two decimals or below zero, never rounded.
 */
export function paymentParts(paidAmount: Decimal.Value, open: OpenReceivables): PaymentParts {
  let left = amount(paidAmount, 'amount');
  const fees = amount(open.fees, 'fees');
  const interest = amount(open.interest, 'interest');
  const principal = amount(open.principal, 'principal');
  const take = (o: Decimal) => {
    const taken = Decimal.min(o, left);
    left = left.minus(taken);
    return taken;
  };
  const paid = { FEE: take(fees), INTEREST: take(interest), PRINCIPAL: take(principal) };
  const lines = (Object.entries(paid) as Array<[AllocationPart, Decimal]>).filter(([, d]) => d.gt(0)).map(([part, d]) => ({ part, amount: d.toFixed(2) }));
  return {
    fees: paid.FEE.toFixed(2),
    interest: paid.INTEREST.toFixed(2),
    principal: paid.PRINCIPAL.toFixed(2),
    unallocated: left.toFixed(2),
    lines,
    remaining: { fees: fees.minus(paid.FEE).toFixed(2), interest: interest.minus(paid.INTEREST).toFixed(2), principal: principal.minus(paid.PRINCIPAL).toFixed(2) },
  };
}
