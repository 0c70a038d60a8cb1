import { InvalidValueError } from './errors';

/** The countries the factor operates in (ISO 3166-1 alpha-2). */
export type CountryCode = 'SE' | 'NO';

export const SUPPORTED_COUNTRIES: readonly CountryCode[] = ['SE', 'NO'];

export function isCountryCode(value: unknown): value is CountryCode {
  return value === 'SE' || value === 'NO';
}

/** Narrows a runtime string (GraphQL input, database row) to a supported country. */
export function parseCountryCode(value: string, field = 'country'): CountryCode {
  if (isCountryCode(value)) return value;
  throw new InvalidValueError(
    'COUNTRY_UNSUPPORTED',
    `The country "${value}" is not supported: only ${SUPPORTED_COUNTRIES.join(' and ')} are.`,
    field,
    { value },
  );
}
