import { averageDaysLate, averageDaysToPay, sharePaidLatePercent } from './payment-statistics';

describe('debtor payment statistics', () => {
  it('averages days late over the invoices paid late, one decimal, half up', () => {
    expect(averageDaysLate(0, 0)).toBe('0.0');
    expect(averageDaysLate(77, 5)).toBe('15.4');
    expect(averageDaysLate(31, 2)).toBe('15.5');
    expect(averageDaysLate(1, 3)).toBe('0.3');
  });

  it('gives the share paid late in per cent and the days to pay', () => {
    expect(sharePaidLatePercent(0, 0)).toBe('0.0');
    expect(sharePaidLatePercent(1, 3)).toBe('33.3');
    expect(sharePaidLatePercent(2, 3)).toBe('66.7');
    expect(averageDaysToPay(0, 0)).toBeNull();
    expect(averageDaysToPay(61, 2)).toBe('30.5');
  });
});
