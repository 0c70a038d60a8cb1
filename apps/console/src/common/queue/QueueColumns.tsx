import { Chip, Stack, Typography } from '@mui/material';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { OverdueChip } from '../chips';
import { useFormat } from '../format';
import type { QueueItem } from './useClaim';

/*
 * The columns every queue list has (issue 11, section 5): how long an item has waited, when it is
 * due (red, with a chip, once past), and who holds it. Each reads the row's record; `label` and
 * `source` are for react-admin's DataTable.Col beside them.
 */

interface ColumnProps {
  label?: string;
  source?: string;
}

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** "5 h" under two days, "3 d" from then on: how long an item has waited. */
export const useAge = () => {
  const translate = useTranslate();
  return (hours: number) =>
    hours < 48 ? translate('console.applications.age_hours', { n: hours }) : translate('console.applications.age_days', { n: Math.floor(hours / 24) });
};

/** How long the item has waited: from `ageHours` (hours, then days) or, for queues counted in days, `ageDays`. */
export const AgeField = ({ unit = 'hours' }: ColumnProps & { unit?: 'hours' | 'days' }) => {
  const record = useRecordContext<{ ageHours?: number; ageDays?: number }>();
  const age = useAge();
  const translate = useTranslate();
  if (!record) return null;
  const text = unit === 'hours' ? age(record.ageHours ?? 0) : translate('console.queue.days', { smart_count: record.ageDays ?? 0 });
  return (
    <span style={num} data-testid="queue-age">
      {text}
    </span>
  );
};

/**
 * The promised or due day (`field` of the record), red with a chip once past (`overdue` on the
 * record, as the API counts it with its clock).
 */
export const DueField = ({ field, withTime = false, testId }: ColumnProps & { field: string; withTime?: boolean; testId?: string }) => {
  const record = useRecordContext<Record<string, unknown> & { overdue?: boolean }>();
  const format = useFormat();
  if (!record) return null;
  const value = record[field] as string | null | undefined;
  if (!value) return <span>—</span>;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', whiteSpace: 'nowrap' }} component="span" data-testid={testId}>
      <Typography variant="body2" component="span" color={record.overdue ? 'error' : undefined} sx={num}>
        {withTime ? format.dateTime(value) : format.date(value)}
      </Typography>
      {record.overdue ? <OverdueChip /> : null}
    </Stack>
  );
};

/**
 * Who holds an item; "you" stands out so a person finds their own at a glance. `short`: in a list
 * row, "You" alone (the name is in the chip's title), so the queue fits 1440 px. An item nobody
 * holds reads "Nobody yet" while it is open, a dash once closed.
 */
export const OwnerChip = ({ item, open, short = false }: { item: QueueItem; open: boolean; short?: boolean }) => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!item.claimedBy) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {open ? translate('console.queue.unclaimed') : '—'}
      </Typography>
    );
  }
  const mine = item.claimedBy.id === identity?.id;
  return (
    <Chip
      size="small"
      variant={mine ? 'filled' : 'outlined'}
      color={mine ? 'primary' : 'default'}
      label={mine ? (short ? translate('console.queue.you') : translate('console.queue.you_named', { name: item.claimedBy.name })) : item.claimedBy.name}
      title={short && mine ? item.claimedBy.name : undefined}
      data-testid="claimed-by"
    />
  );
};

/** The owner column: `isOpen` says whether the row's item is still worked. */
export const OwnerField = <T extends QueueItem>({ isOpen, short = false }: ColumnProps & { isOpen: (record: T) => boolean; short?: boolean }) => {
  const record = useRecordContext<T>();
  if (!record) return null;
  return <OwnerChip item={record} open={isOpen(record)} short={short} />;
};
