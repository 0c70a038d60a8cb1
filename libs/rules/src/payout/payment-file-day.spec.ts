import { LocalDate } from '@factoring/domain';
import { firstPaymentFileDay, paymentFileTooLate } from './payment-file-day';

const CUT_OFF = { localTime: '13:00', timeZone: 'Europe/Stockholm' };
const d = (s: string) => LocalDate.parse(s);

describe('the bank\'s cut-off for a payment file', () => {
  it('pays today before the cut-off on a business day', () => {
    // Tuesday 2026-12-01 12:59 in Stockholm (UTC+1).
    expect(firstPaymentFileDay(new Date('2026-12-01T11:59:00Z'), 'SE', CUT_OFF).toString()).toBe('2026-12-01');
  });

  it('pays the next business day at or after the cut-off, and over a weekend', () => {
    expect(firstPaymentFileDay(new Date('2026-12-01T12:00:00Z'), 'SE', CUT_OFF).toString()).toBe('2026-12-02');
    // Friday 2026-12-04 after the cut-off, and Saturday: Monday.
    expect(firstPaymentFileDay(new Date('2026-12-04T15:00:00Z'), 'SE', CUT_OFF).toString()).toBe('2026-12-07');
    expect(firstPaymentFileDay(new Date('2026-12-05T08:00:00Z'), 'SE', CUT_OFF).toString()).toBe('2026-12-07');
  });

  it('skips the bank holidays of the country (Christmas Eve in Sweden)', () => {
    expect(firstPaymentFileDay(new Date('2026-12-23T13:00:00Z'), 'SE', CUT_OFF).toString()).toBe('2026-12-28');
  });

  it('calls a file too late for a day whose cut-off has passed, or a day the bank is closed', () => {
    const now = new Date('2026-12-01T12:30:00Z');
    expect(paymentFileTooLate(now, 'SE', d('2026-12-01'), CUT_OFF)).toBe(true);
    expect(paymentFileTooLate(now, 'SE', d('2026-12-02'), CUT_OFF)).toBe(false);
    expect(paymentFileTooLate(now, 'SE', d('2026-12-05'), CUT_OFF)).toBe(true);
  });

  it('refuses a cut-off that is not a time of day', () => {
    expect(() => firstPaymentFileDay(new Date(), 'SE', { ...CUT_OFF, localTime: '25:00' })).toThrow(/HH:MM/);
  });
});
