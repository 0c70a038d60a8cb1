import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { Invoice } from '../types';
import { InvoiceList } from './InvoiceList';
import { InvoiceShow } from './InvoiceShow';

// Invoices come from the clients' accounting programs; staff read them here, and act on them in the queues.
export default {
  list: InvoiceList,
  show: InvoiceShow,
  icon: ReceiptLongIcon,
  recordRepresentation: (record: Invoice) => record.invoiceNumber,
};
