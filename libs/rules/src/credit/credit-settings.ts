/**
 * The thresholds of the credit decision, per country, as dated settings with their source
 * (house credit policy: the seeds give no numbers for credit).
 *
 * Debtor-side thresholds come in two sets, by recourse mode. With recourse the client buys back
 * an invoice still unpaid 30 days after its due date (seed 000), so the factor's loss needs the
 * debtor AND the client to fail; without recourse the factor carries the debtor's default alone
 * (everything but disputes, seed 000). So without recourse the debtor thresholds are stricter:
 * a lower amount for a new debtor or a private person, and less late payment tolerated.
 */
import { CountryCode, InvalidValueError, LocalDate, parseCountryCode } from '@factoring/domain';
import { DatedVersion, versionInForce } from '../policy/dated-setting';
import { D, FieldName } from '../onboarding/decimal-input';
import { RECOURSE_MODES, RecourseMode } from '../onboarding/agreement-terms';
import { SettingsCheck, SettingsProblem, SettingsProblems } from '../spot-check/setting-checks';

export { RECOURSE_MODES };
export type { RecourseMode };

/** Thresholds on the debtor, for one recourse mode. Shares are decimals (0.30 = 30 %). */
export interface DebtorThresholds {
  /** A debtor new to the factor: an amount above this goes to manual assessment. */
  newDebtorMaxAmount: string;
  /** A private-person debtor (seed 001: "strengere kontroll"): an amount above this goes to manual assessment. */
  personMaxAmount: string;
  /** Average days late (over the invoices paid late) above this: manual assessment. */
  lateManualAverageDays: number;
  /** Share of paid invoices paid late above this: manual assessment. */
  lateManualShare: string;
  /** Average days late above this: deny. */
  lateDenyAverageDays: number;
  /** Share paid late above this: deny. */
  lateDenyShare: string;
}

/** Every debtor threshold; for each, a higher value is looser. */
export const DEBTOR_THRESHOLD_FIELDS = ['newDebtorMaxAmount', 'personMaxAmount', 'lateManualAverageDays', 'lateManualShare', 'lateDenyAverageDays', 'lateDenyShare'] as const;

export interface CreditSettings {
  /** The currency of the amounts (the country's own; the eligibility rules refuse every other). */
  currency: string;
  /**
   * How far exposure-after may exceed a limit, as a share of that limit, and go to manual
   * assessment instead of a denial. "0" denies every excess.
   */
  limitToleranceShare: string;
  /** One debtor's share of the client's purchased exposure, after this invoice, above which a person looks. */
  concentrationMaxShare: string;
  /** The concentration rule applies only when the client's exposure after this invoice is at least this. */
  concentrationMinClientExposure: string;
  /** "Far above the client's usual": the amount is more than this multiple of the median of its recent invoices ... */
  unusualAmountMultiple: string;
  /** ... once at least this many recent invoices are known. */
  unusualAmountMinHistory: number;
  /** The share-paid-late rules need at least this many paid invoices (one late invoice out of one is not a pattern). */
  lateShareMinPaidInvoices: number;
  debtor: Record<RecourseMode, DebtorThresholds>;
}

function defaults(currency: string): CreditSettings {
  return Object.freeze({
    currency,
    limitToleranceShare: '0.05',
    concentrationMaxShare: '0.50',
    concentrationMinClientExposure: '100000.00',
    unusualAmountMultiple: '5',
    unusualAmountMinHistory: 10,
    lateShareMinPaidInvoices: 3,
    debtor: Object.freeze({
      WITH_RECOURSE: Object.freeze({
        newDebtorMaxAmount: '100000.00',
        personMaxAmount: '20000.00',
        lateManualAverageDays: 15,
        lateManualShare: '0.30',
        lateDenyAverageDays: 45,
        lateDenyShare: '0.60',
      }),
      WITHOUT_RECOURSE: Object.freeze({
        newDebtorMaxAmount: '50000.00',
        personMaxAmount: '10000.00',
        lateManualAverageDays: 7,
        lateManualShare: '0.20',
        lateDenyAverageDays: 30,
        lateDenyShare: '0.40',
      }),
    }),
  });
}

