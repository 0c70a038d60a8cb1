import { CLIENT_STATUS_OF, InvoiceStatus } from '@factoring/domain';
import { ClientInvoiceStatus } from './dto/invoice.types';

/** How each back-office status shows in the client's program (seeds 000, 004); the table is libs/domain's lifecycle. */
export const CLIENT_STATUS = CLIENT_STATUS_OF as Record<InvoiceStatus, ClientInvoiceStatus> & Record<string, ClientInvoiceStatus>;
