import OutboxIcon from '@mui/icons-material/Outbox';
import { CollectionCaseList } from './CollectionCaseList';
import { CollectionCaseShow } from './CollectionCaseShow';
import type { CollectionCase } from './queries';

// The collection-handoff queue (issue 15 s.5-6): cases handed to collection, escalated, written off.
export default {
  list: CollectionCaseList,
  show: CollectionCaseShow,
  icon: OutboxIcon,
  recordRepresentation: (record: CollectionCase) => record.invoiceNumber,
};
