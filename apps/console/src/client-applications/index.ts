import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { ClientApplication } from '../types';
import { ApplicationCreate } from './ApplicationCreate';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

// Decided with the Approve and Refuse actions on the show page; applications are never edited.
export default {
  list: ApplicationList,
  show: ApplicationShow,
  create: ApplicationCreate,
  icon: HowToRegIcon,
  recordRepresentation: (record: ClientApplication) => record.legalName,
};
