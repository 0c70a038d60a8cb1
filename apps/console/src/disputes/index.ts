import GavelIcon from '@mui/icons-material/Gavel';
import { DisputeList } from './DisputeList';
import { DisputeShow } from './DisputeShow';
import type { Dispute } from './queries';

// The dispute queue (issue 15 s.4): collection registers, works and ends debtors' disputes.
export default {
  list: DisputeList,
  show: DisputeShow,
  icon: GavelIcon,
  recordRepresentation: (record: Dispute) => record.invoiceNumber,
};
