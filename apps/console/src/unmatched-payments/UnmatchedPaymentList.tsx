import { Chip, Stack } from '@mui/material';
import { DataTable, FunctionField, List, TextField, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { AgeField, OwnerField } from '../common/queue/QueueColumns';
import { PaymentReference, referenceKindOf } from '../common/reference';
import type { IncomingPayment } from '../payments/queries';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The reference as the payer gave it, with a warning chip when its check digit failed (never matched automatically). */
export const ReferenceText = ({ payment }: { payment: Pick<IncomingPayment, 'reference' | 'referenceCheckFailed' | 'currency'> }) => {
  const translate = useTranslate();
  if (!payment.reference) return <span>—</span>;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} component="span">
      <PaymentReference reference={payment.reference} kind={referenceKindOf({ currency: payment.currency })} />
      {payment.referenceCheckFailed ? <Chip size="small" color="warning" variant="outlined" label={translate('console.money_in.check_digit_failed')} data-testid="reference-check-failed" /> : null}
    </Stack>
  );
};

/**
 * The unmatched-payments queue (issue 14 s.3): what came in and could not be placed, the oldest
 * first, with amount and currency, value date, payer, reference, how long it has waited and who holds it.
 */
export const UnmatchedPaymentList = () => {
  const format = useFormat();
  return (
    <List exporter={false} perPage={25} title="console.menu.unmatched_payments" empty={false} sort={{ field: 'ageDays', order: 'DESC' }}>
      <DataTable<IncomingPayment> rowClick="show" bulkActionButtons={false} data-testid="unmatched-payments-table">
        <DataTable.Col source="ageDays" disableSort align="right">
          <AgeField unit="days" />
        </DataTable.Col>
        <DataTable.Col source="unplaced" disableSort align="right">
          <FunctionField<IncomingPayment> render={(r) => <span style={num} data-testid="unmatched-amount">{format.amount(r.unplaced, r.currency)}</span>} />
        </DataTable.Col>
        <DataTable.Col source="amount" disableSort align="right">
          <FunctionField<IncomingPayment> render={(r) => <span style={num}>{format.amount(r.amount, r.currency)}</span>} />
        </DataTable.Col>
        <DataTable.Col source="valueDate" disableSort>
          <FunctionField<IncomingPayment> render={(r) => <span style={num}>{format.date(r.valueDate)}</span>} />
        </DataTable.Col>
        <DataTable.Col source="payerName" disableSort>
          <TextField source="payerName" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="reference" disableSort>
          <FunctionField<IncomingPayment> render={(r) => <ReferenceText payment={r} />} />
        </DataTable.Col>
        <DataTable.Col source="suggestions" disableSort align="right">
          <FunctionField<IncomingPayment> render={(r) => <span style={num}>{r.suggestions.length}</span>} />
        </DataTable.Col>
        <DataTable.Col source="claimedBy" disableSort>
          <OwnerField<IncomingPayment> isOpen={(r) => r.state === 'UNMATCHED'} short />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
