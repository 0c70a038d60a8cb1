import Decimal from 'decimal.js';
import fc from 'fast-check';
import { claimBalance } from './claim-balance';
import { lateInterest, lateInterestRatesFromReference } from './late-interest';

const RATES = lateInterestRatesFromReference([
  { validFrom: '2025-01-01', value: '3.00', source: 'test' },
  { validFrom: '2025-07-01', value: '2.00', source: 'test' },
]);

describe('claimBalance', () => {
  it('pays fees, then interest, then principal, and runs interest from the payment on what is still owed (worked by hand)', () => {
    // 10 000.00 due 2025-06-20; reminder fee 60.00 charged 30 June; 1 000.00 paid 10 July; asked on 31 July.
    //   interest to 10 July: 10 000 x 0.11 x 10/365 + 10 000 x 0.10 x 10/365 = 57.534... -> 57.53 payable
    //   the payment: fee 60.00, interest 57.53, principal 882.47 -> principal 9 117.53
    //   11-31 July: 9 117.53 x 0.10 x 21/365 = 52.457...
    //   interest over the life: 57.534... + 52.457... = 109.991... -> 109.99; paid 57.53; open 52.46
    const result = claimBalance({
      dueDate: '2025-06-20',
      principal: '10000.00',
      fees: [{ kind: 'REMINDER_FEE', amount: '60.00', chargedOn: '2025-06-30' }],
      payments: [{ on: '2025-07-10', amount: '1000.00' }],
      until: '2025-07-31',
      rates: RATES,
    });
    expect(result.payments).toEqual([
      {
        on: '2025-07-10',
        amount: '1000.00',
        unallocated: '0.00',
        lines: [
          { part: 'FEE', feeKind: 'REMINDER_FEE', feeChargedOn: '2025-06-30', amount: '60.00' },
          { part: 'INTEREST', amount: '57.53' },
          { part: 'PRINCIPAL', amount: '882.47' },
        ],
      },
    ]);
    expect(result.open).toEqual({ fees: '0.00', interest: '52.46', principal: '9117.53', total: '9169.99' });
    expect(result.interestAccrued).toBe('109.99');
    expect(result.interestSegments.map((s) => [s.firstDay, s.lastDay, s.balance])).toEqual([
      ['2025-06-21', '2025-06-30', '10000.00'],
      ['2025-07-01', '2025-07-10', '10000.00'],
      ['2025-07-11', '2025-07-31', '9117.53'],
    ]);
  });

  it('does not let a fee charged after a payment take that payment', () => {
    const result = claimBalance({
      dueDate: '2025-03-01',
      principal: '100.00',
      fees: [{ kind: 'COLLECTION_DEMAND_FEE', amount: '180.00', chargedOn: '2025-04-01' }],
      payments: [{ on: '2025-03-01', amount: '40.00' }],
      until: '2025-04-01',
      rates: RATES,
    });
    expect(result.payments[0].lines).toEqual([{ part: 'PRINCIPAL', amount: '40.00' }]);
    expect(result.open.fees).toBe('180.00');
  });

  it('stops interest once the principal is paid, and says the claim is paid', () => {
    const result = claimBalance({ dueDate: '2025-03-01', principal: '100.00', fees: [], payments: [{ on: '2025-03-01', amount: '100.00' }], until: '2025-12-31', rates: RATES });
    expect(result.open).toEqual({ fees: '0.00', interest: '0.00', principal: '0.00', total: '0.00' });
    expect(result.reasons[0].code).toBe('CLAIM_PAID');
  });

  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

  it('keeps every krona: what was owed plus interest equals what was paid (allocated) plus what is open (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 10_000_000 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 360 }), cents: fc.integer({ min: 1, max: 3_000_000 }) }), { maxLength: 5 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 360 }), cents: fc.integer({ min: 1, max: 50_000 }) }), { maxLength: 3 }),
        (principalCents, rawPayments, rawFees) => {
          const principal = new Decimal(principalCents).div(100);
          const fees = rawFees.map((f) => ({ kind: 'REMINDER_FEE' as const, amount: new Decimal(f.cents).div(100).toFixed(2), chargedOn: day(f.day) }));
          const payments = rawPayments.map((p) => ({ on: day(p.day), amount: new Decimal(p.cents).div(100).toFixed(2) }));
          const result = claimBalance({ dueDate: day(0), principal, fees, payments, until: day(365), rates: RATES });
          const paid = payments.reduce((s, p) => s.plus(p.amount), new Decimal(0));
          const unallocated = result.payments.reduce((s, p) => s.plus(p.unallocated), new Decimal(0));
          const feeTotal = fees.reduce((s, f) => s.plus(f.amount), new Decimal(0));
          // Owed over the life = principal + fees + interest; paid toward it = paid - unallocated.
          expect(principal.plus(feeTotal).plus(result.interestAccrued).toFixed(2)).toBe(paid.minus(unallocated).plus(result.open.total).toFixed(2));
          for (const part of Object.values(result.open)) expect(new Decimal(part).gte(0)).toBe(true);
          // With no payment, the interest is lateInterest's over the whole period.
          if (!payments.length) expect(result.interestAccrued).toBe(lateInterest({ from: day(0), to: day(365), principal, rates: RATES }).interest);
        },
      ),
      { numRuns: 200 },
    );
  });
});
