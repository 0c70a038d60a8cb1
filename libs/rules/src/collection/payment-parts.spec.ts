import Decimal from 'decimal.js';
import fc from 'fast-check';
import { paymentParts } from './payment-allocation';

describe('paymentParts: one amount on one invoice, fees first, then interest, then principal', () => {
  it('pays the open fee, then the interest, then part of the principal (seed 002/003: fees and interest are not lost)', () => {
    const parts = paymentParts('1000.00', { fees: '470.00', interest: '52.60', principal: '12500.00' });
    expect(parts).toEqual({
      fees: '470.00',
      interest: '52.60',
      principal: '477.40',
      unallocated: '0.00',
      lines: [
        { part: 'FEE', amount: '470.00' },
        { part: 'INTEREST', amount: '52.60' },
        { part: 'PRINCIPAL', amount: '477.40' },
      ],
      remaining: { fees: '0.00', interest: '0.00', principal: '12022.60' },
    });
  });

  it('a payment smaller than the fee pays part of the fee only: interest and principal stay open', () => {
    const parts = paymentParts('100.00', { fees: '470.00', interest: '52.60', principal: '12500.00' });
    expect(parts.lines).toEqual([{ part: 'FEE', amount: '100.00' }]);
    expect(parts.remaining).toEqual({ fees: '370.00', interest: '52.60', principal: '12500.00' });
  });

  it('with no fees or interest open, everything pays the principal', () => {
    expect(paymentParts('250.00', { fees: '0', interest: '0', principal: '1000.00' }).lines).toEqual([{ part: 'PRINCIPAL', amount: '250.00' }]);
  });

  it('what is paid beyond everything open is unallocated', () => {
    const parts = paymentParts('2000.00', { fees: '60.00', interest: '5.00', principal: '1000.00' });
    expect(parts).toMatchObject({ fees: '60.00', interest: '5.00', principal: '1000.00', unallocated: '935.00', remaining: { fees: '0.00', interest: '0.00', principal: '0.00' } });
  });

  it('zero pays nothing', () => {
    expect(paymentParts('0', { fees: '60.00', interest: '5.00', principal: '1000.00' })).toMatchObject({ lines: [], unallocated: '0.00' });
  });

  it('refuses an amount with more than two decimals or below zero, never rounding', () => {
    expect(() => paymentParts('10.005', { fees: '0', interest: '0', principal: '100' })).toThrow(expect.objectContaining({ code: 'AMOUNT_PRECISION', field: 'amount' }));
    expect(() => paymentParts('-1', { fees: '0', interest: '0', principal: '100' })).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID', field: 'amount' }));
    expect(() => paymentParts('1', { fees: '0.001', interest: '0', principal: '100' })).toThrow(expect.objectContaining({ code: 'AMOUNT_PRECISION', field: 'fees' }));
  });

  const cents = fc.integer({ min: 0, max: 10_000_00 }).map((n) => new Decimal(n).div(100).toFixed(2));
  it('property: the parts add up to the amount, none exceeds its open, and a later part is paid only once the earlier ones are', () => {
    fc.assert(
      fc.property(cents, cents, cents, cents, (amount, fees, interest, principal) => {
        const p = paymentParts(amount, { fees, interest, principal });
        const sum = new Decimal(p.fees).plus(p.interest).plus(p.principal).plus(p.unallocated);
        expect(sum.eq(amount)).toBe(true);
        expect(new Decimal(p.fees).lte(fees) && new Decimal(p.interest).lte(interest) && new Decimal(p.principal).lte(principal)).toBe(true);
        if (new Decimal(p.interest).gt(0)) expect(p.remaining.fees).toBe('0.00');
        if (new Decimal(p.principal).gt(0)) expect([p.remaining.fees, p.remaining.interest]).toEqual(['0.00', '0.00']);
        if (new Decimal(p.unallocated).gt(0)) expect(p.remaining).toEqual({ fees: '0.00', interest: '0.00', principal: '0.00' });
      }),
    );
  });
});
