/**
 * The promise to an applicant: an answer within one business day (seed 001: "det tar inntil en
 * virkedag før du få svar"). We read it as: by the end of the next business day in the
 * applicant's country after the day it was submitted, so an application sent on a Friday
 * evening, a Saturday or a Sunday is due by the end of Monday (or the next business day after a
 * holiday). Pure: dates and instants in, answer out; the caller reads the clock.
 */
import { BUSINESS_TIME_ZONES, BusinessCalendar, CountryCode, InvalidValueError, LocalDate, parseCountryCode } from '@factoring/domain';

/** Where "end of the day" is measured for applicants in each country: its business time zone (libs/domain). */
export const APPLICANT_TIME_ZONES: Readonly<Record<CountryCode, string>> = BUSINESS_TIME_ZONES;

/** The day an instant falls on for an applicant in `country` (the submission date). */
export function applicationSubmittedOn(submittedAt: Date, country: CountryCode): LocalDate {
  return LocalDate.today(APPLICANT_TIME_ZONES[parseCountryCode(country)], validInstant(submittedAt, 'submittedAt'));
}

/** The last day on which the answer keeps the promise: it is due by the end of that day. */
export function applicationAnswerDue(submittedOn: LocalDate, country: CountryCode): LocalDate {
  return BusinessCalendar.for(country).nextBusinessDay(submittedOn);
}

export interface ApplicationAgeInput {
  submittedAt: Date;
  now: Date;
  /** From `applicationAnswerDue`. */
  dueOn: LocalDate;
  /** The applicant's (see APPLICANT_TIME_ZONES), which decides when `dueOn` ends. */
  timeZone: string;
}

export interface ApplicationAge {
  /** Whole minutes since submission, for sorting the queue. */
  ageMinutes: number;
  /** The day it is now in `timeZone`. */
  today: LocalDate;
  dueOn: LocalDate;
  /** Today is the last day to answer. */
  dueToday: boolean;
  /** The last day has ended without an answer: the promise is broken. */
  overdue: boolean;
}

/** How long an unanswered application has waited, and whether its due day has ended. */
export function applicationAge(input: ApplicationAgeInput): ApplicationAge {
  const submittedAt = validInstant(input.submittedAt, 'submittedAt');
  const now = validInstant(input.now, 'now');
  if (now.getTime() < submittedAt.getTime()) {
    throw new InvalidValueError('APPLICATION_TIME_ORDER', `"now" (${now.toISOString()}) is before the application was submitted (${submittedAt.toISOString()}).`, 'now');
  }
  const today = todayIn(input.timeZone, now);
  return {
    ageMinutes: Math.floor((now.getTime() - submittedAt.getTime()) / 60_000),
    today,
    dueOn: input.dueOn,
    dueToday: today.equals(input.dueOn),
    overdue: today.isAfter(input.dueOn),
  };
}

function validInstant(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidValueError('INSTANT_INVALID', `${field} must be a valid Date.`, field);
  }
  return value;
}

function todayIn(timeZone: string, now: Date): LocalDate {
  try {
    return LocalDate.today(timeZone, now);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new InvalidValueError('TIME_ZONE_UNKNOWN', `"${timeZone}" is not an IANA time zone such as Europe/Stockholm.`, 'timeZone', { value: timeZone });
    }
    throw error;
  }
}
