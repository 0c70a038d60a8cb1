import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { IncomingPaymentList } from './IncomingPaymentList';

// Money in (issue 14 s.6): the bank files read and uploaded, and every incoming payment.
export default {
  list: IncomingPaymentList,
  icon: MoveToInboxIcon,
};
