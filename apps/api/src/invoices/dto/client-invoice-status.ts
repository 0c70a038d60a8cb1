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
  // RECOURSE and FULLY_PAID come with the issues that reach them (collection, money in).
}
registerEnumType(ClientInvoiceStatus, { name: 'ClientInvoiceStatus' });
