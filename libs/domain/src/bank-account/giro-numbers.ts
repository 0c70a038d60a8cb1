/**
 * Bankgiro and PlusGiro numbers: Swedish giro accounts that payers pay to with an OCR reference.
 * Both end in a Luhn (mod 10) check digit over the whole number.
 *   Bankgiro (Bankgirot): 7 or 8 digits, written NNN-NNNN or NNNN-NNNN.
 *   PlusGiro (Nordea's Plusgirot): 2 to 8 digits, written in pairs from the right with the
 *   check digit after a dash: 12 34 56-7, 123 45 67-8.
 */
import { luhnCheckDigit } from '../checksum/checksum';
import { BankAccountErrorCode as Code, bankAccountError, MISTYPED } from './bank-account-errors';

const SEPARATORS = /[\s.-]+/g;

interface Giro {
  name: string;
  minLength: number;
  maxLength: number;
  example: string;
}

const BANKGIRO: Giro = { name: 'bankgiro number', minLength: 7, maxLength: 8, example: 'NNNN-NNNN' };
const PLUSGIRO: Giro = { name: 'PlusGiro number', minLength: 2, maxLength: 8, example: '12 34 56-7' };

/** Digits only; refuses letters, wrong lengths and a wrong check digit. */
function parseGiro(giro: Giro, input: string, field: string): string {
  const digits = input.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) {
    throw bankAccountError(Code.FORMAT, `"${input}" is not a ${giro.name}: write digits only, such as ${giro.example}.`, field, { value: input });
  }
  if (digits.length < giro.minLength || digits.length > giro.maxLength) {
    throw bankAccountError(
      Code.LENGTH,
      `A ${giro.name} has ${giro.minLength} to ${giro.maxLength} digits; "${input}" has ${digits.length}.`,
      field,
      { value: input },
    );
  }
  const expected = luhnCheckDigit(digits.slice(0, -1));
  const got = digits[digits.length - 1];
  if (expected !== Number(got)) {
    throw bankAccountError(
      Code.CHECK_DIGIT,
      `The check digit of the ${giro.name} ${input} is wrong: expected ${expected}, got ${got}. ${MISTYPED}`,
      field,
      { value: input, expected },
    );
  }
  return digits;
}

/** Canonical NNN-NNNN (7 digits) or NNNN-NNNN (8 digits), as Bankgirot writes them. */
export function parseBankgiro(input: string, field: string): string {
  const digits = parseGiro(BANKGIRO, input, field);
  return `${digits.slice(0, -4)}-${digits.slice(-4)}`;
}

/** Canonical: the digits; see `displayPlusgiro` for how it is written. */
export function parsePlusgiro(input: string, field: string): string {
  return parseGiro(PLUSGIRO, input, field);
}

/** Pairs from the right before the check digit; an odd leading digit joins the first pair (123 45 67-8). */
export function displayPlusgiro(digits: string): string {
  const body = digits.slice(0, -1);
  const head = body.length % 2 === 1 && body.length > 1 ? body.slice(0, 3) : body.slice(0, 2);
  const pairs = body.slice(head.length).match(/\d{2}/g) ?? [];
  return `${[head, ...pairs].join(' ')}-${digits.slice(-1)}`;
}
