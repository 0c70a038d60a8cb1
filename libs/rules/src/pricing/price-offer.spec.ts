import Decimal from 'decimal.js';
import fc from 'fast-check';
import { Money } from '@factoring/domain';
import { errorOf } from '../onboarding/spec-helpers';
import { OfferTerms, priceOffer } from './price-offer';

const sek = (amount: string) => Money.of(amount, 'SEK');
const offer = (amount: string, terms: Partial<OfferTerms> = {}) => priceOffer({ amount: sek(amount), terms: { feePercent: '2', vatRateOnFeePercent: '25', ...terms } });
const shown = (amount: string, terms: Partial<OfferTerms> = {}) => {
  const { fee, vatOnFee, payout } = offer(amount, terms);
  return [fee.toString(), vatOnFee.toString(), payout.toString()];
};

describe('priceOffer', () => {
  it('prices the worked example of seed 000: 100.00 SEK at 2 % with 25 % VAT on the fee: fee 2.00, VAT 0.50, payout 97.50', () => {
    const result = offer('100.00');
    expect(result.fee.toJSON()).toEqual({ amount: '2.00', currency: 'SEK' });
    expect(result.vatOnFee.toJSON()).toEqual({ amount: '0.50', currency: 'SEK' });
    expect(result.payout.toJSON()).toEqual({ amount: '97.50', currency: 'SEK' });
    expect(result.figures).toEqual({
      amount: '100.00',
      currency: 'SEK',
      feePercent: '2',
      feeFixed: '0.00',
      feeMinimum: '0.00',
      feeBeforeMinimum: '2.00',
      minimumApplied: false,
      vatRateOnFeePercent: '25',
      fee: '2.00',
      vatOnFee: '0.50',
      payout: '97.50',
    });
  });

  it.each([
    // amount, terms, fee, VAT, payout
    ['1234.56', { feePercent: '2.5' }, '30.86', '7.72', '1195.98'], // 30.864 -> 30.86; 7.715 -> 7.72 (half up)
    ['1000.00', { feePercent: '2.5', feeFixed: '5' }, '30.00', '7.50', '962.50'], // percentage plus a fixed part (Fortnox style)
    ['250.00', { feePercent: '3', feeMinimum: '25' }, '25.00', '6.25', '218.75'], // 7.50 is below the minimum
    ['10.02', { feePercent: '2.5' }, '0.25', '0.06', '9.71'], // 0.2505 -> 0.25; 0.0625 -> 0.06
    ['0.20', { feePercent: '2.5' }, '0.01', '0.00', '0.19'], // 0.005 rounds half up to an öre; its VAT 0.0025 to nothing
    ['199.80', { feePercent: '0.25' }, '0.50', '0.13', '199.17'], // 0.4995 -> 0.50; 0.125 -> 0.13
    ['5000.00', { feePercent: '0', vatRateOnFeePercent: '0' }, '0.00', '0.00', '5000.00'],
  ])('prices %s with %p: fee %s, VAT %s, payout %s', (amount, terms, fee, vat, payout) => {
    expect(shown(amount, terms)).toEqual([fee, vat, payout]);
  });

  it('rounds each figure once: VAT is on the rounded fee, not on the exact one', () => {
    // 19.98 at 2.5 % is 0.4995 -> fee 0.50; VAT 25 % of 0.50 is 0.125 -> 0.13. On the unrounded fee it would be 0.124875 -> 0.12.
    expect(shown('19.98', { feePercent: '2.5' })).toEqual(['0.50', '0.13', '19.35']);
  });

  it('keeps the currency of the invoice', () => {
    const result = priceOffer({ amount: Money.of('1000', 'NOK'), terms: { feePercent: '3', vatRateOnFeePercent: '25' } });
    expect([result.fee.currency, result.vatOnFee.currency, result.payout.currency]).toEqual(['NOK', 'NOK', 'NOK']);
    expect(result.payout.toString()).toBe('962.50');
  });

  it.each([
    ['0', {}, 'OFFER_AMOUNT_NOT_POSITIVE', 'amount'],
    ['-100', {}, 'OFFER_AMOUNT_NOT_POSITIVE', 'amount'],
    ['100.005', {}, 'OFFER_AMOUNT_NOT_IN_MINOR_UNITS', 'amount'],
    ['20.00', { feeMinimum: '20' }, 'OFFER_NOTHING_TO_PAY_OUT', 'amount'],
    ['100', { feePercent: '-2' }, 'VALUE_NEGATIVE', 'terms.feePercent'],
    ['100', { feePercent: 'NaN' }, 'VALUE_NOT_A_DECIMAL', 'terms.feePercent'],
    ['100', { feeFixed: '1.001' }, 'VALUE_TOO_PRECISE', 'terms.feeFixed'],
    ['100', { feeMinimum: '-1' }, 'VALUE_NEGATIVE', 'terms.feeMinimum'],
    ['100', { vatRateOnFeePercent: '' }, 'VALUE_MISSING', 'terms.vatRateOnFeePercent'],
  ])('refuses %s with %p: %s on %s', (amount, terms, code, field) => {
    const error = errorOf(() => offer(amount, terms));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('explains a fee that takes the whole amount', () => {
    expect(errorOf(() => offer('20.00', { feeMinimum: '20' })).message).toBe('The fee 20.00 and VAT 5.00 would take the whole invoice amount of 20.00 SEK: there is nothing to pay out.');
  });

  describe('properties', () => {
    const ore = (min: number, max: number) => fc.integer({ min, max }).map((units) => new Decimal(units).dividedBy(100).toFixed(2));
    const input = fc.record({
      amount: ore(1, 10 ** 11), // up to a billion kronor
      feePercent: fc.integer({ min: 0, max: 100_000 }).map((units) => new Decimal(units).dividedBy(10_000).toFixed()), // 0-10 %, four decimals
      feeFixed: fc.option(ore(0, 50_000), { nil: undefined }),
      feeMinimum: fc.option(ore(0, 100_000), { nil: undefined }),
      vatRateOnFeePercent: fc.constantFrom('25', '0', '12', '6', '15'),
    });
    const priced = input
      .map(({ amount, ...terms }) => {
        try {
          return { amount, terms, result: priceOffer({ amount: sek(amount), terms }) };
        } catch {
          return null; // a minimum fee larger than a small invoice: refused, tested above
        }
      })
      .filter((x): x is NonNullable<typeof x> => x !== null);

    it('fee + VAT + payout is the invoice amount exactly, and each is in whole öre', () => {
      fc.assert(
        fc.property(priced, ({ amount, result }) => {
          expect(result.fee.plus(result.vatOnFee).plus(result.payout).equals(sek(amount))).toBe(true);
          for (const part of [result.fee, result.vatOnFee, result.payout]) expect(part.isRoundedToMinorUnit()).toBe(true);
        }),
      );
    });

    it('the fee is never below the minimum, and is the exact fee rounded once, half up', () => {
      fc.assert(
        fc.property(priced, ({ amount, terms, result }) => {
          const minimum = new Decimal(terms.feeMinimum ?? '0');
          const exact = Decimal.max(new Decimal(amount).times(terms.feePercent).dividedBy(100).plus(terms.feeFixed ?? '0'), minimum);
          expect(result.fee.amount.greaterThanOrEqualTo(minimum)).toBe(true);
          expect(result.fee.amount.equals(exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
          const vat = result.fee.amount.times(terms.vatRateOnFeePercent).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
          expect(result.vatOnFee.amount.equals(vat)).toBe(true);
        }),
      );
    });

    it('the payout is below the amount whenever there is a fee, and positive', () => {
      fc.assert(
        fc.property(priced, ({ amount, result }) => {
          if (result.fee.isPositive()) expect(result.payout.compare(sek(amount))).toBe(-1);
          expect(result.payout.isPositive()).toBe(true);
        }),
      );
    });
  });
});
