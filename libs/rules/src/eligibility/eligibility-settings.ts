/**
 * The thresholds of the eligibility rules, per country, as dated settings (STYLE.md: thresholds
 * that policy sets are data with a valid-from date and a source). Seed 001 (Norway) gives the
 * numbers; it is the default rule set for Sweden too (DOMAIN.md), with the Swedish currency.
 */
import Decimal from 'decimal.js';
import { CountryCode, CURRENCIES, InvalidValueError, isCurrencyCode, LocalDate, parseCountryCode } from '@factoring/domain';
import { DatedVersion, versionInForce } from '../policy/dated-setting';
import { Language, Reason, reason } from '../reason';
import { AMOUNT_DECIMALS, D, decimalInputMessage, FieldName, moneyFormatted, readNonNegativeDecimal } from '../onboarding/decimal-input';

export interface EligibilitySettings {
  /** The only currency invoices are bought in: the client's domestic one (ISO 4217). */
  currency: string;
  /** Delivery may be at most this many days before today (45 in seed 001). */
  maxDaysSinceDelivery: number;
  /** The due date may be at most this many days after today (90 in seed 001). */
  maxDaysUntilDue: number;
  /** An invoice of this amount or less cannot be sold (seed 001: "200 kroner eller mindre"). */
  minimumAmount: string;
  /** How far, per invoice, a stated total may be from the one computed from the lines (e.g. "0.05"). */
  totalsTolerance: string;
}

/** The currency of each country's invoices. */
export const DOMESTIC_CURRENCY: Readonly<Record<CountryCode, string>> = Object.freeze({ SE: 'SEK', NO: 'NOK' });

export const DEFAULT_ELIGIBILITY_SETTINGS: Readonly<Record<CountryCode, readonly DatedVersion<EligibilitySettings>[]>> = Object.freeze({
  SE: Object.freeze([
    {
      validFrom: '2024-01-01',
      value: Object.freeze({ currency: 'SEK', maxDaysSinceDelivery: 45, maxDaysUntilDue: 90, minimumAmount: '200.00', totalsTolerance: '0.05' }),
      source:
        "Fiken’s help page on invoice sale to Aprila (fiken.no, «Fakturasalg»), used for both countries: delivery at most 45 days ago, due date at most 90 days ahead. " +
        'Minimum amount: that page gives 200 NOK; 200 SEK for Sweden is our own credit policy, with no published Swedish source. Currency SEK (domestic only). ' +
        'Totals tolerance 0.05 per invoice: our own credit policy.',
    },
  ]),
  NO: Object.freeze([
    {
      validFrom: '2024-01-01',
      value: Object.freeze({ currency: 'NOK', maxDaysSinceDelivery: 45, maxDaysUntilDue: 90, minimumAmount: '200.00', totalsTolerance: '0.05' }),
      source:
        "Fiken’s help page on invoice sale to Aprila (fiken.no, «Fakturasalg»): no foreign currency, delivery at most 45 days ago, due date at most 90 days ahead, amount more than 200 NOK. " +
        'Totals tolerance 0.05 per invoice: our own credit policy.',
    },
  ]),
});

/** The settings in force on `on` for clients in `country` (with the source, to record with the decision). */
export function eligibilitySettingsInForce(
  country: CountryCode,
  on: LocalDate,
  versions: Readonly<Record<CountryCode, readonly DatedVersion<EligibilitySettings>[]>> = DEFAULT_ELIGIBILITY_SETTINGS,
): DatedVersion<EligibilitySettings> {
  const code = parseCountryCode(country);
  return versionInForce(`eligibility settings (${code})`, versions[code], on.toString());
}

/** Bounds the settings page enforces: a typing error must not stop (or open) all invoice sales. */
export const ELIGIBILITY_SETTINGS_BOUNDS = Object.freeze({ minDays: 1, maxDays: 365, maxTotalsTolerance: '1.00' });

