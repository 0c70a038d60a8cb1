import { Chip } from '@mui/material';
import { DataTable, FunctionField, List, SelectInput, TextField, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { AgeField, DueField, OwnerField } from '../common/queue/QueueColumns';
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
  const format = useFormat();
  return (
    <List filters={filters} exporter={false} perPage={25} title="console.menu.disputes" empty={false}>
      <DataTable<Dispute> rowClick="show" bulkActionButtons={false} data-testid="disputes-table">
        <DataTable.Col source="ageDays" disableSort align="right">
          <AgeField unit="days" />
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
          <DueField field="nextStepDue" testId="dispute-due" />
        </DataTable.Col>
        <DataTable.Col source="claimedBy" disableSort>
          <OwnerField<Dispute> isOpen={(r) => r.state === 'OPEN'} short />
        </DataTable.Col>
        <DataTable.Col source="state" disableSort>
          <FunctionField<Dispute> render={(r) => <DisputeStateChip state={r.state} />} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
