import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DomainError } from '../errors';
import { errorOf } from '../spec-helpers';
import { CurrencyCode } from './currency';
import { Money } from './money';

const sek = (amount: string) => Money.of(amount, 'SEK');

describe('Money', () => {
  it('computes the worked example: 100.00 SEK, fee 2 %, VAT 25 % on the fee, payout 97.50', () => {
    const invoice = sek('100.00');
    const fee = Money.percentageOf(invoice, '2').roundToMinorUnit();
    const vatOnFee = Money.percentageOf(fee, '25').roundToMinorUnit();
    const payout = invoice.minus(fee).minus(vatOnFee);

    expect(fee.toString()).toBe('2.00');
    expect(vatOnFee.toString()).toBe('0.50');
    expect(payout.toString()).toBe('97.50');
    expect(payout.toJSON()).toEqual({ amount: '97.50', currency: 'SEK' });
  });

  describe('construction', () => {
    it.each([
      ['100', '100.00'],
      ['100.5', '100.50'],
      ['-3.25', '-3.25'],
      ['0007.10', '7.10'],
      ['0.125', '0.13'],
      ['999999999999999.99', '999999999999999.99'],
    ])('accepts the decimal string %s (shown as %s)', (input, shown) => {
      expect(sek(input).toString()).toBe(shown);
    });

    it.each(['1e3', '1,50', ' 1', '1 ', '+1', '.5', '1.', '', 'abc', 'NaN', 'Infinity', '--1', '1.2.3', '0x10'])(
      'refuses %j as not a plain decimal number',
      (input) => {
        const error = errorOf(() => sek(input));
        expect(error.code).toBe('MONEY_AMOUNT_FORMAT');
        expect(error.field).toBe('amount');
        expect(error.message).toContain('not a plain decimal number');
      },
    );

    it('refuses JavaScript numbers, which cannot hold öre exactly', () => {
      expect(errorOf(() => Money.of(0.1 as unknown as string, 'SEK')).code).toBe('MONEY_FLOAT_NOT_ALLOWED');
      expect(errorOf(() => sek('1').times(1.25 as unknown as string)).code).toBe('MONEY_FLOAT_NOT_ALLOWED');
      expect(errorOf(() => Money.percentageOf(sek('1'), 2 as unknown as string)).code).toBe('MONEY_FLOAT_NOT_ALLOWED');
    });

    it('refuses amounts beyond 15 integer digits or 20 decimals', () => {
      expect(errorOf(() => sek('1000000000000000')).code).toBe('MONEY_AMOUNT_RANGE');
      expect(errorOf(() => sek('0.000000000000000000001')).code).toBe('MONEY_AMOUNT_RANGE');
      expect(errorOf(() => Money.of(new Decimal('1e15'), 'SEK')).code).toBe('MONEY_AMOUNT_RANGE');
    });

    it('accepts a Decimal, and refuses NaN and infinite ones', () => {
      expect(Money.of(new Decimal('12.3'), 'NOK').toJSON()).toEqual({ amount: '12.30', currency: 'NOK' });
      expect(Money.of(new Decimal(1).dividedBy(3), 'NOK').amount.decimalPlaces()).toBeGreaterThan(2);
      expect(errorOf(() => Money.of(new Decimal(NaN), 'NOK')).code).toBe('MONEY_AMOUNT_FORMAT');
      expect(errorOf(() => Money.of(new Decimal(Infinity), 'NOK')).code).toBe('MONEY_AMOUNT_FORMAT');
    });

    it.each(['SEK', 'NOK', 'EUR', 'DKK'])('knows %s', (currency) => {
      expect(Money.of('1', currency).currency).toBe(currency);
    });

    it.each([
      ['USD', 'not one we handle'],
      ['XXX', 'not one we handle'],
      ['sek', 'did you mean SEK?'],
      ['', 'not one we handle'],
    ])('refuses the currency %j', (currency, explanation) => {
      const error = errorOf(() => Money.of('1', currency));
      expect(error.code).toBe('MONEY_CURRENCY_UNKNOWN');
      expect(error.field).toBe('currency');
      expect(error.message).toContain(explanation);
    });
  });

  describe('arithmetic', () => {
    it('adds, subtracts, multiplies and negates without rounding', () => {
      expect(sek('0.1').plus(sek('0.2')).toJSON().amount).toBe('0.30');
      expect(sek('10').minus(sek('10.005')).toJSON().amount).toBe('-0.005');
      expect(sek('100').times('0.0235').toJSON().amount).toBe('2.35');
      expect(sek('33.33').times(new Decimal('3')).toString()).toBe('99.99');
      expect(sek('5').negated().toString()).toBe('-5.00');
      expect(Money.percentageOf(sek('1234.56'), '2.5').toJSON().amount).toBe('30.864');
      expect(Money.sum([sek('1.10'), sek('2.20'), sek('3.30')], 'SEK').toString()).toBe('6.60');
      expect(Money.sum([], 'NOK').equals(Money.zero('NOK'))).toBe(true);
    });

    it('is immutable', () => {
      const a = sek('1');
      a.plus(sek('2'));
      expect(a.toString()).toBe('1.00');
      expect(Object.isFrozen(a)).toBe(true);
    });

    it('compares and tells zero and sign', () => {
      expect(sek('1.5').compare(sek('1.50'))).toBe(0);
      expect(sek('1.49').compare(sek('1.5'))).toBe(-1);
      expect(sek('2').compare(sek('-2'))).toBe(1);
      expect(sek('2.5').equals(sek('2.50'))).toBe(true);
      expect(sek('2.5').equals(Money.of('2.5', 'NOK'))).toBe(false);
      expect(sek('0.00').isZero()).toBe(true);
      expect(sek('-0.01').isNegative()).toBe(true);
      expect(sek('0.01').isPositive()).toBe(true);
    });

    it('never has a negative zero', () => {
      const zero = sek('-0.00');
      expect(zero.isNegative()).toBe(false);
      expect(zero.toString()).toBe('0.00');
      expect(sek('0').negated().toString()).toBe('0.00');
      expect(sek('-0.004').roundToMinorUnit().toString()).toBe('0.00');
    });

    it.each([
      ['add', (a: Money, b: Money) => a.plus(b)],
      ['subtract', (a: Money, b: Money) => a.minus(b)],
      ['compare', (a: Money, b: Money) => a.compare(b)],
    ])('refuses to %s different currencies', (verb, operation) => {
      const error = errorOf(() => operation(sek('1'), Money.of('1', 'NOK')));
      expect(error).toBeInstanceOf(DomainError);
      expect(error.kind).toBe('BAD_USER_INPUT');
      expect(error.code).toBe('MONEY_CURRENCY_MISMATCH');
      expect(error.message).toBe(`Cannot ${verb} NOK and SEK: amounts in different currencies need an exchange rate first.`);
    });
  });

  describe('rounding to öre', () => {
    it.each([
      ['0.005', '0.01'],
      ['0.015', '0.02'],
      ['0.025', '0.03'], // half-even would give 0.02
      ['2.675', '2.68'],
      ['1.994', '1.99'],
      ['-0.005', '-0.01'], // half away from zero, symmetric for credits
      ['-2.345', '-2.35'],
      ['10', '10.00'],
    ])('rounds %s half up to %s', (input, rounded) => {
      const result = sek(input).roundToMinorUnit();
      expect(result.toJSON().amount).toBe(rounded);
      expect(result.isRoundedToMinorUnit()).toBe(true);
    });

    it('keeps full precision until asked, in toJSON', () => {
      expect(sek('0.125').isRoundedToMinorUnit()).toBe(false);
      expect(JSON.stringify(sek('0.125'))).toBe('{"amount":"0.125","currency":"SEK"}');
      expect(Money.fromJSON(sek('0.125').toJSON()).equals(sek('0.125'))).toBe(true);
    });
  });

  describe('properties', () => {
    const currencies: CurrencyCode[] = ['SEK', 'NOK', 'EUR', 'DKK'];
    // Amounts with up to 13 integer digits and 0-6 decimals, as decimal strings.
    const amountText = fc
      .integer({ min: 0, max: 6 })
      .chain((scale) => fc.tuple(fc.bigInt({ min: -(10n ** BigInt(13 + scale)) + 1n, max: 10n ** BigInt(13 + scale) - 1n }), fc.constant(scale)))
      .map(([units, scale]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)).toFixed());
    const money = (currency: CurrencyCode = 'SEK') => amountText.map((text) => Money.of(text, currency));

    it('plus is commutative and associative', () => {
      fc.assert(
        fc.property(money(), money(), money(), (a, b, c) => {
          expect(a.plus(b).equals(b.plus(a))).toBe(true);
          expect(a.plus(b).plus(c).equals(a.plus(b.plus(c)))).toBe(true);
        }),
      );
    });

    it('a - a = 0 and a + (-a) = 0', () => {
      fc.assert(
        fc.property(money(), (a) => {
          expect(a.minus(a).isZero()).toBe(true);
          expect(a.plus(a.negated()).isZero()).toBe(true);
        }),
      );
    });

    it('rounding is idempotent and moves the amount by at most half an öre', () => {
      fc.assert(
        fc.property(money(), (a) => {
          const rounded = a.roundToMinorUnit();
          expect(rounded.roundToMinorUnit().equals(rounded)).toBe(true);
          expect(rounded.minus(a).amount.abs().lessThanOrEqualTo('0.005')).toBe(true);
          expect(rounded.isRoundedToMinorUnit()).toBe(true);
        }),
      );
    });

    it('toJSON and fromJSON round-trip exactly', () => {
      fc.assert(fc.property(money(), (a) => expect(Money.fromJSON(a.toJSON()).equals(a)).toBe(true)));
    });

    it('mixed currencies always throw', () => {
      const pair = fc
        .tuple(fc.constantFrom(...currencies), fc.constantFrom(...currencies))
        .filter(([x, y]) => x !== y)
        .chain(([x, y]) => fc.tuple(money(x), money(y)));
      fc.assert(
        fc.property(pair, ([a, b]) => {
          for (const operation of [() => a.plus(b), () => a.minus(b), () => a.compare(b)]) {
            expect(errorOf(operation).code).toBe('MONEY_CURRENCY_MISMATCH');
          }
        }),
      );
    });
  });
});
