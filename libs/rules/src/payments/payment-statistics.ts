import Decimal from 'decimal.js';

/*
 * A debtor's payment statistics from its counts (issue 14 s.5), in one place: the credit rules
 * (through the credit decision), the debtor's page and the statistics query all read these, so
 * an average of 15.4 days late is 15.4 everywhere (before, the decision rounded it to 15 while
 * the debtor's page showed 15.4). Days late per invoice are daysLate() in days-late.ts.
 */

const oneDecimal = (value: Decimal) => value.toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);

/** Average days late of the invoices paid late, one decimal ("0.0" when none was late). */
export function averageDaysLate(daysLateTotal: number, invoicesPaidLate: number): string {
  return invoicesPaidLate > 0 ? oneDecimal(new Decimal(daysLateTotal).dividedBy(invoicesPaidLate)) : '0.0';
}

/** The share of the paid invoices that were paid late, in per cent with one decimal ("0.0" when none is paid). */
export function sharePaidLatePercent(invoicesPaidLate: number, invoicesPaid: number): string {
  return invoicesPaid > 0 ? oneDecimal(new Decimal(invoicesPaidLate).times(100).dividedBy(invoicesPaid)) : '0.0';
}

/** Average days from the invoice date to the last payment, one decimal; null before the first paid invoice. */
export function averageDaysToPay(daysToPayTotal: number, invoicesWithPayDay: number): string | null {
  return invoicesWithPayDay > 0 ? oneDecimal(new Decimal(daysToPayTotal).dividedBy(invoicesWithPayDay)) : null;
}
