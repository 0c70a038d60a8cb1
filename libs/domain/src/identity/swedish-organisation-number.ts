/**
 * Swedish organisationsnummer (Bolagsverket/Skatteverket): 10 digits, Luhn check digit,
 * digits 3-4 at least 20 so it can never be a birth date, first digit the group.
 *
 * Written here rather than wrapping the `organisationsnummer` package (v1): it throws one
 * generic error, silently accepts any personnummer as an organisation number (we must only do
 * that for sole traders, when asked), accepts group digit 4, and mishandles a "+" separator.
 */
import { luhnCheckDigit } from '../checksum/checksum';
import { LocalDate } from '../calendar/local-date';
import { checkDigitMessage, compactInput, IdentityErrorCode, identityError } from './identity-errors';
import { SwedishPersonalIdentityNumber } from './swedish-personal-identity-number';

/** What the group digit (or a personnummer, for enskild firma) says the organisation is. */
export type SwedishOrganisationKind =
  | 'ESTATE' // 1 dödsbo
  | 'PUBLIC_SECTOR' // 2 stat, region, kommun, församling
  | 'FOREIGN_COMPANY' // 3 utländskt företag med verksamhet eller fastighet i Sverige
  | 'LIMITED_COMPANY' // 5 aktiebolag (AB)
  | 'SIMPLE_PARTNERSHIP' // 6 enkelt bolag
  | 'ECONOMIC_ASSOCIATION' // 7 ekonomisk förening, bostadsrättsförening
  | 'NON_PROFIT_OR_FOUNDATION' // 8 ideell förening, stiftelse
  | 'TRADING_OR_LIMITED_PARTNERSHIP' // 9 handelsbolag (HB), kommanditbolag (KB)
  | 'SOLE_TRADER'; // enskild firma (EF): the owner's personnummer

const GROUPS: Readonly<Record<number, SwedishOrganisationKind>> = {
  1: 'ESTATE',
  2: 'PUBLIC_SECTOR',
  3: 'FOREIGN_COMPANY',
  5: 'LIMITED_COMPANY',
  6: 'SIMPLE_PARTNERSHIP',
  7: 'ECONOMIC_ASSOCIATION',
  8: 'NON_PROFIT_OR_FOUNDATION',
  9: 'TRADING_OR_LIMITED_PARTNERSHIP',
};

export interface SwedishOrganisationNumberOptions {
  /** Accept a personnummer as the organisation number of a sole trader (enskild firma). */
  allowPersonalIdentityNumber?: boolean;
  /** Decides the century of a sole trader's 10-digit personnummer; defaults to today in Sweden. */
  today?: LocalDate;
  field?: string;
}

/** Optional "16" (or a personnummer's century), six digits, optional separator, four digits. */
const SPELLING = /^(\d{2})?(\d{6})([-+])?(\d{4})$/;

export class SwedishOrganisationNumber {
  readonly country = 'SE' as const;

  private constructor(
    /** NNNNNN-NNNN; for a sole trader the personnummer's YYYYMMDD-NNNN (the 10-digit form is ambiguous across centuries). */
    readonly value: string,
    readonly kind: SwedishOrganisationKind,
    /** First digit for legal persons; null for a sole trader. */
    readonly groupDigit: number | null,
    /** Set only for a sole trader (enskild firma). */
    readonly personalIdentityNumber: SwedishPersonalIdentityNumber | null,
  ) {
    Object.freeze(this);
  }

  /** Accepts NNNNNN-NNNN, NNNNNNNNNN and the 12-digit 16NNNNNNNNNN, with spaces anywhere. */
  static parse(input: string, options: SwedishOrganisationNumberOptions = {}): SwedishOrganisationNumber {
    const field = options.field ?? 'organisationNumber';
    const match = SPELLING.exec(compactInput(input, field, 'Swedish organisation number'));
    if (!match) {
      throw identityError(
        IdentityErrorCode.FORMAT,
        `"${input}" is not a Swedish organisation number: write 10 digits, as NNNNNN-NNNN.`,
        field,
        input,
      );
    }
    const [, prefix, first6, separator, last4] = match;
    const ten = first6 + last4;

    // Digits 3-4 under 20 are a birth month: this is a personnummer (or a mistyped number).
    const looksPersonal = Number(ten[2]) < 2;
    if (!looksPersonal && prefix !== undefined && prefix !== '16') {
      throw identityError(IdentityErrorCode.FORMAT, `"${input}" is not a Swedish organisation number: the 12-digit form starts with 16.`, field, input);
    }
    if (looksPersonal) {
      if (!options.allowPersonalIdentityNumber) {
        throw identityError(
          IdentityErrorCode.ORGANISATION_IS_PERSONAL,
          `"${input}" looks like a personal identity number, not an organisation number: the third digit of an organisation number is 2 or more. A sole trader (enskild firma) uses the owner's personal identity number, which is not accepted here.`,
          field,
          input,
        );
      }
      const person = SwedishPersonalIdentityNumber.parse(input, { today: options.today, field });
      return new SwedishOrganisationNumber(person.value, 'SOLE_TRADER', null, person);
    }
    if (separator === '+') {
      throw identityError(IdentityErrorCode.FORMAT, `"${input}" is not a Swedish organisation number: the separator is "-", "+" is only used in personal identity numbers.`, field, input);
    }

    const expected = luhnCheckDigit(ten.slice(0, 9));
    if (expected !== Number(ten[9])) {
      throw identityError(IdentityErrorCode.CHECK_DIGIT, checkDigitMessage(expected, ten[9]), field, input);
    }
    const groupDigit = Number(ten[0]);
    const kind = GROUPS[groupDigit];
    if (kind === undefined) {
      throw identityError(
        IdentityErrorCode.ORGANISATION_GROUP,
        `No Swedish organisation number starts with ${groupDigit}: the first digit (the group) is 1-3 or 5-9.`,
        field,
        input,
      );
    }
    return new SwedishOrganisationNumber(`${first6}-${last4}`, kind, groupDigit, null);
  }

  static isValid(input: string, options?: SwedishOrganisationNumberOptions): boolean {
    try {
      SwedishOrganisationNumber.parse(input, options);
      return true;
    } catch {
      return false;
    }
  }

  get isSoleTrader(): boolean {
    return this.kind === 'SOLE_TRADER';
  }

  /** The 10 digits without separator (a sole trader's personnummer without century). */
  get tenDigits(): string {
    return this.value.replace('-', '').slice(-10);
  }

  /** Swedish VAT number (momsregistreringsnummer): SE + 10 digits + 01, if the organisation is VAT registered. */
  get vatNumber(): string {
    return `SE${this.tenDigits}01`;
  }

  equals(other: SwedishOrganisationNumber): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
