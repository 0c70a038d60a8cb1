import { InvalidValueError } from '../errors';

/** Why a payout or repayment account is refused. Stable: clients and the console rely on them. */
export const BankAccountErrorCode = {
  /** The kind is not one of BANK_ACCOUNT_KINDS. */
  KIND_UNKNOWN: 'BANK_ACCOUNT_KIND_UNKNOWN',
  /** The kind exists but is not used in the client's country (a bankgiro for a Norwegian client). */
  KIND_NOT_ALLOWED: 'BANK_ACCOUNT_KIND_NOT_ALLOWED',
  /** Characters other than digits and the separators people type. */
  FORMAT: 'BANK_ACCOUNT_FORMAT',
  /** The right characters, but too few or too many digits for the kind or the bank. */
  LENGTH: 'BANK_ACCOUNT_LENGTH',
  /** The check digit does not match: usually a mistyped or swapped digit. */
  CHECK_DIGIT: 'BANK_ACCOUNT_CHECK_DIGIT',
  /** The clearing number belongs to no bank we know (Bankgirot's list of clearing-number series). */
  CLEARING_UNKNOWN: 'BANK_ACCOUNT_CLEARING_UNKNOWN',
  /** The fifth digit of a Swedbank 8xxx-x clearing number does not match the first four. */
  CLEARING_CHECK_DIGIT: 'BANK_ACCOUNT_CLEARING_CHECK_DIGIT',
  /** Not an IBAN: wrong length or characters for its country. */
  IBAN_INVALID: 'IBAN_INVALID',
  /** The two IBAN check digits (mod 97) do not match. */
  IBAN_CHECK_DIGITS: 'IBAN_CHECK_DIGITS',
  /** The first two letters are not a country that uses IBAN. */
  IBAN_COUNTRY: 'IBAN_COUNTRY',
  /** An IBAN of a country the caller does not accept here. */
  IBAN_COUNTRY_NOT_ALLOWED: 'IBAN_COUNTRY_NOT_ALLOWED',
  /** The domestic account inside the IBAN fails its own check digit (ibantools checks it for Norway and some others). */
  IBAN_ACCOUNT_CHECK_DIGIT: 'IBAN_ACCOUNT_CHECK_DIGIT',
  /** The BIC (SWIFT code) is not 8 or 11 characters of the right shape. */
  BIC_INVALID: 'BIC_INVALID',
  /** The BIC's country is not the IBAN's. */
  BIC_COUNTRY_MISMATCH: 'BIC_COUNTRY_MISMATCH',
} as const;

export type BankAccountErrorCode = (typeof BankAccountErrorCode)[keyof typeof BankAccountErrorCode];

export function bankAccountError(code: BankAccountErrorCode, message: string, field: string, details: Record<string, unknown>): InvalidValueError {
  return new InvalidValueError(code, message, field, details);
}

/** The same sentence for every check-digit refusal, so people learn what to look for. */
export const MISTYPED = 'Check for a mistyped or swapped digit.';
