import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { ROLES, type StaffMember } from '../types';

/** Role choices for inputs; react-admin translates the names. */
export const roleChoices = ROLES.map((id) => ({ id, name: `console.roles.${id}` }));

export const RoleChips = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<StaffMember>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {record.roles.map((role) => (
        <Chip key={role} size="small" variant="outlined" label={translate(`console.roles.${role}`)} />
      ))}
    </Stack>
  );
};

export const ActiveChip = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<StaffMember>();
  const translate = useTranslate();
  if (!record) return null;
  return record.active ? (
    <Chip size="small" color="success" label={translate('console.staff.status_active')} />
  ) : (
    <Chip size="small" color="default" label={translate('console.staff.status_inactive')} />
  );
};
