/**
 * How often accepted invoices are picked for a spot check (stickprovskontroll: the factor calls
 * the debtor to confirm they expect the invoice, its content and price). Seed 004: chosen by a
 * rule engine, "tätare i början och glesar sedan ut" — denser at the start of a client
 * relationship, sparser later. The curve and its numbers are ours (house policy), as dated
 * settings per country.
 *
 * The curve, for the client's n-th sold invoice (n = 1 for the first):
 *   base(n) = 1                                                     for n <= alwaysCheckFirst
 *   base(n) = floorRate + (1 - floorRate) * 0.5 ^ ((n - alwaysCheckFirst) / halfLifeInvoices)   after
 * i.e. every one of the first invoices is checked, then the part above the floor halves every
 * `halfLifeInvoices` invoices. The rate is base(n) times the agreement's intensity factor (at most
 * 1), then raised to at least the trigger's rate for a new debtor or a large amount.
 */
import { CountryCode, InvalidValueError, LocalDate, parseCountryCode } from '@factoring/domain';
import { DatedVersion, versionInForce } from '../policy/dated-setting';
import { FieldName } from '../onboarding/decimal-input';
import { SettingsCheck, SettingsProblem, SettingsProblems } from './setting-checks';
import { SPOT_CHECK_INTENSITIES, SpotCheckIntensity } from '../onboarding/agreement-terms';

/** The intensity is set per client in the agreement (onboarding/agreement-terms.ts). */
export { SPOT_CHECK_INTENSITIES };
export type { SpotCheckIntensity };

export interface SpotCheckSettings {
  /** The client's first this-many sold invoices have base rate 1 (all checked at NORMAL intensity). */
  alwaysCheckFirst: number;
  /** After those, the rate above the floor halves every this-many invoices. */
  halfLifeInvoices: number;
  /** The rate the curve falls towards and never goes under, e.g. "0.02" (2 %). */
  floorRate: string;
  /** Multiplies the base rate, per the agreement's intensity; the product is capped at 1. */
  intensityFactor: Record<SpotCheckIntensity, string>;
  /** An invoice to a debtor the factor has not bought from before is checked at least this often. */
  newDebtorMinimumRate: string;
  /** An invoice of at least this amount (the payable, in the client's currency) ... */
  largeAmountThreshold: string;
  /** ... is checked at least this often. */
  largeAmountMinimumRate: string;
}

const NORMAL_CURVE: SpotCheckSettings = Object.freeze({
  alwaysCheckFirst: 3,
  halfLifeInvoices: 15,
  floorRate: '0.02',
  intensityFactor: Object.freeze({ HIGH: '2', NORMAL: '1', LOW: '0.5' }),
  newDebtorMinimumRate: '0.20',
  largeAmountThreshold: '100000.00',
  largeAmountMinimumRate: '0.50',
});

const SOURCE =
  'Our own credit policy (spot checks). Fortnox’s user support page «Kom igång med Fakturaförsäljning» (fortnox.se): spot checks are chosen by a rule engine and are denser at the start of a client ' +
  'relationship, sparser later; the numbers are ours. The first 3 invoices are all checked (a new client\'s first invoices are where ' +
  'invented invoices show up); then the rate above a 2 % floor halves every 15 invoices (about 50 % at invoice 18, 14 % at 48, ' +
  '3 % at 100), so a client selling a few invoices a week reaches the floor within a year. The agreement\'s intensity doubles (HIGH) ' +
  'or halves (LOW) the rate. A debtor new to the factor is checked at least 20 % of the time and an invoice of 100 000 or more ' +
  'at least 50 %: both are where a false invoice costs most. Amounts in the domestic currency (SEK and NOK taken as alike).';

export const DEFAULT_SPOT_CHECK_SETTINGS: Readonly<Record<CountryCode, readonly DatedVersion<SpotCheckSettings>[]>> = Object.freeze({
  SE: Object.freeze([{ validFrom: '2024-01-01', value: NORMAL_CURVE, source: SOURCE }]),
  NO: Object.freeze([{ validFrom: '2024-01-01', value: NORMAL_CURVE, source: SOURCE }]),
});

