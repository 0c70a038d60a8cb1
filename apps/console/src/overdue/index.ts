import EventBusyIcon from '@mui/icons-material/EventBusy';
import { OverdueList } from './OverdueList';
import type { OverdueInvoice } from './queries';

// The collection queue of overdue invoices with the aging chart (issue 15 s.8).
export default {
  list: OverdueList,
  icon: EventBusyIcon,
  recordRepresentation: (record: OverdueInvoice) => record.invoiceNumber,
};
