/**
 * Late interest (dröjsmålsränta / forsinkelsesrente) on an overdue claim (issue 15 s.2).
 *
 * The law:
 *  - Sweden, räntelagen (1975:635) 6 §: when the due date was set in advance, late interest runs
 *    from the due date, at "the reference rate in force at each time" (9 §) plus eight percentage
 *    points. The Riksbank sets the reference rate for each calendar half-year (9 §), so a period
 *    across 1 January or 1 July is charged per segment at each segment's rate.
 *  - Norway, forsinkelsesrenteloven (lov 17. desember 1976 nr. 100) § 2 (interest from the due
 *    date) and § 3 first paragraph: the Ministry of Finance sets the rate per half-year, from
 *    1 January and 1 July (Norges Bank's policy rate plus at least eight points), published as
 *    a regulation (e.g. FOR-2024-12-19-3279: 12.5 % from 2025-01-01).
 *  In both, the rate is a yearly rate. The laws do not state a day count; this rule uses
 *  actual/365 (every calendar day counts, the year has 365 days even in a leap year), the
 *  convention of Swedish and Norwegian collection practice: that choice is the issue's policy,
 *  not a quotation of the law.
 *
 * Days: the due date itself is not late. A day d is charged when `from < d <= to`, at the rate in
 * force on d and on the balance owed at the end of the day before: a payment on day p still
 * pays day p's interest on the old balance, and the next day runs on what is still owed.
 *
 * Rounding (the house rule, "round once", as in pricing and invoice totals): each segment's
 * interest is kept exact (balance x rate / 100 x days / 365, no rounding); the total is rounded
 * once, half up, to öre/øre. So the interest over a period equals the sum of its segments'
 * exact amounts, whichever way the period is cut.
 */
import Decimal from 'decimal.js';
import { LocalDate } from '@factoring/domain';
import { DatedVersion, versionInForce } from '../policy/dated-setting';
import { reason, Reason } from '../reason';
import { moneyFormatted } from '../onboarding/decimal-input';

export const LATE_INTEREST_DAY_COUNT = 365;

/** A yearly late-interest rate in percent ("10.00" for 10 %), dated, with its source. */
export type LateInterestRate = DatedVersion<string>;

export interface LateInterestSegment {
  /** The first day charged (YYYY-MM-DD). */
  firstDay: string;
  /** The last day charged (YYYY-MM-DD). */
  lastDay: string;
  days: number;
  /** The balance the interest runs on. */
  balance: string;
  /** The yearly rate in percent, and the day its version took effect. */
  ratePercent: string;
  rateValidFrom: string;
  /** balance x rate / 100 x days / 365, unrounded. */
  exactInterest: string;
}

export type LateInterestCode = 'LATE_INTEREST_SEGMENTS' | 'LATE_INTEREST_NONE';

export interface LateInterestResult {
  segments: LateInterestSegment[];
  /** The sum of the segments, unrounded. */
  exactInterest: string;
  /** Rounded once, half up, to two decimals. */
  interest: string;
  reasons: Reason<LateInterestCode>[];
}

export interface PrincipalPayment {
  /** The day the payment reached the factor (YYYY-MM-DD). */
  on: string;
  /** The part of the payment that went to the principal (after fees and interest). */
  principalPaid: Decimal.Value;
}

export interface LateInterestInput {
  /** The last day not charged: the due date. */
  from: string;
  /** The last day charged (today, or the day of the final payment). */
  to: string;
  /** The principal owed on the day after `from`. */
  principal: Decimal.Value;
  /** Payments to the principal after `from`: the balance falls from the day after each (those on or before `from` are ignored). */
  payments?: readonly PrincipalPayment[];
  /** The yearly late-interest rates (already including the 8 points). */
  rates: readonly LateInterestRate[];
  /** Names the setting in a "no version in force" error. */
  rateName?: string;
}

/**
 * Swedish late interest is not stored: it is the reference rate of the half-year plus eight
 * percentage points (räntelagen 6 §), computed here from the stored reference rates.
 */
export function lateInterestRatesFromReference(referenceRates: readonly DatedVersion<string>[], marginPoints: Decimal.Value = 8): LateInterestRate[] {
  return referenceRates.map((version) => ({
    validFrom: version.validFrom,
    value: new Decimal(version.value).plus(marginPoints).toFixed(2),
    source: `Reference rate ${new Decimal(version.value).toFixed(2)} % + ${new Decimal(marginPoints).toString()} points (räntelagen 1975:635 6 §); reference rate: ${version.source}`,
  }));
}

