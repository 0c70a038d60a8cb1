/**
 * Credit limits in force, and changing them. Amounts are decimal strings in the client's (or
 * debtor's) currency, with öre; the result is written with two decimals.
 */
import { InvalidValueError, LocalDate } from '@factoring/domain';
import { Reason, reason } from '../reason';
import { AMOUNT_DECIMALS, moneyFormatted, nonNegativeDecimalOrThrow } from './decimal-input';

export interface LimitWithRaise {
  limit: string;
  /** Added on top of `limit` up to and including `expiresOn`. */
  temporaryRaise?: { amount: string; expiresOn: LocalDate } | null;
}

export const LimitReasonCode = {
  AS_AGREED: 'LIMIT_AS_AGREED',
  TEMPORARY_RAISE_IN_FORCE: 'LIMIT_TEMPORARY_RAISE_IN_FORCE',
  TEMPORARY_RAISE_EXPIRED: 'LIMIT_TEMPORARY_RAISE_EXPIRED',
  BELOW_EXPOSURE: 'LIMIT_BELOW_EXPOSURE',
} as const;
export type LimitReasonCode = (typeof LimitReasonCode)[keyof typeof LimitReasonCode];

export interface EffectiveLimit {
  /** The limit in force today, e.g. "150000.00". */
  amount: string;
  raiseInForce: boolean;
  explanation: Reason<LimitReasonCode>;
}

/**
 * The limit in force on `today`: the agreed limit, plus the temporary raise while it lasts.
 * The raise counts through its expiry date, inclusive: a raise that expires on 30 June still
 * applies all of 30 June and is gone on 1 July, which is how staff read "valid until 30 June".
 */
export function effectiveLimit(input: LimitWithRaise, today: LocalDate): EffectiveLimit {
  const limit = nonNegativeDecimalOrThrow(input.limit, 'limit', 'the limit', AMOUNT_DECIMALS);
  const raise = input.temporaryRaise;
  if (!raise) {
    const shown = moneyFormatted(limit);
    return {
      amount: limit.toFixed(2),
      raiseInForce: false,
      explanation: reason(
        LimitReasonCode.AS_AGREED,
        { en: `The limit is ${shown.en}, as agreed.`, sv: `Limiten är ${shown.sv}, enligt avtal.`, nb: `Grensen er ${shown.nb}, som avtalt.` },
        { limit: limit.toFixed(2) },
      ),
    };
  }
  const amount = nonNegativeDecimalOrThrow(raise.amount, 'temporaryRaise.amount', 'the temporary raise', AMOUNT_DECIMALS);
  const expiresOn = raise.expiresOn.toString();
  const figures = { limit: limit.toFixed(2), raise: amount.toFixed(2), raiseExpiresOn: expiresOn };
  const [base, extra] = [moneyFormatted(limit), moneyFormatted(amount)];
  if (today.isAfter(raise.expiresOn)) {
    return {
      amount: limit.toFixed(2),
      raiseInForce: false,
      explanation: reason(
        LimitReasonCode.TEMPORARY_RAISE_EXPIRED,
        {
          en: `The limit is ${base.en}: the temporary raise of ${extra.en} applied through ${expiresOn} and has ended.`,
          sv: `Limiten är ${base.sv}: den tillfälliga höjningen på ${extra.sv} gällde till och med ${expiresOn} och har upphört.`,
          nb: `Grensen er ${base.nb}: den midlertidige økningen på ${extra.nb} gjaldt til og med ${expiresOn} og er avsluttet.`,
        },
        figures,
      ),
    };
  }
  const total = limit.plus(amount);
  const sum = moneyFormatted(total);
  return {
    amount: total.toFixed(2),
    raiseInForce: true,
    explanation: reason(
      LimitReasonCode.TEMPORARY_RAISE_IN_FORCE,
      {
        en: `The limit is ${sum.en}: ${base.en} as agreed plus a temporary raise of ${extra.en}, which applies through ${expiresOn} (that day included).`,
        sv: `Limiten är ${sum.sv}: ${base.sv} enligt avtal plus en tillfällig höjning på ${extra.sv}, som gäller till och med ${expiresOn}.`,
        nb: `Grensen er ${sum.nb}: ${base.nb} som avtalt pluss en midlertidig økning på ${extra.nb}, som gjelder til og med ${expiresOn}.`,
      },
      { ...figures, effectiveLimit: total.toFixed(2) },
    ),
  };
}

export interface LimitChange {
  newLimit: string;
  /** What the client (or debtor) owes the factor now: bought invoices not yet paid. */
  exposure: string;
  /** Why; required when the new limit is below the exposure. */
  reason?: string | null;
}

export interface LimitChangeCheck {
  /** Always true when it returns: a refused change throws, so it cannot be saved by mistake. */
  allowed: boolean;
  warnings: Reason<LimitReasonCode>[];
}

/**
 * A new limit below the current exposure is allowed (a limit is cut when risk rises) but only
 * with a written reason: until the exposure falls under the limit no new invoices are bought,
 * and whoever reads the case later must see why. A negative limit is refused.
 */
export function checkLimitChange(change: LimitChange): LimitChangeCheck {
  const newLimit = nonNegativeDecimalOrThrow(change.newLimit, 'newLimit', 'the new limit', AMOUNT_DECIMALS);
  const exposure = nonNegativeDecimalOrThrow(change.exposure, 'exposure', 'the exposure', AMOUNT_DECIMALS);
  if (!newLimit.lessThan(exposure)) return { allowed: true, warnings: [] };

  const why = typeof change.reason === 'string' ? change.reason.trim() : '';
  const shortfall = exposure.minus(newLimit);
  if (why === '') {
    throw new InvalidValueError(
      'LIMIT_BELOW_EXPOSURE_REASON_REQUIRED',
      `The new limit ${newLimit.toFixed(2)} is below the current exposure ${exposure.toFixed(2)} (by ${shortfall.toFixed(2)}): write the reason for the cut.`,
      'reason',
      { newLimit: newLimit.toFixed(2), exposure: exposure.toFixed(2) },
    );
  }
  const [limit, owed, gap] = [moneyFormatted(newLimit), moneyFormatted(exposure), moneyFormatted(shortfall)];
  return {
    allowed: true,
    warnings: [
      reason(
        LimitReasonCode.BELOW_EXPOSURE,
        {
          en: `The new limit ${limit.en} is ${gap.en} below the current exposure ${owed.en}: no new invoices are bought until the exposure falls under the limit.`,
          sv: `Den nya limiten ${limit.sv} är ${gap.sv} lägre än nuvarande engagemang ${owed.sv}: inga nya fakturor köps förrän engagemanget är under limiten.`,
          nb: `Den nye grensen ${limit.nb} er ${gap.nb} lavere enn dagens engasjement ${owed.nb}: ingen nye fakturaer kjøpes før engasjementet er under grensen.`,
        },
        { newLimit: newLimit.toFixed(2), exposure: exposure.toFixed(2), shortfall: shortfall.toFixed(2), reason: why },
      ),
    ],
  };
}
