/**
 * A Swedish bank account: clearing number + account number (kontonummer), checked against
 * Bankgirot's table of clearing-number series (see swedish-clearing-numbers.ts).
 *
 * Written here because the `kontonummer` package is not a dependency; this covers the same
 * table, and says which part is wrong (unknown clearing number, length for that bank, check digit).
 */
import { luhnCheckDigit } from '../checksum/checksum';
import { BankAccountErrorCode as Code, bankAccountError, MISTYPED } from './bank-account-errors';
import { displayPlusgiro } from './giro-numbers';
import { ClearingSeries, clearingSeriesOf } from './swedish-clearing-numbers';

export interface SwedishBankAccountParts {
  bankName: string;
  /** The four digits payment files use. */
  clearingNumber: string;
  /** Swedbank 8xxx-x only: the fifth digit people write after a dash. */
  clearingCheckDigit: string | null;
  /** Zero-filled to the bank's full length (7 for type 1, 9 for Handelsbanken, 10 otherwise). */
  accountNumber: string;
  series: ClearingSeries;
}

/** Separators people type between digit groups, including Swedbank's "8327-9, 123 456 789-0". */
const SEPARATORS = /[\s.,-]+/g;

export function parseSwedishBankAccount(input: string, field: string): SwedishBankAccountParts {
  const digits = input.replace(SEPARATORS, '');
  const details = { value: input };
  if (!/^\d+$/.test(digits)) {
    throw bankAccountError(
      Code.FORMAT,
      `"${input}" is not a Swedish bank account number: write the clearing number and then the account number, in digits (spaces, dashes and dots are fine).`,
      field,
      details,
    );
  }
  if (digits.length < 6) {
    throw bankAccountError(
      Code.LENGTH,
      `"${input}" is too short for a Swedish bank account number: write the 4-digit clearing number (5 digits for Swedbank numbers starting with 8) followed by the account number.`,
      field,
      details,
    );
  }
  const clearingNumber = digits.slice(0, 4);
  const series = clearingSeriesOf(clearingNumber);
  if (!series) {
    throw bankAccountError(
      Code.CLEARING_UNKNOWN,
      `No Swedish bank uses the clearing number ${clearingNumber}. Check the first four digits against the account holder's bank statement, or give the account as an IBAN.`,
      field,
      { ...details, clearingNumber },
    );
  }

  let clearingCheckDigit: string | null = null;
  let account = digits.slice(4);
  if (series.fiveDigitClearing) {
    const expected = String(luhnCheckDigit(clearingNumber));
    if (digits[4] !== expected) {
      throw bankAccountError(
        Code.CLEARING_CHECK_DIGIT,
        `${series.bankName} clearing numbers starting with 8 have five digits, the fifth a check digit: for ${clearingNumber} it is ${clearingNumber}-${expected}, not ${clearingNumber}-${digits[4]}. Write all five digits of the clearing number, then the account number.`,
        field,
        { ...details, clearingNumber, expected },
      );
    }
    clearingCheckDigit = expected;
    account = digits.slice(5);
  }
  // A personkonto's account number is the holder's personnummer; people often add the century.
  if (series.special === 'PERSONKONTO' && account.length === 12 && /^(18|19|20)/.test(account)) {
    account = account.slice(2);
  }

  const { min, max } = series.accountLength;
  if (account.length < min || account.length > max) {
    const expected = min === max ? `${max}` : `${min} to ${max}`;
    const clearing = clearingCheckDigit === null ? clearingNumber : `${clearingNumber}-${clearingCheckDigit}`;
    throw bankAccountError(
      Code.LENGTH,
      `An account at ${series.bankName} (clearing number ${clearing}) has ${expected} digits after the clearing number; "${input}" has ${account.length}.`,
      field,
      { ...details, clearingNumber, accountDigits: account.length },
    );
  }
  const accountNumber = account.padStart(max, '0');
  if (!checkDigitMatches(series, clearingNumber, accountNumber)) {
    throw bankAccountError(
      Code.CHECK_DIGIT,
      `The account number ${accountNumber} at ${series.bankName} does not pass the bank's check-digit test (${ruleName(series)}). ${MISTYPED}`,
      field,
      { ...details, clearingNumber, accountNumber },
    );
  }
  return { bankName: series.bankName, clearingNumber, clearingCheckDigit, accountNumber, series };
}

function checkDigitMatches(series: ClearingSeries, clearingNumber: string, accountNumber: string): boolean {
  const { rule } = series;
  if (rule.type === 1) {
    // Weights 1, 10, 9, ..., 2, 1 over clearing + account (comment 2), or the same weights
    // without the leading 1 over the last three clearing digits + account (comment 1).
    return rule.comment === 1 ? mod11Holds(clearingNumber.slice(1) + accountNumber) : mod11Holds(clearingNumber + accountNumber);
  }
  if (rule.comment === 2) return mod11Holds(accountNumber);
  // Luhn over the zero-filled number: leading zeros add nothing to the sum.
  return luhnCheckDigit(accountNumber.slice(0, -1)) === Number(accountNumber[accountNumber.length - 1]);
}

/**
 * Bankgirot's MOD11: weights 1, 2, 3, ... from the rightmost digit (the check digit), and 1
 * again for an eleventh digit (weight 11 would be 0 mod 11); the weighted sum is a multiple of 11.
 */
export function mod11Holds(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = i === 10 ? 1 : i + 1;
    sum += (digits.charCodeAt(digits.length - 1 - i) - 48) * weight;
  }
  return sum % 11 === 0;
}

function ruleName(series: ClearingSeries): string {
  return series.rule.type === 1 || series.rule.comment === 2 ? 'MOD11' : 'MOD10';
}

/**
 * As the banks print them: type 1 "9071, 417 23 83"; Handelsbanken "6789, 123 456 789";
 * Swedbank "8424-4, 983 189 224-6"; Nordea personkonto "3300, 000620-5124"; a Plusgirot
 * account in PlusGiro style "9960, 12 34 56-7". The zero-filling stays (banks print it too),
 * except for Plusgirot numbers, which are written without it.
 */
export function displaySwedishBankAccount(parts: SwedishBankAccountParts): string {
  const clearing = parts.clearingCheckDigit === null ? parts.clearingNumber : `${parts.clearingNumber}-${parts.clearingCheckDigit}`;
  const a = parts.accountNumber;
  const { rule, special } = parts.series;
  let account: string;
  if (rule.type === 1) account = `${a.slice(0, 3)} ${a.slice(3, 5)} ${a.slice(5)}`;
  else if (rule.comment === 2) account = `${a.slice(0, -6)} ${a.slice(-6, -3)} ${a.slice(-3)}`;
  else if (special === 'PERSONKONTO') account = `${a.slice(0, 6)}-${a.slice(6)}`;
  else if (special === 'PLUSGIRO') account = displayPlusgiro(a.replace(/^0+(?=\d{2})/, ''));
  else account = `${a.slice(0, 3)} ${a.slice(3, 6)} ${a.slice(6, 9)}-${a.slice(9)}`;
  return `${clearing}, ${account}`;
}
