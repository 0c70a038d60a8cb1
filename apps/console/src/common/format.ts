import Decimal from 'decimal.js';
import { useCallback, useMemo } from 'react';
import { formatDecimal, formatMoneyText, formatPercentText } from '@factoring/domain/src/money/amount-text';
import { useDateLocale } from '../DateTimeField';
import { useAmountLocale } from './money/locale';

/**
 * Amounts arrive as decimal strings ("150000.00"). They are shown in the language's way
 * (sv: 150 000,00 SEK, en: SEK 150,000.00; libs/domain amount-text) and never computed with
 * here beyond what a chart needs.
 */
export const toNumber = (value: string | null | undefined): number => {
  if (value === null || value === undefined || value === '') return 0;
  const number = Number(value);
  return Number.isFinite(number) ? number : 0;
};

/** Compares two decimal strings exactly (a missing one is zero): -1, 0 or 1. Decisions (over the limit, below zero) use this, never a float. */
export const compareAmounts = (a: string | null | undefined, b: string | null | undefined): number =>
  new Decimal(a || '0').comparedTo(new Decimal(b || '0'));

/**
 * A chart's figure arrives here as String(number): a sum of öre can carry binary noise
 * ("99.89999999999999"). No stored amount or rate has more than four decimals, so a longer
 * fraction is such noise and is rounded to the öre for display; stored values are never rounded.
 */
const withoutFloatNoise = (value: string): string => {
  const match = /^(-?\d+)\.(\d{7,})$/.exec(value);
  return match ? Number(value).toFixed(2) : value;
};

/**
 * One way to write a day per language, everywhere in the console (lists and pages alike):
 * en-GB 22/11/2026, sv-SE 2026-11-22, nb-NO 22.11.2026; a time after it as 21:06.
 */
export const DATE_FORMAT: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
export const DATE_TIME_FORMAT: Intl.DateTimeFormatOptions = { ...DATE_FORMAT, hour: '2-digit', minute: '2-digit' };

export function useFormat() {
  const locale = useDateLocale();
  const amountLocale = useAmountLocale();
  /**
   * An amount as stored, every decimal kept (a limit of 12 345.67 is never shown as 12 346), with
   * at least `decimals` (two with a currency), and its currency code: "SEK 12,345.67", "12 345,67 SEK".
   */
  const amount = useCallback(
    (value: string | null | undefined, currency?: string, { decimals }: { decimals?: number } = {}) => {
      if (value === null || value === undefined || value === '') return '—';
      const plain = withoutFloatNoise(String(value));
      const minDecimals = decimals ?? (currency ? 2 : 0);
      return currency
        ? formatMoneyText(plain, currency, amountLocale, { minDecimals })
        : formatDecimal(plain, amountLocale, { minDecimals });
    },
    [amountLocale],
  );
  /** A percentage as stored, trailing zeros dropped: "2.5 %", "2,5 %". */
  const percent = useCallback(
    (value: string | null | undefined) =>
      value === null || value === undefined || value === '' ? '—' : formatPercentText(withoutFloatNoise(String(value)), amountLocale),
    [amountLocale],
  );
  /** A calendar day (YYYY-MM-DD) or an instant, as a date. */
  const date = useCallback(
    (value: string | null | undefined) => {
      if (!value) return '—';
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
      return parsed.toLocaleDateString(locale, DATE_FORMAT);
    },
    [locale],
  );
  const dateTime = useCallback(
    (value: string | null | undefined) =>
      value
        ? new Date(value).toLocaleString(locale, DATE_TIME_FORMAT)
        : '—',
    [locale],
  );
  return useMemo(() => ({ amount, percent, date, dateTime, locale }), [amount, percent, date, dateTime, locale]);
}

/** Today as YYYY-MM-DD in the browser's time zone (for date inputs' minimum). */
export const today = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};
