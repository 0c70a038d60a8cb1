import { computeTotals, InvoiceLine, TotalsInput } from './invoice-totals';
import { errorOf } from '../onboarding/spec-helpers';

const line = (quantity: string, unitPrice: string, vatRatePercent = '25', reverseCharge = false): InvoiceLine => ({ description: 'x', quantity, unitPrice, vatRatePercent, reverseCharge });
const compute = (lines: InvoiceLine[], extra: Partial<TotalsInput> = {}) => computeTotals({ lines, totals: { net: '0', vat: '0', gross: '0' }, ...extra });
const shown = (lines: InvoiceLine[], extra: Partial<TotalsInput> = {}) => {
  const t = compute(lines, extra);
  return { net: t.net.toFixed(2), vat: t.vat.toFixed(2), gross: t.gross.toFixed(2), payable: t.payable.toFixed(2) };
};

describe('computeTotals', () => {
  it('rounds each line net half up to öre', () => {
    expect(compute([line('3', '0.335'), line('1', '0.004'), line('0.5', '0.01')]).lineNets.map((n) => n.toFixed(2))).toEqual(['1.01', '0.00', '0.01']);
  });

  it('rounds VAT once per rate, on the sum of the line nets, not per line', () => {
    // Per line: 0.02 x 25 % = 0.005 -> 0.01, three times 0.03. Once: 0.06 x 25 % = 0.015 -> 0.02.
    expect(shown([line('1', '0.02'), line('1', '0.02'), line('1', '0.02')])).toEqual({ net: '0.06', vat: '0.02', gross: '0.08', payable: '0.08' });
  });

  it('adds the VAT of each Swedish rate (25, 12, 6 %) and of none', () => {
    const totals = compute([line('2', '100.00', '25'), line('1', '99.99', '12'), line('3', '33.33', '6'), line('1', '50.00', '0')]);
    expect(totals.vatByRate.map((rate) => [rate.ratePercent, rate.base.toFixed(2), rate.vat.toFixed(2)])).toEqual([
      ['0', '50.00', '0.00'],
      ['6', '99.99', '6.00'], // 5.9994
      ['12', '99.99', '12.00'], // 11.9988
      ['25', '200.00', '50.00'],
    ]);
    expect(totals.vat.toFixed(2)).toBe('68.00');
    expect(totals.net.toFixed(2)).toBe('449.98');
  });

  it('treats "25" and "25.00" as one rate', () => {
    expect(compute([line('1', '0.02', '25'), line('1', '0.02', '25.00')]).vatByRate).toHaveLength(1);
  });

  it('charges no VAT on reverse-charge lines, whatever rate they name (omvänd moms)', () => {
    expect(shown([line('10', '1000.00', '25', true), line('1', '100.00', '25')])).toEqual({ net: '10100.00', vat: '25.00', gross: '10125.00', payable: '10125.00' });
  });

  it('adds the stated rounding to the gross and takes the deduction off the payable', () => {
    const extra = { totals: { net: '0', vat: '0', rounding: '-0.40', gross: '0' }, deduction: { kind: 'ROT' as const, amount: '300.00' } };
    expect(shown([line('1', '399.52', '25')], extra)).toEqual({ net: '399.52', vat: '99.88', gross: '499.00', payable: '199.00' });
  });

  it('computes negative (discount) lines rather than failing, half away from zero', () => {
    expect(shown([line('-1', '0.005', '0')])).toMatchObject({ net: '-0.01' });
    expect(shown([line('2', '100.00'), line('-1', '50.00')])).toEqual({ net: '150.00', vat: '37.50', gross: '187.50', payable: '187.50' });
  });

  it.each([
    ['1,5', 'VALUE_NOT_A_DECIMAL'],
    ['', 'VALUE_MISSING'],
    ['1e2', 'VALUE_NOT_A_DECIMAL'],
    ['1000000000000000', 'VALUE_TOO_LARGE'],
  ])('refuses the quantity %j with %s, naming the line', (quantity, code) => {
    const error = errorOf(() => compute([line('1', '1'), line(quantity, '1')]));
    expect([error.code, error.field]).toEqual([code, 'invoice.lines[1].quantity']);
  });
});
