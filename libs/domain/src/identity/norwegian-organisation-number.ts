/**
 * Norwegian organisasjonsnummer (Brønnøysundregistrene): 9 digits, the last a MOD11 check
 * digit with weights 3,2,7,6,5,4,3,2. No well-kept package exists, and it is ten lines.
 */
import { mod11CheckDigit } from '../checksum/checksum';
import { checkDigitMessage, compactInput, IdentityErrorCode, identityError } from './identity-errors';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;
/** Nine digits, optionally in the VAT spelling "NO 999 999 999 MVA". */
const SPELLING = /^(?:NO)?(\d{9})(?:MVA)?$/i;

export interface NorwegianOrganisationNumberOptions {
  field?: string;
}

export class NorwegianOrganisationNumber {
  readonly country = 'NO' as const;

  private constructor(
    /** Canonical: nine digits, no spaces. */
    readonly value: string,
  ) {
    Object.freeze(this);
  }

  /** Accepts "NNNNNNNNN", "NNN NNN NNN" and "NO NNNNNNNNN MVA". */
  static parse(input: string, options: NorwegianOrganisationNumberOptions = {}): NorwegianOrganisationNumber {
    const field = options.field ?? 'organisationNumber';
    const match = SPELLING.exec(compactInput(input, field, 'Norwegian organisation number'));
    if (!match) {
      throw identityError(
        IdentityErrorCode.FORMAT,
        `"${input}" is not a Norwegian organisation number: write 9 digits, as NNN NNN NNN.`,
        field,
        input,
      );
    }
    const digits = match[1];
    const expected = mod11CheckDigit(digits.slice(0, 8), WEIGHTS);
    if (expected === null) {
      throw identityError(
        IdentityErrorCode.CHECK_DIGIT,
        `No Norwegian organisation number starts with ${digits.slice(0, 8)}: its MOD11 check digit would be 10. Check for a mistyped or swapped digit.`,
        field,
        input,
      );
    }
    if (expected !== Number(digits[8])) {
      throw identityError(IdentityErrorCode.CHECK_DIGIT, checkDigitMessage(expected, digits[8]), field, input);
    }
    return new NorwegianOrganisationNumber(digits);
  }

  static isValid(input: string, options?: NorwegianOrganisationNumberOptions): boolean {
    try {
      NorwegianOrganisationNumber.parse(input, options);
      return true;
    } catch {
      return false;
    }
  }

  /** "NNN NNN NNN", as Brønnøysundregistrene prints it. */
  get display(): string {
    return `${this.value.slice(0, 3)} ${this.value.slice(3, 6)} ${this.value.slice(6)}`;
  }

  equals(other: NorwegianOrganisationNumber): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
