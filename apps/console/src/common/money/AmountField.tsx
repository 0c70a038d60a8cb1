import { Typography, type TypographyProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useFormat } from '../format';

/** A dotted path into a record ("temporaryRaise.amount"). */
const get = (record: object, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);

const amountSx = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', textAlign: 'right', display: 'block' } as const;

/**
 * One amount, as stored (every decimal) and with its currency code: "SEK 12,345.67",
 * "12 345,67 SEK". Right-aligned with figures of one width, so a column of amounts lines up.
 */
export const Amount = ({
  value,
  currency,
  percent = false,
  color,
  'data-testid': testId,
}: {
  value: string | null | undefined;
  currency?: string | null;
  percent?: boolean;
  color?: TypographyProps['color'];
  'data-testid'?: string;
}) => {
  const format = useFormat();
  return (
    <Typography variant="body2" component="span" color={color} sx={amountSx} data-testid={testId} data-amount={value ?? ''}>
      {percent ? format.percent(value) : format.amount(value, currency ?? undefined)}
    </Typography>
  );
};

/** The record's amount at `source`, in the currency at `currencySource` (or the one given). */
export const AmountField = ({
  source,
  currency,
  currencySource = 'currency',
  percent,
  'data-testid': testId,
}: {
  source: string;
  currency?: string;
  currencySource?: string;
  percent?: boolean;
  label?: string;
  'data-testid'?: string;
}) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Amount
      value={get(record, source) as string | null | undefined}
      currency={currency ?? (get(record, currencySource) as string | undefined)}
      percent={percent}
      data-testid={testId}
    />
  );
};
