import { Chip, Stack, Typography, type ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { reasonText } from '../common/Section';
import type { PayoutBatch, PayoutBatchState, Reason } from './queries';

type Colour = ChipProps['color'];

/** Amounts line up in columns: right-aligned, digits of one width. */
export const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

const batchStateColour: Record<PayoutBatchState, Colour> = {
  PREPARED: 'warning',
  APPROVED: 'info',
  EXPORTED: 'info',
  SENT: 'primary',
  ACCEPTED: 'success',
  PARTLY_REJECTED: 'warning',
  REJECTED: 'error',
  SETTLED: 'success',
  CANCELLED: 'default',
};

export const BatchStateChip = ({ state, size = 'small' }: { state: PayoutBatchState; size?: ChipProps['size'] }) => {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      color={batchStateColour[state] ?? 'default'}
      variant={state === 'CANCELLED' ? 'outlined' : 'filled'}
      label={translate(`console.payouts.states.${state}`, { _: state })}
      data-testid="batch-state"
      data-state={state}
    />
  );
};

/** In a list row: the record's `state`. */
export const BatchStateField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<PayoutBatch>();
  return record?.state ? <BatchStateChip state={record.state} /> : null;
};

const lineStateColour: Record<string, Colour> = { INCLUDED: 'default', CANCELLED: 'default', REJECTED: 'error', SETTLED: 'success' };

export const LineStateChip = ({ state }: { state: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={lineStateColour[state] ?? 'default'}
      label={translate(`console.payouts.line_states.${state}`, { _: state })}
      data-testid="line-state"
      data-state={state}
    />
  );
};

/**
 * Why a payout is held, in finance's words: the API's sentences are written for the client
 * ("your company..."), so known codes have their own text here; an unknown one reads as the API wrote it.
 */
export const HoldReasons = ({ holds }: { holds: Reason[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack spacing={0.5}>
      {holds.map((hold) => (
        <Typography key={hold.code} variant="body2" data-testid="hold-reason" data-code={hold.code}>
          {translate(`console.payouts.holds.${hold.code}`, { _: reasonText(hold, locale) })}
        </Typography>
      ))}
    </Stack>
  );
};
