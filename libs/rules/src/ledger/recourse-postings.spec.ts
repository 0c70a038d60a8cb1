import Decimal from 'decimal.js';
import fc from 'fast-check';
import { creditedRecoursePostings, recoursePostings } from './recourse-postings';

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
