import fc from 'fast-check';
import { D, formatNumber, readNonNegativeDecimal } from './decimal-input';

describe('readNonNegativeDecimal', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['2.5', '2.5'],
    ['0007.10', '7.1'],
    ['999999999999999.99', '999999999999999.99'],
  ])('reads %j as %s', (input, value) => {
    const reading = readNonNegativeDecimal(input, 2);
    expect(reading.ok && reading.value.toFixed()).toBe(value);
  });

  it.each([
    [undefined, 'VALUE_MISSING'],
    [null, 'VALUE_MISSING'],
    ['', 'VALUE_MISSING'],
    [2.5, 'VALUE_NOT_A_DECIMAL'],
    ['NaN', 'VALUE_NOT_A_DECIMAL'],
    ['Infinity', 'VALUE_NOT_A_DECIMAL'],
    ['1e3', 'VALUE_NOT_A_DECIMAL'],
    ['+1', 'VALUE_NOT_A_DECIMAL'],
    [' 1', 'VALUE_NOT_A_DECIMAL'],
    ['1,5', 'VALUE_NOT_A_DECIMAL'],
    ['-0.01', 'VALUE_NEGATIVE'],
    ['1.005', 'VALUE_TOO_PRECISE'],
    ['1000000000000000', 'VALUE_TOO_LARGE'],
    ['0001000000000000000', 'VALUE_TOO_LARGE'],
  ])('refuses %j with %s', (input, code) => {
    expect(readNonNegativeDecimal(input, 2)).toEqual({ ok: false, code });
  });

  it('reads back what a non-negative Decimal prints, exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 4 }), (units, scale) => {
        const text = new D(units.toString()).dividedBy(new D(10).pow(scale)).toFixed(scale);
        const reading = readNonNegativeDecimal(text, 4);
        expect(reading.ok && reading.value.equals(new D(text))).toBe(true);
      }),
    );
  });
});

describe('formatNumber', () => {
  it('uses a point in English and a comma in Swedish and Norwegian, without trailing zeros', () => {
    expect(formatNumber(new D('0.50'), 'en')).toBe('0.5');
    expect(formatNumber(new D('0.50'), 'sv')).toBe('0,5');
    expect(formatNumber(new D('1000.00'), 'nb')).toBe('1000');
  });
});
