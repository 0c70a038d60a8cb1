/**
 * The automatic first look at a client application, before a credit analyst assesses it:
 * may this company sell invoices at all? Seeds 000 and 001: an allowed company form, a real
 * organisation number, not bankrupt or in liquidation. Returns every reason at once, so the
 * applicant can fix everything in one go rather than one refusal at a time.
 */
import {
  CountryCode,
  IdentityErrorCode,
  InvalidValueError,
  LocalDate,
  parseCountryCode,
  parseOrganisationNumber,
  SwedishOrganisationKind,
} from '@factoring/domain';
import { Language, Reason, reason } from '../reason';
import { CompanyForm, companyFormOf, COMPANY_FORMS } from './company-forms';

export const REGISTRY_STATUSES = ['ACTIVE', 'BANKRUPT', 'IN_LIQUIDATION', 'DISSOLVED'] as const;
/** The company's status in Bolagsverket's or Brønnøysundregistrene's register. */
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

export const ClientApplicationReasonCode = {
  COMPANY_FORM_NOT_ALLOWED: 'COMPANY_FORM_NOT_ALLOWED',
  ORGANISATION_NUMBER_INVALID: 'ORGANISATION_NUMBER_INVALID',
  /** Sweden: the number does not fit the form (an AB's starts with 5, an HB's or KB's with 9, an EF uses a personnummer). */
  COMPANY_FORM_NUMBER_MISMATCH: 'COMPANY_FORM_NUMBER_MISMATCH',
  COMPANY_BANKRUPT: 'COMPANY_BANKRUPT',
  COMPANY_IN_LIQUIDATION: 'COMPANY_IN_LIQUIDATION',
  COMPANY_DISSOLVED: 'COMPANY_DISSOLVED',
} as const;
export type ClientApplicationReasonCode = (typeof ClientApplicationReasonCode)[keyof typeof ClientApplicationReasonCode];

export interface ClientApplicationInput {
  country: CountryCode;
  organisationNumber: string;
  companyForm: string;
  registryStatus: RegistryStatus;
}

export interface ClientApplicationCheck {
  /** TO_ASSESS: nothing stops it, an analyst assesses it next. REFUSED: see `reasons`. */
  outcome: 'TO_ASSESS' | 'REFUSED';
  reasons: Reason<ClientApplicationReasonCode>[];
  /** The canonical number, whenever it parsed (also when refused for another reason). */
  organisationNumber?: string;
}

export interface ClientApplicationOptions {
  /** Decides the century of a sole trader's 10-digit personnummer; without it the clock is read. */
  today?: LocalDate;
}

export function checkClientApplication(input: ClientApplicationInput, options: ClientApplicationOptions = {}): ClientApplicationCheck {
  const country = parseCountryCode(input.country);
  if (!(REGISTRY_STATUSES as readonly string[]).includes(input.registryStatus)) {
    throw new InvalidValueError(
      'REGISTRY_STATUS_UNKNOWN',
      `"${String(input.registryStatus)}" is not a registry status: use one of ${REGISTRY_STATUSES.join(', ')}.`,
      'registryStatus',
      { value: input.registryStatus },
    );
  }
  const reasons: Reason<ClientApplicationReasonCode>[] = [];

  const form = companyFormOf(country, input.companyForm);
  if (!form) reasons.push(formNotAllowed(country, input.companyForm));

  let organisationNumber: string | undefined;
  try {
    // Always allow a personnummer here, so that one given for an AB gets the clearer mismatch reason.
    const parsed = parseOrganisationNumber(country, input.organisationNumber, { allowPersonalIdentityNumber: true, today: options.today, field: 'organisationNumber' });
    organisationNumber = parsed.value;
    if (parsed.country === 'SE' && form?.organisationKinds && !form.organisationKinds.includes(parsed.kind)) {
      reasons.push(formNumberMismatch(form, parsed.value, parsed.kind));
    }
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    reasons.push(numberInvalid(country, input.organisationNumber, error));
  }

  const status = STATUS_REASONS[input.registryStatus];
  if (status) reasons.push(reason(status.code, status.message));

  return {
    outcome: reasons.length === 0 ? 'TO_ASSESS' : 'REFUSED',
    reasons,
    ...(organisationNumber === undefined ? {} : { organisationNumber }),
  };
}

