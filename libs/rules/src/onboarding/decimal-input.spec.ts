import fc from 'fast-check';
import { D, formatNumber, moneyFormatted, readNonNegativeDecimal } from './decimal-input';

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

describe('moneyFormatted: amounts in reason texts the reader\'s way (issue 11 §3)', () => {
  it('groups the digits and shows the currency code as each language writes it, never "21250 SEK"', () => {
    expect(moneyFormatted(new D('21250'), 'SEK')).toEqual({ en: 'SEK\u00a021,250.00', sv: '21\u00a0250,00\u00a0SEK', nb: '21\u00a0250,00\u00a0SEK' });
    expect(moneyFormatted(new D('1234567.5'), 'NOK')).toEqual({ en: 'NOK\u00a01,234,567.50', sv: '1\u00a0234\u00a0567,50\u00a0NOK', nb: '1\u00a0234\u00a0567,50\u00a0NOK' });
  });

  it('keeps every stored decimal (100.005 is never shown as 100.01) and shows the number alone without a currency', () => {
    expect(moneyFormatted(new D('100.005'))).toEqual({ en: '100.005', sv: '100,005', nb: '100,005' });
    expect(moneyFormatted(new D('0'), null)).toEqual({ en: '0.00', sv: '0,00', nb: '0,00' });
  });

  it('writes a negative amount with the language\'s minus sign', () => {
    expect(moneyFormatted(new D('-1500'), 'SEK')).toEqual({ en: 'SEK\u00a0-1,500.00', sv: '\u22121\u00a0500,00\u00a0SEK', nb: '\u22121\u00a0500,00\u00a0SEK' });
  });
});
