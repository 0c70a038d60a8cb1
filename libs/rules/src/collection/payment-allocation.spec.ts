import Decimal from 'decimal.js';
import fc from 'fast-check';
import { allocatePayment, OpenFee } from './payment-allocation';

describe('allocatePayment', () => {
  const fees: OpenFee[] = [
    { kind: 'COLLECTION_DEMAND_FEE', amount: '180.00', chargedOn: '2025-05-20' },
    { kind: 'REMINDER_FEE', amount: '60.00', chargedOn: '2025-05-01' },
  ];

  it('pays the fees first (oldest first), then interest, then the principal', () => {
    const result = allocatePayment({ payment: '1000.00', fees, interest: '57.53', principal: '10000.00' });
    expect(result.lines).toEqual([
      { part: 'FEE', feeKind: 'REMINDER_FEE', feeChargedOn: '2025-05-01', amount: '60.00' },
      { part: 'FEE', feeKind: 'COLLECTION_DEMAND_FEE', feeChargedOn: '2025-05-20', amount: '180.00' },
      { part: 'INTEREST', amount: '57.53' },
      { part: 'PRINCIPAL', amount: '702.47' },
    ]);
    expect(result.remaining).toEqual({ fees: '0.00', interest: '0.00', principal: '9297.53' });
    expect(result.unallocated).toBe('0.00');
  });

  it('stops where the money ends: a small payment pays part of the first fee only', () => {
    const result = allocatePayment({ payment: '25.00', fees, interest: '57.53', principal: '10000.00' });
    expect(result.lines).toEqual([{ part: 'FEE', feeKind: 'REMINDER_FEE', feeChargedOn: '2025-05-01', amount: '25.00' }]);
    expect(result.remaining).toEqual({ fees: '215.00', interest: '57.53', principal: '10000.00' });
  });

  it('says how much the payment exceeds the claim in the reader\'s way (issue 11 §3)', () => {
    const result = allocatePayment({ payment: '12500.00', fees: [], interest: '0.00', principal: '1000.00' });
    expect(result.reasons.find((r) => r.code === 'PAYMENT_EXCEEDS_CLAIM')!.message).toEqual({
      en: 'The payment is 11,500.00 more than the whole claim.',
      sv: 'Betalningen är 11\u00a0500,00 mer än hela fordran.',
      nb: 'Betalingen er 11\u00a0500,00 mer enn hele kravet.',
    });
  });

  it('returns what is paid beyond the claim as unallocated, with a reason', () => {
    const result = allocatePayment({ payment: '500.00', fees: [], interest: '10.00', principal: '400.00' });
    expect(result.unallocated).toBe('90.00');
    expect(result.reasons.map((r) => r.code)).toEqual(['ALLOCATED_FEES_INTEREST_PRINCIPAL', 'PAYMENT_EXCEEDS_CLAIM']);
  });

  it.each([
    [{ payment: '0' }, 'payment', 'AMOUNT_INVALID'],
    [{ payment: '-5' }, 'payment', 'AMOUNT_INVALID'],
    [{ payment: '10.001' }, 'payment', 'AMOUNT_PRECISION'],
    [{ principal: '-1' }, 'principal', 'AMOUNT_INVALID'],
  ])('refuses %j naming the field', (patch, field, code) => {
    expect(() => allocatePayment({ payment: '10.00', fees: [], interest: '0', principal: '100', ...patch })).toThrow(expect.objectContaining({ field, code }));
  });

  const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => new Decimal(c).div(100).toFixed(2));

  it('never allocates more than paid or than open, and fills the parts in order (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }).map((c) => new Decimal(c).div(100).toFixed(2)),
        fc.array(fc.record({ amount: cents(100_000), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 4 }),
        cents(500_000),
        cents(5_000_000),
        (payment, rawFees, interest, principal) => {
          const open = rawFees.map((f) => ({ kind: 'REMINDER_FEE' as const, amount: f.amount, chargedOn: `2025-05-${String(f.day).padStart(2, '0')}` }));
          const result = allocatePayment({ payment, fees: open, interest, principal });
          const allocated = result.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));
          expect(allocated.plus(result.unallocated).toFixed(2)).toBe(payment);
          expect(allocated.lte(payment)).toBe(true);
          const byPart = (part: string) => result.lines.filter((l) => l.part === part).reduce((s, l) => s.plus(l.amount), new Decimal(0));
          const feesOpen = open.reduce((s, f) => s.plus(f.amount), new Decimal(0));
          expect(byPart('FEE').lte(feesOpen)).toBe(true);
          expect(byPart('INTEREST').lte(interest)).toBe(true);
          expect(byPart('PRINCIPAL').lte(principal)).toBe(true);
          // In order: interest only once the fees are paid, principal only once interest is.
          const order = result.lines.map((l) => ['FEE', 'INTEREST', 'PRINCIPAL'].indexOf(l.part));
          expect([...order].sort((a, b) => a - b)).toEqual(order);
          if (byPart('INTEREST').gt(0)) expect(byPart('FEE').toFixed(2)).toBe(feesOpen.toFixed(2));
          if (byPart('PRINCIPAL').gt(0)) expect(byPart('INTEREST').toFixed(2)).toBe(new Decimal(interest).toFixed(2));
          if (new Decimal(result.unallocated).gt(0)) expect(result.remaining).toEqual({ fees: '0.00', interest: '0.00', principal: '0.00' });
        },
      ),
      { numRuns: 300 },
    );
  });
});
