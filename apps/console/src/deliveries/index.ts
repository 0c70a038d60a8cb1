import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import { FailedDeliveryList } from './FailedDeliveryList';
import type { Delivery } from './queries';

// The failed-deliveries queue (issue 13 s.4): refused e-mails sent by post instead, and failed deliveries.
export default {
  list: FailedDeliveryList,
  icon: MarkEmailUnreadIcon,
  recordRepresentation: (record: Delivery) => record.invoiceNumber,
};
