/**
 * A client's payout or repayment account (utbetalningskonto, konto for tilbakebetaling), in one
 * of the forms Swedish and Norwegian companies give: bankgiro, PlusGiro, a Swedish clearing +
 * account number, a Norwegian account number, or an IBAN (with an optional BIC).
 * Validated on the way in; `value` is the canonical form to store, `display` the one to show.
 */
import { CountryCode, parseCountryCode } from '../country';
import { BankAccountErrorCode as Code, bankAccountError } from './bank-account-errors';
import { displayPlusgiro, parseBankgiro, parsePlusgiro } from './giro-numbers';
import { displayIban, parseIban } from './iban';
import { displayNorwegianBankAccount, parseNorwegianBankAccount } from './norwegian-bank-account';
import { displaySwedishBankAccount, parseSwedishBankAccount, SwedishBankAccountParts } from './swedish-bank-account';

export const BANK_ACCOUNT_KINDS = ['SE_BANKGIRO', 'SE_PLUSGIRO', 'SE_BANK_ACCOUNT', 'NO_BANK_ACCOUNT', 'IBAN'] as const;
export type BankAccountKind = (typeof BANK_ACCOUNT_KINDS)[number];

/** Which kinds a client in each country may give; the factor pays out in the client's currency. */
const ALLOWED_KINDS: Readonly<Record<CountryCode, readonly BankAccountKind[]>> = {
  SE: Object.freeze(['SE_BANKGIRO', 'SE_PLUSGIRO', 'SE_BANK_ACCOUNT', 'IBAN'] as const),
  NO: Object.freeze(['NO_BANK_ACCOUNT', 'IBAN'] as const),
};

export interface BankAccountInput {
  kind: string;
  value: string;
  /** IBAN only: the bank's BIC (SWIFT code), optional. */
  bic?: string | null;
}

export interface BankAccountOptions {
  /** Input field named in errors; its `.kind`, `.value` and `.bic` are named for each part. Default `bankAccount`. */
  field?: string;
  /** The client's country: refuses kinds not used there (and, for an IBAN, another country's account). */
  country?: CountryCode;
  /** IBAN only: the countries accepted; defaults to `[country]` when a country is given, else all. */
  ibanCountries?: readonly string[];
}

export interface BankAccountJSON {
  kind: BankAccountKind;
  value: string;
  bic?: string;
}

export class BankAccount {
  private constructor(
    readonly kind: BankAccountKind,
    /** Canonical: NNNN-NNNN (bankgiro), digits (PlusGiro, Norwegian account), CCCC-AAAAAAA (Swedish account), electronic IBAN. */
    readonly value: string,
    /** As people write it: 12 34 56-7, 8327-9, 973 221 471-4, 1234.56.78903, SE45 5000 0000 ... */
    readonly display: string,
    /** The account's country: SE or NO, or the IBAN's country. */
    readonly country: string,
    readonly bic: string | null,
    /** SE_BANK_ACCOUNT only: the bank, clearing number and zero-filled account number. */
    readonly swedishAccount: Readonly<Omit<SwedishBankAccountParts, 'series'>> | null,
  ) {
    Object.freeze(this);
  }

  /** Accepts spaces, dashes and dots between digit groups (and Swedbank's comma). */
  static parse(input: BankAccountInput, options: BankAccountOptions = {}): BankAccount {
    const field = options.field ?? 'bankAccount';
    const valueField = `${field}.value`;
    const kind = parseKind(input?.kind, `${field}.kind`);
    if (options.country !== undefined) {
      const country = parseCountryCode(options.country);
      if (!ALLOWED_KINDS[country].includes(kind)) {
        throw bankAccountError(
          Code.KIND_NOT_ALLOWED,
          `A client in ${country} cannot use a ${KIND_NAMES[kind]} here: use ${ALLOWED_KINDS[country].map((k) => KIND_NAMES[k]).join(', ')}.`,
          `${field}.kind`,
          { kind, country },
        );
      }
    }
    const value = input.value;
    if (typeof value !== 'string' || value.trim() === '') {
      throw bankAccountError(Code.FORMAT, `Give the ${KIND_NAMES[kind]} as text.`, valueField, { value });
    }
    if (kind !== 'IBAN' && input.bic != null && input.bic.trim() !== '') {
      throw bankAccountError(Code.FORMAT, `A BIC is only given with an IBAN, not with a ${KIND_NAMES[kind]}.`, `${field}.bic`, { kind });
    }

    switch (kind) {
      case 'SE_BANKGIRO': {
        const canonical = parseBankgiro(value, valueField);
        return new BankAccount(kind, canonical, canonical, 'SE', null, null);
      }
      case 'SE_PLUSGIRO': {
        const digits = parsePlusgiro(value, valueField);
        return new BankAccount(kind, digits, displayPlusgiro(digits), 'SE', null, null);
      }
      case 'SE_BANK_ACCOUNT': {
        const parts = parseSwedishBankAccount(value, valueField);
        const { series: _series, ...account } = parts;
        const clearing = parts.clearingNumber + (parts.clearingCheckDigit ?? '');
        return new BankAccount(kind, `${clearing}-${parts.accountNumber}`, displaySwedishBankAccount(parts), 'SE', null, Object.freeze(account));
      }
      case 'NO_BANK_ACCOUNT': {
        const digits = parseNorwegianBankAccount(value, valueField);
        return new BankAccount(kind, digits, displayNorwegianBankAccount(digits), 'NO', null, null);
      }
      case 'IBAN': {
        const countries = options.ibanCountries ?? (options.country === undefined ? undefined : [options.country]);
        const { iban, country, bic } = parseIban(value, input.bic ?? undefined, valueField, `${field}.bic`, { countries });
        return new BankAccount(kind, iban, displayIban(iban), country, bic, null);
      }
    }
  }

  static isValid(input: BankAccountInput, options?: BankAccountOptions): boolean {
    try {
      BankAccount.parse(input, options);
      return true;
    } catch {
      return false;
    }
  }

  static fromJSON(json: BankAccountJSON): BankAccount {
    return BankAccount.parse(json);
  }

  /** The kinds a client in `country` may give as payout or repayment account. */
  static allowedKindsFor(country: CountryCode): readonly BankAccountKind[] {
    return ALLOWED_KINDS[parseCountryCode(country)];
  }

  /** Same kind and canonical value (and BIC): the same account written the same way. */
  equals(other: BankAccount): boolean {
    return this.kind === other.kind && this.value === other.value && this.bic === other.bic;
  }

  toString(): string {
    return this.display;
  }

  toJSON(): BankAccountJSON {
    return this.bic === null ? { kind: this.kind, value: this.value } : { kind: this.kind, value: this.value, bic: this.bic };
  }
}

const KIND_NAMES: Readonly<Record<BankAccountKind, string>> = {
  SE_BANKGIRO: 'bankgiro number',
  SE_PLUSGIRO: 'PlusGiro number',
  SE_BANK_ACCOUNT: 'Swedish bank account number',
  NO_BANK_ACCOUNT: 'Norwegian account number',
  IBAN: 'IBAN',
};

function parseKind(kind: unknown, field: string): BankAccountKind {
  if ((BANK_ACCOUNT_KINDS as readonly unknown[]).includes(kind)) return kind as BankAccountKind;
  throw bankAccountError(
    Code.KIND_UNKNOWN,
    `"${String(kind)}" is not a kind of account we pay to: use one of ${BANK_ACCOUNT_KINDS.join(', ')}.`,
    field,
    { kind },
  );
}
