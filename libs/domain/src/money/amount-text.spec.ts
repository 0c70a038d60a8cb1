import fc from 'fast-check';
import { formatDecimal, formatMoneyText, formatPercentText, isPlainDecimal, parseAmount, type AmountLocale } from './amount-text';

const kronor = { decimals: 2, units: ['SEK', 'NOK', 'kr'] };
const parse = (text: string, locale: AmountLocale) => parseAmount(text, locale, kronor);

describe('parseAmount', () => {
  // The spellings of issue 11, in each language: what reaches the API, or the refusal and its likely reading.
  it.each([
    ['100,000', 'en', { ok: true, value: '100000' }],
    ['100 000', 'en', { ok: true, value: '100000' }],
    ['100.000', 'en', { ok: false, reason: 'TOO_MANY_DECIMALS', likelyReading: '100000' }],
    ['1,5', 'en', { ok: false, reason: 'GROUPING', likelyReading: '1.5' }],
    ['1.5', 'en', { ok: true, value: '1.5' }],
    ['12 345,67', 'en', { ok: false, reason: 'GROUPING', likelyReading: '12345.67' }],
    ['12,345.67', 'en', { ok: true, value: '12345.67' }],
    ['100,000', 'sv', { ok: false, reason: 'TOO_MANY_DECIMALS', likelyReading: '100000' }],
    ['100 000', 'sv', { ok: true, value: '100000' }],
    ['100.000', 'sv', { ok: true, value: '100000' }],
    ['1,5', 'sv', { ok: true, value: '1.5' }],
    ['1.5', 'sv', { ok: false, reason: 'GROUPING', likelyReading: '1.5' }],
    ['12 345,67', 'sv', { ok: true, value: '12345.67' }],
    ['12.345,67', 'sv', { ok: true, value: '12345.67' }],
    ['12,345.67', 'sv', { ok: false, reason: 'FORMAT', likelyReading: '12345.67' }],
    ['100,000', 'nb', { ok: false, reason: 'TOO_MANY_DECIMALS', likelyReading: '100000' }],
    ['100 000', 'nb', { ok: true, value: '100000' }],
    ['100.000', 'nb', { ok: true, value: '100000' }],
    ['1,5', 'nb', { ok: true, value: '1.5' }],
    ['1.5', 'nb', { ok: false, reason: 'GROUPING', likelyReading: '1.5' }],
    ['12 345,67', 'nb', { ok: true, value: '12345.67' }],
  ] as const)('reads %j in %s', (text, locale, expected) => {
    expect(parse(text, locale)).toEqual(expected);
  });

  it.each([
    ['1 234 567,89', 'sv', '1234567.89'],
    ['1\u00a0234\u202f567,89', 'nb', '1234567.89'],
    ['1,234,567.89', 'en', '1234567.89'],
    ['  250 000  ', 'en', '250000'],
    ['SEK 1,500', 'en', '1500'],
    ['1 500 kr', 'sv', '1500'],
    ['0007', 'en', '7'],
    ['.5', 'en', '0.5'],
    [',5', 'sv', '0.5'],
    ['5.', 'en', '5'],
    ['0.10', 'en', '0.10'],
    ['-0', 'en', '0'],
    ['999999999999999.99', 'en', '999999999999999.99'],
  ] as const)('reads %j in %s as %s', (text, locale, value) => {
    expect(parse(text, locale)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'en', 'EMPTY', null],
    ['   ', 'sv', 'EMPTY', null],
    ['abc', 'en', 'NOT_A_NUMBER', null],
    ['1e3', 'en', 'NOT_A_NUMBER', null],
    ['+5', 'en', 'NOT_A_NUMBER', null],
    ['-', 'en', 'NOT_A_NUMBER', null],
    ['-5', 'en', 'NEGATIVE', null],
    ['\u22125', 'sv', 'NEGATIVE', null],
    ['1.234', 'en', 'TOO_MANY_DECIMALS', '1234'],
    ['1.2345', 'en', 'TOO_MANY_DECIMALS', null],
    ['1,2345', 'sv', 'TOO_MANY_DECIMALS', null],
    ['1.234,56', 'en', 'FORMAT', '1234.56'],
    ['1,000,000', 'sv', 'FORMAT', '1000000'],
    ['1.000.000', 'en', 'FORMAT', '1000000'],
    ['1,000 000', 'en', 'FORMAT', null],
    ['100 ,5', 'sv', 'FORMAT', null],
    ['1,50', 'en', 'GROUPING', '1.50'],
    ['1,0000', 'en', 'GROUPING', null],
    [',500', 'en', 'GROUPING', null],
    ['1000000000000000', 'en', 'TOO_LARGE', null],
  ] as const)('refuses %j in %s (%s, likely %s)', (text, locale, reason, likelyReading) => {
    expect(parse(text, locale)).toEqual({ ok: false, reason, likelyReading });
  });

  it('takes a negative amount where the field allows one', () => {
    expect(parseAmount('-1 234,5', 'sv', { decimals: 2, allowNegative: true })).toEqual({ ok: true, value: '-1234.5' });
  });

  it('holds as many decimals as the field does: a fee percentage has four', () => {
    expect(parseAmount('2,4375', 'sv', { decimals: 4, units: ['%'] })).toEqual({ ok: true, value: '2.4375' });
    expect(parseAmount('2.5 %', 'en', { decimals: 4, units: ['%'] })).toEqual({ ok: true, value: '2.5' });
    expect(parseAmount('2,5', 'en', { decimals: 4 })).toEqual({ ok: false, reason: 'GROUPING', likelyReading: '2.5' });
  });

  it('never goes through a JavaScript number: fifteen digits and two decimals come back exactly', () => {
    expect(parse('123 456 789 012 345,67', 'sv')).toEqual({ ok: true, value: '123456789012345.67' });
  });

  const locales = fc.constantFrom<AmountLocale>('en', 'sv', 'nb');
  const amount = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }))
    .map(([integer, cents]) => (cents === undefined ? String(integer) : `${integer}.${String(cents).padStart(2, '0')}`));

  it('reads back what it shows, in every language (property)', () => {
    fc.assert(
      fc.property(amount, locales, (value, locale) => {
        expect(parse(formatDecimal(value, locale), locale)).toEqual({ ok: true, value });
        expect(isPlainDecimal(value)).toBe(true);
      }),
    );
  });

  it('never reads a text as two different amounts: a refusal\'s likely reading is a plain decimal or nothing (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 .,-]{0,12}$/), locales, (text, locale) => {
        const result = parse(text, locale);
        if (result.ok) expect(isPlainDecimal(result.value)).toBe(true);
        else if (result.likelyReading !== null) expect(isPlainDecimal(result.likelyReading)).toBe(true);
      }),
    );
  });
});

