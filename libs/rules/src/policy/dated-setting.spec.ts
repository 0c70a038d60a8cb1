import fc from 'fast-check';
import { NoVersionInForceError, versionInForce } from './dated-setting';

// Norway's statutory reminder fee (FOR-2024-12-19-3279), as an example of a dated setting.
const reminderFeeNok = [
  { validFrom: '2024-01-01', value: '35.00', source: 'Inkassoforskriften, 2024 rates' },
  { validFrom: '2025-01-01', value: '35.00', source: 'FOR-2024-12-19-3279' },
  { validFrom: '2025-07-01', value: '36.00', source: 'hypothetical mid-year change' },
];

describe('versionInForce', () => {
  it.each([
    ['2024-06-30', '2024-01-01'],
    ['2025-01-01', '2025-01-01'],
    ['2025-06-30', '2025-01-01'],
    ['2025-07-01', '2025-07-01'],
    ['2030-01-01', '2025-07-01'],
  ])('on %s uses the version from %s', (on, expected) => {
    expect(versionInForce('reminder fee', reminderFeeNok, on).validFrom).toBe(expected);
  });

  it('refuses to guess before the first version', () => {
    expect(() => versionInForce('reminder fee', reminderFeeNok, '2023-12-31')).toThrow(NoVersionInForceError);
  });

  it('refuses malformed dates', () => {
    expect(() => versionInForce('reminder fee', reminderFeeNok, '1/7/2025')).toThrow(/YYYY-MM-DD/);
  });

  it('does not depend on the order versions are listed in', () => {
    const day = fc.date({ min: new Date('2024-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.shuffledSubarray(reminderFeeNok, { minLength: 3, maxLength: 3 }), day, (shuffled, on) => {
        expect(versionInForce('fee', shuffled, on)).toEqual(versionInForce('fee', reminderFeeNok, on));
      }),
    );
  });
});
