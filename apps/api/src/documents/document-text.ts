import Decimal from 'decimal.js';

/** The languages a document is written in: Swedish, Norwegian (bokmål), or English where asked. */
export type DocumentLanguage = 'sv' | 'nb' | 'en';

/** A Swedish debtor (or client) reads Swedish, a Norwegian one Norwegian. */
export function languageOfCountry(country: string): DocumentLanguage {
  return country === 'NO' ? 'nb' : 'sv';
}

/** One text in each language. */
export type Texts = Record<DocumentLanguage, string>;

const NBSP = '\u00a0';

/**
 * An amount as a reader of the language writes it: 1 234,50 (sv, nb) or 1,234.50 (en). Computed
 * from the decimal string, never through a float or the platform's Intl data (which could
 * change the bytes between Node versions).
 */
export function money(amount: string | Decimal, language: DocumentLanguage): string {
  const value = new Decimal(amount);
  const [whole, cents] = value.abs().toFixed(2, Decimal.ROUND_HALF_UP).split('.');
  const group = language === 'en' ? ',' : NBSP;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${value.isNegative() && !value.isZero() ? '\u2212' : ''}${grouped}${language === 'en' ? '.' : ','}${cents}`;
}

/** An amount with its currency: "1 234,50 kr" in Swedish and Norwegian, "SEK 1,234.50" in English. */
export function moneyWithCurrency(amount: string | Decimal, currency: string, language: DocumentLanguage): string {
  return language === 'en' ? `${currency}${NBSP}${money(amount, language)}` : `${money(amount, language)}${NBSP}kr`;
}

/** A quantity or rate without trailing zeros: 10, 2.5 / 2,5. */
export function number(value: string, language: DocumentLanguage): string {
  const text = new Decimal(value).toString();
  return language === 'en' ? text : text.replace('.', ',');
}

/** A date (YYYY-MM-DD) as written in the language: ISO in Swedish and English, DD.MM.YYYY in Norwegian. */
export function date(iso: string, language: DocumentLanguage): string {
  if (language !== 'nb') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** Fills `{name}` placeholders of a text. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
