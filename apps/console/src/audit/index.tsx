import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { AuditList } from './AuditList';
import { AuditShow } from './AuditShow';
import { OperationField } from './OutcomeChip';

// The trail is written by the API only: no create, edit or delete here.
export default {
  list: AuditList,
  show: AuditShow,
  icon: ManageSearchIcon,
  // The operation in the reader's words (a page title, a breadcrumb), never its API name.
  recordRepresentation: <OperationField />,
};
