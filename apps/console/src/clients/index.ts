import StorefrontIcon from '@mui/icons-material/Storefront';
import type { Client } from '../types';
import { ClientList } from './ClientList';
import { ClientShow } from './ClientShow';

// Clients come from approved applications; their changes are actions (block, agreement, keys), not an edit form.
export default {
  list: ClientList,
  show: ClientShow,
  icon: StorefrontIcon,
  recordRepresentation: (record: Client) => record.legalName,
};
