/**
 * An overdue claim through its payments (issue 15 s.2): "A partial payment pays fees first, then
 * interest, then the principal, and interest runs from the last payment on what is still owed."
 *
 * Payments are taken in the order they arrived. Before each, late interest is accrued from the
 * last payment (or the due date) to the payment's day on the principal then owed; the payment is
 * then allocated (allocatePayment: fees charged by that day, oldest first, then the interest
 * open, then the principal), and the next period's interest runs on the principal left.
 *
 * Rounding: interest is accrued exactly (late-interest.ts); what is payable at a moment is the
 * total accrued so far rounded once, half up, to öre/øre, less the interest already paid. So
 * the interest over the claim's life is the rounded total of its exact segments, however many
 * payments cut it.
 */
import Decimal from 'decimal.js';
import { LocalDate } from '@factoring/domain';
import { reason, Reason } from '../reason';
import { moneyFormatted } from '../onboarding/decimal-input';
import { lateInterest, LateInterestRate, LateInterestSegment } from './late-interest';
import { allocatePayment, AllocationLine, OpenFee } from './payment-allocation';

export interface ClaimPayment {
  /** The day the payment reached the factor (YYYY-MM-DD). */
  on: string;
  amount: Decimal.Value;
}

export interface ClaimInput {
  dueDate: string;
  principal: Decimal.Value;
  /** Fees charged on the claim, each open from its day. */
  fees: readonly OpenFee[];
  payments: readonly ClaimPayment[];
  /** The day the balance is asked for (today, from the clock). Payments after it are not counted. */
  until: string;
  rates: readonly LateInterestRate[];
}

export interface ClaimPaymentAllocation {
  on: string;
  amount: string;
  lines: AllocationLine[];
  unallocated: string;
}

export type ClaimBalanceCode = 'CLAIM_OPEN' | 'CLAIM_PAID';

export interface ClaimBalance {
  payments: ClaimPaymentAllocation[];
  open: { fees: string; interest: string; principal: string; total: string };
  /** The interest accrued over the claim's life, rounded once, and its segments. */
  interestAccrued: string;
  interestSegments: LateInterestSegment[];
  reasons: Reason<ClaimBalanceCode>[];
}

const round = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export function claimBalance(input: ClaimInput): ClaimBalance {
  const until = LocalDate.parse(input.until, 'until');
  let last = LocalDate.parse(input.dueDate, 'dueDate');
  let principal = new Decimal(input.principal);
  let exactInterest = new Decimal(0);
  let interestPaid = new Decimal(0);
  const fees = input.fees.map((fee) => ({ ...fee, left: new Decimal(fee.amount) }));
  const segments: LateInterestSegment[] = [];

  const accrueTo = (day: LocalDate) => {
    if (!day.isAfter(last)) return;
    const period = lateInterest({ from: last.toString(), to: day.toString(), principal, rates: input.rates });
    exactInterest = exactInterest.plus(period.exactInterest);
    segments.push(...period.segments);
    last = day;
  };

  const payments = input.payments
    .map((p, index) => ({ ...p, index, day: LocalDate.parse(p.on, `payments[${index}].on`) }))
    .filter((p) => !p.day.isAfter(until))
    .sort((a, b) => a.day.compare(b.day) || a.index - b.index);

  const allocations: ClaimPaymentAllocation[] = [];
  for (const payment of payments) {
    accrueTo(payment.day);
    const openFees = fees.filter((f) => f.chargedOn <= payment.on && f.left.gt(0));
    const result = allocatePayment({
      payment: payment.amount,
      fees: openFees.map((f) => ({ kind: f.kind, amount: f.left, chargedOn: f.chargedOn })),
      interest: round(exactInterest).minus(interestPaid),
      principal,
    });
    // Apply the lines in the order allocatePayment used (oldest fee first).
    const queue = [...openFees].sort((a, b) => (a.chargedOn < b.chargedOn ? -1 : a.chargedOn > b.chargedOn ? 1 : 0));
    for (const line of result.lines) {
      const paid = new Decimal(line.amount);
      if (line.part === 'FEE') {
        const fee = queue.find((f) => f.kind === line.feeKind && f.chargedOn === line.feeChargedOn && f.left.gt(0))!;
        fee.left = fee.left.minus(paid);
      } else if (line.part === 'INTEREST') {
        interestPaid = interestPaid.plus(paid);
      } else {
        principal = principal.minus(paid);
      }
    }
    allocations.push({ on: payment.on, amount: new Decimal(payment.amount).toFixed(2), lines: result.lines, unallocated: result.unallocated });
  }
  // Interest stops once the principal is paid.
  if (principal.gt(0)) accrueTo(until);

  const feesOpen = fees.filter((f) => f.chargedOn <= input.until).reduce((s, f) => s.plus(f.left), new Decimal(0));
  const interestOpen = round(exactInterest).minus(interestPaid);
  const total = feesOpen.plus(interestOpen).plus(principal);
  const [t, f, i, p] = [total, feesOpen, interestOpen, principal].map((v) => moneyFormatted(v.toDecimalPlaces(2)));
  return {
    payments: allocations,
    open: { fees: feesOpen.toFixed(2), interest: interestOpen.toFixed(2), principal: principal.toFixed(2), total: total.toFixed(2) },
    interestAccrued: round(exactInterest).toFixed(2),
    interestSegments: segments,
    reasons: [
      total.gt(0)
        ? reason(
            'CLAIM_OPEN',
            {
              en: `Still owed ${t.en}: fees ${f.en}, interest ${i.en}, principal ${p.en}.`,
              sv: `Kvar att betala ${t.sv}: avgifter ${f.sv}, ränta ${i.sv}, kapital ${p.sv}.`,
              nb: `Gjenstår å betale ${t.nb}: gebyrer ${f.nb}, renter ${i.nb}, hovedstol ${p.nb}.`,
            },
            { fees: feesOpen.toFixed(2), interest: interestOpen.toFixed(2), principal: principal.toFixed(2) },
          )
        : reason('CLAIM_PAID', { en: 'The claim is paid in full.', sv: 'Fordran är helt betald.', nb: 'Kravet er betalt i sin helhet.' }),
    ],
  };
}
