import { BUSINESS_TIME_ZONES } from '../calendar/business-calendar';
import { LocalDate } from '../calendar/local-date';
import { CountryCode } from '../country';
import { InvalidValueError } from '../errors';

/**
 * The one source of time (issue 15 s.1). Code that needs "now" or "today" takes a Clock instead
 * of calling `new Date()` or SQL's `now()`, so a test can move time and run a whole life of an
 * invoice (due date, reminders, collection) in seconds.
 *
 * "Today" is a country's business day (Europe/Stockholm, Europe/Oslo): 23:30 UTC on 30 June is
 * already 1 July in both. SQL gets the values as parameters, never `now()`/`current_date`:
 *   `... WHERE due_date < $1::date`, [clock.today('SE').toString()]
 *   `INSERT ... (created_at) VALUES ($1::timestamptz)`, [clock.now()]
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** The calendar day it is now in the country's business time zone. */
  today(country: CountryCode): LocalDate;
}

/** The machine's clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }

  today(country: CountryCode): LocalDate {
    return LocalDate.today(BUSINESS_TIME_ZONES[country], this.now());
  }
}

/**
 * A clock that stands still until a test moves it: `set` to an instant, `advanceDays` by whole
 * days, `advanceMs` by milliseconds. It never goes backwards unless `set` is asked to.
 */
export class TestClock implements Clock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    this.current = TestClock.instant(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  today(country: CountryCode): LocalDate {
    return LocalDate.today(BUSINESS_TIME_ZONES[country], this.now());
  }

  set(instant: Date | string): this {
    this.current = TestClock.instant(instant);
    return this;
  }

  advanceMs(ms: number): this {
    if (!Number.isFinite(ms)) throw new InvalidValueError('CLOCK_STEP_INVALID', `Cannot move the clock by ${ms} ms.`, 'ms');
    this.current += ms;
    return this;
  }

  advanceDays(days: number): this {
    if (!Number.isInteger(days)) throw new InvalidValueError('CLOCK_STEP_INVALID', `Can only move the clock by whole days, not ${days}.`, 'days');
    return this.advanceMs(days * 86_400_000);
  }

  private static instant(value: Date | string): number {
    const ms = value instanceof Date ? value.getTime() : Date.parse(value);
    if (Number.isNaN(ms)) throw new InvalidValueError('CLOCK_INSTANT_INVALID', `"${String(value)}" is not an instant.`, 'instant');
    return ms;
  }
}
