import { Chip, Stack, Typography } from '@mui/material';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { ApplicationStateChip, OverdueChip } from '../common/chips';
import { useFormat } from '../common/format';
import { APPLICATION_STATES, REFUSAL_REASONS, REGISTRY_STATUSES, type ClientApplication } from '../types';

export const applicationStateChoices = APPLICATION_STATES.map((id) => ({ id, name: `console.application_states.${id}` }));
export const registryStatusChoices = REGISTRY_STATUSES.map((id) => ({ id, name: `console.registry_statuses.${id}` }));
export const refusalReasonChoices = REFUSAL_REASONS.map((id) => ({ id, name: `console.refusal_reasons.${id}` }));

/** "5 h" under two days, "3 d" from then on: how long the company has waited. */
export const useAge = () => {
  const translate = useTranslate();
  return (hours: number) =>
    hours < 48 ? translate('console.applications.age_hours', { n: hours }) : translate('console.applications.age_days', { n: Math.floor(hours / 24) });
};

export const AgeField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<ClientApplication>();
  const age = useAge();
  if (!record) return null;
  return <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{age(record.ageHours)}</span>;
};

/** The promised answer day (one business day, seed 001), red when it has passed unanswered. */
export const AnswerDueField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<ClientApplication>();
  const format = useFormat();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', whiteSpace: 'nowrap' }}>
      <Typography variant="body2" component="span" color={record.overdue ? 'error' : undefined}>
        {format.date(record.answerDueOn)}
      </Typography>
      {record.overdue ? <OverdueChip /> : null}
    </Stack>
  );
};

/** Who holds it; "you" stands out so an analyst finds their own at a glance. */
export const ClaimedByField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<ClientApplication>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.claimedBy) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {record.state === 'PENDING' ? translate('console.applications.unclaimed') : '—'}
      </Typography>
    );
  }
  const mine = record.claimedBy.id === identity?.id;
  return (
    <Chip
      size="small"
      variant={mine ? 'filled' : 'outlined'}
      color={mine ? 'primary' : 'default'}
      label={mine ? translate('console.applications.you', { name: record.claimedBy.name }) : record.claimedBy.name}
      data-testid="claimed-by"
    />
  );
};

export const ApplicationStateField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<ClientApplication>();
  return record ? <ApplicationStateChip state={record.state} /> : null;
};
