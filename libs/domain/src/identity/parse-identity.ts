import { CountryCode, parseCountryCode } from '../country';
import { LocalDate } from '../calendar/local-date';
import { NorwegianOrganisationNumber } from './norwegian-organisation-number';
import { NorwegianPersonalIdentityNumber } from './norwegian-personal-identity-number';
import { SwedishOrganisationNumber } from './swedish-organisation-number';
import { SwedishPersonalIdentityNumber } from './swedish-personal-identity-number';

export type OrganisationNumber = SwedishOrganisationNumber | NorwegianOrganisationNumber;
export type PersonalIdentityNumber = SwedishPersonalIdentityNumber | NorwegianPersonalIdentityNumber;

export interface ParseIdentityOptions {
  /** SE only: accept a personnummer as a sole trader's (enskild firma) organisation number. */
  allowPersonalIdentityNumber?: boolean;
  /** Decides the century of 10-digit Swedish numbers and refuses future birth dates. */
  today?: LocalDate;
  field?: string;
}

/** The domestic organisation number of a company in `country`; narrow on `.country`. */
export function parseOrganisationNumber(country: CountryCode, input: string, options: ParseIdentityOptions = {}): OrganisationNumber {
  switch (parseCountryCode(country)) {
    case 'SE':
      return SwedishOrganisationNumber.parse(input, options);
    case 'NO':
      return NorwegianOrganisationNumber.parse(input, { field: options.field });
  }
}

/** A private person's national identity number in `country`; narrow on `.country`. */
export function parsePersonalIdentityNumber(country: CountryCode, input: string, options: ParseIdentityOptions = {}): PersonalIdentityNumber {
  const { today, field } = options;
  switch (parseCountryCode(country)) {
    case 'SE':
      return SwedishPersonalIdentityNumber.parse(input, { today, field });
    case 'NO':
      return NorwegianPersonalIdentityNumber.parse(input, { today, field });
  }
}
