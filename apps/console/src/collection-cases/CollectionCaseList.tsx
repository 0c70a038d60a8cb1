import { Chip } from '@mui/material';
import { DataTable, FunctionField, List, SelectInput, TextField, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { COLLECTION_CASE_STATES, type CollectionCase } from './queries';

const stateChoices = COLLECTION_CASE_STATES.map((id) => ({ id, name: `console.collection_cases.states.${id}` }));
const filters = [<SelectInput key="state" source="state" choices={stateChoices} alwaysOn emptyText="console.collection_cases.active" />];
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

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
          <FunctionField<CollectionCase> render={(r) => <span style={num}>{translate('console.collection_cases.days', { smart_count: r.ageDays })}</span>} />
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
          <FunctionField<CollectionCase> render={(r) => r.claimedBy?.name ?? '—'} />
        </DataTable.Col>
        <DataTable.Col source="state" disableSort>
          <FunctionField<CollectionCase> render={(r) => <CollectionCaseStateChip state={r.state} />} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
