import { Stack, Typography } from '@mui/material';
import {
  DataTable,
  EditButton,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { OutcomeChip } from '../audit/OutcomeChip';
import { DateTimeField } from '../DateTimeField';
import type { AuditEntry, StaffMember } from '../types';
import { ActiveChip, RoleChips } from './fields';
import { DeactivateButton, ReactivateButton } from './StatusButtons';

const StaffShowActions = () => (
  <TopToolbar>
    <EditButton />
    <DeactivateButton />
    <ReactivateButton />
  </TopToolbar>
);

/** When and why, shown only for a deactivated staff member. */
const Deactivation = (_props: { label?: false }) => {
  const record = useRecordContext<StaffMember>();
  if (!record || record.active) return null;
  return (
    <Stack spacing={1}>
      <Labeled source="deactivatedAt">
        <DateTimeField source="deactivatedAt" showTime />
      </Labeled>
      <Labeled source="deactivationReason">
        <TextField source="deactivationReason" />
      </Labeled>
    </Stack>
  );
};

// `label` only tells SimpleShowLayout not to add a label of its own.
const RecentActivity = (_props: { label?: false }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 2 }}>
        {translate('console.staff.recent_activity')}
      </Typography>
      <ReferenceManyField reference="audit" target="targetId" perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
        <DataTable<AuditEntry> rowClick="show" bulkActionButtons={false} size="small">
          <DataTable.Col source="occurredAt" disableSort>
            <DateTimeField source="occurredAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="actorEmail" disableSort />
          <DataTable.Col source="operation" disableSort />
          <DataTable.Col source="outcome" disableSort>
            <OutcomeChip />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </>
  );
};

export const StaffShow = () => (
  <Show actions={<StaffShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="email" />
      <RoleChips source="roles" />
      <ActiveChip source="active" />
      <DateTimeField source="createdAt" showTime />
      <DateTimeField source="updatedAt" showTime />
      <Deactivation label={false} />
      <RecentActivity label={false} />
    </SimpleShowLayout>
  </Show>
);