const SOURCE =
  'Our own credit policy: no published source gives these numbers. Limits: an excess of up to 5 % of a limit goes to manual assessment, where an ' +
  'analyst can grant a temporary raise, instead of a denial the client would ask to have assessed manually anyway (Visma Finance’s questions and answers on selling invoices (vismafinance.se, «Sälja fakturor»)); more is ' +
  'denied. Concentration: one debtor above 50 % of a client\'s purchased exposure is looked at, once the client has 100 000 or more ' +
  'outstanding (small clients often have few customers). Unusual amount: more than 5 times the median of the client\'s recent ' +
  'invoices, once 10 are known. Private-person debtors (Fiken’s help page on invoice sale to Aprila (fiken.no, «Fakturasalg»): stricter control): above 20 000 with recourse, 10 000 without, ' +
  'or any late payment, goes to a person. New debtor: above 100 000 with recourse, 50 000 without. Late payment: average more than ' +
  '15 days late or more than 30 % paid late (of at least 3) goes to a person, more than 45 days or 60 % is denied; without recourse ' +
  '7 days / 20 % and 30 days / 40 %, because then the factor carries the debtor\'s default (Visma Finance’s questions and answers on selling invoices (vismafinance.se, «Sälja fakturor»)). Amounts in the domestic ' +
  'currency; SEK and NOK are taken as alike.';

export const DEFAULT_CREDIT_SETTINGS: Readonly<Record<CountryCode, readonly DatedVersion<CreditSettings>[]>> = Object.freeze({
  SE: Object.freeze([{ validFrom: '2024-01-01', value: defaults('SEK'), source: SOURCE }]),
  NO: Object.freeze([{ validFrom: '2024-01-01', value: defaults('NOK'), source: SOURCE }]),
});

/** The credit settings in force on `on` for clients in `country`; pass the whole version to `decideCredit`. */
export function creditSettingsInForce(
  country: CountryCode,
  on: LocalDate,
  versions: Readonly<Record<CountryCode, readonly DatedVersion<CreditSettings>[]>> = DEFAULT_CREDIT_SETTINGS,
): DatedVersion<CreditSettings> {
  const code = parseCountryCode(country);
  return versionInForce(`credit settings (${code})`, versions[code], on.toString());
}

export const CREDIT_SETTINGS_BOUNDS = Object.freeze({ maxLimitToleranceShare: '0.25', maxMultiple: '1000', maxDays: 365, maxCount: 1000 });

export const CreditSettingsCode = {
  NOT_WHOLE: 'CREDIT_SETTINGS_NOT_WHOLE',
  OUT_OF_RANGE: 'CREDIT_SETTINGS_OUT_OF_RANGE',
  CURRENCY_UNKNOWN: 'CREDIT_SETTINGS_CURRENCY_UNKNOWN',
  /** The manual-assessment threshold is above the deny threshold: the manual step would never happen. */
  MANUAL_ABOVE_DENY: 'CREDIT_SETTINGS_MANUAL_ABOVE_DENY',
  /** A WITHOUT_RECOURSE threshold is looser than the WITH_RECOURSE one: the factor would carry more risk for less care. */
  WITHOUT_RECOURSE_LOOSER: 'CREDIT_SETTINGS_WITHOUT_RECOURSE_LOOSER',
} as const;
export type CreditSettingsCode = (typeof CreditSettingsCode)[keyof typeof CreditSettingsCode];

export type CreditSettingsProblem = SettingsProblem;
export type CreditSettingsCheck = SettingsCheck;

