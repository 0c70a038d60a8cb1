/**
 * Reading the decimal strings agreements, limits and prices come in ("2.5", "500.00").
 * Strings, never JS numbers, so öre and hundredths of a percent stay exact; a plain format only
 * (no exponent, sign, spaces, "NaN" or "Infinity"), so what staff typed is what is stored.
 */
import Decimal from 'decimal.js';
import { InvalidValueError, formatMoneyText } from '@factoring/domain';
import { Language } from '../reason';

/** Our own constructor, so another module's `Decimal.set(...)` cannot change these sums. */
export const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });

/** Why a decimal string was refused; the same codes for every field, which the error or reason names. */
export const DecimalInputCode = {
  MISSING: 'VALUE_MISSING',
  NOT_A_DECIMAL: 'VALUE_NOT_A_DECIMAL',
  NEGATIVE: 'VALUE_NEGATIVE',
  /** More decimals than the field takes (öre for amounts, hundredths of a hundredth for percentages). */
  TOO_PRECISE: 'VALUE_TOO_PRECISE',
  /** More than 15 digits before the point: a typing error, not an agreement. */
  TOO_LARGE: 'VALUE_TOO_LARGE',
} as const;
export type DecimalInputCode = (typeof DecimalInputCode)[keyof typeof DecimalInputCode];

/** Amounts in the client's currency have öre; percentages up to four decimals (2.3750 %). */
export const AMOUNT_DECIMALS = 2;
export const PERCENT_DECIMALS = 4;

const PLAIN = /^-?\d+(\.\d+)?$/;
const MAX_INTEGER_DIGITS = 15;

export type DecimalReading = { ok: true; value: Decimal } | { ok: false; code: DecimalInputCode };

/** A non-negative decimal with at most `maxDecimals` decimals, or why not. Never throws. */
export function readNonNegativeDecimal(input: unknown, maxDecimals: number): DecimalReading {
  if (input === undefined || input === null || input === '') return { ok: false, code: DecimalInputCode.MISSING };
  if (typeof input !== 'string' || !PLAIN.test(input)) return { ok: false, code: DecimalInputCode.NOT_A_DECIMAL };
  const value = new D(input);
  if (value.isNegative() && !value.isZero()) return { ok: false, code: DecimalInputCode.NEGATIVE };
  if (value.decimalPlaces() > maxDecimals) return { ok: false, code: DecimalInputCode.TOO_PRECISE };
  if (input.replace(/^-/, '').split('.')[0].replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) return { ok: false, code: DecimalInputCode.TOO_LARGE };
  return { ok: true, value: value.abs() };
}

/** What a field is called in a sentence, per language: { en: 'the fee', sv: 'avgiften', nb: 'gebyret' }. */
export type FieldName = Record<Language, string>;

/** The sentence for a refused decimal, in each language. */
export function decimalInputMessage(code: DecimalInputCode, name: FieldName, input: unknown, maxDecimals: number): Record<Language, string> {
  const shown = JSON.stringify(input) ?? String(input);
  const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  switch (code) {
    case DecimalInputCode.MISSING:
      return { en: `${cap(name.en)} is missing.`, sv: `${cap(name.sv)} saknas.`, nb: `${cap(name.nb)} mangler.` };
    case DecimalInputCode.NOT_A_DECIMAL:
      return {
        en: `${cap(name.en)} must be a decimal number written with digits and a point, such as "2.5"; ${shown} is not.`,
        sv: `${cap(name.sv)} ska vara ett decimaltal skrivet med siffror och punkt, till exempel "2.5"; ${shown} är inte det.`,
        nb: `${cap(name.nb)} må være et desimaltall skrevet med sifre og punktum, for eksempel "2.5"; ${shown} er ikke det.`,
      };
    case DecimalInputCode.NEGATIVE:
      return {
        en: `${cap(name.en)} cannot be less than zero; ${shown} is.`,
        sv: `${cap(name.sv)} får inte vara mindre än noll; ${shown} är det.`,
        nb: `${cap(name.nb)} kan ikke være mindre enn null; ${shown} er det.`,
      };
    case DecimalInputCode.TOO_PRECISE:
      return {
        en: `${cap(name.en)} takes at most ${maxDecimals} decimals; ${shown} has more.`,
        sv: `${cap(name.sv)} får ha högst ${maxDecimals} decimaler; ${shown} har fler.`,
        nb: `${cap(name.nb)} kan ha høyst ${maxDecimals} desimaler; ${shown} har flere.`,
      };
    case DecimalInputCode.TOO_LARGE:
      return {
        en: `${cap(name.en)} ${shown} has too many digits: at most ${MAX_INTEGER_DIGITS} before the point.`,
        sv: `${cap(name.sv)} ${shown} har för många siffror: högst ${MAX_INTEGER_DIGITS} före punkten.`,
        nb: `${cap(name.nb)} ${shown} har for mange sifre: høyst ${MAX_INTEGER_DIGITS} før punktumet.`,
      };
  }
}

/**
 * Like `readNonNegativeDecimal`, for callers that refuse bad input outright: an InvalidValueError
 * on `field`, in English like every domain error (`name` as in "the new limit").
 */
export function nonNegativeDecimalOrThrow(input: unknown, field: string, name: string, maxDecimals: number): Decimal {
  const reading = readNonNegativeDecimal(input, maxDecimals);
  if (reading.ok) return reading.value;
  const message = decimalInputMessage(reading.code, { en: name, sv: name, nb: name }, input, maxDecimals).en;
  throw new InvalidValueError(reading.code, message, field, { value: input });
}

/** "0.5" in English, "0,5" in Swedish and Norwegian; no trailing zeros ("500.00" is shown 500). */
export function formatNumber(value: Decimal, language: Language): string {
  const text = value.toFixed();
  return language === 'en' ? text : text.replace('.', ',');
}

/** The same number in each language. */
export function formatted(value: Decimal): Record<Language, string> {
  return { en: formatNumber(value, 'en'), sv: formatNumber(value, 'sv'), nb: formatNumber(value, 'nb') };
}

/**
 * An amount in a sentence, the language's way, with at least two decimals and every stored one:
 * "SEK 21,250.00" in English, "21 250,00 SEK" in Swedish and Norwegian (without a currency, the
 * number alone). A reason text never shows a bare "21250 SEK".
 */
export function moneyFormatted(value: Decimal, currency?: string | null): Record<Language, string> {
  const text = value.toFixed();
  return { en: formatMoneyText(text, currency, 'en'), sv: formatMoneyText(text, currency, 'sv'), nb: formatMoneyText(text, currency, 'nb') };
}
