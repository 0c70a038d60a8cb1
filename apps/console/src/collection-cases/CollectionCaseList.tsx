import { Chip } from '@mui/material';
import { DataTable, FunctionField, List, SelectInput, TextField, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { AgeField, OwnerField } from '../common/queue/QueueColumns';
import { COLLECTION_CASE_STATES, type CollectionCase } from './queries';

const stateChoices = COLLECTION_CASE_STATES.map((id) => ({ id, name: `console.collection_cases.states.${id}` }));
const filters = [<SelectInput key="state" source="state" choices={stateChoices} alwaysOn emptyText="console.collection_cases.active" />];
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
/** A case still worked (claimed, escalated, written off): the rest are ended. */
export const ACTIVE_STATES: readonly string[] = ['OPEN', 'HANDED_OFF', 'PAYMENT_ORDER_APPLIED', 'CONCILIATION_BOARD', 'ENFORCEMENT', 'WRITE_OFF_PROPOSED'];

export const CollectionCaseStateChip = ({ state }: { state: CollectionCase['state'] }) => {
  const translate = useTranslate();
  const color = state === 'WRITE_OFF_PROPOSED' ? 'warning' : state === 'PAID' ? 'success' : state === 'WRITTEN_OFF' ? 'error' : 'default';
  return <Chip size="small" color={color} label={translate(`console.collection_cases.states.${state}`)} data-testid="collection-case-state" />;
};

/** The collection-handoff queue (issue 15 s.5, s.8): active cases, the oldest first, with age, claim and currency, client, debtor and the next step. */
export const CollectionCaseList = () => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <List filters={filters} exporter={false} perPage={25} title="console.menu.collection_handoff" empty={false}>
      <DataTable<CollectionCase> rowClick="show" bulkActionButtons={false} data-testid="collection-cases-table">
        <DataTable.Col source="ageDays" disableSort align="right">
          <AgeField unit="days" />
        </DataTable.Col>
        <DataTable.Col source="invoiceNumber" disableSort>
          <TextField source="invoiceNumber" sx={{ fontFamily: 'monospace' }} />
        </DataTable.Col>
        <DataTable.Col source="claim" disableSort align="right">
          <FunctionField<CollectionCase> render={(r) => <span style={num}>{format.amount(r.claim, r.currency)}</span>} />
        </DataTable.Col>
        <DataTable.Col source="clientName" disableSort />
        <DataTable.Col source="debtorName" disableSort />
        <DataTable.Col source="nextStep" disableSort>
          <FunctionField<CollectionCase> render={(r) => (r.nextStep ? translate(`console.collection_cases.next_steps.${r.nextStep}`) : '—')} />
        </DataTable.Col>
        <DataTable.Col source="claimedBy" disableSort>
          <OwnerField<CollectionCase> isOpen={(r) => ACTIVE_STATES.includes(r.state)} short />
        </DataTable.Col>
        <DataTable.Col source="state" disableSort>
          <FunctionField<CollectionCase> render={(r) => <CollectionCaseStateChip state={r.state} />} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
