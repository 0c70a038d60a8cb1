/**
 * The offer's timing: how long a client has to accept it, and the day the payout is planned for.
 *
 * Seeds 000, 001 and 004: the money is paid "the same or next business day"; seed 000: which one
 * "depends only on how early in the day" the client sells. We read that as a cut-off time in the
 * client's country: accepted on a business day before the cut-off, paid that day; otherwise the
 * next business day (bank holidays from the domain's BusinessCalendar). Seed 001: the planned
 * payout date is booked unless the client confirms another.
 *
 * Pure: instants in, dates out. The instant is turned into local time in the country's zone with
 * Intl (which knows daylight saving time); nothing reads the clock.
 */
import { BusinessCalendar, CountryCode, InvalidValueError, LocalDate, parseCountryCode } from '@factoring/domain';
import { DatedVersion, versionInForce } from '../policy/dated-setting';
import { Language, Reason, reason } from '../reason';

export interface OfferSettings {
  /** Hours of elapsed time from the offer to its expiry. */
  validityHours: number;
  /** 'HH:MM', local time in `timeZone`: accepted before it on a business day, paid out that day. */
  payoutCutOff: string;
  /** IANA zone of the client's country, e.g. Europe/Stockholm. */
  timeZone: string;
}

export const DEFAULT_OFFER_SETTINGS: Readonly<Record<CountryCode, readonly DatedVersion<OfferSettings>[]>> = Object.freeze({
  SE: Object.freeze([
    {
      validFrom: '2024-01-01',
      value: Object.freeze({ validityHours: 72, payoutCutOff: '14:00', timeZone: 'Europe/Stockholm' }),
      source:
        'Our own terms: an offer is open for 72 hours; payout the same business day when accepted before 14:00 Swedish time, else the next ' +
        '(Visma Finance’s questions and answers on selling invoices (vismafinance.se, «Sälja fakturor») and Fortnox’s user support page «Kom igång med Fakturaförsäljning» (fortnox.se): "samma dag, men oftast under nästa bankdag ... hur tidigt på dagen"). Neither gives times: 72 h and 14:00 are ours.',
    },
  ]),
  NO: Object.freeze([
    {
      validFrom: '2024-01-01',
      value: Object.freeze({ validityHours: 72, payoutCutOff: '14:00', timeZone: 'Europe/Oslo' }),
      source:
        'House rule: an offer is open for 72 hours; payout the same business day when accepted before 14:00 Norwegian time, else the next ' +
        '(Fiken’s help page on invoice sale to Aprila (fiken.no, «Fakturasalg»): "samme eller neste virkedag"). It gives no times: 72 h and 14:00 are ours.',
    },
  ]),
});

/** The offer settings in force on `on` for clients in `country` (with the source, to record). */
export function offerSettingsInForce(
  country: CountryCode,
  on: LocalDate,
  versions: Readonly<Record<CountryCode, readonly DatedVersion<OfferSettings>[]>> = DEFAULT_OFFER_SETTINGS,
): DatedVersion<OfferSettings> {
  const code = parseCountryCode(country);
  return versionInForce(`offer settings (${code})`, versions[code], on.toString());
}

// ---------------------------------------------------------------- validating the settings

export const OFFER_SETTINGS_BOUNDS = Object.freeze({ minValidityHours: 1, maxValidityHours: 720 });

export const OfferSettingsCode = {
  VALIDITY_NOT_WHOLE: 'OFFER_SETTINGS_VALIDITY_NOT_WHOLE',
  VALIDITY_OUT_OF_RANGE: 'OFFER_SETTINGS_VALIDITY_OUT_OF_RANGE',
  CUT_OFF_FORMAT: 'OFFER_SETTINGS_CUT_OFF_FORMAT',
  TIME_ZONE_UNKNOWN: 'OFFER_SETTINGS_TIME_ZONE_UNKNOWN',
} as const;
export type OfferSettingsCode = (typeof OfferSettingsCode)[keyof typeof OfferSettingsCode];

export interface OfferSettingsProblem extends Reason<OfferSettingsCode> {
  field: keyof OfferSettings;
}

export interface OfferSettingsCheck {
  valid: boolean;
  problems: OfferSettingsProblem[];
}

