import { InvalidValueError } from '../errors';
import { CalendarErrorCode } from './calendar-errors';

/** ISO day of week: 1 = Monday ... 7 = Sunday. */
export type DayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date without time or time zone (due dates, payout dates, birth dates).
 * JS `Date` is an instant, so "2026-06-19" can become the 18th in another zone; this cannot.
 * Arithmetic is on days since 1970-01-01 (proleptic Gregorian), not on `Date`.
 */
export class LocalDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    /** Days since 1970-01-01. */
    readonly epochDay: number,
  ) {
    Object.freeze(this);
  }

  static of(year: number, month: number, day: number, field = 'date'): LocalDate {
    if (!LocalDate.isValid(year, month, day)) {
      throw new InvalidValueError(
        CalendarErrorCode.DATE_INVALID,
        `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)} is not a date in the calendar.`,
        field,
        { year, month, day },
      );
    }
    return new LocalDate(year, month, day, daysFromCivil(year, month, day));
  }

  /** Parses exactly `YYYY-MM-DD`. */
  static parse(text: string, field = 'date'): LocalDate {
    const match = ISO_DATE.exec(text);
    if (!match) {
      throw new InvalidValueError(CalendarErrorCode.DATE_FORMAT, `"${text}" is not a date written as YYYY-MM-DD.`, field, { value: text });
    }
    return LocalDate.of(Number(match[1]), Number(match[2]), Number(match[3]), field);
  }

  static isValid(year: number, month: number, day: number): boolean {
    return (
      Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
      year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    );
  }

  static fromEpochDay(epochDay: number): LocalDate {
    const [year, month, day] = civilFromDays(epochDay);
    return LocalDate.of(year, month, day);
  }

  /**
   * Today's date in a time zone (the business's, by default). This reads the clock: domain
   * code should take "today" as a parameter and leave this call to the edges.
   */
  static today(timeZone = 'Europe/Stockholm', now: Date = new Date()): LocalDate {
    return LocalDate.parse(dayFormatter(timeZone).format(now));
  }

  get dayOfWeek(): DayOfWeek {
    // 1970-01-01 was a Thursday (4).
    return ((((this.epochDay + 3) % 7) + 7) % 7 + 1) as DayOfWeek;
  }

  isWeekend(): boolean {
    return this.dayOfWeek >= 6;
  }

  plusDays(days: number): LocalDate {
    if (!Number.isInteger(days)) {
      throw new InvalidValueError(CalendarErrorCode.DAYS_NOT_INTEGER, `Can only add whole days, not ${days}.`, 'days');
    }
    return days === 0 ? this : LocalDate.fromEpochDay(this.epochDay + days);
  }

  minusDays(days: number): LocalDate {
    return this.plusDays(-days);
  }

  /** Days from this date to `other` (positive when `other` is later). */
  daysUntil(other: LocalDate): number {
    return other.epochDay - this.epochDay;
  }

  compare(other: LocalDate): -1 | 0 | 1 {
    return this.epochDay < other.epochDay ? -1 : this.epochDay > other.epochDay ? 1 : 0;
  }

  equals(other: LocalDate): boolean {
    return this.epochDay === other.epochDay;
  }

  isBefore(other: LocalDate): boolean {
    return this.epochDay < other.epochDay;
  }

  isAfter(other: LocalDate): boolean {
    return this.epochDay > other.epochDay;
  }

  toString(): string {
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

// Howard Hinnant's civil-date algorithms (http://howardhinnant.github.io/date_algorithms.html).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(epochDay: number): [number, number, number] {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? yearOfEra + era * 400 + 1 : yearOfEra + era * 400, month, day];
}

// Building an Intl.DateTimeFormat costs far more than using one (it showed up in the credit
// worker's profile), and a process only ever asks for a handful of zones: one per zone.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // The en-CA locale formats as YYYY-MM-DD. An unknown zone throws here, before it is kept.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}
