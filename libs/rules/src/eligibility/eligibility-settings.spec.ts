import fc from 'fast-check';
import { NoVersionInForceError } from '../policy/dated-setting';
import { DEFAULT_ELIGIBILITY_SETTINGS, EligibilitySettings, eligibilitySettingsInForce, validateEligibilitySettings } from './eligibility-settings';
import { d } from './spec-helpers';

const valid: EligibilitySettings = { currency: 'SEK', maxDaysSinceDelivery: 45, maxDaysUntilDue: 90, minimumAmount: '200.00', totalsTolerance: '0.05' };
const problems = (changes: Partial<Record<keyof EligibilitySettings, unknown>>, country?: 'SE' | 'NO') =>
  validateEligibilitySettings({ ...valid, ...changes } as EligibilitySettings, { country }).problems.map((p) => [p.field, p.code]);

describe('eligibility settings', () => {
  it.each([
    ['SE', { currency: 'SEK', maxDaysSinceDelivery: 45, maxDaysUntilDue: 90, minimumAmount: '200.00', totalsTolerance: '0.05' }],
    ['NO', { currency: 'NOK', maxDaysSinceDelivery: 45, maxDaysUntilDue: 90, minimumAmount: '200.00', totalsTolerance: '0.05' }],
  ] as const)('in force in %s: seed 001’s numbers in the domestic currency', (country, expected) => {
    const version = eligibilitySettingsInForce(country, d('2026-06-15'));
    expect(version.value).toEqual(expected);
    expect(version.source).toMatch(/Fiken/);
  });

  it('says in its source that 200 SEK is a house rule', () => {
    expect(eligibilitySettingsInForce('SE', d('2026-06-15')).source).toMatch(/200 SEK for Sweden is our own credit policy/);
  });

  it('refuses to guess before the first version', () => {
    expect(() => eligibilitySettingsInForce('NO', d('2023-12-31'))).toThrow(NoVersionInForceError);
  });

  it('the defaults pass their own validation', () => {
    for (const country of ['SE', 'NO'] as const) {
      for (const version of DEFAULT_ELIGIBILITY_SETTINGS[country]) expect(validateEligibilitySettings(version.value, { country })).toEqual({ valid: true, problems: [] });
    }
  });

  describe('validateEligibilitySettings', () => {
    it.each([
      [{ currency: 'XYZ' }, 'currency', 'ELIGIBILITY_SETTINGS_CURRENCY_UNKNOWN'],
      [{ currency: 'sek' }, 'currency', 'ELIGIBILITY_SETTINGS_CURRENCY_UNKNOWN'],
      [{ maxDaysSinceDelivery: 0 }, 'maxDaysSinceDelivery', 'ELIGIBILITY_SETTINGS_DAYS_OUT_OF_RANGE'],
      [{ maxDaysSinceDelivery: 366 }, 'maxDaysSinceDelivery', 'ELIGIBILITY_SETTINGS_DAYS_OUT_OF_RANGE'],
      [{ maxDaysUntilDue: 45.5 }, 'maxDaysUntilDue', 'ELIGIBILITY_SETTINGS_DAYS_NOT_WHOLE'],
      [{ maxDaysUntilDue: '90' }, 'maxDaysUntilDue', 'ELIGIBILITY_SETTINGS_DAYS_NOT_WHOLE'],
      [{ maxDaysUntilDue: Number.NaN }, 'maxDaysUntilDue', 'ELIGIBILITY_SETTINGS_DAYS_NOT_WHOLE'],
      [{ minimumAmount: '-1' }, 'minimumAmount', 'VALUE_NEGATIVE'],
      [{ minimumAmount: '200,00' }, 'minimumAmount', 'VALUE_NOT_A_DECIMAL'],
      [{ minimumAmount: '200.001' }, 'minimumAmount', 'VALUE_TOO_PRECISE'],
      [{ totalsTolerance: '' }, 'totalsTolerance', 'VALUE_MISSING'],
      [{ totalsTolerance: '1.01' }, 'totalsTolerance', 'ELIGIBILITY_SETTINGS_TOLERANCE_TOO_LARGE'],
    ])('refuses %j: %s %s', (changes, field, code) => {
      expect(problems(changes)).toEqual([[field, code]]);
    });

    it.each([[{ minimumAmount: '0' }], [{ totalsTolerance: '0' }], [{ totalsTolerance: '1.00' }], [{ maxDaysSinceDelivery: 1, maxDaysUntilDue: 365 }], [{ currency: 'EUR' }]])('accepts %j', (changes) => {
      expect(problems(changes)).toEqual([]);
    });

    it('refuses another country’s currency when told the country', () => {
      expect(problems({ currency: 'NOK' }, 'SE')).toEqual([['currency', 'ELIGIBILITY_SETTINGS_CURRENCY_NOT_DOMESTIC']]);
      expect(problems({ currency: 'NOK' }, 'NO')).toEqual([]);
    });

    it('returns every problem at once, each with a sentence in three languages', () => {
      const check = validateEligibilitySettings({ currency: 'KR', maxDaysSinceDelivery: -1, maxDaysUntilDue: 1.5, minimumAmount: 'x', totalsTolerance: '5' });
      expect(check.valid).toBe(false);
      expect(check.problems.map((p) => p.field)).toEqual(['currency', 'maxDaysSinceDelivery', 'maxDaysUntilDue', 'minimumAmount', 'totalsTolerance']);
      expect(check.problems[1].message).toEqual({
        en: 'The maximum number of days since delivery must be between 1 and 365 days; -1 is outside it.',
        sv: 'Högsta antal dagar sedan leverans ska vara mellan 1 och 365 dagar; -1 ligger utanför.',
        nb: 'Høyeste antall dager siden levering må være mellom 1 og 365 dager; -1 er utenfor.',
      });
      for (const problem of check.problems) {
        expect(new Set(Object.values(problem.message)).size).toBe(3);
      }
    });

    it('accepts every whole number of days from 1 to 365 and nothing outside', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1000, max: 1000 }), (days) => {
          const ok = days >= 1 && days <= 365;
          expect(problems({ maxDaysSinceDelivery: days, maxDaysUntilDue: days }).length).toBe(ok ? 0 : 2);
        }),
      );
    });
  });
});