function formNotAllowed(country: CountryCode, given: string): Reason<ClientApplicationReasonCode> {
  const forms = COMPANY_FORMS[country];
  const list = (language: Language, and: string) => {
    const labels = forms.map((form) => form.label[language]);
    return `${labels.slice(0, -1).join(', ')} ${and} ${labels[labels.length - 1]}`;
  };
  const shown = JSON.stringify(given);
  return reason(
    ClientApplicationReasonCode.COMPANY_FORM_NOT_ALLOWED,
    {
      en: `The company form ${shown} cannot sell invoices in ${country}. The forms that can are: ${list('en', 'and')}.`,
      sv: `Företagsformen ${shown} kan inte sälja fakturor i ${country}. De företagsformer som kan är: ${list('sv', 'och')}.`,
      nb: `Selskapsformen ${shown} kan ikke selge fakturaer i ${country}. Selskapsformene som kan, er: ${list('nb', 'og')}.`,
    },
    { companyForm: String(given), allowedForms: forms.map((form) => form.code).join(',') },
  );
}

/** What a Swedish organisation number says the organisation is, to explain a mismatch. */
const KIND_DESCRIPTIONS: Readonly<Record<SwedishOrganisationKind, Record<Language, string>>> = {
  ESTATE: { en: "a deceased person's estate (group 1)", sv: 'ett dödsbo (grupp 1)', nb: 'et dødsbo (gruppe 1)' },
  PUBLIC_SECTOR: { en: 'a public body (group 2)', sv: 'en offentlig organisation (grupp 2)', nb: 'en offentlig virksomhet (gruppe 2)' },
  FOREIGN_COMPANY: { en: 'a foreign company (group 3)', sv: 'ett utländskt företag (grupp 3)', nb: 'et utenlandsk foretak (gruppe 3)' },
  LIMITED_COMPANY: { en: 'a limited company, AB (group 5)', sv: 'ett aktiebolag, AB (grupp 5)', nb: 'et aksjeselskap, AB (gruppe 5)' },
  SIMPLE_PARTNERSHIP: { en: 'a simple partnership (group 6)', sv: 'ett enkelt bolag (grupp 6)', nb: 'et enkelt selskap (gruppe 6)' },
  ECONOMIC_ASSOCIATION: { en: 'an economic association (group 7)', sv: 'en ekonomisk förening (grupp 7)', nb: 'en økonomisk forening (gruppe 7)' },
  NON_PROFIT_OR_FOUNDATION: { en: 'a non-profit association or foundation (group 8)', sv: 'en ideell förening eller stiftelse (grupp 8)', nb: 'en ideell forening eller stiftelse (gruppe 8)' },
  TRADING_OR_LIMITED_PARTNERSHIP: { en: 'a trading or limited partnership, HB or KB (group 9)', sv: 'ett handels- eller kommanditbolag, HB eller KB (grupp 9)', nb: 'et handels- eller kommandittselskap, HB eller KB (gruppe 9)' },
  SOLE_TRADER: { en: "a person's personal identity number, used by a sole trader (EF)", sv: 'ett personnummer, som används av enskild firma (EF)', nb: 'et personnummer, som brukes av enskild firma (EF)' },
};

/** What the number of each Swedish form looks like. */
const EXPECTED_NUMBER: Readonly<Record<string, Record<Language, string>>> = {
  AB: { en: 'an organisation number starting with 5', sv: 'ett organisationsnummer som börjar med 5', nb: 'et organisasjonsnummer som begynner med 5' },
  HB: { en: 'an organisation number starting with 9', sv: 'ett organisationsnummer som börjar med 9', nb: 'et organisasjonsnummer som begynner med 9' },
  KB: { en: 'an organisation number starting with 9', sv: 'ett organisationsnummer som börjar med 9', nb: 'et organisasjonsnummer som begynner med 9' },
  EF: { en: "the owner's personal identity number", sv: 'ägarens personnummer', nb: 'eierens personnummer' },
};

function formNumberMismatch(form: CompanyForm, number: string, kind: SwedishOrganisationKind): Reason<ClientApplicationReasonCode> {
  const expected = EXPECTED_NUMBER[form.code];
  const actual = KIND_DESCRIPTIONS[kind];
  return reason(
    ClientApplicationReasonCode.COMPANY_FORM_NUMBER_MISMATCH,
    {
      en: `The company form and the number do not match: the form ${form.code} has ${expected.en}, but ${number} is ${actual.en}. Check the company form or the number.`,
      sv: `Företagsformen och numret stämmer inte överens: formen ${form.code} har ${expected.sv}, men ${number} är ${actual.sv}. Kontrollera företagsformen eller numret.`,
      nb: `Selskapsformen og nummeret stemmer ikke overens: formen ${form.code} har ${expected.nb}, men ${number} er ${actual.nb}. Kontroller selskapsformen eller nummeret.`,
    },
    { companyForm: form.code, organisationNumber: number, numberKind: kind },
  );
}

