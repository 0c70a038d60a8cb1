import Decimal from 'decimal.js';
import { heldPaymentPlacedPostings, paidToClientPostings, paymentReceivedPostings, refundMarkedPostings } from './payment-postings';

const sum = (lines: Array<{ amount: string }>) => lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).toFixed(2);

describe('payment postings', () => {
  it('a full payment: bank debited, the invoice\'s receivable credited, nothing held', () => {
    expect(paymentReceivedPostings('100.00', [{ invoiceId: 'a', amount: '100.00' }])).toEqual([
      { role: 'BANK', amount: '100.00' },
      { role: 'PURCHASED_RECEIVABLES', amount: '-100.00', invoiceId: 'a' },
    ]);
  });

  it('an overpayment holds the surplus as unallocated; one payment for several invoices settles each', () => {
    const lines = paymentReceivedPostings('250.00', [{ invoiceId: 'a', amount: '100.00' }, { invoiceId: 'b', amount: '120.50' }]);
    expect(lines).toEqual([
      { role: 'BANK', amount: '250.00' },
      { role: 'PURCHASED_RECEIVABLES', amount: '-100.00', invoiceId: 'a' },
      { role: 'PURCHASED_RECEIVABLES', amount: '-120.50', invoiceId: 'b' },
      { role: 'UNALLOCATED_PAYMENTS', amount: '-29.50' },
    ]);
    expect(sum(lines)).toBe('0.00');
  });

  it('an unplaced payment is all unallocated; shares above the payment are a bug', () => {
    expect(paymentReceivedPostings('12.00', [])).toEqual([
      { role: 'BANK', amount: '12.00' },
      { role: 'UNALLOCATED_PAYMENTS', amount: '-12.00' },
    ]);
    expect(() => paymentReceivedPostings('12.00', [{ invoiceId: 'a', amount: '12.01' }])).toThrow(/exceed/);
    expect(() => paymentReceivedPostings('12.001', [])).toThrow(/whole/);
  });

  it('a person places, a refund is marked, the client was paid directly: each balances', () => {
    const placed = heldPaymentPlacedPostings([{ invoiceId: 'a', amount: '5.00' }, { invoiceId: 'b', amount: '7.00' }]);
    expect(placed[0]).toEqual({ role: 'UNALLOCATED_PAYMENTS', amount: '12.00' });
    expect(sum(placed)).toBe('0.00');
    expect(refundMarkedPostings('3.00')).toEqual([
      { role: 'UNALLOCATED_PAYMENTS', amount: '3.00' },
      { role: 'REFUNDS_DUE', amount: '-3.00' },
    ]);
    expect(sum(paidToClientPostings('40.00'))).toBe('0.00');
  });
});

describe('money out seen in the bank', () => {
  it('a payout debited settles the money in transit; a returned payout is owed to the client again', async () => {
    const { payoutSettledPostings, payoutReturnedPostings } = await import('./payment-postings');
    expect(payoutSettledPostings('970.00')).toEqual([
      { role: 'PAYOUTS_IN_TRANSIT', amount: '970.00' },
      { role: 'BANK', amount: '-970.00' },
    ]);
    expect(payoutReturnedPostings('970.00')).toEqual([
      { role: 'BANK', amount: '970.00' },
      { role: 'CLIENT_PAYABLES', amount: '-970.00' },
    ]);
  });
});

describe('a payment that pays fees and interest (issue 15 s.2)', () => {
  it('credits the fee and interest receivables, then the purchased receivable, each naming the invoice', () => {
    const lines = paymentReceivedPostings('1000.00', [
      { invoiceId: 'i1', amount: '470.00', part: 'FEE' },
      { invoiceId: 'i1', amount: '52.60', part: 'INTEREST' },
      { invoiceId: 'i1', amount: '477.40', part: 'PRINCIPAL' },
    ]);
    expect(lines).toEqual([
      { role: 'BANK', amount: '1000.00' },
      { role: 'COLLECTION_FEE_RECEIVABLES', amount: '-470.00', invoiceId: 'i1' },
      { role: 'LATE_INTEREST_RECEIVABLES', amount: '-52.60', invoiceId: 'i1' },
      { role: 'PURCHASED_RECEIVABLES', amount: '-477.40', invoiceId: 'i1' },
    ]);
    expect(heldPaymentPlacedPostings([{ invoiceId: 'i1', amount: '60.00', part: 'FEE' }])).toEqual([
      { role: 'UNALLOCATED_PAYMENTS', amount: '60.00' },
      { role: 'COLLECTION_FEE_RECEIVABLES', amount: '-60.00', invoiceId: 'i1' },
    ]);
  });
});
