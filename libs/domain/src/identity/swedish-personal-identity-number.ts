/**
 * Swedish personnummer and samordningsnummer (coordination number, day of month + 60).
 *
 * Written here rather than wrapping the `personnummer` package (v3): that package throws one
 * generic error for every refusal (we must say why: check digit, date, format), decides the
 * century from the machine's clock with no way to pass "today", and validates dates through
 * JS `Date` in local time. The spec uses it as an independent oracle instead.
 */
import { luhnCheckDigit } from '../checksum/checksum';
import { LocalDate } from '../calendar/local-date';
import { checkDigitMessage, compactInput, IdentityErrorCode, identityError } from './identity-errors';

export interface SwedishPersonalIdentityNumberOptions {
  /** Decides the century of the 10-digit form; defaults to today in Sweden. */
  today?: LocalDate;
  /** Input field named in errors. */
  field?: string;
}

/** Optional century, YYMMDD, optional separator, NNNN (after removing spaces). */
const SPELLING = /^(\d{2})?(\d{6})([-+])?(\d{4})$/;
const COORDINATION_DAY_OFFSET = 60;

export class SwedishPersonalIdentityNumber {
  readonly country = 'SE' as const;

  private constructor(
    /** Canonical form YYYYMMDD-NNNN (a samordningsnummer keeps its day + 60). */
    readonly value: string,
    readonly birthDate: LocalDate,
    /** Samordningsnummer: given by Skatteverket to people not registered in Sweden. */
    readonly isCoordinationNumber: boolean,
  ) {
    Object.freeze(this);
  }

  /**
   * Accepts YYMMDD-NNNN, YYMMDD+NNNN (100 years or older), YYMMDDNNNN, YYYYMMDD-NNNN,
   * YYYYMMDDNNNN, with spaces anywhere. Without a century the person is taken to be under 100
   * in `today`'s year ("-" or none) or at least 100 ("+"), which is how Skatteverket writes them:
   * the separator changes to "+" from the year the person turns 100.
   */
  static parse(input: string, options: SwedishPersonalIdentityNumberOptions = {}): SwedishPersonalIdentityNumber {
    const field = options.field ?? 'personalIdentityNumber';
    const compact = compactInput(input, field, 'Swedish personal identity number');
    const match = SPELLING.exec(compact);
    if (!match) {
      throw identityError(
        IdentityErrorCode.FORMAT,
        `"${input}" is not a Swedish personal identity number: write 10 or 12 digits, as YYMMDD-NNNN or YYYYMMDD-NNNN.`,
        field,
        input,
      );
    }
    const [, century, yymmdd, separator, last4] = match;
    const ten = yymmdd + last4;

    const expected = luhnCheckDigit(ten.slice(0, 9));
    if (expected !== Number(ten[9])) {
      throw identityError(IdentityErrorCode.CHECK_DIGIT, checkDigitMessage(expected, ten[9]), field, input);
    }

    const today = options.today ?? LocalDate.today();
    const yy = Number(yymmdd.slice(0, 2));
    const year = century !== undefined ? Number(century + yymmdd.slice(0, 2)) : inferYear(yy, separator === '+', today.year);
    if (year < 1800) {
      throw identityError(IdentityErrorCode.DATE, `The birth year ${year} is not possible: the century must be 18, 19 or 20.`, field, input);
    }
    const month = Number(yymmdd.slice(2, 4));
    const dayInNumber = Number(yymmdd.slice(4, 6));
    const isCoordinationNumber = dayInNumber > COORDINATION_DAY_OFFSET;
    const day = isCoordinationNumber ? dayInNumber - COORDINATION_DAY_OFFSET : dayInNumber;
    const shown = `${year}-${yymmdd.slice(2, 4)}-${String(day).padStart(2, '0')}`;

    if (!LocalDate.isValid(year, month, day)) {
      const note = isCoordinationNumber ? ' (a coordination number adds 60 to the day)' : '';
      throw identityError(IdentityErrorCode.DATE, `The birth date ${shown} in the number does not exist${note}.`, field, input);
    }
    const birthDate = LocalDate.of(year, month, day);
    if (birthDate.isAfter(today)) {
      throw identityError(IdentityErrorCode.DATE, `The birth date ${shown} in the number lies in the future.`, field, input);
    }
    return new SwedishPersonalIdentityNumber(`${year}${ten.slice(2, 6)}-${last4}`, birthDate, isCoordinationNumber);
  }

  /** Whether `input` parses; for filters, not for telling a user why. */
  static isValid(input: string, options?: SwedishPersonalIdentityNumberOptions): boolean {
    try {
      SwedishPersonalIdentityNumber.parse(input, options);
      return true;
    } catch {
      return false;
    }
  }

  /** The 10-digit form as Skatteverket writes it in `today`'s year: "-" under 100, "+" from the year of the 100th birthday. */
  toShortForm(today: LocalDate = LocalDate.today()): string {
    const separator = today.year - this.birthDate.year >= 100 ? '+' : '-';
    return `${this.value.slice(2, 8)}${separator}${this.value.slice(9)}`;
  }

  equals(other: SwedishPersonalIdentityNumber): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}

/** The latest year ending in `yy` that is within the last 100 years (or, with "+", at least 100 years ago). */
function inferYear(yy: number, centenarian: boolean, currentYear: number): number {
  const latest = centenarian ? currentYear - 100 : currentYear;
  return latest - ((((latest - yy) % 100) + 100) % 100);
}
