import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';

/** Amounts line up in columns: right-aligned, digits of one width. */
export const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The chart keeps every account's name in English, Swedish and Norwegian: the one of the chosen language. */
export const useAccountName = () => {
  const [locale] = useLocaleState();
  return useCallback(
    (account: { nameEn: string; nameSv: string; nameNb: string } | undefined) =>
      !account ? '' : locale === 'sv' ? account.nameSv : locale === 'nb' ? account.nameNb : account.nameEn,
    [locale],
  );
};

/**
 * The entry's descriptions are written in English by the API ("Payout of invoice DEMO-SE-1001"); the
 * console words the event itself and takes only the invoice number from them.
 */
export const invoiceNumberOf = (description: string): string | null => /invoice (\S+)$/.exec(description)?.[1] ?? null;

export const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
