import fc from 'fast-check';
import { CountryCode } from '../country';
import { errorOf } from '../spec-helpers';
import { BusinessCalendar } from './business-calendar';
import { LocalDate } from './local-date';

const d = LocalDate.parse;
const se = BusinessCalendar.for('SE');
const no = BusinessCalendar.for('NO');
const listed = (calendar: BusinessCalendar, year: number) => calendar.closedDays(year).map((day) => [day.date.toString(), day.name, day.type]);

describe('BusinessCalendar', () => {
  // The full list, pinned: if date-holidays changes a day or its type, this fails before a payout moves.
  it('closes exactly these days in Sweden in 2026 (besides weekends)', () => {
    expect(listed(se, 2026)).toEqual([
      ['2026-01-01', "New Year's Day", 'public'],
      ['2026-01-06', 'Epiphany', 'public'],
      ['2026-04-03', 'Good Friday', 'public'],
      ['2026-04-05', 'Easter Sunday', 'public'],
      ['2026-04-06', 'Easter Monday', 'public'],
      ['2026-05-01', 'Labour Day', 'public'],
      ['2026-05-14', 'Ascension Day', 'public'],
      ['2026-05-24', 'Pentecost', 'public'],
      ['2026-06-06', 'National Day', 'public'],
      ['2026-06-19', 'Midsummer Eve', 'bank'],
      ['2026-06-20', 'Midsummer Day', 'public'],
      ['2026-10-31', "All Saints' Day", 'public'],
      ['2026-12-24', 'Christmas Eve', 'bank'],
      ['2026-12-25', 'Christmas Day', 'public'],
      ['2026-12-26', 'Boxing Day', 'public'],
      ['2026-12-31', "New Year's Eve", 'bank'],
    ]);
  });

  it('closes exactly these days in Norway in 2026 (besides weekends)', () => {
    expect(listed(no, 2026)).toEqual([
      ['2026-01-01', "New Year's Day", 'public'],
      ['2026-04-02', 'Maundy Thursday', 'public'],
      ['2026-04-03', 'Good Friday', 'public'],
      ['2026-04-05', 'Easter Sunday', 'public'],
      ['2026-04-06', 'Easter Monday', 'public'],
      ['2026-05-01', 'Labour Day', 'public'],
      ['2026-05-14', 'Ascension Day', 'public'],
      ['2026-05-17', 'Constitution Day', 'public'],
      ['2026-05-24', 'Pentecost', 'public'],
      ['2026-05-25', 'Whit Monday', 'public'],
      ['2026-12-24', 'Christmas Eve', 'bank'],
      ['2026-12-25', 'Christmas Day', 'public'],
      ['2026-12-26', 'Boxing Day', 'public'],
      ['2026-12-31', "New Year's Eve", 'bank'],
    ]);
  });

  it.each([
    ['SE', 251],
    ['NO', 251],
  ] as const)('has %s with %i business days in 2026 (365 - 104 weekend days - 10 weekday holidays)', (country, count) => {
    let businessDays = 0;
    for (let day = d('2026-01-01'); day.year === 2026; day = day.plusDays(1)) if (BusinessCalendar.for(country).isBusinessDay(day)) businessDays++;
    expect(businessDays).toBe(count);
  });

  it.each([
    // Days that are observances or half days in date-holidays: banks settle payments on them.
    ['SE', '2026-01-05', 'Twelfth Night'],
    ['SE', '2026-04-02', 'Maundy Thursday'],
    ['SE', '2026-04-30', 'Walpurgis Night'],
    ['SE', '2026-05-25', 'Whit Monday (not a holiday since 2005)'],
    ['SE', '2026-05-18', 'an ordinary Monday'],
    ['NO', '2026-05-08', 'Liberation Day'],
    ['NO', '2026-06-23', 'Midsummer Eve'],
    ['NO', '2026-07-29', 'Olsok'],
  ] as const)('keeps %s %s (%s) open', (country, date, _name) => {
    expect(BusinessCalendar.for(country).isBusinessDay(d(date))).toBe(true);
  });

  it('closes weekends', () => {
    expect(se.isBusinessDay(d('2026-06-13'))).toBe(false);
    expect(no.isBusinessDay(d('2026-06-14'))).toBe(false);
  });

  // Easter Sunday per year (Gregorian computus), and the holidays that follow from it.
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
  ])('follows Easter %i (Easter Sunday %s)', (_year, easter) => {
    const e = d(easter);
    for (const calendar of [se, no]) {
      expect(calendar.isBusinessDay(e.minusDays(2))).toBe(false); // Good Friday
      expect(calendar.isBusinessDay(e.plusDays(1))).toBe(false); // Easter Monday
      expect(calendar.isBusinessDay(e.plusDays(39))).toBe(false); // Ascension Day
      expect(calendar.isBusinessDay(e.plusDays(2))).toBe(true); // Tuesday after Easter
    }
    expect(no.isBusinessDay(e.minusDays(3))).toBe(false); // Maundy Thursday: closed in Norway
    expect(se.isBusinessDay(e.minusDays(3))).toBe(true); // ... open in Sweden
    expect(no.isBusinessDay(e.plusDays(50))).toBe(false); // Whit Monday: closed in Norway
    expect(se.isBusinessDay(e.plusDays(50))).toBe(true); // ... open in Sweden
  });

  it.each(['2025-06-20', '2026-06-19', '2027-06-25', '2028-06-23'])('closes Midsummer Eve %s in Sweden only', (date) => {
    expect(se.isBusinessDay(d(date))).toBe(false);
    expect(no.isBusinessDay(d(date))).toBe(true);
  });

  it.each([2025, 2027, 2030])("closes Christmas Eve and New Year's Eve %i in both countries, as bank holidays", (year) => {
    for (const calendar of [se, no]) {
      for (const date of [LocalDate.of(year, 12, 24), LocalDate.of(year, 12, 31)]) {
        expect(calendar.isBusinessDay(date)).toBe(false);
        expect(calendar.closedDayOn(date)?.type).toBe('bank');
      }
    }
  });

  it.each([
    // country, from, sameOrNext, next, +1, +2, +3
    ['SE', '2026-06-18', '2026-06-18', '2026-06-22', '2026-06-22', '2026-06-23', '2026-06-24'], // Midsummer
    ['SE', '2026-06-20', '2026-06-22', '2026-06-22', '2026-06-22', '2026-06-23', '2026-06-24'], // from a Saturday
    ['SE', '2026-12-23', '2026-12-23', '2026-12-28', '2026-12-28', '2026-12-29', '2026-12-30'],
    ['SE', '2026-12-30', '2026-12-30', '2027-01-04', '2027-01-04', '2027-01-05', '2027-01-07'], // over New Year and Epiphany
    ['SE', '2026-04-01', '2026-04-01', '2026-04-02', '2026-04-02', '2026-04-07', '2026-04-08'], // Easter
    ['NO', '2026-04-01', '2026-04-01', '2026-04-07', '2026-04-07', '2026-04-08', '2026-04-09'], // Easter with Maundy Thursday
    ['NO', '2026-05-13', '2026-05-13', '2026-05-15', '2026-05-15', '2026-05-18', '2026-05-19'], // Ascension, then 17 May on a Sunday
    ['NO', '2026-05-22', '2026-05-22', '2026-05-26', '2026-05-26', '2026-05-27', '2026-05-28'], // Whitsun
  ] as const)('%s from %s: same or next %s, next %s, +1 %s, +2 %s, +3 %s', (country, from, sameOrNext, next, plus1, plus2, plus3) => {
    const calendar = BusinessCalendar.for(country);
    const start = d(from);
    expect(calendar.sameOrNextBusinessDay(start).toString()).toBe(sameOrNext);
    expect(calendar.nextBusinessDay(start).toString()).toBe(next);
    expect(calendar.addBusinessDays(start, 0).toString()).toBe(sameOrNext);
    expect([1, 2, 3].map((n) => calendar.addBusinessDays(start, n).toString())).toEqual([plus1, plus2, plus3]);
  });

  it.each([-1, 1.5, Number.NaN])('refuses to add %p business days', (n) => {
    expect(errorOf(() => se.addBusinessDays(d('2026-01-01'), n)).code).toBe('BUSINESS_DAYS_INVALID');
  });

  it('refuses an unsupported country', () => {
    expect(errorOf(() => BusinessCalendar.for('DK' as CountryCode)).code).toBe('COUNTRY_UNSUPPORTED');
  });

  it('is one shared instance per country', () => {
    expect(BusinessCalendar.for('SE')).toBe(se);
  });

  describe('properties', () => {
    const country = fc.constantFrom<CountryCode>('SE', 'NO');
    const date = fc.integer({ min: d('2020-01-01').epochDay, max: d('2035-12-31').epochDay }).map(LocalDate.fromEpochDay);

    it('the next business day is a business day, and none lies between', () => {
      fc.assert(
        fc.property(country, date, (c, day) => {
          const calendar = BusinessCalendar.for(c);
          const next = calendar.nextBusinessDay(day);
          expect(calendar.isBusinessDay(next)).toBe(true);
          expect(next.isAfter(day)).toBe(true);
          for (let between = day.plusDays(1); between.isBefore(next); between = between.plusDays(1)) {
            expect(calendar.isBusinessDay(between)).toBe(false);
          }
        }),
      );
    });

    it('adding a then b business days is adding a + b (a, b >= 1)', () => {
      fc.assert(
        fc.property(country, date, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (c, day, a, b) => {
          const calendar = BusinessCalendar.for(c);
          expect(calendar.addBusinessDays(calendar.addBusinessDays(day, a), b).equals(calendar.addBusinessDays(day, a + b))).toBe(true);
        }),
      );
    });

    it('answers look-ups from the per-year cache (uncached, a year costs date-holidays about 5 ms)', () => {
      const start = Date.now();
      for (let i = 0; i < 10_000; i++) se.isBusinessDay(LocalDate.fromEpochDay(d('2026-01-01').epochDay + (i % 365)));
      expect(Date.now() - start).toBeLessThan(1000);
    });
  });
});
