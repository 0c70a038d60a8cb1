import { Chip, Stack, Typography, type ChipProps } from '@mui/material';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { OverdueChip } from '../common/chips';
import { useFormat } from '../common/format';
import { useAge } from '../client-applications/fields';
import { REVIEW_STATES, SPOT_CHECK_MAX_ATTEMPTS, type CreditReview, type ReviewState } from '../types';

export const reviewStateChoices = REVIEW_STATES.map((id) => ({ id, name: `console.review_states.${id}` }));

const stateColour: Record<ReviewState, ChipProps['color']> = { OPEN: 'info', WAITING_FOR_CLIENT: 'warning', CLOSED: 'default' };

/** Open, waiting for the client (the clock stands still), or closed with its outcome. */
export const ReviewStateChip = ({ review, size = 'small' }: { review: Pick<CreditReview, 'state' | 'outcome'>; size?: ChipProps['size'] }) => {
  const translate = useTranslate();
  const label =
    review.state === 'CLOSED' && review.outcome
      ? `${translate('console.review_states.CLOSED')}: ${translate(`console.review_outcomes.${review.outcome}`, { _: review.outcome })}`
      : translate(`console.review_states.${review.state}`, { _: review.state });
  return <Chip size={size} color={stateColour[review.state] ?? 'default'} label={label} data-testid="review-state" data-state={review.state} />;
};

export const ReviewStateField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<CreditReview>();
  return record ? <ReviewStateChip review={record} /> : null;
};

export const ReviewAgeField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<CreditReview>();
  const age = useAge();
  if (!record) return null;
  return <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{age(record.ageHours)}</span>;
};

/** The promised time (a spot check within a day, seed 004), red with a chip once it has passed. */
export const ReviewDueField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<CreditReview>();
  const format = useFormat();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', whiteSpace: 'nowrap' }}>
      <Typography variant="body2" component="span" color={record.overdue ? 'error' : undefined}>
        {format.dateTime(record.dueAt)}
      </Typography>
      {record.overdue ? <OverdueChip /> : null}
    </Stack>
  );
};

export const ReviewAmountField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<CreditReview>();
  const format = useFormat();
  if (!record) return null;
  return (
    <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{format.amount(record.amount, record.currency, { decimals: 2 })}</span>
  );
};

/** Who holds it; "you" stands out so an analyst finds their own at a glance. */
/** `short`: in a list row, "You" alone (the name is in the chip's title), so the queue fits 1440 px. */
export const ReviewClaimedByField = ({ short = false }: { label?: string; source?: string; short?: boolean }) => {
  const record = useRecordContext<CreditReview>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.claimedBy) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {record.state === 'CLOSED' ? '—' : translate('console.applications.unclaimed')}
      </Typography>
    );
  }
  const mine = record.claimedBy.id === identity?.id;
  return (
    <Chip
      size="small"
      variant={mine ? 'filled' : 'outlined'}
      color={mine ? 'primary' : 'default'}
      label={mine ? (short ? translate('console.reviews.you') : translate('console.applications.you', { name: record.claimedBy.name })) : record.claimedBy.name}
      title={short && mine ? record.claimedBy.name : undefined}
      data-testid="claimed-by"
    />
  );
};

/** Calls that reached no one, "1 of 3": at the third the API sends the invoice to a manual assessment. */
export const AttemptsField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.attempts) return <Typography variant="body2" color="text.secondary" component="span">—</Typography>;
  return (
    <Chip
      size="small"
      variant="outlined"
      color="warning"
      label={translate('console.reviews.attempts', { n: record.attempts, max: SPOT_CHECK_MAX_ATTEMPTS })}
      data-testid="review-attempts"
    />
  );
};
