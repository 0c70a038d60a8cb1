import { daysLate, lastDayOnTime } from './days-late';

describe('days late', () => {
  it('counts from the due date moved to the next business day to the value date', () => {
    // 2026-06-06 is a Saturday and Sweden's national day: the next business day is Monday 8 June.
    expect(lastDayOnTime('SE', '2026-06-06')).toBe('2026-06-08');
    expect(daysLate('SE', '2026-06-06', '2026-06-08')).toBe(0);
    expect(daysLate('SE', '2026-06-06', '2026-06-09')).toBe(1);
    // Norway's constitution day 17 May 2026 is a Sunday; Monday 18 May is open.
    expect(daysLate('NO', '2026-05-17', '2026-05-20')).toBe(2);
  });

  it('is never negative, and a plain business-day due date counts calendar days', () => {
    expect(daysLate('SE', '2026-03-10', '2026-03-01')).toBe(0);
    expect(daysLate('SE', '2026-03-10', '2026-03-20')).toBe(10);
  });
});
