/**
 * IBAN (ISO 13616) and BIC (ISO 9362), checked with `ibantools`: the country's length and BBAN
 * pattern from the SWIFT IBAN registry, the mod-97 check digits, and for some countries the
 * domestic account's own check digit (Norway's MOD11 among them). A Swedish IBAN's account part
 * does not map to a clearing number without Bankgirot's bank-code table, so ibantools (and we)
 * check it by mod 97 only.
 */
import { electronicFormatIBAN, extractBIC, friendlyFormatIBAN, getCountrySpecifications, validateBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { BankAccountErrorCode as Code, bankAccountError, MISTYPED } from './bank-account-errors';

export interface IbanOptions {
  /** Countries (ISO 3166 alpha-2) whose IBANs are accepted here; all IBAN countries when absent. */
  countries?: readonly string[];
}

export interface ParsedIban {
  /** Electronic format: upper case, no spaces (SE4550000000058398257466). */
  iban: string;
  country: string;
  /** Upper case, 8 or 11 characters; null when none was given. */
  bic: string | null;
}

export function parseIban(input: string, bic: string | undefined, field: string, bicField: string, options: IbanOptions = {}): ParsedIban {
  const details = { value: input };
  // People paste "IBAN: SE45 5000 ..." or use dashes and dots between the groups.
  const compact = input.replace(/^\s*IBAN:?/i, '').replace(/[\s.-]+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) {
    throw bankAccountError(
      Code.IBAN_INVALID,
      `"${input}" is not an IBAN: it starts with two letters for the country and two check digits, then the account, such as SE45 5000 0000 0583 9825 7466.`,
      field,
      details,
    );
  }
  const iban = electronicFormatIBAN(compact) ?? compact;
  const country = iban.slice(0, 2);
  const specification = getCountrySpecifications()[country];
  if (!specification?.chars) {
    throw bankAccountError(Code.IBAN_COUNTRY, `"${country}" at the start of ${input} is not a country that uses IBAN. Check the first two letters.`, field, { ...details, country });
  }
  if (options.countries && !options.countries.includes(country)) {
    throw bankAccountError(
      Code.IBAN_COUNTRY_NOT_ALLOWED,
      `The IBAN ${input} is an account in ${country}; here only accounts in ${options.countries.join(' or ')} are accepted.`,
      field,
      { ...details, country, allowed: [...options.countries] },
    );
  }
  const errors = validateIBAN(iban).errorCodes;
  const shapeErrors = [ValidationErrorsIBAN.WrongBBANLength, ValidationErrorsIBAN.WrongBBANFormat, ValidationErrorsIBAN.ChecksumNotNumber];
  if (errors.some((error) => shapeErrors.includes(error))) {
    const message =
      iban.length !== specification.chars
        ? `The IBAN ${input} has ${iban.length} characters, but IBANs from ${country} have ${specification.chars}. Check for a missing or extra character.`
        : `The IBAN ${input} has a character where an IBAN from ${country} cannot have it. Check for a mistyped character.`;
    throw bankAccountError(Code.IBAN_INVALID, message, field, { ...details, country, expectedLength: specification.chars });
  }
  if (errors.includes(ValidationErrorsIBAN.WrongIBANChecksum)) {
    throw bankAccountError(Code.IBAN_CHECK_DIGITS, `The IBAN ${input} does not add up: its check digits (the two after ${country}) do not match the rest. ${MISTYPED}`, field, details);
  }
  if (errors.length > 0) {
    // WrongAccountBankBranchChecksum (the domestic account's check digit), or a code added later.
    throw bankAccountError(
      Code.IBAN_ACCOUNT_CHECK_DIGIT,
      `The IBAN ${input} holds the ${country} account number ${iban.slice(4)}, whose own check digit is wrong. ${MISTYPED}`,
      field,
      { ...details, errors },
    );
  }
  return { iban, country, bic: bic === undefined || bic.trim() === '' ? null : parseBic(bic, country, bicField) };
}

function parseBic(input: string, ibanCountry: string, field: string): string {
  const bic = input.replace(/\s+/g, '').toUpperCase();
  if (!validateBIC(bic).valid) {
    throw bankAccountError(
      Code.BIC_INVALID,
      `"${input}" is not a BIC (SWIFT code): it has 8 or 11 letters and digits, bank (4 letters), country (2 letters), location (2) and an optional branch (3), such as ESSESESS.`,
      field,
      { value: input },
    );
  }
  const bicCountry = extractBIC(bic).countryCode;
  if (bicCountry !== ibanCountry) {
    throw bankAccountError(
      Code.BIC_COUNTRY_MISMATCH,
      `The BIC ${bic} is a bank in ${bicCountry}, but the IBAN is an account in ${ibanCountry}. Check that both belong to the same account.`,
      field,
      { value: input, bicCountry, ibanCountry },
    );
  }
  return bic;
}

/** Groups of four, as printed on statements: SE45 5000 0000 0583 9825 7466. */
export function displayIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}
