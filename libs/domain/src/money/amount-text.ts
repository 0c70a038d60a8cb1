/**
 * Amounts as people type and read them, in English, Swedish and Norwegian, from and to plain
 * decimal strings ("12345.67"). Never through a JavaScript number: text in, text out.
 *
 * English: a comma groups thousands and the point is the decimal sign ("12,345.67").
 * Swedish and Norwegian: the comma is the decimal sign and spaces or points group ("12 345,67",
 * "12.345,67"). A space groups in every language. A group separator is accepted only before a
 * group of exactly three digits, so "1,5" in English and "1.5" in Swedish are refused rather
 * than read as fifteen, and the refusal carries the reading the other convention gives (1.5),
 * which is what the person most likely meant.
 */

export type AmountLocale = 'en' | 'sv' | 'nb';

export type AmountRefusal =
  /** Nothing typed. */
  | 'EMPTY'
  /** Letters or other signs: not a number in any convention. */
  | 'NOT_A_NUMBER'
  /** Separators in an order no convention of this language writes ("1.234,5" in English, two decimal signs). */
  | 'FORMAT'
  /** A group separator not followed by exactly three digits ("1,5" in English, "1.5" in Swedish). */
  | 'GROUPING'
  /** More decimals than the field holds ("100,000" in Swedish is 100 with three decimals). */
  | 'TOO_MANY_DECIMALS'
  | 'NEGATIVE'
  | 'TOO_LARGE';

export type ParsedAmount =
  | { ok: true; value: string }
  /** `likelyReading` is a plain decimal string, or null when no other convention reads the text either. */
  | { ok: false; reason: AmountRefusal; likelyReading: string | null };

export interface ParseAmountOptions {
  /** The most decimals the field holds (2 for kronor, 4 for a fee percentage). */
  decimals: number;
  allowNegative?: boolean;
  /** Words the person may type before or after the number and that mean nothing more ("SEK", "kr", "%"). */
  units?: readonly string[];
}

interface Convention {
  decimal: string;
  /** Group separators besides spaces. */
  group: string;
}

const ENGLISH: Convention = { decimal: '.', group: ',' };
const NORDIC: Convention = { decimal: ',', group: '.' };
const CONVENTIONS: Record<AmountLocale, Convention> = { en: ENGLISH, sv: NORDIC, nb: NORDIC };

/** Space, no-break space, narrow no-break space, thin space: what Intl and people put between groups. */
const SPACES = /[ \u00a0\u202f\u2009]+/g;
const MINUS = /^[-\u2212]/;
/** Amounts beyond this are typing errors (libs/domain Money allows 15 integer digits). */
const MAX_INTEGER_DIGITS = 15;
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** "12345.67", "-3", "0.125": the one spelling the API takes. */
export const isPlainDecimal = (value: unknown): value is string => typeof value === 'string' && PLAIN_DECIMAL.test(value);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function stripUnits(text: string, units: readonly string[]): string {
  let rest = text;
  for (const unit of units) {
    const pattern = new RegExp(`^${escape(unit)}\\s*|\\s*${escape(unit)}$`, 'i');
    rest = rest.replace(pattern, '').trim();
  }
  return rest;
}

type Read = { ok: true; negative: boolean; integer: string; fraction: string } | { ok: false; reason: AmountRefusal };

/** Reads the text by one convention; says why not when it cannot. */
function read(text: string, convention: Convention, units: readonly string[]): Read {
  let rest = stripUnits(text.trim(), units);
  const negative = MINUS.test(rest);
  if (negative) rest = rest.replace(MINUS, '').trim();
  if (rest === '') return { ok: false, reason: negative ? 'NOT_A_NUMBER' : 'EMPTY' };
  if (!/^[\d.,\s\u00a0\u202f\u2009]+$/.test(rest) || !/\d/.test(rest)) return { ok: false, reason: 'NOT_A_NUMBER' };

  const parts = rest.split(convention.decimal);
  if (parts.length > 2) return { ok: false, reason: 'FORMAT' };
  const [integerText, fraction = ''] = parts;
  // The fraction is digits only: no group separator after the decimal sign.
  if (!/^\d*$/.test(fraction)) return { ok: false, reason: 'FORMAT' };

  // The integer part: digit runs, and between them one kind of separator (spaces, or the group sign).
  const spaced = integerText.replace(SPACES, ' ');
  // "100 ,5": a space against the decimal sign (the text is trimmed, so a trailing space can only be that).
  if (spaced.endsWith(' ')) return { ok: false, reason: 'FORMAT' };
  const tokens = spaced.split(/([ ,.])/);
  const runs = tokens.filter((_, index) => index % 2 === 0);
  const separators = tokens.filter((_, index) => index % 2 === 1);
  if (runs.slice(1).some((run) => run.length !== 3)) return { ok: false, reason: 'GROUPING' };
  if (runs.length > 1 && runs[0] === '') return { ok: false, reason: 'GROUPING' };
  if (new Set(separators).size > 1) return { ok: false, reason: 'FORMAT' };
  const integer = runs.join('');
  if (integer === '' && fraction === '') return { ok: false, reason: 'NOT_A_NUMBER' };
  return { ok: true, negative, integer, fraction };
}