export const EligibilitySettingsCode = {
  CURRENCY_UNKNOWN: 'ELIGIBILITY_SETTINGS_CURRENCY_UNKNOWN',
  CURRENCY_NOT_DOMESTIC: 'ELIGIBILITY_SETTINGS_CURRENCY_NOT_DOMESTIC',
  DAYS_NOT_WHOLE: 'ELIGIBILITY_SETTINGS_DAYS_NOT_WHOLE',
  DAYS_OUT_OF_RANGE: 'ELIGIBILITY_SETTINGS_DAYS_OUT_OF_RANGE',
  TOLERANCE_TOO_LARGE: 'ELIGIBILITY_SETTINGS_TOLERANCE_TOO_LARGE',
} as const;
export type EligibilitySettingsCode = (typeof EligibilitySettingsCode)[keyof typeof EligibilitySettingsCode];

/** A problem with one field; besides the codes above, VALUE_* (see DecimalInputCode) for malformed amounts. */
export interface EligibilitySettingsProblem extends Reason {
  field: keyof EligibilitySettings;
}

export interface EligibilitySettingsCheck {
  valid: boolean;
  problems: EligibilitySettingsProblem[];
}

export interface EligibilitySettingsOptions {
  /** When given, the currency must be that country's own (the rule refuses every other currency). */
  country?: CountryCode;
}

const NAMES: Readonly<Record<keyof EligibilitySettings, FieldName>> = {
  currency: { en: 'the currency', sv: 'valutan', nb: 'valutaen' },
  maxDaysSinceDelivery: { en: 'the maximum number of days since delivery', sv: 'högsta antal dagar sedan leverans', nb: 'høyeste antall dager siden levering' },
  maxDaysUntilDue: { en: 'the maximum number of days until the due date', sv: 'högsta antal dagar till förfallodagen', nb: 'høyeste antall dager til forfallsdato' },
  minimumAmount: { en: 'the minimum amount', sv: 'minimibeloppet', nb: 'minimumsbeløpet' },
  totalsTolerance: { en: 'the tolerance for invoice totals', sv: 'toleransen för fakturans summor', nb: 'toleransen for fakturaens summer' },
};

/** Every problem with the settings an admin typed, each with its field and a sentence saying what is allowed. */
export function validateEligibilitySettings(settings: EligibilitySettings, options: EligibilitySettingsOptions = {}): EligibilitySettingsCheck {
  const problems: EligibilitySettingsProblem[] = [];
  const problem = (field: keyof EligibilitySettings, code: string, message: Record<Language, string>, figures?: Reason['figures']) =>
    problems.push({ ...reason(code, message, figures), field });

  const currency: unknown = settings.currency;
  const shownCurrency = JSON.stringify(currency) ?? String(currency);
  if (!isCurrencyCode(currency)) {
    const known = Object.keys(CURRENCIES).join(', ');
    problem(
      'currency',
      EligibilitySettingsCode.CURRENCY_UNKNOWN,
      {
        en: `The currency must be an ISO 4217 code we handle (${known}); ${shownCurrency} is not.`,
        sv: `Valutan ska vara en ISO 4217-kod som vi hanterar (${known}); ${shownCurrency} är det inte.`,
        nb: `Valutaen må være en ISO 4217-kode vi håndterer (${known}); ${shownCurrency} er det ikke.`,
      },
      { value: currency === undefined ? null : String(currency) },
    );
  } else if (options.country !== undefined) {
    const country = parseCountryCode(options.country);
    const domestic = DOMESTIC_CURRENCY[country];
    if (currency !== domestic) {
      problem(
        'currency',
        EligibilitySettingsCode.CURRENCY_NOT_DOMESTIC,
        {
          en: `Invoices are only bought in the client's own currency, which is ${domestic} in ${country}; with ${currency} every ${domestic} invoice would be refused.`,
          sv: `Fakturor köps bara i kundens egen valuta, som är ${domestic} i ${country}; med ${currency} skulle varje faktura i ${domestic} nekas.`,
          nb: `Fakturaer kjøpes bare i kundens egen valuta, som er ${domestic} i ${country}; med ${currency} ville hver faktura i ${domestic} bli avslått.`,
        },
        { value: currency, domesticCurrency: domestic },
      );
    }
  }

  for (const field of ['maxDaysSinceDelivery', 'maxDaysUntilDue'] as const) checkDays(field, settings[field], problem);

  const minimum = readNonNegativeDecimal(settings.minimumAmount, AMOUNT_DECIMALS);
  if (!minimum.ok) {
    problem('minimumAmount', minimum.code, decimalInputMessage(minimum.code, NAMES.minimumAmount, settings.minimumAmount, AMOUNT_DECIMALS), shownValue(settings.minimumAmount));
  }

  const tolerance = readNonNegativeDecimal(settings.totalsTolerance, AMOUNT_DECIMALS);
  if (!tolerance.ok) {
    problem('totalsTolerance', tolerance.code, decimalInputMessage(tolerance.code, NAMES.totalsTolerance, settings.totalsTolerance, AMOUNT_DECIMALS), shownValue(settings.totalsTolerance));
  } else {
    const max = new D(ELIGIBILITY_SETTINGS_BOUNDS.maxTotalsTolerance);
    if (tolerance.value.greaterThan(max)) {
      const [limit, given] = [moneyFormatted(max), moneyFormatted(tolerance.value)];
      problem(
        'totalsTolerance',
        EligibilitySettingsCode.TOLERANCE_TOO_LARGE,
        {
          en: `The tolerance for invoice totals must be at most ${limit.en}; ${given.en} would let invoices with wrong totals through.`,
          sv: `Toleransen för fakturans summor får vara högst ${limit.sv}; ${given.sv} skulle släppa igenom fakturor med felaktiga summor.`,
          nb: `Toleransen for fakturaens summer kan være høyst ${limit.nb}; ${given.nb} ville slippe gjennom fakturaer med feil summer.`,
        },
        { value: tolerance.value.toFixed(), max: max.toFixed() },
      );
    }
  }
  return { valid: problems.length === 0, problems };
}