const CUT_OFF = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Every problem with offer settings an admin typed, each with its field and a sentence. */
export function validateOfferSettings(settings: OfferSettings): OfferSettingsCheck {
  const problems: OfferSettingsProblem[] = [];
  const problem = (field: keyof OfferSettings, code: OfferSettingsCode, message: Record<Language, string>, figures?: Reason['figures']) =>
    problems.push({ ...reason(code, message, figures), field });

  const hours: unknown = settings.validityHours;
  const { minValidityHours: min, maxValidityHours: max } = OFFER_SETTINGS_BOUNDS;
  if (typeof hours !== 'number' || !Number.isInteger(hours)) {
    const shown = JSON.stringify(hours) ?? String(hours);
    problem(
      'validityHours',
      OfferSettingsCode.VALIDITY_NOT_WHOLE,
      {
        en: `How long an offer is open must be a whole number of hours; ${shown} is not.`,
        sv: `Hur länge ett erbjudande gäller ska vara ett helt antal timmar; ${shown} är det inte.`,
        nb: `Hvor lenge et tilbud gjelder, må være et helt antall timer; ${shown} er det ikke.`,
      },
      { value: hours === undefined ? null : String(hours) },
    );
  } else if (hours < min || hours > max) {
    problem(
      'validityHours',
      OfferSettingsCode.VALIDITY_OUT_OF_RANGE,
      {
        en: `How long an offer is open must be between ${min} and ${max} hours; ${hours} is outside it.`,
        sv: `Hur länge ett erbjudande gäller ska vara mellan ${min} och ${max} timmar; ${hours} ligger utanför.`,
        nb: `Hvor lenge et tilbud gjelder, må være mellom ${min} og ${max} timer; ${hours} er utenfor.`,
      },
      { value: hours, min, max },
    );
  }

  const cutOff: unknown = settings.payoutCutOff;
  if (typeof cutOff !== 'string' || !CUT_OFF.test(cutOff)) {
    const shown = JSON.stringify(cutOff) ?? String(cutOff);
    problem(
      'payoutCutOff',
      OfferSettingsCode.CUT_OFF_FORMAT,
      {
        en: `The payout cut-off must be a time of day written HH:MM, from 00:00 to 23:59, such as "14:00"; ${shown} is not.`,
        sv: `Brytpunkten för utbetalning ska vara en tid skriven TT:MM, från 00:00 till 23:59, till exempel "14:00"; ${shown} är det inte.`,
        nb: `Fristen for utbetaling må være et klokkeslett skrevet TT:MM, fra 00:00 til 23:59, for eksempel "14:00"; ${shown} er det ikke.`,
      },
      { value: cutOff === undefined ? null : String(cutOff) },
    );
  }

  const zone: unknown = settings.timeZone;
  if (typeof zone !== 'string' || !isTimeZone(zone)) {
    const shown = JSON.stringify(zone) ?? String(zone);
    problem(
      'timeZone',
      OfferSettingsCode.TIME_ZONE_UNKNOWN,
      {
        en: `The time zone must be an IANA time zone such as "Europe/Stockholm" or "Europe/Oslo"; ${shown} is not.`,
        sv: `Tidszonen ska vara en IANA-tidszon som "Europe/Stockholm" eller "Europe/Oslo"; ${shown} är det inte.`,
        nb: `Tidssonen må være en IANA-tidssone som "Europe/Stockholm" eller "Europe/Oslo"; ${shown} er det ikke.`,
      },
      { value: zone === undefined ? null : String(zone) },
    );
  }
  return { valid: problems.length === 0, problems };
}

/** Settings a function runs with are a configuration, not input: malformed ones throw. */
function assertValid(settings: OfferSettings): void {
  const check = validateOfferSettings(settings);
  if (check.valid) return;
  const [first] = check.problems;
  throw new InvalidValueError(first.code, `The offer settings are not valid: ${first.message.en}`, `settings.${first.field}`, first.figures);
}

// ---------------------------------------------------------------- expiry

/**
 * When an offer made at `createdAt` expires: `validityHours` of elapsed time later. Across a
 * daylight-saving change the local clock time of expiry is an hour off the creation time; the
 * offer is still open exactly as long.
 */
export function offerExpiresAt(createdAt: Date, settings: OfferSettings): Date {
  validInstant(createdAt, 'createdAt');
  assertValid(settings);
  return new Date(createdAt.getTime() + settings.validityHours * 3_600_000);
}

// ---------------------------------------------------------------- payout date

export const PayoutTimingCode = {
  SAME_DAY: 'PAYOUT_SAME_DAY',
  NEXT_BUSINESS_DAY_AFTER_CUT_OFF: 'PAYOUT_NEXT_BUSINESS_DAY_AFTER_CUT_OFF',
  NEXT_BUSINESS_DAY_CLOSED: 'PAYOUT_NEXT_BUSINESS_DAY_CLOSED',
} as const;
export type PayoutTimingCode = (typeof PayoutTimingCode)[keyof typeof PayoutTimingCode];

export interface PlannedPayout {
  date: LocalDate;
  /** The day and time it was in the country's zone when the offer was accepted. */
  acceptedOn: LocalDate;
  acceptedAtLocalTime: string;
  beforeCutOff: boolean;
  /** Why this day, to tell the client (seed 000: the client is told). */
  explanation: Reason<PayoutTimingCode>;
}

