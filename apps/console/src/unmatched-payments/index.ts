import LinkOffIcon from '@mui/icons-material/LinkOff';
import type { IncomingPayment } from '../payments/queries';
import { UnmatchedPaymentList } from './UnmatchedPaymentList';
import { UnmatchedPaymentShow } from './UnmatchedPaymentShow';

// The unmatched-payments queue (issue 14 s.3): finance claims a payment and matches, splits or refunds it.
export default {
  list: UnmatchedPaymentList,
  show: UnmatchedPaymentShow,
  icon: LinkOffIcon,
  recordRepresentation: (record: IncomingPayment) => record.reference ?? record.payerName ?? record.id,
};
