/**
 * May this invoice be sold? The automatic check when a client's program submits an invoice,
 * before the offer and the credit decision.
 *
 * Seed 001 (Fiken/Aprila, Norway) lists why an invoice cannot be sold; DOMAIN.md makes that list
 * the default rule set for both countries. Seed 000 (Visma Finance, Sweden) adds: no invoices
 * that are disputed or left unpaid, and a client whose recourse invoice is overdue cannot sell
 * (blocked). Seed 000 also says a refusal must let the client act ("ändra förfallodag om denna
 * ser felaktig ut"), so every reason is a sentence with the figures it used and what to do, and
 * ALL reasons are returned at once, so the client fixes everything in one go.
 *
 * A suspected duplicate is not refused silently: it goes to manual assessment (a person looks),
 * unless the invoice is refused anyway, in which case the duplicate is still listed.
 */
import Decimal from 'decimal.js';
import {
  CLIENT_STATES,
  ClientState,
  CountryCode,
  IdentityErrorCode,
  InvalidValueError,
  LocalDate,
  parseCountryCode,
  parseOrganisationNumber,
  parsePersonalIdentityNumber,
} from '@factoring/domain';
import { Language, Reason, reason } from '../reason';
import { EligibilitySettings, readEligibilitySettings, ReadEligibilitySettings } from './eligibility-settings';
import { computeTotals, ComputedTotals, DeductionKind, InvoiceLine, InvoiceTotals, invoiceDecimal } from './invoice-totals';
import { moneyFormatted } from '../onboarding/decimal-input';

export const EligibilityReasonCode = {
  /** The client has applied but is not approved, was refused, or its agreement ended. */
  CLIENT_NOT_ACTIVE: 'CLIENT_NOT_ACTIVE',
  /** Blocked, e.g. by an overdue recourse invoice (seed 000); the message quotes the state reason. */
  CLIENT_BLOCKED: 'CLIENT_BLOCKED',
  /** A company debtor without a valid domestic organisation number (001); SE sole traders may use a personnummer. */
  DEBTOR_ORGANISATION_NUMBER_INVALID: 'DEBTOR_ORGANISATION_NUMBER_INVALID',
  /** A private-person debtor (allowed, 001) without a valid domestic identity number. */
  DEBTOR_PERSONAL_IDENTITY_NUMBER_INVALID: 'DEBTOR_PERSONAL_IDENTITY_NUMBER_INVALID',
  DEBTOR_ADDRESS_NOT_DOMESTIC: 'DEBTOR_ADDRESS_NOT_DOMESTIC',
  /** Between related companies: same group or same owner (001). */
  INTERNAL_INVOICE: 'INTERNAL_INVOICE',
  DEBTOR_DISPUTED_BEFORE: 'DEBTOR_DISPUTED_BEFORE',
  DEBTOR_UNPAID_BEFORE: 'DEBTOR_UNPAID_BEFORE',
  FOREIGN_CURRENCY: 'FOREIGN_CURRENCY',
  DELIVERY_TOO_OLD: 'DELIVERY_TOO_OLD',
  /** Not delivered yet: a prepayment invoice is a promise, not a claim the debtor must pay. */
  DELIVERY_IN_THE_FUTURE: 'DELIVERY_IN_THE_FUTURE',
  DUE_DATE_TOO_FAR: 'DUE_DATE_TOO_FAR',
  /** Already due: seed 000 forbids selling an invoice the debtor has already left unpaid. */
  DUE_DATE_PASSED: 'DUE_DATE_PASSED',
  DUE_DATE_BEFORE_INVOICE_DATE: 'DUE_DATE_BEFORE_INVOICE_DATE',
  INVOICE_HAS_NO_LINES: 'INVOICE_HAS_NO_LINES',
  /** A stated total (net, VAT, gross, payable) is more than the tolerance away from the lines. */
  TOTALS_DO_NOT_ADD_UP: 'TOTALS_DO_NOT_ADD_UP',
  /** Öresavrundning / øreavrunding of 1.00 or more either way. */
  ROUNDING_TOO_LARGE: 'ROUNDING_TOO_LARGE',
  /** A ROT, RUT or green-tech deduction on a non-Swedish invoice. */
  DEDUCTION_NOT_ALLOWED: 'DEDUCTION_NOT_ALLOWED',
  DEDUCTION_NEGATIVE: 'DEDUCTION_NEGATIVE',
  DEDUCTION_EXCEEDS_GROSS: 'DEDUCTION_EXCEEDS_GROSS',
  /** The amount to pay is the minimum or less (001: "200 kroner eller mindre"). */
  AMOUNT_TOO_SMALL: 'AMOUNT_TOO_SMALL',
  /** Not a refusal: sends the invoice to manual assessment. */
  DUPLICATE_SUSPECTED: 'DUPLICATE_SUSPECTED',
} as const;
export type EligibilityReasonCode = (typeof EligibilityReasonCode)[keyof typeof EligibilityReasonCode];

export type EligibilityReason = Reason<EligibilityReasonCode>;

