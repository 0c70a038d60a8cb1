/** Why a date or a business-day calculation is refused. */
export const CalendarErrorCode = {
  /** Not written as YYYY-MM-DD. */
  DATE_FORMAT: 'LOCAL_DATE_FORMAT',
  /** A day that is not in the calendar, such as 2026-02-30. */
  DATE_INVALID: 'LOCAL_DATE_INVALID',
  /** Days to add are not a whole number. */
  DAYS_NOT_INTEGER: 'LOCAL_DATE_DAYS_NOT_INTEGER',
  /** Business days to add are negative or not whole. */
  BUSINESS_DAYS_INVALID: 'BUSINESS_DAYS_INVALID',
} as const;

export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];
