/**
 * Norwegian fødselsnummer (11 digits: DDMMYY, individual number III, check digits K1 K2),
 * including D-numbers (day + 40) and H-numbers (month + 40), both flagged.
 * Two MOD11 check digits; the century follows from the individual number (Skatteetaten).
 * Written here: no well-kept package gives reasons for a refusal.
 * Not handled: the check-digit rules planned from 2032, and synthetic test numbers (month + 80).
 */
import { mod11CheckDigit } from '../checksum/checksum';
import { LocalDate } from '../calendar/local-date';
import { checkDigitMessage, compactInput, IdentityErrorCode, identityError } from './identity-errors';

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const SPELLING = /^(\d{6})-?(\d{5})$/;

export interface NorwegianPersonalIdentityNumberOptions {
  /** A birth date after this day is refused; defaults to today in Norway. */
  today?: LocalDate;
  field?: string;
}

export class NorwegianPersonalIdentityNumber {
  readonly country = 'NO' as const;

  private constructor(
    /** Canonical: 11 digits, as written (a D- or H-number keeps its +40). */
    readonly value: string,
    readonly birthDate: LocalDate,
    /** D-nummer: for people who are not (yet) registered as resident. */
    readonly isDNumber: boolean,
    /** H-nummer: a temporary number assigned by health services. */
    readonly isHNumber: boolean,
  ) {
    Object.freeze(this);
  }

  /** Accepts "DDMMYYIIIKK", "DDMMYY IIIKK" and "DDMMYY-IIIKK". */
  static parse(input: string, options: NorwegianPersonalIdentityNumberOptions = {}): NorwegianPersonalIdentityNumber {
    const field = options.field ?? 'personalIdentityNumber';
    const match = SPELLING.exec(compactInput(input, field, 'Norwegian national identity number'));
    if (!match) {
      throw identityError(
        IdentityErrorCode.FORMAT,
        `"${input}" is not a Norwegian national identity number: write 11 digits, as DDMMYY NNNNN.`,
        field,
        input,
      );
    }
    const digits = match[1] + match[2];
    checkDigit(digits.slice(0, 9), K1_WEIGHTS, digits[9], field, input);
    checkDigit(digits.slice(0, 10), K2_WEIGHTS, digits[10], field, input);

    let day = Number(digits.slice(0, 2));
    let month = Number(digits.slice(2, 4));
    const yy = Number(digits.slice(4, 6));
    const individual = Number(digits.slice(6, 9));
    const isDNumber = day > 40;
    const isHNumber = month > 40;
    if (isDNumber) day -= 40;
    if (isHNumber) month -= 40;

    const century = centuryOf(individual, yy);
    const year = century === null ? null : century + yy;
    if (year === null || (isDNumber && isHNumber) || !LocalDate.isValid(year, month, day)) {
      const why = year === null
        ? `the individual number ${digits.slice(6, 9)} was not given to anyone born in a year ending in ${digits.slice(4, 6)}`
        : isDNumber && isHNumber
          ? 'a number cannot be both a D-number (day + 40) and an H-number (month + 40)'
          : `the birth date ${year}-${pad(month)}-${pad(day)} does not exist`;
      throw identityError(IdentityErrorCode.DATE, `The birth date in the number is not valid: ${why}.`, field, input);
    }
    const birthDate = LocalDate.of(year, month, day);
    if (birthDate.isAfter(options.today ?? LocalDate.today('Europe/Oslo'))) {
      throw identityError(IdentityErrorCode.DATE, `The birth date ${birthDate} in the number lies in the future.`, field, input);
    }
    return new NorwegianPersonalIdentityNumber(digits, birthDate, isDNumber, isHNumber);
  }

  static isValid(input: string, options?: NorwegianPersonalIdentityNumberOptions): boolean {
    try {
      NorwegianPersonalIdentityNumber.parse(input, options);
      return true;
    } catch {
      return false;
    }
  }

  equals(other: NorwegianPersonalIdentityNumber): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}

/**
 * Skatteetaten's ranges: 000-499 born 1900-1999; 500-749 born 1854-1899; 500-999 born
 * 2000-2039; 900-999 born 1940-1999. Returns null when the pair fits no range.
 */
function centuryOf(individual: number, yy: number): number | null {
  if (individual <= 499) return 1900;
  if (individual <= 749 && yy >= 54) return 1800;
  if (yy <= 39) return 2000;
  if (individual >= 900 && yy >= 40) return 1900;
  return null;
}

function checkDigit(payload: string, weights: readonly number[], got: string, field: string, input: string): void {
  const expected = mod11CheckDigit(payload, weights);
  if (expected === null) {
    throw identityError(
      IdentityErrorCode.CHECK_DIGIT,
      `No Norwegian national identity number starts with ${payload}: its MOD11 check digit would be 10. Check for a mistyped or swapped digit.`,
      field,
      input,
    );
  }
  if (expected !== Number(got)) throw identityError(IdentityErrorCode.CHECK_DIGIT, checkDigitMessage(expected, got), field, input);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
