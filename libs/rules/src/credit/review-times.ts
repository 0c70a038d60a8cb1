/**
 * How long the factor promises a person's look at an invoice may take, per country, as dated
 * settings with their source: a manual assessment, and a spot check (seed 004: a spot check "may
 * delay the decision by about a day"). An item past its time is flagged in the analysts' queue;
 * asking the client for information stops the clock (the wait is added to the time).
 */
import { CountryCode, parseCountryCode } from '@factoring/domain';
import { DatedVersion, versionInForce } from '../policy/dated-setting';
import { Language, Reason, reason } from '../reason';

export interface ReviewTimeSettings {
  /** Hours from an invoice reaching the manual-assessment queue to the promised decision. */
  manualAssessmentHours: number;
  /** Hours from an invoice being picked for a spot check to the promised decision. */
  spotCheckHours: number;
}

const SOURCE =
  'Our own service level: a manual assessment within 8 hours of the invoice reaching the queue (one working day); a spot check ' +
  'within 24 hours (Fortnox’s user support page «Kom igång med Fakturaförsäljning» (fortnox.se): a spot check "kan fördröja beslutet med ungefär en dag"). No published source gives a time for a manual assessment: 8 h is ours.';

export const DEFAULT_REVIEW_TIME_SETTINGS: Readonly<Record<CountryCode, readonly DatedVersion<ReviewTimeSettings>[]>> = Object.freeze({
  SE: Object.freeze([{ validFrom: '2024-01-01', value: Object.freeze({ manualAssessmentHours: 8, spotCheckHours: 24 }), source: SOURCE }]),
  NO: Object.freeze([{ validFrom: '2024-01-01', value: Object.freeze({ manualAssessmentHours: 8, spotCheckHours: 24 }), source: SOURCE }]),
});

/** The review times in force on a day (YYYY-MM-DD) for invoices of `country`. */
export function reviewTimeSettingsInForce(
  country: CountryCode,
  on: string,
  versions: Readonly<Record<CountryCode, readonly DatedVersion<ReviewTimeSettings>[]>> = DEFAULT_REVIEW_TIME_SETTINGS,
): DatedVersion<ReviewTimeSettings> {
  const code = parseCountryCode(country);
  return versionInForce(`review times (${code})`, versions[code], on);
}

export type ReviewKind = 'MANUAL_ASSESSMENT' | 'SPOT_CHECK';

/** When a review opened at `openedAt` is due: the promised hours of elapsed time later. */
export function reviewDueAt(openedAt: Date, kind: ReviewKind, settings: ReviewTimeSettings): Date {
  const hours = kind === 'SPOT_CHECK' ? settings.spotCheckHours : settings.manualAssessmentHours;
  return new Date(openedAt.getTime() + hours * 3_600_000);
}

// ---------------------------------------------------------------- validating the settings

/** Two weeks at most: a promise longer than that is no promise. */
export const REVIEW_TIME_BOUNDS = Object.freeze({ minHours: 1, maxHours: 24 * 14 });

export const ReviewTimeSettingsCode = {
  HOURS_NOT_WHOLE: 'REVIEW_TIME_HOURS_NOT_WHOLE',
  HOURS_OUT_OF_RANGE: 'REVIEW_TIME_HOURS_OUT_OF_RANGE',
} as const;
export type ReviewTimeSettingsCode = (typeof ReviewTimeSettingsCode)[keyof typeof ReviewTimeSettingsCode];

export interface ReviewTimeSettingsProblem extends Reason<ReviewTimeSettingsCode> {
  field: keyof ReviewTimeSettings;
}

export interface ReviewTimeSettingsCheck {
  valid: boolean;
  problems: ReviewTimeSettingsProblem[];
}

const WHAT: Record<keyof ReviewTimeSettings, Record<Language, string>> = {
  manualAssessmentHours: { en: 'The time for a manual assessment', sv: 'Tiden för en manuell bedömning', nb: 'Tiden for en manuell vurdering' },
  spotCheckHours: { en: 'The time for a spot check', sv: 'Tiden för en stickprovskontroll', nb: 'Tiden for en stikkprøvekontroll' },
};

/** Every problem with review times an admin typed, each with its field and a sentence. */
export function validateReviewTimeSettings(settings: ReviewTimeSettings): ReviewTimeSettingsCheck {
  const problems: ReviewTimeSettingsProblem[] = [];
  const { minHours: min, maxHours: max } = REVIEW_TIME_BOUNDS;
  for (const field of ['manualAssessmentHours', 'spotCheckHours'] as const) {
    const hours: unknown = settings?.[field];
    const what = WHAT[field];
    if (typeof hours !== 'number' || !Number.isInteger(hours)) {
      const shown = JSON.stringify(hours) ?? String(hours);
      problems.push({
        ...reason(
          ReviewTimeSettingsCode.HOURS_NOT_WHOLE,
          {
            en: `${what.en} must be a whole number of hours; ${shown} is not.`,
            sv: `${what.sv} ska vara ett helt antal timmar; ${shown} är det inte.`,
            nb: `${what.nb} må være et helt antall timer; ${shown} er det ikke.`,
          },
          { value: hours === undefined ? null : String(hours) },
        ),
        field,
      });
    } else if (hours < min || hours > max) {
      problems.push({
        ...reason(
          ReviewTimeSettingsCode.HOURS_OUT_OF_RANGE,
          {
            en: `${what.en} must be between ${min} and ${max} hours; ${hours} is outside it.`,
            sv: `${what.sv} ska vara mellan ${min} och ${max} timmar; ${hours} ligger utanför.`,
            nb: `${what.nb} må være mellom ${min} og ${max} timer; ${hours} er utenfor.`,
          },
          { value: hours, min, max },
        ),
        field,
      });
    }
  }
  return { valid: problems.length === 0, problems };
}
