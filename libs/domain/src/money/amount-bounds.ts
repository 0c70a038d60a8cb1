import Decimal from 'decimal.js';

/** Our own Decimal: products of two 18-digit numbers stay exact (the default keeps 20 digits). */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });

/**
 * How each kind of number we take in is stored, and the most it may be: one place for the
 * whole API (issue 10). `precision` and `scale` are those of the PostgreSQL numeric column
 * that keeps it, so a number with more decimals is refused rather than rounded on the way in,
 * and one with more digits is refused rather than overflowing inside a transaction.
 */
export interface DecimalBound {
  /** Total significant digits of the column: numeric(precision, scale). */
  readonly precision: number;
  /** Decimals the column keeps. */
  readonly scale: number;
  /** A business ceiling below what the column could hold, where there is one. */
  readonly max?: string;
}

/** The most the factor sets as any one credit limit or raise, in the currency: a billion. */
export const LIMIT_CEILING = '1000000000';

export const DECIMAL_BOUNDS = {
  /** Amounts of money: numeric(18,2). */
  MONEY: { precision: 18, scale: 2 },
  /** Credit limits and temporary raises: numeric(18,2), at most LIMIT_CEILING. */
  LIMIT: { precision: 18, scale: 2, max: LIMIT_CEILING },
  /** Invoice line quantities: numeric(18,4). */
  QUANTITY: { precision: 18, scale: 4 },
  /** Invoice line unit prices: numeric(18,4). */
  UNIT_PRICE: { precision: 18, scale: 4 },
  /** VAT rates, in per cent: numeric(5,2). */
  PERCENT: { precision: 5, scale: 2 },
  /** Fee rates, in per cent: numeric(7,4). */
  FEE_PERCENT: { precision: 7, scale: 4 },
} as const satisfies Record<string, DecimalBound>;

export type DecimalKind = keyof typeof DECIMAL_BOUNDS;

export const DecimalBoundCode = {
  TOO_PRECISE: 'DECIMAL_TOO_PRECISE',
  TOO_LARGE: 'DECIMAL_TOO_LARGE',
  ABOVE_CEILING: 'AMOUNT_ABOVE_CEILING',
  LINE_NET_TOO_LARGE: 'LINE_NET_TOO_LARGE',
} as const;

/** Why a number is refused: a stable code, a sentence, and the figures behind it. The caller names the field. */
export interface DecimalProblem {
  code: (typeof DecimalBoundCode)[keyof typeof DecimalBoundCode];
  message: string;
  details: Record<string, unknown>;
}

/** The largest absolute value a bound's column holds, e.g. 9999999999999999.99 for numeric(18,2). */
export function largestStorable(bound: DecimalBound): Decimal {
  return new D(10).pow(bound.precision - bound.scale).minus(new D(10).pow(-bound.scale));
}

/**
 * Why `value` cannot be kept as `bound` says, or null when it can. Checked in this order: too
 * many decimals (it would be rounded), too many digits (the column overflows), above the ceiling.
 */
export function decimalBoundProblem(value: Decimal.Value, bound: DecimalBound): DecimalProblem | null {
  const number = new D(value);
  if (number.decimalPlaces() > bound.scale) {
    return { code: DecimalBoundCode.TOO_PRECISE, message: `At most ${bound.scale} decimals are kept here; ${number.toFixed()} would be rounded.`, details: { scale: bound.scale } };
  }
  const largest = largestStorable(bound).toFixed();
  if (number.abs().gt(largest)) {
    return { code: DecimalBoundCode.TOO_LARGE, message: `${number.toFixed()} is larger than can be kept here (at most ${largest}).`, details: { max: largest } };
  }
  if (bound.max !== undefined && number.gt(bound.max)) {
    return { code: DecimalBoundCode.ABOVE_CEILING, message: `At most ${bound.max} can be set here.`, details: { max: bound.max } };
  }
  return null;
}

/**
 * An invoice line's net (quantity x unit price, rounded to öre) is kept as money: a line whose
 * product overflows numeric(18,2) is refused, whatever its two factors are on their own.
 */
export function lineNetProblem(quantity: Decimal.Value, unitPrice: Decimal.Value): DecimalProblem | null {
  const net = new D(quantity).times(unitPrice).toDecimalPlaces(DECIMAL_BOUNDS.MONEY.scale, D.ROUND_HALF_UP);
  const largest = largestStorable(DECIMAL_BOUNDS.MONEY).toFixed();
  if (net.abs().lte(largest)) return null;
  return { code: DecimalBoundCode.LINE_NET_TOO_LARGE, message: `quantity x unitPrice (${net.toFixed()}) is more than an invoice line can hold (at most ${largest}).`, details: { max: largest } };
}
