import { BusinessCalendar, CountryCode, LocalDate } from '@factoring/domain';

/**
 * The one definition of "days late" (issue 14 s.2 and s.5): whole calendar days from the due
 * date, moved to the next business day of the invoice's country when it falls on a weekend or
 * a holiday, to the payment's value date (the day the money was the factor's, not the day the
 * file arrived). Paid on or before that day: 0, never negative. The worker that matches
 * payments and the console's debtor statistics both call this, so they cannot differ.
 */
export function daysLate(country: CountryCode, dueDate: string, valueDate: string): number {
  const due = BusinessCalendar.for(country).sameOrNextBusinessDay(LocalDate.parse(dueDate, 'dueDate'));
  const paid = LocalDate.parse(valueDate, 'valueDate');
  return Math.max(0, due.daysUntil(paid));
}

/** The day a payment is first late: the due date moved to the next business day, plus one. */
export function lastDayOnTime(country: CountryCode, dueDate: string): string {
  return BusinessCalendar.for(country).sameOrNextBusinessDay(LocalDate.parse(dueDate, 'dueDate')).toString();
}
