import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry, AuditOutcome } from '../types';

const colour: Record<AuditOutcome, 'success' | 'warning' | 'error'> = {
  SUCCEEDED: 'success',
  REFUSED: 'warning',
  FAILED: 'error',
};

export const OutcomeChip = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record?.outcome) return null;
  return (
    <Chip
      size="small"
      color={colour[record.outcome] ?? 'default'}
      label={translate(`console.audit.outcomes.${record.outcome}`, { _: record.outcome })}
      data-testid={`outcome-${record.outcome.toLowerCase()}`}
    />
  );
};

/** "StaffMember 3f2a…": what the operation acted on, if anything. */
export const TargetField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  if (!record?.targetType && !record?.targetId) return null;
  return (
    <span>
      {record.targetType ?? ''}
      {record.targetType && record.targetId ? ' ' : ''}
      {record.targetId ? (
        <code style={{ fontSize: '0.8rem', color: 'rgba(0,0,0,0.6)' }}>{record.targetId}</code>
      ) : null}
    </span>
  );
};
