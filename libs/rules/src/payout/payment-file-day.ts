import { BusinessCalendar, CountryCode, LocalDate } from '@factoring/domain';
import { localDateTimeAt } from '../offer/offer-timing';

/**
 * The bank's deadline for a payment file (issue 12): a file for a day must reach the bank before
 * that day's cut-off, a dated setting of the book (its payment agreement with the bank), not the
 * offer's cut-off promised to clients. Pure: the caller passes the clock and the setting in force.
 */
export interface PaymentFileCutOff {
  /** 'HH:MM', the book's local time. */
  localTime: string;
  timeZone: string;
}

const minutesOf = (hhmm: string) => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new Error(`A cut-off is a time of day as HH:MM, not ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

/** The first day a file made now can still pay on: today if it is a business day before the cut-off, else the next business day. */
export function firstPaymentFileDay(now: Date, country: CountryCode, cutOff: PaymentFileCutOff): LocalDate {
  const calendar = BusinessCalendar.for(country);
  const local = localDateTimeAt(now, cutOff.timeZone);
  const before = local.millisecondOfDay < minutesOf(cutOff.localTime) * 60_000;
  return calendar.isBusinessDay(local.date) && before ? local.date : calendar.nextBusinessDay(local.date);
}

/** True when a file for `day` can no longer reach the bank in time (its cut-off has passed, or it is not a business day). */
export function paymentFileTooLate(now: Date, country: CountryCode, day: LocalDate, cutOff: PaymentFileCutOff): boolean {
  return day.isBefore(firstPaymentFileDay(now, country, cutOff)) || !BusinessCalendar.for(country).isBusinessDay(day);
}