const NAMES = {
  limitToleranceShare: { en: 'the limit tolerance', sv: 'toleransen över limit', nb: 'toleransen over grensen' },
  concentrationMaxShare: { en: 'the highest share for one debtor', sv: 'högsta andelen för en fakturamottagare', nb: 'høyeste andelen for én fakturamottaker' },
  concentrationMinClientExposure: {
    en: 'the client exposure from which concentration counts',
    sv: 'kundens engagemang från vilket koncentrationen räknas',
    nb: 'kundens engasjement fra hvilket konsentrasjonen teller',
  },
  unusualAmountMultiple: { en: 'the multiple of the usual amount', sv: 'multipeln av det vanliga beloppet', nb: 'multippelen av det vanlige beløpet' },
  unusualAmountMinHistory: { en: 'the number of invoices needed for the usual amount', sv: 'antalet fakturor som krävs för det vanliga beloppet', nb: 'antallet fakturaer som kreves for det vanlige beløpet' },
  lateShareMinPaidInvoices: { en: 'the number of paid invoices needed for the late share', sv: 'antalet betalda fakturor som krävs för andelen sena', nb: 'antallet betalte fakturaer som kreves for andelen sene' },
  newDebtorMaxAmount: { en: 'the highest amount for a new debtor', sv: 'högsta beloppet för en ny fakturamottagare', nb: 'høyeste beløpet for en ny fakturamottaker' },
  personMaxAmount: { en: 'the highest amount for a private person', sv: 'högsta beloppet för en privatperson', nb: 'høyeste beløpet for en privatperson' },
  lateManualAverageDays: { en: 'the average days late for manual assessment', sv: 'genomsnittliga dagar sent för manuell bedömning', nb: 'gjennomsnittlige dager for sent for manuell vurdering' },
  lateManualShare: { en: 'the share paid late for manual assessment', sv: 'andelen betalda sent för manuell bedömning', nb: 'andelen betalt for sent for manuell vurdering' },
  lateDenyAverageDays: { en: 'the average days late for a denial', sv: 'genomsnittliga dagar sent för avslag', nb: 'gjennomsnittlige dager for sent for avslag' },
  lateDenyShare: { en: 'the share paid late for a denial', sv: 'andelen betalda sent för avslag', nb: 'andelen betalt for sent for avslag' },
} satisfies Record<string, FieldName>;

