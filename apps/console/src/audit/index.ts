import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import type { AuditEntry } from '../types';
import { AuditList } from './AuditList';
import { AuditShow } from './AuditShow';

// The trail is written by the API only: no create, edit or delete here.
export default {
  list: AuditList,
  show: AuditShow,
  icon: ManageSearchIcon,
  recordRepresentation: (record: AuditEntry) => record.operation,
};
