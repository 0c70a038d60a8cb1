import PeopleIcon from '@mui/icons-material/People';
import type { StaffMember } from '../types';
import { StaffCreate } from './StaffCreate';
import { StaffEdit } from './StaffEdit';
import { StaffList } from './StaffList';
import { StaffShow } from './StaffShow';

export default {
  list: StaffList,
  create: StaffCreate,
  edit: StaffEdit,
  show: StaffShow,
  icon: PeopleIcon,
  recordRepresentation: (record: StaffMember) => record.name,
};
