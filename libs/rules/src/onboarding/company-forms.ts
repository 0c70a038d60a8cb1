/**
 * The company forms that may sell invoices, per country: Sweden AB, EF, HB, KB (seed 000:
 * "aktiebolag, enskilda firmor, handelsbolag och kommanditbolag"); Norway ENK, AS, ASA, DA, ANS
 * (seed 001: "enten ENK, AS, ASA, DA eller ANS"). Data, so adding a form is a reviewed change here.
 */
import { CountryCode, SwedishOrganisationKind } from '@factoring/domain';
import { Language } from '../reason';

export interface CompanyForm {
  /** The registry's abbreviation, as clients and staff write it. */
  code: string;
  label: Record<Language, string>;
  /**
   * Sweden only: what the organisation number must be for this form (the group digit, or a
   * personnummer for a sole trader). Norwegian numbers carry no such information.
   */
  organisationKinds?: readonly SwedishOrganisationKind[];
}

export const COMPANY_FORMS: Readonly<Record<CountryCode, readonly CompanyForm[]>> = deepFreeze({
  SE: [
    {
      code: 'AB',
      label: { en: 'Limited company (aktiebolag, AB)', sv: 'Aktiebolag (AB)', nb: 'Aksjeselskap (svensk aktiebolag, AB)' },
      organisationKinds: ['LIMITED_COMPANY'],
    },
    {
      code: 'EF',
      label: { en: 'Sole trader (enskild firma, EF)', sv: 'Enskild firma (EF)', nb: 'Enkeltpersonforetak (svensk enskild firma, EF)' },
      organisationKinds: ['SOLE_TRADER'],
    },
    {
      code: 'HB',
      label: { en: 'Trading partnership (handelsbolag, HB)', sv: 'Handelsbolag (HB)', nb: 'Ansvarlig selskap (svensk handelsbolag, HB)' },
      organisationKinds: ['TRADING_OR_LIMITED_PARTNERSHIP'],
    },
    {
      code: 'KB',
      label: { en: 'Limited partnership (kommanditbolag, KB)', sv: 'Kommanditbolag (KB)', nb: 'Kommandittselskap (svensk kommanditbolag, KB)' },
      organisationKinds: ['TRADING_OR_LIMITED_PARTNERSHIP'],
    },
  ],
  NO: [
    { code: 'ENK', label: { en: 'Sole proprietorship (enkeltpersonforetak, ENK)', sv: 'Enskild näringsidkare (norskt enkeltpersonforetak, ENK)', nb: 'Enkeltpersonforetak (ENK)' } },
    { code: 'AS', label: { en: 'Private limited company (aksjeselskap, AS)', sv: 'Aktiebolag (norskt aksjeselskap, AS)', nb: 'Aksjeselskap (AS)' } },
    { code: 'ASA', label: { en: 'Public limited company (allmennaksjeselskap, ASA)', sv: 'Publikt aktiebolag (norskt allmennaksjeselskap, ASA)', nb: 'Allmennaksjeselskap (ASA)' } },
    { code: 'DA', label: { en: 'Partnership with shared liability (selskap med delt ansvar, DA)', sv: 'Bolag med delat ansvar (norskt DA)', nb: 'Selskap med delt ansvar (DA)' } },
    { code: 'ANS', label: { en: 'General partnership (ansvarlig selskap, ANS)', sv: 'Handelsbolag (norskt ansvarlig selskap, ANS)', nb: 'Ansvarlig selskap (ANS)' } },
  ],
});

/** The form with this code in `country` ("ab" and " AB " are AB), or undefined when it may not sell invoices. */
export function companyFormOf(country: CountryCode, code: string): CompanyForm | undefined {
  const wanted = typeof code === 'string' ? code.trim().toUpperCase() : '';
  return COMPANY_FORMS[country]?.find((form) => form.code === wanted);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
