import fc from 'fast-check';
import Decimal from 'decimal.js';
import { InvalidValueError, LocalDate } from '@factoring/domain';
import { DatedVersion } from '../policy/dated-setting';
import { achievedRate, expectedSpotCheckRate, sampleSpotCheck, SpotCheckInput, SpotCheckReasonCode } from './sample-spot-check';
import { DEFAULT_SPOT_CHECK_SETTINGS, SpotCheckSettings, spotCheckSettingsInForce, validateSpotCheckSettings } from './spot-check-settings';

const VERSION: DatedVersion<SpotCheckSettings> = DEFAULT_SPOT_CHECK_SETTINGS.SE[0];
const SETTINGS = VERSION.value;
const input = (changes: Partial<SpotCheckInput> = {}): SpotCheckInput => ({
  invoiceId: 'inv-1',
  clientInvoiceOrdinal: 50,
  amount: '10000.00',
  debtorIsNew: false,
  intensity: 'NORMAL',
  ...changes,
});
const ids = (count: number, prefix = 'invoice-') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const R = SpotCheckReasonCode;

describe('expectedSpotCheckRate: denser at the start, sparser later (seed 004)', () => {
  it.each([
    [1, 'NORMAL', '1.000000'],
    [3, 'NORMAL', '1.000000'],
    [18, 'NORMAL', '0.510000'], // one half-life after the first 3: 0.02 + 0.98 / 2
    [33, 'NORMAL', '0.265000'], // two half-lives: 0.02 + 0.98 / 4
    [10_000, 'NORMAL', '0.020000'], // the floor
    [1, 'LOW', '0.500000'],
    [1, 'HIGH', '1.000000'], // capped at 1
    [18, 'HIGH', '1.000000'],
    [33, 'HIGH', '0.530000'],
    [10_000, 'LOW', '0.010000'],
  ] as const)('ordinal %i at %s intensity: %s', (ordinal, intensity, expected) => {
    expect(expectedSpotCheckRate(ordinal, intensity, SETTINGS)).toBe(expected);
  });

  it('never rises with the ordinal and never goes below the floor times the intensity', () => {
    for (const intensity of ['HIGH', 'NORMAL', 'LOW'] as const) {
      let previous = new Decimal(2);
      for (let ordinal = 1; ordinal <= 400; ordinal++) {
        const rate = new Decimal(expectedSpotCheckRate(ordinal, intensity, SETTINGS));
        expect(rate.lessThanOrEqualTo(previous)).toBe(true);
        expect(rate.greaterThanOrEqualTo(new Decimal(SETTINGS.floorRate).times(SETTINGS.intensityFactor[intensity]))).toBe(true);
        previous = rate;
      }
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses ordinal %p', (ordinal) => {
    expect(() => expectedSpotCheckRate(ordinal, 'NORMAL', SETTINGS)).toThrow(InvalidValueError);
  });
});

describe('sampleSpotCheck', () => {
  it('gives the rate, the draw and the reasons, and selects when draw < rate', () => {
    const result = sampleSpotCheck(input(), VERSION);
    expect(result.rate).toBe(expectedSpotCheckRate(50, 'NORMAL', SETTINGS));
    expect(result.draw).toMatch(/^0\.\d{10}$/);
    expect(result.rulesVersion).toBe('2024-01-01');
    expect(result.selected).toBe(new Decimal(result.draw).lessThan(result.rate));
    expect(result.reasons.map((r) => r.code)).toEqual([R.RATE_FOR_ORDINAL, result.selected ? R.SELECTED : R.NOT_SELECTED]);
  });

  it('always selects the first invoices at NORMAL intensity', () => {
    for (const id of ids(200)) for (const ordinal of [1, 2, 3]) expect(sampleSpotCheck(input({ invoiceId: id, clientInvoiceOrdinal: ordinal }), VERSION).selected).toBe(true);
  });

  it.each<[string, Partial<SpotCheckInput>, string, SpotCheckReasonCode[]]>([
    ['no trigger', {}, '0.020000', [R.RATE_FOR_ORDINAL]],
    ['a new debtor raises the rate to 20 %', { debtorIsNew: true }, '0.200000', [R.RATE_FOR_ORDINAL, R.NEW_DEBTOR]],
    ['an amount of exactly 100 000 raises it to 50 %', { amount: '100000.00' }, '0.500000', [R.RATE_FOR_ORDINAL, R.LARGE_AMOUNT]],
    ['one öre less does not', { amount: '99999.99' }, '0.020000', [R.RATE_FOR_ORDINAL]],
    ['both: the higher minimum', { debtorIsNew: true, amount: '250000.00' }, '0.500000', [R.RATE_FOR_ORDINAL, R.NEW_DEBTOR, R.LARGE_AMOUNT]],
    ['a trigger never lowers a higher base rate', { clientInvoiceOrdinal: 2, debtorIsNew: true }, '1.000000', [R.RATE_FOR_ORDINAL, R.NEW_DEBTOR]],
  ])('%s', (_name, changes, rate, reasonCodes) => {
    const result = sampleSpotCheck(input({ clientInvoiceOrdinal: 10_000, ...changes }), VERSION);
    expect(result.rate).toBe(rate);
    expect(result.reasons.map((r) => r.code).slice(0, -1)).toEqual(reasonCodes);
  });

  it('has a sentence in English, Swedish and Norwegian for every code', () => {
    const found = new Map<string, Record<string, string>>();
    for (const id of ids(50)) {
      for (const r of sampleSpotCheck(input({ invoiceId: id, clientInvoiceOrdinal: 18, debtorIsNew: true, amount: '200000.00' }), VERSION).reasons) found.set(r.code, r.message);
      for (const r of sampleSpotCheck(input({ invoiceId: id, clientInvoiceOrdinal: 1 }), VERSION).reasons) found.set(`${r.code}:early`, r.message);
    }
    expect(new Set([...found.keys()].map((k) => k.split(':')[0]))).toEqual(new Set(Object.values(R)));
    for (const message of found.values()) {
      for (const language of ['en', 'sv', 'nb']) expect(message[language].length).toBeGreaterThan(20);
      expect(message.sv).not.toBe(message.en);
      expect(message.nb).not.toBe(message.sv);
    }
  });

  it.each<[string, Partial<SpotCheckInput>, string]>([
    ['an empty invoice id', { invoiceId: ' ' }, 'SPOT_CHECK_INVOICE_ID_MISSING'],
    ['ordinal 0', { clientInvoiceOrdinal: 0 }, 'SPOT_CHECK_ORDINAL_INVALID'],
    ['an unknown intensity', { intensity: 'MAX' as never }, 'SPOT_CHECK_INTENSITY_UNKNOWN'],
    ['an amount with a comma', { amount: '10,00' }, 'VALUE_NOT_A_DECIMAL'],
  ])('refuses %s', (_name, changes, code) => {
    expect(() => sampleSpotCheck(input(changes), VERSION)).toThrow(expect.objectContaining({ code }));
  });

  describe('reproducible', () => {
    it('the same invoice id and rule version always give the same answer', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), fc.integer({ min: 1, max: 1000 }), fc.constantFrom('HIGH', 'NORMAL', 'LOW' as const), (id, ordinal, intensity) => {
          fc.pre(id.trim() !== '');
          const a = sampleSpotCheck(input({ invoiceId: id, clientInvoiceOrdinal: ordinal, intensity }), VERSION);
          const b = sampleSpotCheck(input({ invoiceId: id, clientInvoiceOrdinal: ordinal, intensity }), { ...VERSION, value: { ...VERSION.value } });
          expect(b).toEqual(a);
        }),
        { numRuns: 300 },
      );
    });

    it('a new rule version draws anew', () => {
      const next: DatedVersion<SpotCheckSettings> = { ...VERSION, validFrom: '2027-01-01' };
      const draws = ids(100).map((id) => [sampleSpotCheck(input({ invoiceId: id }), VERSION).draw, sampleSpotCheck(input({ invoiceId: id }), next).draw]);
      expect(draws.filter(([a, b]) => a !== b).length).toBeGreaterThan(95);
    });
  });

  describe('over 20 000 synthetic invoice ids', () => {
    const N = 20_000;
    const share = (ordinal: (i: number) => number, intensity: SpotCheckInput['intensity'] = 'NORMAL') =>
      achievedRate(ids(N).map((id, i) => sampleSpotCheck(input({ invoiceId: id, clientInvoiceOrdinal: ordinal(i), intensity }), VERSION)));

    it('selects more of ordinals 1-10 than of ordinals 200-300 (a falling rate)', () => {
      const early = Number(share((i) => 1 + (i % 10)).rate);
      const late = Number(share((i) => 200 + (i % 101)).rate);
      expect(early).toBeGreaterThan(0.8);
      expect(late).toBeLessThan(0.05);
      expect(early).toBeGreaterThan(late);
    });

    // A binomial share over 20 000 draws has a standard deviation of at most sqrt(0.25 / 20 000) ≈ 0.0035;
    // the tolerance 0.015 is over four of them, so a correct sampler fails this far less than once in 10 000 runs
    // (and the draws are fixed, so the outcome is in fact the same on every run).
    it.each([
      [18, 'NORMAL'],
      [33, 'NORMAL'],
      [100, 'NORMAL'],
      [48, 'HIGH'],
    ] as const)('ordinal %i at %s: achieved within 0.015 of expected', (ordinal, intensity) => {
      const achieved = Number(share(() => ordinal, intensity).rate);
      expect(Math.abs(achieved - Number(expectedSpotCheckRate(ordinal, intensity, SETTINGS)))).toBeLessThan(0.015);
    });
  });
});

