import { Chip } from '@mui/material';
import { DataTable, FunctionField, List, SelectInput, TextField, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { DISPUTE_STATES, type Dispute } from './queries';

const stateChoices = DISPUTE_STATES.map((id) => ({ id, name: `console.disputes.states.${id}` }));
const filters = [<SelectInput key="state" source="state" choices={stateChoices} alwaysOn emptyText="console.disputes.states.OPEN" />];
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export const DisputeStateChip = ({ state }: { state: Dispute['state'] }) => {
  const translate = useTranslate();
  const color = state === 'OPEN' ? 'warning' : state === 'WITHDRAWN' ? 'success' : 'default';
  return <Chip size="small" color={color} label={translate(`console.disputes.states.${state}`)} data-testid="dispute-state" />;
};

/** The dispute queue (issue 15 s.4): open cases, the oldest first, with age, amount, client, debtor, the next step and when it is due. */
export const DisputeList = () => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <List filters={filters} exporter={false} perPage={25} title="console.menu.disputes" empty={false}>
      <DataTable<Dispute> rowClick="show" bulkActionButtons={false} data-testid="disputes-table">
        <DataTable.Col source="ageDays" disableSort align="right">
          <FunctionField<Dispute> render={(r) => <span style={num}>{translate('console.disputes.days', { smart_count: r.ageDays })}</span>} />
        </DataTable.Col>
        <DataTable.Col source="invoiceNumber" disableSort>
          <TextField source="invoiceNumber" sx={{ fontFamily: 'monospace' }} />
        </DataTable.Col>
        <DataTable.Col source="amount" disableSort align="right">
          <FunctionField<Dispute> render={(r) => <span style={num}>{format.amount(r.amount, r.currency)}</span>} />
        </DataTable.Col>
        <DataTable.Col source="clientName" disableSort />
        <DataTable.Col source="debtorName" disableSort />
        <DataTable.Col source="nextStep" disableSort />
        <DataTable.Col source="nextStepDue" disableSort>
          <FunctionField<Dispute>
            render={(r) => (
              <span style={{ ...num, color: r.overdue ? '#b71c1c' : undefined, fontWeight: r.overdue ? 600 : undefined }} data-testid="dispute-due">
                {format.date(r.nextStepDue)}
                {r.overdue ? ` · ${translate('console.disputes.overdue')}` : ''}
              </span>
            )}
          />
        </DataTable.Col>
        <DataTable.Col source="claimedBy" disableSort>
          <FunctionField<Dispute> render={(r) => r.claimedBy?.name ?? '—'} />
        </DataTable.Col>
        <DataTable.Col source="state" disableSort>
          <FunctionField<Dispute> render={(r) => <DisputeStateChip state={r.state} />} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
