import BusinessIcon from '@mui/icons-material/Business';
import type { Debtor } from '../types';
import { DebtorCreate } from './DebtorCreate';
import { DebtorList } from './DebtorList';
import { DebtorShow } from './DebtorShow';

// Limits and pair terms change through actions on the show page; there is no edit form.
export default {
  list: DebtorList,
  show: DebtorShow,
  create: DebtorCreate,
  icon: BusinessIcon,
  recordRepresentation: (record: Debtor) => record.name,
};
