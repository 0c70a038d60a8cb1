import fc from 'fast-check';
import Decimal from 'decimal.js';
import { balanced, creditNoteBeforePayoutPostings, purchasePostings } from './invoice-postings';

describe('the postings of an invoice', () => {
  it("books seed 000's worked example: 100.00 at 2 %", () => {
    expect(purchasePostings({ open: '100.00', fee: '2.00', vatOnFee: '0.50' })).toEqual([
      { role: 'PURCHASED_RECEIVABLES', amount: '100.00' },
      { role: 'CLIENT_PAYABLES', amount: '-97.50' },
      { role: 'FEE_INCOME', amount: '-2.00' },
      { role: 'OUTPUT_VAT', amount: '-0.50' },
    ]);
  });

  it('makes the client owe what credits left below the fee', () => {
    expect(purchasePostings({ open: '1.00', fee: '2.00', vatOnFee: '0.50' })).toContainEqual({ role: 'CLIENT_PAYABLES', amount: '1.50' });
  });

  it('property: every purchase and credit note balances to the öre', () => {
    const cents = fc.integer({ min: 1, max: 10_000_000_00 }).map((n) => new Decimal(n).dividedBy(100).toFixed(2));
    fc.assert(
      fc.property(cents, cents, cents, (open, fee, vat) => {
        const sum = (lines: { amount: string }[]) => lines.reduce((t, l) => t.plus(l.amount), new Decimal(0));
        expect(sum(purchasePostings({ open, fee, vatOnFee: vat })).isZero()).toBe(true);
        expect(sum(creditNoteBeforePayoutPostings(open)).isZero()).toBe(true);
      }),
    );
  });

  it('refuses lines that do not balance', () => {
    expect(() => balanced([{ role: 'BANK', amount: '1.00' }])).toThrow('Unbalanced');
  });
});
