import { InvalidValueError } from '../errors';
import { MoneyErrorCode } from './money-errors';

/**
 * The ISO 4217 currencies the back office knows. Invoices are only bought in the client's
 * domestic currency, but payments and bank files may carry the others.
 * `minorUnits` is the number of decimals of the minor unit (öre, øre, cent).
 */
export const CURRENCIES = {
  SEK: { minorUnits: 2, name: 'Swedish krona' },
  NOK: { minorUnits: 2, name: 'Norwegian krone' },
  DKK: { minorUnits: 2, name: 'Danish krone' },
  EUR: { minorUnits: 2, name: 'Euro' },
} as const satisfies Record<string, { minorUnits: number; name: string }>;

export type CurrencyCode = keyof typeof CURRENCIES;

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CURRENCIES, value);
}

export function parseCurrencyCode(value: string, field = 'currency'): CurrencyCode {
  if (isCurrencyCode(value)) return value;
  const known = Object.keys(CURRENCIES).join(', ');
  const hint = /^[A-Za-z]{3}$/.test(value) && isCurrencyCode(value.toUpperCase())
    ? ` Currency codes are upper case: did you mean ${value.toUpperCase()}?`
    : '';
  throw new InvalidValueError(
    MoneyErrorCode.CURRENCY_UNKNOWN,
    `The currency "${value}" is not one we handle: use one of ${known} (ISO 4217).${hint}`,
    field,
    { value },
  );
}
