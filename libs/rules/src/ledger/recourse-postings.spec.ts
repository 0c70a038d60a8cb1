import Decimal from 'decimal.js';
import fc from 'fast-check';
import { creditedRecoursePostings, feesAfterRecoursePostings, recoursePaymentPostings, recoursePostings } from './recourse-postings';

const sum = (lines: Array<{ amount: string }>) => lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));

describe('recourse postings', () => {
  it('a bought-back disputed amount moves the claim from the debtor to the client', () => {
    expect(recoursePostings('1250.00')).toEqual([
      { role: 'RECOURSE_RECEIVABLES', amount: '1250.00' },
      { role: 'PURCHASED_RECEIVABLES', amount: '-1250.00' },
    ]);
  });

  it('a credited amount after payout turns the client\'s charge into a recourse invoice', () => {
    expect(creditedRecoursePostings('300.50')).toEqual([
      { role: 'RECOURSE_RECEIVABLES', amount: '300.50' },
      { role: 'CLIENT_PAYABLES', amount: '-300.50' },
    ]);
  });

  it('always balances, for any amount in öre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (cents) => {
        const amount = (cents / 100).toFixed(2);
        expect(sum(recoursePostings(amount)).isZero()).toBe(true);
        expect(sum(creditedRecoursePostings(amount)).isZero()).toBe(true);
      }),
    );
  });

  it.each(['0', '-5', '1.001'])('refuses %s (a bug, never booked)', (amount) => {
    expect(() => recoursePostings(amount)).toThrow();
  });
});

describe('fees and interest paid after recourse', () => {
  it('settle their receivables; the factor keeps them, or they are owed to the client with the income reversed', () => {
    expect(feesAfterRecoursePostings('470.00', '12.34', false)).toEqual([
      { role: 'UNALLOCATED_PAYMENTS', amount: '482.34' },
      { role: 'COLLECTION_FEE_RECEIVABLES', amount: '-470.00' },
      { role: 'LATE_INTEREST_RECEIVABLES', amount: '-12.34' },
    ]);
    expect(feesAfterRecoursePostings('470.00', '0', true)).toEqual([
      { role: 'UNALLOCATED_PAYMENTS', amount: '470.00' },
      { role: 'COLLECTION_FEE_RECEIVABLES', amount: '-470.00' },
      { role: 'COLLECTION_FEE_INCOME', amount: '470.00' },
      { role: 'CLIENT_PAYABLES', amount: '-470.00' },
    ]);
    expect(sum(feesAfterRecoursePostings('1.01', '2.02', true)).isZero()).toBe(true);
    expect(() => feesAfterRecoursePostings('0', '0', true)).toThrow();
  });
});

describe('recourse payment postings', () => {
  it('a payment while the recourse invoice is open settles it from the held money', () => {
    expect(recoursePaymentPostings('1000.00', '0')).toEqual([
      { role: 'UNALLOCATED_PAYMENTS', amount: '1000.00' },
      { role: 'RECOURSE_RECEIVABLES', amount: '-1000.00' },
    ]);
  });

  it('a debtor paying after the client paid is owed back to the client in full', () => {
    expect(recoursePaymentPostings('0', '1000.00')).toEqual([
      { role: 'UNALLOCATED_PAYMENTS', amount: '1000.00' },
      { role: 'CLIENT_PAYABLES', amount: '-1000.00' },
    ]);
    expect(recoursePaymentPostings('600.00', '400.00')).toEqual([
      { role: 'UNALLOCATED_PAYMENTS', amount: '1000.00' },
      { role: 'RECOURSE_RECEIVABLES', amount: '-600.00' },
      { role: 'CLIENT_PAYABLES', amount: '-400.00' },
    ]);
  });

  it('always balances, and refuses nothing placed or a part in fractions of öre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), (a, b) => {
        expect(sum(recoursePaymentPostings((a / 100).toFixed(2), (b / 100).toFixed(2))).isZero()).toBe(true);
      }),
    );
    expect(() => recoursePaymentPostings('0', '0')).toThrow();
    expect(() => recoursePaymentPostings('1.001', '0')).toThrow();
    expect(() => recoursePaymentPostings('-1', '2')).toThrow();
  });
});