describe('formatDecimal, formatMoneyText and formatPercentText', () => {
  it.each([
    ['12345.67', 'en', 'SEK', 'SEK\u00a012,345.67'],
    ['12345.67', 'sv', 'SEK', '12\u00a0345,67\u00a0SEK'],
    ['12345.67', 'nb', 'NOK', '12\u00a0345,67\u00a0NOK'],
    ['150000', 'en', 'SEK', 'SEK\u00a0150,000.00'],
    ['-1062.5', 'sv', 'SEK', '\u22121\u00a0062,50\u00a0SEK'],
    ['-1062.5', 'en', 'NOK', 'NOK\u00a0-1,062.50'],
    ['0.125', 'en', 'SEK', 'SEK\u00a00.125'],
  ] as const)('shows %s in %s with %s as %j, every stored decimal kept', (value, locale, currency, shown) => {
    expect(formatMoneyText(value, currency, locale)).toBe(shown);
  });

  it('shows a limit of 12 345.67 with its decimals, never rounded up to 12 346', () => {
    expect(formatMoneyText('12345.67', 'SEK', 'sv', { minDecimals: 0 })).toBe('12\u00a0345,67\u00a0SEK');
  });

  it.each([
    ['2.5000', 'en', '2.5 %'],
    ['2.5000', 'sv', '2,5 %'],
    ['25.00', 'nb', '25 %'],
    ['0.0375', 'sv', '0,0375 %'],
  ] as const)('shows the rate %s in %s as %j', (value, locale, shown) => {
    expect(formatPercentText(value, locale)).toBe(shown);
  });

  it('leaves text that is not a plain decimal as it is', () => {
    expect(formatDecimal('n/a', 'en')).toBe('n/a');
  });
});
