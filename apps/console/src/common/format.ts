import { useCallback, useMemo } from 'react';
import { useLocaleState } from 'react-admin';
import { useDateLocale } from '../DateTimeField';

/**
 * Amounts arrive as decimal strings ("150000.00"). They are shown in the language's way
 * (sv: 150 000 kr, en: SEK 150,000) and never computed with here beyond what a chart needs.
 */
export const toNumber = (value: string | null | undefined): number => {
  if (value === null || value === undefined || value === '') return 0;
  const number = Number(value);
  return Number.isFinite(number) ? number : 0;
};

export function useFormat() {
  const locale = useDateLocale();
  const [language] = useLocaleState();
  const amount = useCallback(
    (value: string | null | undefined, currency?: string, { decimals = 0 }: { decimals?: number } = {}) => {
      if (value === null || value === undefined || value === '') return '—';
      const options: Intl.NumberFormatOptions = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
      if (currency) Object.assign(options, { style: 'currency', currency, currencyDisplay: language === 'en' ? 'code' : 'symbol' });
      return new Intl.NumberFormat(locale, options).format(toNumber(value));
    },
    [locale, language],
  );
  const percent = useCallback(
    (value: string | null | undefined) =>
      value === null || value === undefined || value === ''
        ? '—'
        : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(toNumber(value))} %`,
    [locale],
  );
  /** A calendar day (YYYY-MM-DD) or an instant, as a date. */
  const date = useCallback(
    (value: string | null | undefined) => {
      if (!value) return '—';
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
      return parsed.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
    },
    [locale],
  );
  const dateTime = useCallback(
    (value: string | null | undefined) =>
      value
        ? new Date(value).toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
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
