/**
 * Business days for payments in Sweden and Norway: the days banks settle payments.
 *
 * Holidays come from `date-holidays` (v3). Its `type` field decides:
 *   - 'public' (public holidays) and 'bank' (banks closed: in SE and NO that is Midsummer Eve
 *     (SE), Christmas Eve and New Year's Eve) close the day;
 *   - 'observance', 'optional' and 'school' (Maundy Thursday and Whit Monday in SE,
 *     Walpurgis Night, Twelfth Night, ...) do not: banks settle payments on them.
 * Saturdays and Sundays are always closed. The spec pins the full list of closed days for
 * 2026 so that a change in the package's data fails a test instead of moving a payout.
 */
import Holidays from 'date-holidays';
import { CountryCode, parseCountryCode } from '../country';
import { InvalidValueError } from '../errors';
import { CalendarErrorCode } from './calendar-errors';
import { LocalDate } from './local-date';

const CLOSING_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);
/** The zone a country's business day is reckoned in: "today" for an invoice, a cut-off, a deadline. */
export const BUSINESS_TIME_ZONES: Readonly<Record<CountryCode, string>> = Object.freeze({ SE: 'Europe/Stockholm', NO: 'Europe/Oslo' });
const TIME_ZONES = BUSINESS_TIME_ZONES;

/** A weekday or weekend day on which banks are closed, with the holiday's name and type. */
export interface ClosedDay {
  date: LocalDate;
  name: string;
  type: 'public' | 'bank';
}

export class BusinessCalendar {
  private static readonly calendars = new Map<CountryCode, BusinessCalendar>();
  /** Closed holidays per year, keyed by YYYY-MM-DD: computing them takes milliseconds, lookups must not. */
  private readonly closedByYear = new Map<number, ReadonlyMap<string, ClosedDay>>();
  private readonly holidays: Holidays;

  private constructor(readonly country: CountryCode) {
    this.holidays = new Holidays(country, { timezone: TIME_ZONES[country] });
  }

  /** One shared calendar per country. */
  static for(country: CountryCode): BusinessCalendar {
    const code = parseCountryCode(country);
    let calendar = BusinessCalendar.calendars.get(code);
    if (!calendar) {
      calendar = new BusinessCalendar(code);
      BusinessCalendar.calendars.set(code, calendar);
    }
    return calendar;
  }

  isBusinessDay(date: LocalDate): boolean {
    return !date.isWeekend() && !this.holidaysOf(date.year).has(date.toString());
  }

  /** The closing holiday on `date`, if any (weekends are not listed unless a holiday falls on them). */
  closedDayOn(date: LocalDate): ClosedDay | undefined {
    return this.holidaysOf(date.year).get(date.toString());
  }

  /** Holidays that close banks in `year`, in date order (including those on a weekend). */
  closedDays(year: number): ClosedDay[] {
    return [...this.holidaysOf(year).values()];
  }

  sameOrNextBusinessDay(date: LocalDate): LocalDate {
    let day = date;
    while (!this.isBusinessDay(day)) day = day.plusDays(1);
    return day;
  }

  /** The first business day strictly after `date`. */
  nextBusinessDay(date: LocalDate): LocalDate {
    return this.sameOrNextBusinessDay(date.plusDays(1));
  }

  /**
   * The n-th business day after `date` (Friday + 1 is Monday; Saturday + 1 is Monday too).
   * n = 0 gives `date` itself when it is a business day, else the next one.
   */
  addBusinessDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) {
      throw new InvalidValueError(CalendarErrorCode.BUSINESS_DAYS_INVALID, `The number of business days must be a whole number of 0 or more, not ${n}.`, 'businessDays');
    }
    let day = n === 0 ? this.sameOrNextBusinessDay(date) : date;
    for (let i = 0; i < n; i++) day = this.nextBusinessDay(day);
    return day;
  }

  private holidaysOf(year: number): ReadonlyMap<string, ClosedDay> {
    let closed = this.closedByYear.get(year);
    if (!closed) {
      const entries = new Map<string, ClosedDay>();
      for (const holiday of this.holidays.getHolidays(year, 'en')) {
        // `date` is "YYYY-MM-DD hh:mm:ss" in the country's own time; `start`/`end` are instants.
        const key = holiday.date.slice(0, 10);
        if (CLOSING_TYPES.has(holiday.type) && !entries.has(key)) {
          entries.set(key, Object.freeze({ date: LocalDate.parse(key), name: holiday.name, type: holiday.type as ClosedDay['type'] }));
        }
      }
      closed = new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      this.closedByYear.set(year, closed);
    }
    return closed;
  }
}
