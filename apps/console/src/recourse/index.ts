import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import type { RecourseInvoice } from './queries';
import { RecourseInvoiceList, RecourseInvoiceShow } from './RecourseInvoiceList';

// The recourse-invoice queue (regressfakturor, issue 15 s.3 and s.8).
export default {
  list: RecourseInvoiceList,
  show: RecourseInvoiceShow,
  icon: AssignmentReturnIcon,
  recordRepresentation: (record: RecourseInvoice) => record.reference,
};
