import { registerEnumType } from '@nestjs/graphql';

/** What the client's program shows (seeds 000 and 004): a clock, a cross, coins; later sold, recourse, fully paid. */
export enum ClientInvoiceStatus {
  OFFERED = 'OFFERED',
  PROCESSING = 'PROCESSING',
  DENIED = 'DENIED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  /** The client was blocked while the offer was open (issue 9 b). */
  WITHDRAWN = 'WITHDRAWN',
  SOLD = 'SOLD',
  CREDITED = 'CREDITED',
  /** Bought back by the client (regress, seed 000): after a dispute, a credit note after payout, or unpaid with recourse (issue 15). */
  RECOURSE = 'RECOURSE',
  /** Nothing is open on it any more: the debtor paid (or paid the client directly, issue 14 s.4). */
  FULLY_PAID = 'FULLY_PAID',
}
registerEnumType(ClientInvoiceStatus, { name: 'ClientInvoiceStatus' });