describe('achievedRate', () => {
  it.each([
    [[], { total: 0, selected: 0, rate: null }],
    [[{ selected: true }], { total: 1, selected: 1, rate: '1.000000' }],
    [[{ selected: true }, { selected: false }, { selected: false }], { total: 3, selected: 1, rate: '0.333333' }],
  ])('%j', (decisions, expected) => {
    expect(achievedRate(decisions)).toEqual(expected);
  });
});

describe('spot-check settings', () => {
  it('in force in each country, with the source quoting seed 004; the defaults pass validation', () => {
    for (const country of ['SE', 'NO'] as const) {
      const version = spotCheckSettingsInForce(country, LocalDate.parse('2026-06-15'));
      expect(version.source).toMatch(/Fortnox/);
      expect(validateSpotCheckSettings(version.value)).toEqual({ valid: true, problems: [] });
    }
  });

  it.each<[string, Partial<Record<keyof SpotCheckSettings, unknown>>, [string, string][]]>([
    ['a fractional count', { alwaysCheckFirst: 2.5 }, [['alwaysCheckFirst', 'SPOT_CHECK_SETTINGS_NOT_WHOLE']]],
    ['a zero half-life', { halfLifeInvoices: 0 }, [['halfLifeInvoices', 'SPOT_CHECK_SETTINGS_OUT_OF_RANGE']]],
    ['a floor above 1', { floorRate: '1.5' }, [['floorRate', 'SPOT_CHECK_SETTINGS_OUT_OF_RANGE']]],
    ['a missing intensity factor', { intensityFactor: { HIGH: '2', NORMAL: '1' } }, [['intensityFactor.LOW', 'VALUE_MISSING']]],
    ['an intensity factor of 11', { intensityFactor: { HIGH: '11', NORMAL: '1', LOW: '0.5' } }, [['intensityFactor.HIGH', 'SPOT_CHECK_SETTINGS_OUT_OF_RANGE']]],
    ['a negative threshold', { largeAmountThreshold: '-5' }, [['largeAmountThreshold', 'VALUE_NEGATIVE']]],
    ['a rate with 7 decimals', { newDebtorMinimumRate: '0.1234567' }, [['newDebtorMinimumRate', 'VALUE_TOO_PRECISE']]],
  ])('refuses %s', (_name, changes, expected) => {
    const check = validateSpotCheckSettings({ ...SETTINGS, ...changes } as SpotCheckSettings);
    expect(check.problems.map((p) => [p.field, p.code])).toEqual(expected);
    expect(check.valid).toBe(false);
  });

  it('sampling refuses invalid settings', () => {
    expect(() => sampleSpotCheck(input(), { ...VERSION, value: { ...SETTINGS, floorRate: '2' } })).toThrow(InvalidValueError);
  });
});
