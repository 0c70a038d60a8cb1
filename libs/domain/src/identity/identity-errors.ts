import { InvalidValueError } from '../errors';

/** Why an identity or organisation number is refused. Stable: clients and the console rely on them. */
export const IdentityErrorCode = {
  /** Not the right digits, length or separators. */
  FORMAT: 'IDENTITY_NUMBER_FORMAT',
  /** The check digit (Luhn or MOD11) does not match: usually a mistyped digit. */
  CHECK_DIGIT: 'IDENTITY_NUMBER_CHECK_DIGIT',
  /** The birth date in the number does not exist, or lies in the future. */
  DATE: 'IDENTITY_NUMBER_DATE',
  /** The Swedish group digit (first digit) is not one Bolagsverket/Skatteverket use. */
  ORGANISATION_GROUP: 'ORGANISATION_NUMBER_GROUP',
  /** A Swedish personnummer where an organisation number was asked for, and sole traders are not allowed. */
  ORGANISATION_IS_PERSONAL: 'ORGANISATION_NUMBER_IS_PERSONAL_IDENTITY_NUMBER',
  /** A Peppol participant id that is not "scheme:value" (four-digit scheme, a colon, the identifier). */
  PEPPOL_ID_FORMAT: 'PEPPOL_ID_FORMAT',
  /** A Peppol participant id whose scheme we do not deliver to (not a Nordic one of the Peppol EAS code list). */
  PEPPOL_ID_SCHEME: 'PEPPOL_ID_SCHEME',
} as const;

export type IdentityErrorCode = (typeof IdentityErrorCode)[keyof typeof IdentityErrorCode];

export function identityError(code: IdentityErrorCode, message: string, field: string, input: unknown): InvalidValueError {
  return new InvalidValueError(code, message, field, { value: input });
}

/** Strips the spaces people type between digit groups; refuses non-strings as a format error. */
export function compactInput(input: unknown, field: string, what: string): string {
  if (typeof input !== 'string') {
    throw identityError(IdentityErrorCode.FORMAT, `The ${what} must be given as text.`, field, input);
  }
  return input.replace(/\s+/g, '');
}

export function checkDigitMessage(expected: number, got: string): string {
  return `The check digit is wrong: expected ${expected}, got ${got}. Check for a mistyped or swapped digit.`;
}
