import Decimal from 'decimal.js';
import { payoutSetOffPostings, refundRejectedPostings, refundReturnedPostings, refundSentPostings } from './refund-postings';

const sum = (lines: Array<{ amount: string }>) => lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).toFixed(2);

describe('refund and set-off postings', () => {
  it('a debtor refund sent clears refunds due into payouts in transit; a client repayment clears what is owed to the client', () => {
    expect(refundSentPostings('DEBTOR_REFUND', '75.00')).toEqual([
      { role: 'REFUNDS_DUE', amount: '75.00' },
      { role: 'PAYOUTS_IN_TRANSIT', amount: '-75.00' },
    ]);
    expect(refundSentPostings('CLIENT_REPAYMENT', '40.00')).toEqual([
      { role: 'CLIENT_PAYABLES', amount: '40.00' },
      { role: 'PAYOUTS_IN_TRANSIT', amount: '-40.00' },
    ]);
  });

  it('a rejected refund reverses the sending; a returned one is in the bank and owed again; every entry balances', () => {
    expect(refundRejectedPostings('DEBTOR_REFUND', '12.50')).toEqual([
      { role: 'REFUNDS_DUE', amount: '-12.50' },
      { role: 'PAYOUTS_IN_TRANSIT', amount: '12.50' },
    ]);
    expect(refundReturnedPostings('CLIENT_REPAYMENT', '12.50')).toEqual([
      { role: 'BANK', amount: '12.50' },
      { role: 'CLIENT_PAYABLES', amount: '-12.50' },
    ]);
    for (const lines of [refundSentPostings('DEBTOR_REFUND', '0.01'), refundReturnedPostings('DEBTOR_REFUND', '99999999.99'), payoutSetOffPostings('300.00')]) expect(sum(lines)).toBe('0.00');
  });

  it('a set-off pays the client\'s debt from what the factor owes it', () => {
    expect(payoutSetOffPostings('300.00')).toEqual([
      { role: 'CLIENT_PAYABLES', amount: '300.00' },
      { role: 'RECOURSE_RECEIVABLES', amount: '-300.00' },
    ]);
  });

  it('refuses an amount not above zero in whole öre/øre', () => {
    for (const bad of ['0', '-1.00', '1.001', 'NaN']) expect(() => refundSentPostings('DEBTOR_REFUND', bad)).toThrow();
    expect(() => payoutSetOffPostings('0.00')).toThrow();
  });
});