/** The spot-check settings in force on `on` for clients in `country`; pass the whole version to `sampleSpotCheck`. */
export function spotCheckSettingsInForce(
  country: CountryCode,
  on: LocalDate,
  versions: Readonly<Record<CountryCode, readonly DatedVersion<SpotCheckSettings>[]>> = DEFAULT_SPOT_CHECK_SETTINGS,
): DatedVersion<SpotCheckSettings> {
  const code = parseCountryCode(country);
  return versionInForce(`spot-check settings (${code})`, versions[code], on.toString());
}

export const SPOT_CHECK_SETTINGS_BOUNDS = Object.freeze({ maxAlwaysCheckFirst: 1000, maxHalfLifeInvoices: 10000, maxIntensityFactor: '10' });

export const SpotCheckSettingsCode = {
  NOT_WHOLE: 'SPOT_CHECK_SETTINGS_NOT_WHOLE',
  OUT_OF_RANGE: 'SPOT_CHECK_SETTINGS_OUT_OF_RANGE',
} as const;

export type SpotCheckSettingsProblem = SettingsProblem;
export type SpotCheckSettingsCheck = SettingsCheck;

const NAMES: Record<Exclude<keyof SpotCheckSettings, 'intensityFactor'>, FieldName> = {
  alwaysCheckFirst: { en: 'the number of first invoices always checked', sv: 'antalet första fakturor som alltid kontrolleras', nb: 'antallet første fakturaer som alltid kontrolleres' },
  halfLifeInvoices: { en: 'the half-life in invoices', sv: 'halveringstiden i antal fakturor', nb: 'halveringstiden i antall fakturaer' },
  floorRate: { en: 'the lowest rate', sv: 'den lägsta andelen', nb: 'den laveste andelen' },
  newDebtorMinimumRate: { en: 'the minimum rate for a new debtor', sv: 'minsta andelen för en ny fakturamottagare', nb: 'minste andelen for en ny fakturamottaker' },
  largeAmountThreshold: { en: 'the large-amount threshold', sv: 'gränsen för stora belopp', nb: 'grensen for store beløp' },
  largeAmountMinimumRate: { en: 'the minimum rate for a large amount', sv: 'minsta andelen för stora belopp', nb: 'minste andelen for store beløp' },
};

/** Every problem with spot-check settings an admin typed, each with its field and a sentence. */
export function validateSpotCheckSettings(settings: SpotCheckSettings): SpotCheckSettingsCheck {
  const check = new SettingsProblems('SPOT_CHECK_SETTINGS');
  const bounds = SPOT_CHECK_SETTINGS_BOUNDS;
  check.wholeNumber('alwaysCheckFirst', settings.alwaysCheckFirst, NAMES.alwaysCheckFirst, 0, bounds.maxAlwaysCheckFirst);
  check.wholeNumber('halfLifeInvoices', settings.halfLifeInvoices, NAMES.halfLifeInvoices, 1, bounds.maxHalfLifeInvoices);
  check.decimalInRange('floorRate', settings.floorRate, NAMES.floorRate, '0', '1');
  const factors: Partial<Record<SpotCheckIntensity, unknown>> = settings.intensityFactor ?? {};
  for (const intensity of SPOT_CHECK_INTENSITIES) {
    const name = { en: `the ${intensity} intensity factor`, sv: `faktorn för intensitet ${intensity}`, nb: `faktoren for intensitet ${intensity}` };
    check.decimalInRange(`intensityFactor.${intensity}`, factors[intensity], name, '0', bounds.maxIntensityFactor);
  }
  check.decimalInRange('newDebtorMinimumRate', settings.newDebtorMinimumRate, NAMES.newDebtorMinimumRate, '0', '1');
  check.amount('largeAmountThreshold', settings.largeAmountThreshold, NAMES.largeAmountThreshold);
  check.decimalInRange('largeAmountMinimumRate', settings.largeAmountMinimumRate, NAMES.largeAmountMinimumRate, '0', '1');
  return check.result();
}

/** Settings are configuration: malformed ones throw rather than sample wrongly. */
export function assertValidSpotCheckSettings(settings: SpotCheckSettings): void {
  const check = validateSpotCheckSettings(settings);
  if (check.valid) return;
  const [first] = check.problems;
  throw new InvalidValueError(first.code, `The spot-check settings are not valid: ${first.message.en}`, `settings.${first.field}`, first.figures);
}