/** Every problem with credit settings an admin typed, each with its field (a path) and a sentence. */
export function validateCreditSettings(settings: CreditSettings): CreditSettingsCheck {
  const check = new SettingsProblems('CREDIT_SETTINGS');
  const bounds = CREDIT_SETTINGS_BOUNDS;
  if (settings.currency !== 'SEK' && settings.currency !== 'NOK') {
    const shownCurrency = JSON.stringify(settings.currency) ?? String(settings.currency);
    check.add(
      'currency',
      CreditSettingsCode.CURRENCY_UNKNOWN,
      {
        en: `The currency must be SEK or NOK, the currencies invoices are bought in; ${shownCurrency} is not.`,
        sv: `Valutan ska vara SEK eller NOK, de valutor fakturor köps i; ${shownCurrency} är det inte.`,
        nb: `Valutaen må være SEK eller NOK, valutaene fakturaer kjøpes i; ${shownCurrency} er det ikke.`,
      },
      { value: settings.currency === undefined ? null : String(settings.currency) },
    );
  }
  check.decimalInRange('limitToleranceShare', settings.limitToleranceShare, NAMES.limitToleranceShare, '0', bounds.maxLimitToleranceShare);
  check.decimalInRange('concentrationMaxShare', settings.concentrationMaxShare, NAMES.concentrationMaxShare, '0', '1');
  check.amount('concentrationMinClientExposure', settings.concentrationMinClientExposure, NAMES.concentrationMinClientExposure);
  check.decimalInRange('unusualAmountMultiple', settings.unusualAmountMultiple, NAMES.unusualAmountMultiple, '1', bounds.maxMultiple);
  check.wholeNumber('unusualAmountMinHistory', settings.unusualAmountMinHistory, NAMES.unusualAmountMinHistory, 1, bounds.maxCount);
  check.wholeNumber('lateShareMinPaidInvoices', settings.lateShareMinPaidInvoices, NAMES.lateShareMinPaidInvoices, 1, bounds.maxCount);

  const read: Partial<Record<RecourseMode, Partial<Record<keyof DebtorThresholds, number | string>>>> = {};
  for (const mode of RECOURSE_MODES) {
    const t: Partial<DebtorThresholds> = settings.debtor?.[mode] ?? {};
    const at = (field: keyof DebtorThresholds) => `debtor.${mode}.${field}`;
    const values = {
      newDebtorMaxAmount: check.amount(at('newDebtorMaxAmount'), t.newDebtorMaxAmount, NAMES.newDebtorMaxAmount),
      personMaxAmount: check.amount(at('personMaxAmount'), t.personMaxAmount, NAMES.personMaxAmount),
      lateManualAverageDays: check.wholeNumber(at('lateManualAverageDays'), t.lateManualAverageDays, NAMES.lateManualAverageDays, 0, bounds.maxDays),
      lateManualShare: check.decimalInRange(at('lateManualShare'), t.lateManualShare, NAMES.lateManualShare, '0', '1'),
      lateDenyAverageDays: check.wholeNumber(at('lateDenyAverageDays'), t.lateDenyAverageDays, NAMES.lateDenyAverageDays, 0, bounds.maxDays),
      lateDenyShare: check.decimalInRange(at('lateDenyShare'), t.lateDenyShare, NAMES.lateDenyShare, '0', '1'),
    };
    const readMode: Partial<Record<keyof DebtorThresholds, number | string>> = {};
    for (const [key, value] of Object.entries(values)) if (value !== null) readMode[key as keyof DebtorThresholds] = typeof value === 'number' ? value : value.toFixed();
    read[mode] = readMode;

    for (const [manual, deny] of [
      ['lateManualAverageDays', 'lateDenyAverageDays'],
      ['lateManualShare', 'lateDenyShare'],
    ] as const) {
      const [m, d] = [readMode[manual], readMode[deny]];
      if (m === undefined || d === undefined || !new D(m).greaterThan(d)) continue;
      check.add(
        at(manual),
        CreditSettingsCode.MANUAL_ABOVE_DENY,
        {
          en: `${capitalise(NAMES[manual].en)} (${m}) must not be above ${NAMES[deny].en} (${d}), or the manual assessment would never come first (${mode}).`,
          sv: `${capitalise(NAMES[manual].sv)} (${m}) får inte vara högre än ${NAMES[deny].sv} (${d}), annars kommer den manuella bedömningen aldrig först (${mode}).`,
          nb: `${capitalise(NAMES[manual].nb)} (${m}) kan ikke være høyere enn ${NAMES[deny].nb} (${d}), ellers kommer den manuelle vurderingen aldri først (${mode}).`,
        },
        { value: m, deny: d, mode },
      );
    }
  }

  const [withR, withoutR] = [read.WITH_RECOURSE ?? {}, read.WITHOUT_RECOURSE ?? {}];
  for (const field of DEBTOR_THRESHOLD_FIELDS) {
    const [a, b] = [withR[field], withoutR[field]];
    if (a === undefined || b === undefined || !new D(b).greaterThan(a)) continue;
    check.add(
      `debtor.WITHOUT_RECOURSE.${field}`,
      CreditSettingsCode.WITHOUT_RECOURSE_LOOSER,
      {
        en: `Without recourse the factor carries the debtor's risk, so ${NAMES[field].en} must not be above the one with recourse (${a}); ${b} is.`,
        sv: `Utan regress bär vi fakturamottagarens risk, så ${NAMES[field].sv} får inte vara högre än med regress (${a}); ${b} är det.`,
        nb: `Uten regress bærer vi fakturamottakerens risiko, så ${NAMES[field].nb} kan ikke være høyere enn med regress (${a}); ${b} er det.`,
      },
      { value: String(b), withRecourse: String(a) },
    );
  }
  return check.result();
}

/** Settings are configuration: malformed ones throw rather than decide wrongly. */
export function assertValidCreditSettings(settings: CreditSettings): void {
  const check = validateCreditSettings(settings);
  if (check.valid) return;
  const [first] = check.problems;
  throw new InvalidValueError(first.code, `The credit settings are not valid: ${first.message.en}`, `settings.${first.field}`, first.figures);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
