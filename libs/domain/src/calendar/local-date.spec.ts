import fc from 'fast-check';
import { errorOf } from '../spec-helpers';
import { LocalDate } from './local-date';

const d = LocalDate.parse;

describe('LocalDate', () => {
  it.each(['2026-06-19', '2024-02-29', '2000-02-29', '1854-01-01', '0001-01-01', '9999-12-31'])('parses and prints %s', (text) => {
    expect(d(text).toString()).toBe(text);
    expect(JSON.stringify({ date: d(text) })).toBe(`{"date":"${text}"}`);
  });

  it.each(['2026-6-19', '26-06-19', '2026/06/19', '2026-06-19T00:00:00Z', ' 2026-06-19', '', '20260619'])(
    'refuses %j as not YYYY-MM-DD',
    (text) => {
      const error = errorOf(() => d(text));
      expect(error.code).toBe('LOCAL_DATE_FORMAT');
      expect(error.message).toContain('YYYY-MM-DD');
    },
  );

  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '0000-01-01'])(
    'refuses %s as not in the calendar',
    (text) => {
      const error = errorOf(() => d(text));
      expect(error.code).toBe('LOCAL_DATE_INVALID');
      expect(error.message).toBe(`${text} is not a date in the calendar.`);
    },
  );

  it.each([
    ['1970-01-01', 4],
    ['2026-06-19', 5], // Midsummer Eve is a Friday
    ['2026-06-20', 6],
    ['2026-06-21', 7],
    ['2000-02-29', 2],
    ['1900-03-01', 4],
  ])('knows %s is ISO weekday %i', (text, dayOfWeek) => {
    expect(d(text).dayOfWeek).toBe(dayOfWeek);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-06-19', 30, '2026-07-19'],
    ['2026-06-19', 0, '2026-06-19'],
  ])('%s plus %i days is %s', (start, days, end) => {
    expect(d(start).plusDays(days).toString()).toBe(end);
  });

  it('refuses to add part of a day', () => {
    expect(errorOf(() => d('2026-01-01').plusDays(0.5)).code).toBe('LOCAL_DATE_DAYS_NOT_INTEGER');
  });

  it('compares', () => {
    expect(d('2026-01-02').compare(d('2026-01-01'))).toBe(1);
    expect(d('2026-01-01').isBefore(d('2026-01-02'))).toBe(true);
    expect(d('2026-01-01').equals(LocalDate.of(2026, 1, 1))).toBe(true);
    expect(d('2026-01-01').daysUntil(d('2027-01-01'))).toBe(365);
  });

  it("gives today's date in the business's time zone, not the machine's", () => {
    const lateEveningUtc = new Date('2026-06-18T22:30:00Z'); // 00:30 on the 19th in Stockholm and Oslo
    expect(LocalDate.today('Europe/Stockholm', lateEveningUtc).toString()).toBe('2026-06-19');
    expect(LocalDate.today('UTC', lateEveningUtc).toString()).toBe('2026-06-18');
  });

  describe('properties', () => {
    const epochDay = fc.integer({ min: LocalDate.of(1, 1, 1).epochDay, max: LocalDate.of(9999, 12, 31).epochDay });

    it('agrees with JS Date in UTC on the date and the weekday', () => {
      fc.assert(
        fc.property(fc.integer({ min: LocalDate.of(1800, 1, 1).epochDay, max: LocalDate.of(2200, 1, 1).epochDay }), (day) => {
          const date = LocalDate.fromEpochDay(day);
          const js = new Date(day * 86_400_000);
          expect(date.toString()).toBe(js.toISOString().slice(0, 10));
          expect(date.dayOfWeek % 7).toBe(js.getUTCDay());
        }),
      );
    });

    it('parses what it prints, and adding days composes', () => {
      fc.assert(
        fc.property(epochDay, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), (day, a, b) => {
          const date = LocalDate.fromEpochDay(day);
          expect(d(date.toString()).equals(date)).toBe(true);
          fc.pre(day + a + b >= LocalDate.of(1, 1, 1).epochDay + 2000 && day + a + b <= LocalDate.of(9999, 12, 31).epochDay - 2000);
          expect(date.plusDays(a).plusDays(b).equals(date.plusDays(a + b))).toBe(true);
          expect(date.daysUntil(date.plusDays(a))).toBe(a);
        }),
      );
    });

    it('orders dates like their ISO text', () => {
      fc.assert(
        fc.property(epochDay, epochDay, (x, y) => {
          const [a, b] = [LocalDate.fromEpochDay(x), LocalDate.fromEpochDay(y)];
          expect(a.compare(b)).toBe(Math.sign(a.toString().localeCompare(b.toString())));
        }),
      );
    });
  });
});
