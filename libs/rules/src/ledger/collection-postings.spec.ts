import Decimal from 'decimal.js';
import fc from 'fast-check';
import { collectionFeePostings, lateInterestPostings } from './collection-postings';

const sum = (lines: Array<{ amount: string }>) => lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));

describe('collection postings', () => {
  it('a fee for a sent reminder is a receivable on the debtor against fee income', () => {
    expect(collectionFeePostings('60.00')).toEqual([
      { role: 'COLLECTION_FEE_RECEIVABLES', amount: '60.00' },
      { role: 'COLLECTION_FEE_INCOME', amount: '-60.00' },
    ]);
  });

  it('late interest stated by a letter is a receivable on the debtor against interest income', () => {
    expect(lateInterestPostings('12.34')).toEqual([
      { role: 'LATE_INTEREST_RECEIVABLES', amount: '12.34' },
      { role: 'LATE_INTEREST_INCOME', amount: '-12.34' },
    ]);
  });

  it('refuses nothing-to-book and parts of an öre (never rounds)', () => {
    expect(() => collectionFeePostings('0')).toThrow(/above zero/);
    expect(() => lateInterestPostings('-1.00')).toThrow(/above zero/);
    expect(() => lateInterestPostings('1.005')).toThrow(/whole öre/);
  });

  it('always balances, for any amount in öre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (cents) => {
        const amount = (cents / 100).toFixed(2);
        expect(sum(collectionFeePostings(amount)).isZero()).toBe(true);
        expect(sum(lateInterestPostings(amount)).isZero()).toBe(true);
      }),
    );
  });
});