/** The read parts as a plain decimal string, or why they cannot be one in this field. */
function check(parts: Extract<Read, { ok: true }>, options: ParseAmountOptions): ParsedAmount {
  const integer = parts.integer.replace(/^0+(?=\d)/, '') || '0';
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, reason: 'TOO_LARGE', likelyReading: null };
  if (parts.fraction.length > options.decimals) return { ok: false, reason: 'TOO_MANY_DECIMALS', likelyReading: null };
  const zero = /^0*$/.test(integer + parts.fraction);
  if (parts.negative && !zero && !options.allowNegative) return { ok: false, reason: 'NEGATIVE', likelyReading: null };
  const sign = parts.negative && !zero ? '-' : '';
  return { ok: true, value: `${sign}${integer}${parts.fraction ? `.${parts.fraction}` : ''}` };
}

/**
 * Reads what a person typed in `locale`'s way into a plain decimal string. A refusal says why and,
 * when the other convention reads the text as an amount this field holds, gives that reading.
 */
export function parseAmount(text: string, locale: AmountLocale, options: ParseAmountOptions): ParsedAmount {
  const convention = CONVENTIONS[locale] ?? ENGLISH;
  const units = options.units ?? [];
  const parts = read(text, convention, units);
  const result = parts.ok ? check(parts, options) : ({ ok: false, reason: parts.reason, likelyReading: null } as const);
  if (result.ok || !['FORMAT', 'GROUPING', 'TOO_MANY_DECIMALS'].includes(result.reason)) return result;
  const other = read(text, convention === ENGLISH ? NORDIC : ENGLISH, units);
  const otherResult = other.ok ? check(other, options) : null;
  return { ...result, likelyReading: otherResult?.ok ? otherResult.value : null };
}

export interface FormatDecimalOptions {
  /** Fewest decimals shown; the stored ones are never cut (12345.67 is never shown as 12 346). */
  minDecimals?: number;
  /** Drop trailing zeros of the fraction (down to minDecimals): a rate of 2.5000 reads 2.5. */
  trimZeros?: boolean;
}

const GROUP_SIGN: Record<AmountLocale, string> = { en: ',', sv: '\u00a0', nb: '\u00a0' };
const DECIMAL_SIGN: Record<AmountLocale, string> = { en: '.', sv: ',', nb: ',' };
/** Swedish and Norwegian print a real minus sign, as Intl does. */
const MINUS_SIGN: Record<AmountLocale, string> = { en: '-', sv: '\u2212', nb: '\u2212' };

/** A plain decimal string in the language's way ("12345.6" → "12,345.6" / "12 345,6"); anything else as it is. */
export function formatDecimal(value: string, locale: AmountLocale, { minDecimals = 0, trimZeros = false }: FormatDecimalOptions = {}): string {
  if (!isPlainDecimal(value)) return value;
  const lang: AmountLocale = GROUP_SIGN[locale] ? locale : 'en';
  const negative = value.startsWith('-');
  const [integerDigits, fractionDigits = ''] = value.replace('-', '').split('.');
  const integer = integerDigits.replace(/^0+(?=\d)/, '');
  let fraction = fractionDigits;
  if (trimZeros) fraction = fraction.replace(/0+$/, '');
  if (fraction.length < minDecimals) fraction = fraction.padEnd(minDecimals, '0');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SIGN[lang]);
  const zero = /^0*$/.test(integer + fraction);
  return `${negative && !zero ? MINUS_SIGN[lang] : ''}${grouped}${fraction ? DECIMAL_SIGN[lang] + fraction : ''}`;
}

/**
 * An amount with its currency code, with at least the currency's two decimals and every stored one:
 * "SEK 12,345.67" in English, "12 345,67 SEK" in Swedish and Norwegian. Always the code, so a list
 * that mixes Swedish and Norwegian kronor never shows two kinds of "kr".
 */
export function formatMoneyText(value: string, currency: string | null | undefined, locale: AmountLocale, options: FormatDecimalOptions = {}): string {
  const number = formatDecimal(value, locale, { minDecimals: 2, ...options });
  if (!currency) return number;
  return locale === 'en' ? `${currency}\u00a0${number}` : `${number}\u00a0${currency}`;
}

/** A percentage or rate as stored, trailing zeros dropped: "2.5 %" / "2,5 %". */
export function formatPercentText(value: string, locale: AmountLocale): string {
  return `${formatDecimal(value, locale, { trimZeros: true })} %`;
}