/** The value object's explanation, in English as it gave it, and by its code in Swedish and Norwegian. */
function numberInvalid(country: CountryCode, given: string, error: InvalidValueError): Reason<ClientApplicationReasonCode> {
  const shown = JSON.stringify(given);
  const why = INVALID_NUMBER_EXPLANATIONS[error.code]?.(country) ?? {
    sv: 'Kontrollera numret mot registreringsbeviset.',
    nb: 'Kontroller nummeret mot registreringsbeviset.',
  };
  return reason(
    ClientApplicationReasonCode.ORGANISATION_NUMBER_INVALID,
    {
      en: `The organisation number ${shown} is not valid. ${error.message}`,
      sv: `Organisationsnumret ${shown} är inte giltigt. ${why.sv}`,
      nb: `Organisasjonsnummeret ${shown} er ikke gyldig. ${why.nb}`,
    },
    { organisationNumber: String(given), errorCode: error.code, explanation: error.message },
  );
}

type Explanation = (country: CountryCode) => { sv: string; nb: string };

const INVALID_NUMBER_EXPLANATIONS: Readonly<Record<string, Explanation>> = {
  [IdentityErrorCode.FORMAT]: (country) =>
    country === 'SE'
      ? {
          sv: 'Skriv det med 10 siffror, som NNNNNN-NNNN (för enskild firma ägarens personnummer).',
          nb: 'Skriv det med 10 sifre, som NNNNNN-NNNN (for enskild firma eierens personnummer).',
        }
      : { sv: 'Skriv det med 9 siffror, som NNN NNN NNN.', nb: 'Skriv det med 9 sifre, som NNN NNN NNN.' },
  [IdentityErrorCode.CHECK_DIGIT]: () => ({
    sv: 'Kontrollsiffran (den sista siffran) stämmer inte: troligen är en siffra felskriven eller två siffror omkastade.',
    nb: 'Kontrollsifferet (det siste sifferet) stemmer ikke: trolig er et siffer feilskrevet eller to sifre byttet om.',
  }),
  [IdentityErrorCode.DATE]: () => ({
    sv: 'Födelsedatumet i personnumret finns inte eller ligger i framtiden.',
    nb: 'Fødselsdatoen i personnummeret finnes ikke eller ligger i fremtiden.',
  }),
  [IdentityErrorCode.ORGANISATION_GROUP]: () => ({
    sv: 'Inget svenskt organisationsnummer börjar med den siffran: den första siffran (gruppen) är 1-3 eller 5-9.',
    nb: 'Ingen svenske organisasjonsnumre begynner med det sifferet: det første sifferet (gruppen) er 1-3 eller 5-9.',
  }),
};

const STATUS_REASONS: Readonly<Record<RegistryStatus, { code: ClientApplicationReasonCode; message: Record<Language, string> } | null>> = {
  ACTIVE: null,
  BANKRUPT: {
    code: ClientApplicationReasonCode.COMPANY_BANKRUPT,
    message: {
      en: 'The company is registered as bankrupt, and a bankrupt company cannot sell invoices. If the bankruptcy has ended, apply again once the register shows the company as active.',
      sv: 'Företaget är registrerat som försatt i konkurs, och ett företag i konkurs kan inte sälja fakturor. Om konkursen är avslutad kan ni ansöka igen när registret visar företaget som aktivt.',
      nb: 'Foretaket er registrert som konkurs, og et foretak under konkurs kan ikke selge fakturaer. Hvis konkursen er avsluttet, kan dere søke igjen når registeret viser foretaket som aktivt.',
    },
  },
  IN_LIQUIDATION: {
    code: ClientApplicationReasonCode.COMPANY_IN_LIQUIDATION,
    message: {
      en: 'The company is registered as in liquidation, and a company being wound up cannot sell invoices. If the liquidation has been stopped, apply again once the register shows the company as active.',
      sv: 'Företaget är registrerat som under likvidation, och ett företag som avvecklas kan inte sälja fakturor. Om likvidationen har avbrutits kan ni ansöka igen när registret visar företaget som aktivt.',
      nb: 'Foretaket er registrert som under avvikling, og et foretak som avvikles kan ikke selge fakturaer. Hvis avviklingen er stanset, kan dere søke igjen når registeret viser foretaket som aktivt.',
    },
  },
  DISSOLVED: {
    code: ClientApplicationReasonCode.COMPANY_DISSOLVED,
    message: {
      en: 'The company is deregistered (dissolved) in the register, so it cannot sell invoices. Check that the organisation number is that of the company now trading.',
      sv: 'Företaget är avregistrerat (upplöst) i registret och kan därför inte sälja fakturor. Kontrollera att organisationsnumret är det för företaget som bedriver verksamheten i dag.',
      nb: 'Foretaket er slettet (oppløst) i registeret og kan derfor ikke selge fakturaer. Kontroller at organisasjonsnummeret er det til foretaket som driver virksomheten i dag.',
    },
  },
};
