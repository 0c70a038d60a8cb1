import PaymentsIcon from '@mui/icons-material/Payments';
import { PayoutBatchList } from './PayoutBatchList';
import { PayoutBatchShow } from './PayoutBatchShow';
import type { PayoutBatch } from './queries';

// The payout batches queue (issue 12): what is due, the batches, and each batch's four-eyes actions on its page.
export default {
  list: PayoutBatchList,
  show: PayoutBatchShow,
  icon: PaymentsIcon,
  recordRepresentation: (record: PayoutBatch) => `${record.book} ${record.payoutDate}`,
};