export const DEBTOR_KINDS = ['COMPANY', 'PERSON'] as const;
export type DebtorKind = (typeof DEBTOR_KINDS)[number];
export const DEBTOR_RELATIONS = ['SAME_GROUP', 'SAME_OWNER'] as const;
export type DebtorRelation = (typeof DEBTOR_RELATIONS)[number];
export const DUPLICATE_KINDS = ['SAME_DEBTOR_AMOUNT_AND_DATES', 'SOLD_BY_ANOTHER_CLIENT'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

export interface EligibilityClient {
  state: ClientState;
  /**
   * Why a blocked client is blocked, as kinds (libs/domain's CLIENT_BLOCK_REASONS). The client reads
   * words chosen from these, never what staff wrote (issue 9 c).
   */
  blockReasons?: readonly string[];
}

export interface EligibilityDebtor {
  kind: DebtorKind;
  /** Organisation number for a company (a Swedish sole trader's personnummer too), identity number for a person. */
  identityNumber: string;
  address: { country: string };
  hasDisputedBefore: boolean;
  hasUnpaidBefore: boolean;
  /** How the debtor is related to the client, if at all. */
  relation: DebtorRelation | null;
}

export interface EligibilityInvoice {
  currency: string;
  invoiceDate: LocalDate;
  deliveryDate: LocalDate;
  dueDate: LocalDate;
  lines: InvoiceLine[];
  totals: InvoiceTotals;
  /** Swedish tax deductions (seed 000): the client claims this part from Skatteverket. */
  deduction?: { kind: DeductionKind; amount: string } | null;
  /** What the debtor is asked to pay: gross - deduction. */
  payable: string;
}

/** Found by the caller's database query. */
export interface SuspectedDuplicate {
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  sameClient: boolean;
  kind: DuplicateKind;
}

export interface EligibilityInput {
  /** The client's country. */
  country: CountryCode;
  /** Today in the client's country. */
  today: LocalDate;
  client: EligibilityClient;
  debtor: EligibilityDebtor;
  invoice: EligibilityInvoice;
  suspectedDuplicates: SuspectedDuplicate[];
}

export type EligibilityOutcome = 'ELIGIBLE' | 'REFUSED' | 'MANUAL_ASSESSMENT';

export interface EligibilityResult {
  outcome: EligibilityOutcome;
  /** Every reason, in the order of the country's rule set; DUPLICATE_SUSPECTED last. Each code at most once. */
  reasons: EligibilityReason[];
  /** The suspected duplicates, once each (by invoiceId). */
  suspectedDuplicates: SuspectedDuplicate[];
}

interface RuleContext {
  input: EligibilityInput;
  country: CountryCode;
  today: LocalDate;
  settings: ReadEligibilitySettings;
  /** Computed from the lines once, for the rules that need them. */
  totals: () => ComputedTotals;
}

type Rule = (context: RuleContext) => EligibilityReason | null;

/**
 * The rules, by name. Each gives at most one reason, and no two give the same code, so a code
 * appears at most once in a result.
 */
const RULES = {
  clientState,
  debtorIdentityNumber,
  debtorAddress,
  internalInvoice,
  debtorDisputedBefore,
  debtorUnpaidBefore,
  currency,
  deliveryDate,
  dueDate,
  lines,
  rounding,
  totals,
  swedishTaxDeduction,
  noTaxDeduction,
  amount,
} satisfies Record<string, Rule>;
export type EligibilityRuleName = keyof typeof RULES;

const COMMON_RULES: readonly EligibilityRuleName[] = [
  'clientState',
  'debtorIdentityNumber',
  'debtorAddress',
  'internalInvoice',
  'debtorDisputedBefore',
  'debtorUnpaidBefore',
  'currency',
  'deliveryDate',
  'dueDate',
  'lines',
  'rounding',
  'totals',
];

/**
 * One rule set per country. Both start from seed 001's list plus seed 000's rules (DOMAIN.md).
 * They differ on tax deductions: ROT, RUT and green tech exist only in Sweden (seed 000), so a
 * Swedish invoice may carry one (not negative, not above the gross) and a Norwegian may not.
 */
export const ELIGIBILITY_RULE_SETS: Readonly<Record<CountryCode, readonly EligibilityRuleName[]>> = Object.freeze({
  SE: Object.freeze([...COMMON_RULES, 'swedishTaxDeduction', 'amount'] as EligibilityRuleName[]),
  NO: Object.freeze([...COMMON_RULES, 'noTaxDeduction', 'amount'] as EligibilityRuleName[]),
});

export function checkEligibility(input: EligibilityInput, settings: EligibilitySettings): EligibilityResult {
  const country = parseCountryCode(input.country);
  assertOneOf(input.client.state, CLIENT_STATES, 'client.state');
  assertOneOf(input.debtor.kind, DEBTOR_KINDS, 'debtor.kind');
  if (input.debtor.relation !== null && input.debtor.relation !== undefined) assertOneOf(input.debtor.relation, DEBTOR_RELATIONS, 'debtor.relation');
  const read = readEligibilitySettings(settings);

  let computed: ComputedTotals | undefined;
  const context: RuleContext = {
    input,
    country,
    today: input.today,
    settings: read,
    totals: () => (computed ??= computeTotals(input.invoice)),
  };
  const reasons: EligibilityReason[] = [];
  for (const name of ELIGIBILITY_RULE_SETS[country]) {
    const found = RULES[name](context);
    if (found) reasons.push(found);
  }
  const refused = reasons.length > 0;

  const duplicates = distinctDuplicates(input.suspectedDuplicates ?? []);
  if (duplicates.length > 0) reasons.push(duplicateSuspected(duplicates, refused));

  return {
    outcome: refused ? 'REFUSED' : duplicates.length > 0 ? 'MANUAL_ASSESSMENT' : 'ELIGIBLE',
    reasons,
    suspectedDuplicates: duplicates,
  };
}

// ---------------------------------------------------------------- the client

function clientState({ input }: RuleContext): EligibilityReason | null {
  const { state } = input.client;
  if (state === 'ACTIVE') return null;
  if (state === 'BLOCKED') {
    const kinds = [...(input.client.blockReasons ?? [])].sort();
    const figures = { clientState: state, blockReasons: kinds.join(',') };
    // Only an overdue recourse invoice is named (seed 000: the client can put it right). A fraud
    // suspicion is not announced to the suspect; it and any other block say "contact us".
    if (kinds.length === 1 && kinds[0] === 'OVERDUE_RECOURSE_INVOICE') {
      return reason(
        EligibilityReasonCode.CLIENT_BLOCKED,
        {
          en: 'Your company is blocked from selling invoices because a recourse invoice is overdue. Once it is paid you can sell invoices again; contact us if anything is unclear.',
          sv: 'Ditt företag är spärrat från att sälja fakturor eftersom en regressfaktura är förfallen. När den är betald kan du sälja fakturor igen; kontakta oss om något är oklart.',
          nb: 'Foretaket ditt er sperret for salg av fakturaer fordi en regressfaktura er forfalt. Når den er betalt, kan du selge fakturaer igjen; kontakt oss hvis noe er uklart.',
        },
        figures,
      );
    }
    return reason(
      EligibilityReasonCode.CLIENT_BLOCKED,
      {
        en: 'Your company is blocked from selling invoices for the time being. Contact us to find out why and what to do.',
        sv: 'Ditt företag är tills vidare spärrat från att sälja fakturor. Kontakta oss för att få veta varför och vad du kan göra.',
        nb: 'Foretaket ditt er inntil videre sperret for salg av fakturaer. Kontakt oss for å få vite hvorfor og hva du kan gjøre.',
      },
      figures,
    );
  }
  return reason(EligibilityReasonCode.CLIENT_NOT_ACTIVE, NOT_ACTIVE[state], { clientState: state });
}

const NOT_ACTIVE: Readonly<Record<'APPLIED' | 'REFUSED' | 'TERMINATED', Record<Language, string>>> = {
  APPLIED: {
    en: "Your company's application to sell invoices is still being assessed. You can sell invoices once it has been approved.",
    sv: 'Ditt företags ansökan om att sälja fakturor bedöms fortfarande. Du kan sälja fakturor när den har godkänts.',
    nb: 'Foretakets søknad om å selge fakturaer er fortsatt under vurdering. Du kan selge fakturaer når den er godkjent.',
  },
  REFUSED: {
    en: "Your company's application to sell invoices was refused, so it cannot sell invoices. You may apply again later; the application is then assessed anew.",
    sv: 'Ditt företags ansökan om att sälja fakturor har avslagits, så företaget kan inte sälja fakturor. Du kan ansöka igen senare; ansökan bedöms då på nytt.',
    nb: 'Foretakets søknad om å selge fakturaer ble avslått, så foretaket kan ikke selge fakturaer. Du kan søke igjen senere; søknaden blir da vurdert på nytt.',
  },
  TERMINATED: {
    en: "Your company's agreement to sell invoices has ended, so it cannot sell invoices. Contact us if you want to sell invoices again.",
    sv: 'Ditt företags avtal om att sälja fakturor har upphört, så företaget kan inte sälja fakturor. Kontakta oss om du vill sälja fakturor igen.',
    nb: 'Foretakets avtale om å selge fakturaer er avsluttet, så foretaket kan ikke selge fakturaer. Kontakt oss hvis du vil selge fakturaer igjen.',
  },
};

// ---------------------------------------------------------------- the debtor

const COUNTRY_NAME: Readonly<Record<CountryCode, Record<Language, string>>> = {
  SE: { en: 'Sweden', sv: 'Sverige', nb: 'Sverige' },
  NO: { en: 'Norway', sv: 'Norge', nb: 'Norge' },
};

/** "a valid Swedish organisation number", per language and country. */
const VALID_ORGANISATION_NUMBER: Readonly<Record<CountryCode, Record<Language, string>>> = {
  SE: { en: 'a valid Swedish organisation number', sv: 'ett giltigt svenskt organisationsnummer', nb: 'et gyldig svensk organisasjonsnummer' },
  NO: { en: 'a valid Norwegian organisation number', sv: 'ett giltigt norskt organisationsnummer', nb: 'et gyldig norsk organisasjonsnummer' },
};

const VALID_PERSONAL_NUMBER: Readonly<Record<CountryCode, Record<Language, string>>> = {
  SE: { en: 'a valid Swedish personal identity number', sv: 'ett giltigt svenskt personnummer', nb: 'et gyldig svensk personnummer' },
  NO: { en: 'a valid Norwegian national identity number', sv: 'ett giltigt norskt fødselsnummer', nb: 'et gyldig norsk fødselsnummer eller D-nummer' },
};

function debtorIdentityNumber({ input, country, today }: RuleContext): EligibilityReason | null {
  const { kind, identityNumber } = input.debtor;
  const field = 'debtor.identityNumber';
  try {
    if (kind === 'COMPANY') {
      // A Swedish sole trader (enskild firma) has no organisation number of its own: the owner's personnummer is it.
      parseOrganisationNumber(country, identityNumber, { allowPersonalIdentityNumber: country === 'SE', today, field });
    } else {
      parsePersonalIdentityNumber(country, identityNumber, { today, field });
    }
    return null;
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    const given = String(identityNumber);
    const why = explanation(error.code, kind, country);
    const figures = { debtorKind: kind, identityNumber: given, errorCode: error.code, explanation: error.message };
    if (kind === 'COMPANY') {
      const valid = VALID_ORGANISATION_NUMBER[country];
      const soleTrader = country === 'SE'
        ? { en: " (for a sole trader, the owner's personal identity number)", sv: ' (för en enskild firma ägarens personnummer)', nb: ' (for et enkeltpersonforetak eierens personnummer)' }
        : { en: '', sv: '', nb: '' };
      return reason(
        EligibilityReasonCode.DEBTOR_ORGANISATION_NUMBER_INVALID,
        {
          en: `The debtor is a company, but "${given}" is not ${valid.en}. ${error.message} Correct the number on the invoice: only invoices to companies with ${valid.en}${soleTrader.en} can be sold.`,
          sv: `Fakturamottagaren är ett företag, men "${given}" är inte ${valid.sv}. ${why.sv} Rätta numret på fakturan: bara fakturor till företag med ${valid.sv}${soleTrader.sv} kan säljas.`,
          nb: `Fakturamottakeren er et foretak, men "${given}" er ikke ${valid.nb}. ${why.nb} Rett nummeret på fakturaen: bare fakturaer til foretak med ${valid.nb}${soleTrader.nb} kan selges.`,
        },
        figures,
      );
    }
    const valid = VALID_PERSONAL_NUMBER[country];
    return reason(
      EligibilityReasonCode.DEBTOR_PERSONAL_IDENTITY_NUMBER_INVALID,
      {
        en: `The debtor is a private person, but "${given}" is not ${valid.en}. ${error.message} Ask your customer for the right number and correct it on the invoice.`,
        sv: `Fakturamottagaren är en privatperson, men "${given}" är inte ${valid.sv}. ${why.sv} Be din kund om rätt nummer och rätta det på fakturan.`,
        nb: `Fakturamottakeren er en privatperson, men "${given}" er ikke ${valid.nb}. ${why.nb} Be kunden din om riktig nummer og rett det på fakturaen.`,
      },
      figures,
    );
  }
}

/** The domain error's explanation in Swedish and Norwegian (its English message is used as is). */
function explanation(code: string, kind: DebtorKind, country: CountryCode): { sv: string; nb: string } {
  switch (code) {
    case IdentityErrorCode.FORMAT:
      if (kind === 'COMPANY') {
        return country === 'SE'
          ? { sv: 'Skriv det med 10 siffror, som NNNNNN-NNNN.', nb: 'Skriv det med 10 sifre, som NNNNNN-NNNN.' }
          : { sv: 'Skriv det med 9 siffror, som NNN NNN NNN.', nb: 'Skriv det med 9 sifre, som NNN NNN NNN.' };
      }
      return country === 'SE'
        ? { sv: 'Skriv det med 10 eller 12 siffror, som ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN.', nb: 'Skriv det med 10 eller 12 sifre, som ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN.' }
        : { sv: 'Skriv det med 11 siffror, som DDMMÅÅNNNNN.', nb: 'Skriv det med 11 sifre, som DDMMÅÅNNNNN.' };
    case IdentityErrorCode.CHECK_DIGIT:
      return {
        sv: 'Kontrollsiffran (den sista siffran) stämmer inte: troligen är en siffra felskriven eller två siffror omkastade.',
        nb: 'Kontrollsifferet (det siste sifferet) stemmer ikke: trolig er et siffer feilskrevet eller to sifre byttet om.',
      };
    case IdentityErrorCode.DATE:
      return { sv: 'Födelsedatumet i numret finns inte eller ligger i framtiden.', nb: 'Fødselsdatoen i nummeret finnes ikke eller ligger i fremtiden.' };
    case IdentityErrorCode.ORGANISATION_GROUP:
      return {
        sv: 'Inget svenskt organisationsnummer börjar med den siffran: den första siffran (gruppen) är 1-3 eller 5-9.',
        nb: 'Ingen svenske organisasjonsnumre begynner med det sifferet: det første sifferet (gruppen) er 1-3 eller 5-9.',
      };
    case IdentityErrorCode.ORGANISATION_IS_PERSONAL:
      return { sv: 'Numret ser ut som ett personnummer, inte ett organisationsnummer.', nb: 'Nummeret ser ut som et personnummer, ikke et organisasjonsnummer.' };
    default:
      return { sv: 'Kontrollera numret.', nb: 'Kontroller nummeret.' };
  }
}

function debtorAddress({ input, country }: RuleContext): EligibilityReason | null {
  const given = typeof input.debtor.address?.country === 'string' ? input.debtor.address.country.trim() : '';
  if (given.toUpperCase() === country) return null;
  const home = COUNTRY_NAME[country];
  const where =
    given === ''
      ? { en: 'The debtor\'s address has no country', sv: 'Fakturamottagarens adress saknar land', nb: 'Fakturamottakerens adresse mangler land' }
      : {
          en: `The debtor's address is in another country (country code "${given}"), not in ${home.en}`,
          sv: `Fakturamottagarens adress ligger i ett annat land (landskod "${given}"), inte i ${home.sv}`,
          nb: `Fakturamottakerens adresse er i et annet land (landkode "${given}"), ikke i ${home.nb}`,
        };
  return reason(
    EligibilityReasonCode.DEBTOR_ADDRESS_NOT_DOMESTIC,
    {
      en: `${where.en}; only invoices to debtors with an address in ${home.en} can be sold. If your customer has an address in ${home.en}, put it on the invoice.`,
      sv: `${where.sv}; bara fakturor till mottagare med en adress i ${home.sv} kan säljas. Om din kund har en adress i ${home.sv}, ange den på fakturan.`,
      nb: `${where.nb}; bare fakturaer til mottakere med adresse i ${home.nb} kan selges. Hvis kunden din har en adresse i ${home.nb}, før den på fakturaen.`,
    },
    { addressCountry: given === '' ? null : given, requiredCountry: country },
  );
}

function internalInvoice({ input }: RuleContext): EligibilityReason | null {
  const { relation } = input.debtor;
  if (!relation) return null;
  const how =
    relation === 'SAME_GROUP'
      ? { en: 'The debtor belongs to the same group of companies as yours.', sv: 'Fakturamottagaren tillhör samma koncern som ditt företag.', nb: 'Fakturamottakeren tilhører samme konsern som foretaket ditt.' }
      : { en: 'The debtor has the same owner as your company.', sv: 'Fakturamottagaren har samma ägare som ditt företag.', nb: 'Fakturamottakeren har samme eier som foretaket ditt.' };
  return reason(
    EligibilityReasonCode.INTERNAL_INVOICE,
    {
      en: `${how.en} Invoices between related companies (internal invoices) cannot be sold. If the companies are not related, contact us so that we can correct our records.`,
      sv: `${how.sv} Fakturor mellan närstående företag (internfakturor) kan inte säljas. Om företagen inte är närstående, kontakta oss så att vi kan rätta våra uppgifter.`,
      nb: `${how.nb} Fakturaer mellom selskaper som er relatert til hverandre (internfakturaer), kan ikke selges. Hvis selskapene ikke er relatert, kontakt oss så vi kan rette opplysningene våre.`,
    },
    { relation },
  );
}

function debtorDisputedBefore({ input }: RuleContext): EligibilityReason | null {
  if (input.debtor.hasDisputedBefore !== true) return null;
  return reason(
    EligibilityReasonCode.DEBTOR_DISPUTED_BEFORE,
    {
      en: 'An invoice to this debtor has been disputed before, and invoices to a debtor who has disputed cannot be sold. Contact us if you think this is wrong.',
      sv: 'En faktura till den här fakturamottagaren har tidigare bestridits, och fakturor till en mottagare som har bestridit kan inte säljas. Kontakta oss om du tror att det är fel.',
      nb: 'En faktura til denne fakturamottakeren er tidligere bestridt, og fakturaer til en mottaker som har bestridt, kan ikke selges. Kontakt oss hvis du mener dette er feil.',
    },
    { hasDisputedBefore: true },
  );
}

function debtorUnpaidBefore({ input }: RuleContext): EligibilityReason | null {
  if (input.debtor.hasUnpaidBefore !== true) return null;
  return reason(
    EligibilityReasonCode.DEBTOR_UNPAID_BEFORE,
    {
      en: 'This debtor has left an invoice unpaid before, and invoices to a debtor who has not paid cannot be sold. Contact us if you think this is wrong.',
      sv: 'Den här fakturamottagaren har tidigare lämnat en faktura obetald, och fakturor till en mottagare som inte har betalat kan inte säljas. Kontakta oss om du tror att det är fel.',
      nb: 'Denne fakturamottakeren har tidligere latt en faktura stå ubetalt, og fakturaer til en mottaker som ikke har betalt, kan ikke selges. Kontakt oss hvis du mener dette er feil.',
    },
    { hasUnpaidBefore: true },
  );
}

// ---------------------------------------------------------------- the invoice: currency and dates

function isDomesticCurrency({ input, settings }: RuleContext): boolean {
  return typeof input.invoice.currency === 'string' && input.invoice.currency.trim().toUpperCase() === settings.currency;
}

function currency(context: RuleContext): EligibilityReason | null {
  if (isDomesticCurrency(context)) return null;
  const given = typeof context.input.invoice.currency === 'string' ? context.input.invoice.currency.trim() : '';
  const required = context.settings.currency;
  const what =
    given === ''
      ? { en: 'The invoice has no currency', sv: 'Fakturan saknar valuta', nb: 'Fakturaen mangler valuta' }
      : { en: `The invoice is in ${given}`, sv: `Fakturan är utställd i ${given}`, nb: `Fakturaen er utstedt i ${given}` };
  return reason(
    EligibilityReasonCode.FOREIGN_CURRENCY,
    {
      en: `${what.en}; only invoices in ${required} can be sold. Issue the invoice in ${required} to sell it.`,
      sv: `${what.sv}; bara fakturor i ${required} kan säljas. Ställ ut fakturan i ${required} för att kunna sälja den.`,
      nb: `${what.nb}; bare fakturaer i ${required} kan selges. Utsted fakturaen i ${required} for å kunne selge den.`,
    },
    { invoiceCurrency: given === '' ? null : given, requiredCurrency: required },
  );
}

function deliveryDate({ input, today, settings }: RuleContext): EligibilityReason | null {
  const delivered = input.invoice.deliveryDate;
  const ago = delivered.daysUntil(today);
  const date = delivered.toString();
  if (ago > settings.maxDaysSinceDelivery) {
    const [n, max] = [days(ago), days(settings.maxDaysSinceDelivery)];
    return reason(
      EligibilityReasonCode.DELIVERY_TOO_OLD,
      {
        en: `The delivery date is ${date}, ${n.en} ago; at most ${max.en} is allowed. Check the delivery date; if it is right, the invoice is too old to sell.`,
        sv: `Leveransdatumet är ${date}, för ${n.sv} sedan; högst ${max.sv} tillåts. Kontrollera leveransdatumet; om det stämmer är fakturan för gammal för att säljas.`,
        nb: `Leveringsdatoen er ${date}, for ${n.nb} siden; høyst ${max.nb} er tillatt. Kontroller leveringsdatoen; hvis den stemmer, er fakturaen for gammel til å selges.`,
      },
      { deliveryDate: date, today: today.toString(), daysSinceDelivery: ago, maxDaysSinceDelivery: settings.maxDaysSinceDelivery },
    );
  }
  if (ago < 0) {
    const n = days(-ago);
    return reason(
      EligibilityReasonCode.DELIVERY_IN_THE_FUTURE,
      {
        en: `The delivery date is ${date}, ${n.en} from today; an invoice can be sold only once the delivery has taken place. Sell it after the delivery, or correct the delivery date if it is wrong.`,
        sv: `Leveransdatumet är ${date}, om ${n.sv}; en faktura kan säljas först när leveransen har skett. Sälj den efter leveransen, eller rätta leveransdatumet om det är fel.`,
        nb: `Leveringsdatoen er ${date}, om ${n.nb}; en faktura kan selges først når leveringen har skjedd. Selg den etter leveringen, eller rett leveringsdatoen hvis den er feil.`,
      },
      { deliveryDate: date, today: today.toString(), daysUntilDelivery: -ago },
    );
  }
  return null;
}

/** One reason at most: a due date before the invoice date is the mistake to fix, whatever else it implies. */
function dueDate({ input, today, settings }: RuleContext): EligibilityReason | null {
  const { dueDate: due, invoiceDate } = input.invoice;
  const date = due.toString();
  if (due.isBefore(invoiceDate)) {
    const issued = invoiceDate.toString();
    return reason(
      EligibilityReasonCode.DUE_DATE_BEFORE_INVOICE_DATE,
      {
        en: `The due date ${date} is before the invoice date ${issued}. Correct the due date or the invoice date.`,
        sv: `Förfallodagen ${date} är före fakturadatumet ${issued}. Rätta förfallodagen eller fakturadatumet.`,
        nb: `Forfallsdatoen ${date} er før fakturadatoen ${issued}. Rett forfallsdatoen eller fakturadatoen.`,
      },
      { dueDate: date, invoiceDate: issued },
    );
  }
  const ahead = today.daysUntil(due);
  if (ahead < 0) {
    const n = days(-ahead);
    return reason(
      EligibilityReasonCode.DUE_DATE_PASSED,
      {
        en: `The due date ${date} has already passed (${n.en} ago); an invoice that is already due cannot be sold. Check the due date.`,
        sv: `Förfallodagen ${date} har redan passerat (för ${n.sv} sedan); en faktura som redan har förfallit kan inte säljas. Kontrollera förfallodagen.`,
        nb: `Forfallsdatoen ${date} er allerede passert (for ${n.nb} siden); en faktura som allerede har forfalt, kan ikke selges. Kontroller forfallsdatoen.`,
      },
      { dueDate: date, today: today.toString(), daysSinceDue: -ahead },
    );
  }
  if (ahead > settings.maxDaysUntilDue) {
    const [n, max] = [days(ahead), days(settings.maxDaysUntilDue)];
    return reason(
      EligibilityReasonCode.DUE_DATE_TOO_FAR,
      {
        en: `The due date is ${date}, ${n.en} ahead; at most ${max.en} is allowed. Check the due date.`,
        sv: `Förfallodagen är ${date}, om ${n.sv}; högst ${max.sv} tillåts. Kontrollera förfallodagen.`,
        nb: `Forfallsdatoen er ${date}, om ${n.nb}; høyst ${max.nb} er tillatt. Kontroller forfallsdatoen.`,
      },
      { dueDate: date, today: today.toString(), daysUntilDue: ahead, maxDaysUntilDue: settings.maxDaysUntilDue },
    );
  }
  return null;
}

// ---------------------------------------------------------------- the invoice: lines and amounts

function lines({ input }: RuleContext): EligibilityReason | null {
  if (input.invoice.lines.length > 0) return null;
  return reason(EligibilityReasonCode.INVOICE_HAS_NO_LINES, {
    en: 'The invoice has no lines. Add what was delivered, with quantity and price, and try again.',
    sv: 'Fakturan har inga rader. Lägg till det som har levererats, med antal och pris, och försök igen.',
    nb: 'Fakturaen har ingen linjer. Legg til det som er levert, med antall og pris, og prøv igjen.',
  });
}

const MAX_ROUNDING = 1;

function rounding({ input }: RuleContext): EligibilityReason | null {
  const stated = input.invoice.totals.rounding;
  if (stated === undefined || stated === null || stated === '') return null;
  const value = invoiceDecimal(stated, 'invoice.totals.rounding');
  if (value.abs().lessThan(MAX_ROUNDING)) return null;
  const shown = amountText(value);
  return reason(
    EligibilityReasonCode.ROUNDING_TOO_LARGE,
    {
      en: `The rounding on the invoice is ${shown.en}; it must be less than 1.00 up or down. Correct the rounding.`,
      sv: `Öresavrundningen på fakturan är ${shown.sv}; den måste vara mindre än 1,00 uppåt eller nedåt. Rätta avrundningen.`,
      nb: `Øreavrundingen på fakturaen er ${shown.nb}; den må være mindre enn 1,00 opp eller ned. Rett avrundingen.`,
    },
    { rounding: amountFigure(value), maxRoundingExclusive: '1.00' },
  );
}

type TotalName = 'net' | 'vat' | 'gross' | 'payable';

const TOTAL_NAMES: Readonly<Record<TotalName, Record<Language, string>>> = {
  net: { en: 'the net amount (excluding VAT)', sv: 'nettobeloppet (exklusive moms)', nb: 'nettobeløpet (eksklusive mva)' },
  vat: { en: 'the VAT', sv: 'momsen', nb: 'merverdiavgiften (mva)' },
  gross: { en: 'the total including VAT', sv: 'totalbeloppet inklusive moms', nb: 'totalbeløpet inklusive mva' },
  payable: { en: 'the amount to pay', sv: 'beloppet att betala', nb: 'beløpet å betale' },
};

/** Every stated total must be within the tolerance of the one computed from the lines (see invoice-totals.ts). */
function totals({ input, settings, totals: computeAll }: RuleContext): EligibilityReason | null {
  if (input.invoice.lines.length === 0) return null; // INVOICE_HAS_NO_LINES says it better
  const computed = computeAll();
  const invoice = input.invoice;
  const stated: Record<TotalName, Decimal> = {
    net: invoiceDecimal(invoice.totals.net, 'invoice.totals.net'),
    vat: invoiceDecimal(invoice.totals.vat, 'invoice.totals.vat'),
    gross: invoiceDecimal(invoice.totals.gross, 'invoice.totals.gross'),
    payable: invoiceDecimal(invoice.payable, 'invoice.payable'),
  };
  const tolerance = settings.totalsTolerance;
  const figures: Record<string, string> = { totalsTolerance: amountFigure(tolerance) };
  const off: { name: TotalName; difference: Decimal }[] = [];
  for (const name of ['net', 'vat', 'gross', 'payable'] as const) {
    const difference = stated[name].minus(computed[name]);
    figures[`${name}Stated`] = amountFigure(stated[name]);
    figures[`${name}Computed`] = amountFigure(computed[name]);
    if (difference.abs().greaterThan(tolerance)) {
      off.push({ name, difference });
      figures[`${name}Difference`] = amountFigure(difference);
    }
  }
  if (off.length === 0) return null;
  figures.totalsOff = off.map((total) => total.name).join(',');

  // The amount to pay also depends on the deduction, which the lines do not give.
  const lessDeduction = (name: TotalName) => name === 'payable' && !computed.deduction.isZero();
  const part = (language: Language, { name, difference }: (typeof off)[number]) => {
    const [was, should, by] = [amountText(stated[name])[language], amountText(computed[name])[language], amountText(difference.abs())[language]];
    const more = difference.isPositive();
    const deduction = lessDeduction(name);
    switch (language) {
      case 'en':
        return `${TOTAL_NAMES[name].en} is ${was} but should be ${should} according to the lines${deduction ? ' less the deduction' : ''} (${by} too ${more ? 'much' : 'little'})`;
      case 'sv':
        return `${TOTAL_NAMES[name].sv} är ${was} men ska enligt raderna${deduction ? ' minus avdraget' : ''} vara ${should} (${by} för ${more ? 'mycket' : 'lite'})`;
      case 'nb':
        return `${TOTAL_NAMES[name].nb} er ${was}, men skal ifølge linjene${deduction ? ' minus fradraget' : ''} være ${should} (${by} for ${more ? 'mye' : 'lite'})`;
    }
  };
  const parts = (language: Language) => off.map((total) => part(language, total)).join('; ');
  const allowed = amountText(tolerance);
  return reason(
    EligibilityReasonCode.TOTALS_DO_NOT_ADD_UP,
    {
      en: `The invoice totals do not add up (a difference of at most ${allowed.en} is allowed for rounding): ${parts('en')}. Check the lines and the totals, correct them and try again.`,
      sv: `Fakturans summor stämmer inte (en skillnad på högst ${allowed.sv} tillåts för avrundning): ${parts('sv')}. Kontrollera raderna och summorna, rätta dem och försök igen.`,
      nb: `Fakturaens summer stemmer ikke (en forskjell på høyst ${allowed.nb} tillates for avrunding): ${parts('nb')}. Kontroller linjene og summene, rett dem og prøv igjen.`,
    },
    figures,
  );
}

const DEDUCTION_NAMES: Readonly<Record<DeductionKind, { indefinite: Record<Language, string>; definite: Record<Language, string> }>> = {
  ROT: {
    indefinite: { en: 'a ROT deduction', sv: 'ett rotavdrag', nb: 'et ROT-fradrag' },
    definite: { en: 'The ROT deduction', sv: 'Rotavdraget', nb: 'ROT-fradraget' },
  },
  RUT: {
    indefinite: { en: 'a RUT deduction', sv: 'ett rutavdrag', nb: 'et RUT-fradrag' },
    definite: { en: 'The RUT deduction', sv: 'Rutavdraget', nb: 'RUT-fradraget' },
  },
  GREEN_TECH: {
    indefinite: { en: 'a green technology deduction', sv: 'ett avdrag för grön teknik', nb: 'et fradrag for grønn teknologi' },
    definite: { en: 'The green technology deduction', sv: 'Avdraget för grön teknik', nb: 'Fradraget for grønn teknologi' },
  },
};

function deductionName(kind: DeductionKind) {
  return DEDUCTION_NAMES[kind] ?? {
    indefinite: { en: `a ${kind} deduction`, sv: `ett avdrag (${kind})`, nb: `et fradrag (${kind})` },
    definite: { en: `The ${kind} deduction`, sv: `Avdraget (${kind})`, nb: `Fradraget (${kind})` },
  };
}

/** Sweden: a ROT, RUT or green-tech deduction (seed 000) is fine, but not negative and not above the gross. */
function swedishTaxDeduction({ input }: RuleContext): EligibilityReason | null {
  const deduction = input.invoice.deduction;
  if (!deduction) return null;
  const value = invoiceDecimal(deduction.amount, 'invoice.deduction.amount');
  const name = deductionName(deduction.kind).definite;
  const shown = amountText(value);
  if (value.isNegative() && !value.isZero()) {
    return reason(
      EligibilityReasonCode.DEDUCTION_NEGATIVE,
      {
        en: `${name.en} is ${shown.en}; a deduction cannot be negative. Correct the deduction.`,
        sv: `${name.sv} är ${shown.sv}; ett avdrag kan inte vara negativt. Rätta avdraget.`,
        nb: `${name.nb} er ${shown.nb}; et fradrag kan ikke være negativt. Rett fradraget.`,
      },
      { deductionKind: deduction.kind, deduction: amountFigure(value) },
    );
  }
  const gross = invoiceDecimal(input.invoice.totals.gross, 'invoice.totals.gross');
  if (value.greaterThan(gross)) {
    const total = amountText(gross);
    return reason(
      EligibilityReasonCode.DEDUCTION_EXCEEDS_GROSS,
      {
        en: `${name.en} of ${shown.en} is larger than the invoice total of ${total.en}. Check the deduction: it can be at most the invoice total.`,
        sv: `${name.sv} på ${shown.sv} är större än fakturans totalbelopp på ${total.sv}. Kontrollera avdraget: det kan vara högst fakturans totalbelopp.`,
        nb: `${name.nb} på ${shown.nb} er større enn fakturaens totalbeløp på ${total.nb}. Kontroller fradraget: det kan være høyst fakturaens totalbeløp.`,
      },
      { deductionKind: deduction.kind, deduction: amountFigure(value), gross: amountFigure(gross) },
    );
  }
  return null;
}

/** Outside Sweden there are no ROT, RUT or green-tech deductions to put on an invoice. */
function noTaxDeduction({ input, country }: RuleContext): EligibilityReason | null {
  const deduction = input.invoice.deduction;
  if (!deduction) return null;
  const name = deductionName(deduction.kind).indefinite;
  return reason(
    EligibilityReasonCode.DEDUCTION_NOT_ALLOWED,
    {
      en: `The invoice has ${name.en}, but tax deductions (ROT, RUT and green technology) exist only in Sweden. Remove the deduction from the invoice.`,
      sv: `Fakturan har ${name.sv}, men skatteavdrag (rot, rut och grön teknik) finns bara i Sverige. Ta bort avdraget från fakturan.`,
      nb: `Fakturaen har ${name.nb}, men skattefradrag (ROT, RUT og grønn teknologi) finnes bare i Sverige. Fjern fradraget fra fakturaen.`,
    },
    { deductionKind: deduction.kind, deduction: String(deduction.amount), country },
  );
}

/** The amount the debtor is asked to pay, against the minimum; meaningless across currencies, so only in the domestic one. */
function amount(context: RuleContext): EligibilityReason | null {
  if (!isDomesticCurrency(context)) return null; // FOREIGN_CURRENCY already refuses it
  const { input, settings } = context;
  const payable = invoiceDecimal(input.invoice.payable, 'invoice.payable');
  if (payable.greaterThan(settings.minimumAmount)) return null;
  const [pay, min] = [amountText(payable, settings.currency), amountText(settings.minimumAmount, settings.currency)];
  return reason(
    EligibilityReasonCode.AMOUNT_TOO_SMALL,
    {
      en: `The amount to pay is ${pay.en}; only invoices of more than ${min.en} can be sold.`,
      sv: `Beloppet att betala är ${pay.sv}; bara fakturor på mer än ${min.sv} kan säljas.`,
      nb: `Beløpet som skal betales er ${pay.nb}; bare fakturaer på mer enn ${min.nb} kan selges.`,
    },
    { payable: amountFigure(payable), minimumAmount: amountFigure(settings.minimumAmount), currency: settings.currency },
  );
}

// ---------------------------------------------------------------- duplicates

function distinctDuplicates(duplicates: readonly SuspectedDuplicate[]): SuspectedDuplicate[] {
  const seen = new Set<string>();
  return duplicates.filter((duplicate) => {
    if (seen.has(duplicate.invoiceId)) return false;
    seen.add(duplicate.invoiceId);
    return true;
  });
}

/**
 * Names each twin's invoice number and whether another seller sold it; the other client's
 * identity stays out of the message and the figures (the result's suspectedDuplicates has it,
 * for staff).
 */
function duplicateSuspected(duplicates: readonly SuspectedDuplicate[], refusedAnyway: boolean): EligibilityReason {
  // The client's own twins are named; another client's twin is only hinted at: its number, its seller
  // and whether it was ever bought are that client's business (issue 9 c). Staff read the figures.
  const own = duplicates.filter((duplicate) => duplicate.sameClient);
  const othersExist = own.length < duplicates.length;
  const ownPart = (language: Language, duplicate: SuspectedDuplicate): string => {
    const number = duplicate.invoiceNumber;
    const same = duplicate.kind === 'SAME_DEBTOR_AMOUNT_AND_DATES';
    switch (language) {
      case 'en':
        return `your invoice ${number} ${same ? 'has the same debtor, amount and dates' : 'looks like the same invoice'}`;
      case 'sv':
        return `din faktura ${number} ${same ? 'har samma fakturamottagare, belopp och datum' : 'ser ut att vara samma faktura'}`;
      case 'nb':
        return `fakturaen din ${number} ${same ? 'har samme fakturamottaker, beløp og datoer' : 'ser ut til å være den samme fakturaen'}`;
    }
  };
  const othersPart: Record<Language, string> = {
    en: 'an invoice offered to us earlier looks like the same invoice',
    sv: 'en faktura som vi har erbjudits tidigare ser ut att vara samma faktura',
    nb: 'en faktura vi har fått tilbud om tidligere ser ut til å være den samme fakturaen',
  };
  const and: Record<Language, string> = { en: 'and ', sv: 'och ', nb: 'og ' };
  const parts = (language: Language) => {
    const listed = own.map((duplicate) => ownPart(language, duplicate));
    if (othersExist) listed.push(`${listed.length ? and[language] : ''}${othersPart[language]}`);
    return listed.join('; ');
  };
  const next = refusedAnyway
    ? {
        en: 'Once the other reasons are dealt with, a person will check this before we decide.',
        sv: 'När de andra orsakerna är åtgärdade kontrollerar en handläggare detta innan vi beslutar.',
        nb: 'Når de andre årsakene er ordnet, kontrollerer en saksbehandler dette før vi bestemmer oss.',
      }
    : {
        en: 'A person will check it before we decide; if the invoices are different, you need not do anything.',
        sv: 'En handläggare kontrollerar den innan vi beslutar; om fakturorna är olika behöver du inte göra något.',
        nb: 'En saksbehandler kontrollerer den før vi bestemmer oss; hvis fakturaene er forskjellige, trenger du ikke gjøre noe.',
      };
  return reason(
    EligibilityReasonCode.DUPLICATE_SUSPECTED,
    {
      en: `This invoice may already have been offered to us: ${parts('en')}. ${next.en}`,
      sv: `Fakturan kan redan ha erbjudits oss: ${parts('sv')}. ${next.sv}`,
      nb: `Fakturaen kan allerede ha blitt tilbudt oss: ${parts('nb')}. ${next.nb}`,
    },
    {
      duplicateInvoiceIds: duplicates.map((duplicate) => duplicate.invoiceId).join(','),
      duplicateInvoiceNumbers: duplicates.map((duplicate) => duplicate.invoiceNumber).join(','),
      soldByAnotherClient: duplicates.some((duplicate) => !duplicate.sameClient),
    },
  );
}

// ---------------------------------------------------------------- helpers

function days(n: number): Record<Language, string> {
  return n === 1 ? { en: '1 day', sv: '1 dag', nb: '1 dag' } : { en: `${n} days`, sv: `${n} dagar`, nb: `${n} dager` };
}

/** At least two decimals, more when the invoice gave more (so "100.005" is not shown as 100.01). */
function amountFigure(value: Decimal): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}

/** An amount in a sentence the language's way ("SEK 1,250.00" / "1 250,00 SEK"), every stored decimal kept. */
function amountText(value: Decimal, currencyCode?: string): Record<Language, string> {
  return moneyFormatted(value, currencyCode);
}

function assertOneOf(value: unknown, allowed: readonly string[], field: string): void {
  if (typeof value === 'string' && allowed.includes(value)) return;
  throw new InvalidValueError('ELIGIBILITY_INPUT_UNKNOWN_VALUE', `${field} must be one of ${allowed.join(', ')}; ${JSON.stringify(value) ?? String(value)} is not.`, field, { value });
}
