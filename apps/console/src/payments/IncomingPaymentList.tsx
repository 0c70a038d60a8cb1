import { Box, Chip } from '@mui/material';
import { DataTable, FunctionField, List, SelectInput, TextField, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { ReferenceText } from '../unmatched-payments/UnmatchedPaymentList';
import { BankImports } from './BankImports';
import { IncomingPaymentsChart } from './IncomingPaymentsChart';
import { INCOMING_PAYMENT_STATES, type IncomingPayment } from './queries';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const stateChoices = INCOMING_PAYMENT_STATES.map((id) => ({ id, name: `console.money_in.states.${id}` }));
const filters = [<SelectInput key="state" source="state" choices={stateChoices} alwaysOn emptyText="console.money_in.states.MATCHED" />];

/**
 * Finance's money in (issue 14 s.6): the bank files read (with upload), and the incoming payments
 * by state, matched ones by default (the unmatched ones have their queue).
 */
export const IncomingPaymentList = () => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Box>
      <Box sx={{ mt: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
        <BankImports />
        <IncomingPaymentsChart />
      </Box>
      <List filters={filters} exporter={false} perPage={25} title="console.menu.incoming_payments" empty={false} disableSyncWithLocation={false}>
        <DataTable<IncomingPayment> bulkActionButtons={false} rowClick={(_id, _resource, record) => (record.state === 'UNMATCHED' ? `/unmatched-payments/${record.id}/show` : false)} data-testid="incoming-payments-table">
          <DataTable.Col source="valueDate" disableSort>
            <FunctionField<IncomingPayment> render={(r) => <span style={num}>{format.date(r.valueDate)}</span>} />
          </DataTable.Col>
          <DataTable.Col source="amount" disableSort align="right">
            <FunctionField<IncomingPayment> render={(r) => <span style={num}>{format.amount(r.amount, r.currency)}</span>} />
          </DataTable.Col>
          <DataTable.Col source="payerName" disableSort>
            <TextField source="payerName" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="reference" disableSort>
            <FunctionField<IncomingPayment> render={(r) => <ReferenceText payment={r} />} />
          </DataTable.Col>
          <DataTable.Col source="allocations" disableSort>
            <FunctionField<IncomingPayment>
              render={(r) =>
                r.allocations
                  .filter((a) => a.invoiceNumber)
                  .map((a) => a.invoiceNumber)
                  .join(', ') || '—'
              }
            />
          </DataTable.Col>
          <DataTable.Col source="state" disableSort>
            <FunctionField<IncomingPayment> render={(r) => <Chip size="small" label={translate(`console.money_in.states.${r.state}`)} />} />
          </DataTable.Col>
        </DataTable>
      </List>
    </Box>
  );
};
