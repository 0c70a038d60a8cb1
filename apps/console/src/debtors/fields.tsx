import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { compareAmounts, useFormat } from '../common/format';
import { DEBTOR_KINDS, type Debtor } from '../types';

export const debtorKindChoices = DEBTOR_KINDS.map((id) => ({ id, name: `console.debtor_kinds.${id}` }));

export const KindChip = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Debtor>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.kind === 'PERSON' ? 'secondary' : 'default'}
      label={translate(`console.debtor_kinds.${record.kind}`)}
    />
  );
};

/** An amount of the debtor's, in its currency; `available` turns red below zero. */
export const DebtorAmount = ({ source }: { source: 'effectiveLimit' | 'exposure' | 'available' | 'creditLimit'; label?: string }) => {
  const record = useRecordContext<Debtor>();
  const format = useFormat();
  if (!record) return null;
  const negative = source === 'available' && compareAmounts(record.available, '0') < 0;
  return (
    <Typography
      variant="body2"
      component="span"
      color={negative ? 'error' : undefined}
      sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: source === 'available' ? 500 : undefined }}
    >
      {format.amount(record[source], record.currency)}
    </Typography>
  );
};