function checkDays(
  field: 'maxDaysSinceDelivery' | 'maxDaysUntilDue',
  value: unknown,
  problem: (field: keyof EligibilitySettings, code: string, message: Record<Language, string>, figures?: Reason['figures']) => void,
): void {
  const name = NAMES[field];
  const shown = JSON.stringify(value) ?? String(value);
  const { minDays, maxDays } = ELIGIBILITY_SETTINGS_BOUNDS;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    problem(
      field,
      EligibilitySettingsCode.DAYS_NOT_WHOLE,
      {
        en: `${capitalise(name.en)} must be a whole number of days; ${shown} is not.`,
        sv: `${capitalise(name.sv)} ska vara ett helt antal dagar; ${shown} är det inte.`,
        nb: `${capitalise(name.nb)} må være et helt antall dager; ${shown} er det ikke.`,
      },
      { value: value === undefined ? null : String(value) },
    );
  } else if (value < minDays || value > maxDays) {
    problem(
      field,
      EligibilitySettingsCode.DAYS_OUT_OF_RANGE,
      {
        en: `${capitalise(name.en)} must be between ${minDays} and ${maxDays} days; ${value} is outside it.`,
        sv: `${capitalise(name.sv)} ska vara mellan ${minDays} och ${maxDays} dagar; ${value} ligger utanför.`,
        nb: `${capitalise(name.nb)} må være mellom ${minDays} og ${maxDays} dager; ${value} er utenfor.`,
      },
      { value, min: minDays, max: maxDays },
    );
  }
}

/** The settings the rules run with, read once. A malformed setting is a configuration error: it throws. */
export interface ReadEligibilitySettings {
  currency: string;
  maxDaysSinceDelivery: number;
  maxDaysUntilDue: number;
  minimumAmount: Decimal;
  totalsTolerance: Decimal;
}

export function readEligibilitySettings(settings: EligibilitySettings): ReadEligibilitySettings {
  const check = validateEligibilitySettings(settings);
  if (!check.valid) {
    const [first] = check.problems;
    throw new InvalidValueError(first.code, `The eligibility settings are not valid: ${first.message.en}`, `settings.${first.field}`, first.figures);
  }
  return {
    currency: settings.currency,
    maxDaysSinceDelivery: settings.maxDaysSinceDelivery,
    maxDaysUntilDue: settings.maxDaysUntilDue,
    minimumAmount: new D(settings.minimumAmount),
    totalsTolerance: new D(settings.totalsTolerance),
  };
}

function shownValue(value: unknown): Reason['figures'] {
  return { value: value === undefined || value === null ? null : String(value) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