/** The day the payout is planned for, with the reason: same business day before the cut-off, else the next. */
export function plannedPayout(acceptedAt: Date, country: CountryCode, settings: OfferSettings): PlannedPayout {
  validInstant(acceptedAt, 'acceptedAt');
  assertValid(settings);
  const calendar = BusinessCalendar.for(parseCountryCode(country));
  const local = localDateTimeAt(acceptedAt, settings.timeZone);
  const [cutOffHour, cutOffMinute] = settings.payoutCutOff.split(':').map(Number);
  const beforeCutOff = local.millisecondOfDay < (cutOffHour * 60 + cutOffMinute) * 60_000;
  const businessDay = calendar.isBusinessDay(local.date);
  const date = businessDay && beforeCutOff ? local.date : calendar.nextBusinessDay(local.date);

  const [on, at, cut, paid] = [local.date.toString(), local.time, settings.payoutCutOff, date.toString()];
  const figures = { acceptedAt: acceptedAt.toISOString(), acceptedOn: on, acceptedAtLocalTime: at, timeZone: settings.timeZone, payoutCutOff: cut, payoutDate: paid };
  let explanation: Reason<PayoutTimingCode>;
  if (!businessDay) {
    const closed = calendar.closedDayOn(local.date);
    const what = closed
      ? { en: `a bank holiday (${closed.name})`, sv: 'en bankfri dag', nb: 'en bankfri dag' }
      : local.date.dayOfWeek === 6
        ? { en: 'a Saturday', sv: 'en lördag', nb: 'en lørdag' }
        : { en: 'a Sunday', sv: 'en söndag', nb: 'en søndag' };
    explanation = reason(
      PayoutTimingCode.NEXT_BUSINESS_DAY_CLOSED,
      {
        en: `Accepted on ${on}, which is ${what.en}: the payout is planned for the next business day, ${paid}.`,
        sv: `Accepterad ${on}, som är ${what.sv}: utbetalningen planeras till nästa bankdag, ${paid}.`,
        nb: `Akseptert ${on}, som er ${what.nb}: utbetalingen planlegges til neste virkedag, ${paid}.`,
      },
      { ...figures, closedDay: closed?.name ?? null },
    );
  } else if (beforeCutOff) {
    explanation = reason(
      PayoutTimingCode.SAME_DAY,
      {
        en: `Accepted on ${on} at ${at}, before the ${cut} cut-off on a business day: the payout is planned for the same day, ${paid}.`,
        sv: `Accepterad ${on} kl. ${at}, före brytpunkten kl. ${cut} en bankdag: utbetalningen planeras till samma dag, ${paid}.`,
        nb: `Akseptert ${on} kl. ${at}, før fristen kl. ${cut} på en virkedag: utbetalingen planlegges til samme dag, ${paid}.`,
      },
      figures,
    );
  } else {
    explanation = reason(
      PayoutTimingCode.NEXT_BUSINESS_DAY_AFTER_CUT_OFF,
      {
        en: `Accepted on ${on} at ${at}, at or after the ${cut} cut-off: the payout is planned for the next business day, ${paid}.`,
        sv: `Accepterad ${on} kl. ${at}, vid eller efter brytpunkten kl. ${cut}: utbetalningen planeras till nästa bankdag, ${paid}.`,
        nb: `Akseptert ${on} kl. ${at}, ved eller etter fristen kl. ${cut}: utbetalingen planlegges til neste virkedag, ${paid}.`,
      },
      figures,
    );
  }
  return { date, acceptedOn: local.date, acceptedAtLocalTime: at, beforeCutOff, explanation };
}

/** The planned payout date alone (see `plannedPayout`). */
export function plannedPayoutDate(acceptedAt: Date, country: CountryCode, settings: OfferSettings): LocalDate {
  return plannedPayout(acceptedAt, country, settings).date;
}

// ---------------------------------------------------------------- local time

export interface LocalDateTime {
  date: LocalDate;
  /** 'HH:MM:SS', 24-hour clock. */
  time: string;
  /** Milliseconds since local midnight (by the wall clock). */
  millisecondOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of `instant` in `timeZone`, by Intl (no library). */
export function localDateTimeAt(instant: Date, timeZone: string): LocalDateTime {
  validInstant(instant, 'instant');
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new InvalidValueError(OfferSettingsCode.TIME_ZONE_UNKNOWN, `"${timeZone}" is not an IANA time zone such as Europe/Stockholm.`, 'timeZone', { value: timeZone });
      }
      throw error;
    }
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  // Some ICU versions write midnight as 24 even with h23.
  const hour = parts.hour % 24;
  const { minute, second } = parts;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: LocalDate.of(parts.year, parts.month, parts.day),
    time: `${pad(hour)}:${pad(minute)}:${pad(second)}`,
    millisecondOfDay: ((hour * 60 + minute) * 60 + second) * 1000 + instant.getUTCMilliseconds(),
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function validInstant(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidValueError('INSTANT_INVALID', `${field} must be a valid Date.`, field);
  }
}
