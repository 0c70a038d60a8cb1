import Decimal from 'decimal.js';
import { InvalidValueError } from '../errors';
import { CURRENCIES, CurrencyCode, parseCurrencyCode } from './currency';
import { MoneyErrorCode } from './money-errors';

/**
 * Our own Decimal constructor, so no other code's `Decimal.set(...)` changes money maths.
 * 50 significant digits keep every sum and product of real amounts exact; rounding to öre
 * happens only when asked (see `roundToMinorUnit`).
 */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });

/** A plain decimal number: optional minus, digits, optional fraction. No exponent, no spaces, no "+". */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
/** Amounts beyond this are typing errors, not invoices (a quadrillion kronor). */
const MAX_INTEGER_DIGITS = 15;
const MAX_FRACTION_DIGITS = 20;
const MAX_AMOUNT = new D(10).pow(MAX_INTEGER_DIGITS);

export type MoneyJSON = { amount: string; currency: CurrencyCode };

/**
 * An amount of money in one currency. Immutable. Amounts are decimals, never JS numbers:
 * binary floating point cannot hold 0.10 exactly and would drift by öre over a ledger.
 */
export class Money {
  private constructor(
    readonly amount: Decimal,
    readonly currency: CurrencyCode,
  ) {
    Object.freeze(this);
  }

  /** `amount` is a plain decimal string ("97.50", "-3", "0.125") or a Decimal; never a number. */
  static of(amount: string | Decimal, currency: string, field = 'amount'): Money {
    return Money.create(toDecimal(amount, field, MoneyErrorCode.AMOUNT_FORMAT, true), parseCurrencyCode(currency));
  }

  static zero(currency: string): Money {
    return Money.create(new D(0), parseCurrencyCode(currency));
  }

  static fromJSON(json: { amount: string; currency: string }): Money {
    return Money.of(json.amount, json.currency);
  }

  /** Sum of amounts of one currency; the currency is needed for the empty list. */
  static sum(items: readonly Money[], currency: string): Money {
    return items.reduce((total, item) => total.plus(item), Money.zero(currency));
  }

  /** `percent` % of `amount`, unrounded: `percentageOf(100 SEK, "2")` is 2 SEK. */
  static percentageOf(amount: Money, percent: string | Decimal): Money {
    return Money.create(amount.amount.times(toDecimal(percent, 'percent', MoneyErrorCode.FACTOR_FORMAT)).dividedBy(100), amount.currency);
  }

  plus(other: Money): Money {
    this.assertSameCurrency(other, 'add');
    return Money.create(this.amount.plus(other.amount), this.currency);
  }

  minus(other: Money): Money {
    this.assertSameCurrency(other, 'subtract');
    return Money.create(this.amount.minus(other.amount), this.currency);
  }

  /** Multiplies by a factor ("0.02" for 2 %), unrounded. */
  times(factor: string | Decimal): Money {
    return Money.create(this.amount.times(toDecimal(factor, 'factor', MoneyErrorCode.FACTOR_FORMAT)), this.currency);
  }

  negated(): Money {
    return Money.create(this.amount.negated(), this.currency);
  }

  /** -1, 0 or 1; comparing different currencies is refused like arithmetic is. */
  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other, 'compare');
    return this.amount.comparedTo(other.amount) as -1 | 0 | 1;
  }

  /** Same currency and same value ("2.5" equals "2.50"); never throws. */
  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount.equals(other.amount);
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  isPositive(): boolean {
    return this.amount.isPositive() && !this.amount.isZero();
  }

  /**
   * Rounds to the minor unit (öre/øre/cent) with ROUND_HALF_UP: a half öre goes away from
   * zero (0.005 -> 0.01, -0.005 -> -0.01). That is how Swedish and Norwegian invoicing and the
   * tax agencies round öre amounts, so the fee and VAT we show match what the client books.
   * Not half-even (banker's rounding): that would give 0.00 for 0.005 and 0.02 for 0.015,
   * which nobody on the receiving end reproduces, and reconciliation would differ by an öre.
   * Call it once, at the point where an amount becomes a booked or paid figure.
   */
  roundToMinorUnit(): Money {
    return Money.create(this.amount.toDecimalPlaces(this.minorUnits, Decimal.ROUND_HALF_UP), this.currency);
  }

  isRoundedToMinorUnit(): boolean {
    return this.amount.decimalPlaces() <= this.minorUnits;
  }

  /** Lossless decimal text with at least the minor-unit decimals: "97.50", "0.125". */
  get amountString(): string {
    return this.amount.decimalPlaces() < this.minorUnits ? this.amount.toFixed(this.minorUnits) : this.amount.toFixed();
  }

  /**
   * Fixed two (minor-unit) decimals, e.g. "97.50", for display and logs. An unrounded amount is
   * shown rounded half up; that never changes the value: use `roundToMinorUnit()` for that.
   */
  toString(): string {
    return this.amount.toFixed(this.minorUnits, Decimal.ROUND_HALF_UP);
  }

  toJSON(): MoneyJSON {
    return { amount: this.amountString, currency: this.currency };
  }

  private get minorUnits(): number {
    return CURRENCIES[this.currency].minorUnits;
  }

  private assertSameCurrency(other: Money, operation: string): void {
    if (other.currency !== this.currency) {
      throw new InvalidValueError(
        MoneyErrorCode.CURRENCY_MISMATCH,
        `Cannot ${operation} ${other.currency} and ${this.currency}: amounts in different currencies need an exchange rate first.`,
        undefined,
        { left: this.currency, right: other.currency },
      );
    }
  }

  private static create(amount: Decimal, currency: CurrencyCode): Money {
    // Normalise -0 to 0 so that zero is never "negative" and prints without a sign.
    return new Money(amount.isZero() ? new D(0) : amount, currency);
  }
}

function toDecimal(value: string | Decimal, field: string, formatCode: MoneyErrorCode, checkRange = false): Decimal {
  if (typeof value === 'number' || typeof value === 'bigint') {
    throw new InvalidValueError(
      MoneyErrorCode.FLOAT_NOT_ALLOWED,
      `The ${field} must be a decimal string such as "97.50", not a JavaScript number: floating point cannot hold öre exactly.`,
      field,
    );
  }
  if (typeof value === 'string' && !PLAIN_DECIMAL.test(value)) {
    throw new InvalidValueError(
      formatCode,
      `The ${field} "${value}" is not a plain decimal number: write digits with an optional minus sign and a point, such as "1234.50".`,
      field,
      { value },
    );
  }
  if (typeof value !== 'string' && (!Decimal.isDecimal(value) || !value.isFinite())) {
    throw new InvalidValueError(formatCode, `The ${field} must be a decimal string or a finite Decimal.`, field);
  }
  const decimal = new D(value);
  // A Decimal computed elsewhere may carry many decimals (a third of a krona); typed text may not.
  const fractionDigits = typeof value === 'string' ? decimal.decimalPlaces() : 0;
  if (checkRange && (decimal.abs().greaterThanOrEqualTo(MAX_AMOUNT) || fractionDigits > MAX_FRACTION_DIGITS)) {
    throw new InvalidValueError(
      MoneyErrorCode.AMOUNT_RANGE,
      `The ${field} "${String(value)}" is out of range: at most ${MAX_INTEGER_DIGITS} digits before the decimal point and ${MAX_FRACTION_DIGITS} after.`,
      field,
      { value: String(value) },
    );
  }
  return decimal;
}
