import Decimal from 'decimal.js';
import { creditLossPostings } from './credit-loss-postings';

describe('credit loss postings', () => {
  it('writes off principal (incl. the client\'s VAT), fees and interest against the loss account, balanced, with no VAT line', () => {
    const lines = creditLossPostings({ principal: '12500.00', fees: '60.00', interest: '123.45' });
    expect(lines).toEqual([
      { role: 'CREDIT_LOSSES', amount: '12683.45' },
      { role: 'PURCHASED_RECEIVABLES', amount: '-12500.00' },
      { role: 'COLLECTION_FEE_RECEIVABLES', amount: '-60.00' },
      { role: 'LATE_INTEREST_RECEIVABLES', amount: '-123.45' },
    ]);
    expect(lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).isZero()).toBe(true);
    expect(lines.map((l) => l.role)).not.toContain('OUTPUT_VAT');
  });

  it('leaves out zero parts, and refuses nothing to write off or a fraction of an öre', () => {
    expect(creditLossPostings({ principal: '100.00', fees: '0', interest: '0' })).toEqual([
      { role: 'CREDIT_LOSSES', amount: '100.00' },
      { role: 'PURCHASED_RECEIVABLES', amount: '-100.00' },
    ]);
    expect(() => creditLossPostings({ principal: '0', fees: '0', interest: '0' })).toThrow();
    expect(() => creditLossPostings({ principal: '1.001', fees: '0', interest: '0' })).toThrow();
    expect(() => creditLossPostings({ principal: '-1', fees: '0', interest: '0' })).toThrow();
  });
});
