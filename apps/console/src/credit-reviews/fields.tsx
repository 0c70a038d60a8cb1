import { Chip, Typography, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
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

export const ReviewAmountField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<CreditReview>();
  const format = useFormat();
  if (!record) return null;
  return (
    <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{format.amount(record.amount, record.currency, { decimals: 2 })}</span>
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
