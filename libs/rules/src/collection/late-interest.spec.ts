import Decimal from 'decimal.js';
import fc from 'fast-check';
import { NoVersionInForceError } from '../policy/dated-setting';
import { lateInterest, lateInterestRatesFromReference, LateInterestRate } from './late-interest';

// Fixtures, not the stored law data: the figures are chosen to make the hand computation plain.
const SE_REFERENCE = [
  { validFrom: '2025-01-01', value: '3.00', source: 'test' },
  { validFrom: '2025-07-01', value: '2.00', source: 'test' },
  { validFrom: '2026-01-01', value: '2.00', source: 'test' },
];
const SE_RATES: LateInterestRate[] = lateInterestRatesFromReference(SE_REFERENCE);

describe('lateInterest', () => {
  it('adds 8 points to the Swedish reference rate, per half-year (räntelagen 6 §)', () => {
    expect(SE_RATES.map((r) => [r.validFrom, r.value])).toEqual([
      ['2025-01-01', '11.00'],
      ['2025-07-01', '10.00'],
      ['2026-01-01', '10.00'],
    ]);
    expect(SE_RATES[0].source).toContain('räntelagen');
  });

  it('charges a period across 1 July per segment, each at its own rate (worked by hand)', () => {
    // 10 000.00 due 2025-06-20, still owed on 2025-07-10. Days late: 21 June .. 10 July.
    //   21-30 June: 10 days at 3.00 + 8 = 11 %: 10 000 x 0.11 x 10 / 365 = 11 000 / 365 = 30.136986...
    //   1-10 July:  10 days at 2.00 + 8 = 10 %: 10 000 x 0.10 x 10 / 365 = 10 000 / 365 = 27.397260...
    //   total 21 000 / 365 = 57.534246..., rounded once, half up: 57.53
    // (Rounding each segment first would give 30.14 + 27.40 = 57.54: the house rounds once.)
    const result = lateInterest({ from: '2025-06-20', to: '2025-07-10', principal: '10000.00', rates: SE_RATES });
    expect(result.segments.map((s) => [s.firstDay, s.lastDay, s.days, s.ratePercent, new Decimal(s.exactInterest).toFixed(6)])).toEqual([
      ['2025-06-21', '2025-06-30', 10, '11.00', '30.136986'],
      ['2025-07-01', '2025-07-10', 10, '10.00', '27.397260'],
    ]);
    expect(result.interest).toBe('57.53');
    expect(result.reasons[0].code).toBe('LATE_INTEREST_SEGMENTS');
  });

  it('runs from the last payment on what is still owed (worked by hand)', () => {
    // 10 000.00 due 2025-03-31 at 11 %; 4 000.00 paid to the principal on 10 April; until 30 April.
    //   1-10 April: 10 days on 10 000: 10 000 x 0.11 x 10 / 365 = 11 000 / 365
    //   11-30 April: 20 days on 6 000: 6 000 x 0.11 x 20 / 365 = 13 200 / 365
    //   total 24 200 / 365 = 66.301369... -> 66.30
    const result = lateInterest({
      from: '2025-03-31',
      to: '2025-04-30',
      principal: '10000.00',
      payments: [{ on: '2025-04-10', principalPaid: '4000.00' }],
      rates: SE_RATES,
    });
    expect(result.segments.map((s) => [s.firstDay, s.lastDay, s.balance])).toEqual([
      ['2025-04-01', '2025-04-10', '10000.00'],
      ['2025-04-11', '2025-04-30', '6000.00'],
    ]);
    expect(result.interest).toBe('66.30');
    // The same as starting again from the last payment on what is still owed, plus the first part.
    const before = lateInterest({ from: '2025-03-31', to: '2025-04-10', principal: '10000.00', rates: SE_RATES });
    const after = lateInterest({ from: '2025-04-10', to: '2025-04-30', principal: '6000.00', rates: SE_RATES });
    expect(new Decimal(before.exactInterest).plus(after.exactInterest).toFixed(10)).toBe(new Decimal(result.exactInterest).toFixed(10));
  });

  it('counts 365 days a year also in a leap year (actual/365)', () => {
    // 2028-01-01 .. 2028-12-31 is 366 days: 366 / 365 of a year's interest at 10 % on 365.00 = 36.60.
    const rates = [{ validFrom: '2028-01-01', value: '10', source: 'test' }];
    expect(lateInterest({ from: '2027-12-31', to: '2028-12-31', principal: '365.00', rates }).interest).toBe('36.60');
  });

  it('charges nothing on or before the due date', () => {
    const result = lateInterest({ from: '2025-06-20', to: '2025-06-20', principal: '10000.00', rates: SE_RATES });
    expect(result).toMatchObject({ segments: [], interest: '0.00', reasons: [{ code: 'LATE_INTEREST_NONE' }] });
  });

  it('refuses a day with no rate in force rather than guessing', () => {
    expect(() => lateInterest({ from: '2024-12-20', to: '2025-01-10', principal: '100.00', rates: SE_RATES })).toThrow(NoVersionInForceError);
  });

  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

  it('equals the sum of its parts wherever the period is cut (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        (a, b, c, cents) => {
          const [x, y, z] = [a, b, c].sort((p, q) => p - q);
          const principal = new Decimal(cents).div(100);
          const whole = lateInterest({ from: day(x), to: day(z), principal, rates: SE_RATES });
          const left = lateInterest({ from: day(x), to: day(y), principal, rates: SE_RATES });
          const right = lateInterest({ from: day(y), to: day(z), principal, rates: SE_RATES });
          expect(new Decimal(left.exactInterest).plus(right.exactInterest).toFixed(8)).toBe(new Decimal(whole.exactInterest).toFixed(8));
          // The total is its segments' sum, rounded once; every day is in exactly one segment.
          const sum = whole.segments.reduce((s, seg) => s.plus(seg.exactInterest), new Decimal(0));
          expect(whole.interest).toBe(sum.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
          expect(whole.segments.reduce((s, seg) => s + seg.days, 0)).toBe(z - x);
          // No segment crosses a half-year.
          for (const seg of whole.segments) expect(seg.firstDay.slice(0, 4) + (seg.firstDay.slice(5, 7) <= '06')).toBe(seg.lastDay.slice(0, 4) + (seg.lastDay.slice(5, 7) <= '06'));
        },
      ),
      { numRuns: 150 },
    );
  });
});