const toDay = (text: string, field: string) => LocalDate.parse(text, field);

/** Late interest on a claim from `from` (exclusive) to `to` (inclusive), per segment. */
export function lateInterest(input: LateInterestInput): LateInterestResult {
  const from = toDay(input.from, 'from');
  const to = toDay(input.to, 'to');
  const rateName = input.rateName ?? 'late interest rate';
  let balance = new Decimal(input.principal);
  if (balance.isNegative()) throw new RangeError(`The principal cannot be negative (${balance.toString()}).`);

  // Payments on or before `from` are already in `principal`.
  const payments = [...(input.payments ?? [])]
    .map((p) => ({ on: toDay(p.on, 'payments.on'), amount: new Decimal(p.principalPaid) }))
    .filter((p) => p.on.isAfter(from))
    .sort((a, b) => a.on.compare(b.on));
  for (const p of payments) if (p.amount.isNegative()) throw new RangeError(`A payment to the principal cannot be negative (${p.amount.toString()}).`);

  // A new segment starts on a day a rate version takes effect, and the day after a payment.
  const cuts = new Set<number>();
  for (const version of input.rates) {
    const day = toDay(version.validFrom, 'rates.validFrom');
    if (day.isAfter(from) && !day.isAfter(to)) cuts.add(day.epochDay);
  }
  for (const p of payments) if (p.on.isBefore(to)) cuts.add(p.on.epochDay + 1);
  const starts = [from.epochDay + 1, ...[...cuts].filter((c) => c > from.epochDay + 1).sort((a, b) => a - b)];

  const segments: LateInterestSegment[] = [];
  let paymentIndex = 0;
  let exact = new Decimal(0);
  for (let i = 0; i < starts.length && starts[i] <= to.epochDay; i++) {
    const first = LocalDate.fromEpochDay(starts[i]);
    const last = LocalDate.fromEpochDay(i + 1 < starts.length ? Math.min(starts[i + 1] - 1, to.epochDay) : to.epochDay);
    // Payments made before this segment's first day have lowered the balance.
    while (paymentIndex < payments.length && payments[paymentIndex].on.epochDay < first.epochDay) {
      balance = balance.minus(payments[paymentIndex].amount);
      paymentIndex++;
    }
    if (balance.isNegative()) balance = new Decimal(0);
    const rate = versionInForce(rateName, input.rates, first.toString());
    const days = first.daysUntil(last) + 1;
    const segmentInterest = balance.times(rate.value).div(100).times(days).div(LATE_INTEREST_DAY_COUNT);
    exact = exact.plus(segmentInterest);
    segments.push({
      firstDay: first.toString(),
      lastDay: last.toString(),
      days,
      balance: balance.toFixed(2),
      ratePercent: new Decimal(rate.value).toFixed(2),
      rateValidFrom: rate.validFrom,
      exactInterest: segmentInterest.toString(),
    });
  }

  const interest = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  const shown = moneyFormatted(new Decimal(interest));
  const reasons: Reason<LateInterestCode>[] = segments.length
    ? [
        reason(
          'LATE_INTEREST_SEGMENTS',
          {
            en: `Late interest ${shown.en} over ${segments.length} period(s) at the rate in force in each half-year, counted per day on 365 days a year.`,
            sv: `Dröjsmålsränta ${shown.sv} för ${segments.length} period(er) efter den ränta som gällde varje halvår, räknad per dag på 365 dagar om året.`,
            nb: `Forsinkelsesrente ${shown.nb} for ${segments.length} periode(r) etter satsen som gjaldt hvert halvår, regnet per dag med 365 dager i året.`,
          },
          { from: input.from, to: input.to, segments: segments.length, interest },
        ),
      ]
    : [
        reason('LATE_INTEREST_NONE', {
          en: 'No late interest: no day after the due date or the last payment has passed.',
          sv: 'Ingen dröjsmålsränta: ingen dag efter förfallodagen eller senaste betalningen har passerat.',
          nb: 'Ingen forsinkelsesrente: ingen dag etter forfallsdagen eller siste betaling har gått.',
        }),
      ];
  return { segments, exactInterest: exact.toString(), interest, reasons };
}
