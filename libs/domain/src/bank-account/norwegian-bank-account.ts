/**
 * Norwegian bank account number (kontonummer): 11 digits, bank register number (4), account
 * group (2), customer number (4) and a MOD11 check digit with weights 5,4,3,2,7,6,5,4,3,2.
 * A remainder giving 10 is never used as a check digit, so no account has such a first ten.
 */
import { mod11CheckDigit } from '../checksum/checksum';
import { BankAccountErrorCode as Code, bankAccountError, MISTYPED } from './bank-account-errors';

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const SEPARATORS = /[\s.-]+/g;

/** Canonical: the 11 digits. */
export function parseNorwegianBankAccount(input: string, field: string): string {
  const digits = input.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) {
    throw bankAccountError(Code.FORMAT, `"${input}" is not a Norwegian account number: write 11 digits, as NNNN.NN.NNNNN.`, field, { value: input });
  }
  if (digits.length !== 11) {
    throw bankAccountError(Code.LENGTH, `A Norwegian account number has 11 digits, written NNNN.NN.NNNNN; "${input}" has ${digits.length}.`, field, { value: input });
  }
  const expected = norwegianAccountCheckDigit(digits.slice(0, 10));
  if (expected === null) {
    throw bankAccountError(
      Code.CHECK_DIGIT,
      `No Norwegian account number starts with ${digits.slice(0, 10)}: its MOD11 check digit would be 10. ${MISTYPED}`,
      field,
      { value: input },
    );
  }
  if (expected !== Number(digits[10])) {
    throw bankAccountError(Code.CHECK_DIGIT, `The check digit of the account number ${input} is wrong: expected ${expected}, got ${digits[10]}. ${MISTYPED}`, field, {
      value: input,
      expected,
    });
  }
  return digits;
}

export function norwegianAccountCheckDigit(firstTen: string): number | null {
  return mod11CheckDigit(firstTen, WEIGHTS);
}

/** NNNN.NN.NNNNN, as Norwegian banks print it. */
export function displayNorwegianBankAccount(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
}
