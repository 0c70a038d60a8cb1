import { ClientInvoiceStatus } from './dto/invoice.types';

/** How each back-office status shows in the client's program (seeds 000, 004). */
export const CLIENT_STATUS: Record<string, ClientInvoiceStatus> = {
  OFFERED: ClientInvoiceStatus.OFFERED,
  DENIED: ClientInvoiceStatus.DENIED,
  MANUAL_ASSESSMENT: ClientInvoiceStatus.PROCESSING,
  ACCEPTED: ClientInvoiceStatus.PROCESSING,
  SPOT_CHECK: ClientInvoiceStatus.PROCESSING,
  DECLINED: ClientInvoiceStatus.DECLINED,
  EXPIRED: ClientInvoiceStatus.EXPIRED,
  APPROVED: ClientInvoiceStatus.APPROVED,
  PURCHASED: ClientInvoiceStatus.SOLD,
  RECOURSE: ClientInvoiceStatus.RECOURSE,
  FULLY_PAID: ClientInvoiceStatus.FULLY_PAID,
  CREDITED: ClientInvoiceStatus.CREDITED,
};

/** Statuses in which the invoice is sold, or on its way to be: a credit note can be recorded. */
export const CREDITABLE = ['ACCEPTED', 'SPOT_CHECK', 'APPROVED', 'PURCHASED', 'RECOURSE'];

/** Statuses that count when looking for a twin: everything but what never went through. */
export const LIVE_FOR_DUPLICATES = ['OFFERED', 'MANUAL_ASSESSMENT', 'ACCEPTED', 'SPOT_CHECK', 'APPROVED', 'PURCHASED', 'RECOURSE', 'FULLY_PAID'];
