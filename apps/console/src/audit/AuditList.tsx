import { DataTable, DateInput, List, SelectInput, TextInput } from 'react-admin';
import { DateTimeField } from '../DateTimeField';
import { AUDIT_OUTCOMES, type AuditEntry } from '../types';
import { auditOperationsEn } from '../i18n/words/en';
import { ActorField, OperationField, OutcomeChip, TargetField } from './OutcomeChip';

const outcomeChoices = AUDIT_OUTCOMES.map((id) => ({ id, name: `console.audit.outcomes.${id}` }));
/** Every operation the trail records, by its words; the filter sends the API's name. */
const operationChoices = Object.keys(auditOperationsEn).map((id) => ({ id, name: `console.audit_operations.${id}` }));

const filters = [
  <SelectInput key="operation" source="operation" choices={operationChoices} alwaysOn />,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="actorId" source="actorId" />,
  <TextInput key="targetId" source="targetId" />,
];

/** Newest first; the API orders the trail by time only, so the other columns do not sort. */
export const AuditList = () => (
  <List filters={filters} sort={{ field: 'occurredAt', order: 'DESC' }} exporter={false} perPage={25}>
    <DataTable<AuditEntry> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="occurredAt" sortByOrder="DESC" sx={{ whiteSpace: 'nowrap' }}>
        <DateTimeField source="occurredAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="actorEmail" disableSort>
        <ActorField />
      </DataTable.Col>
      <DataTable.Col source="operation" disableSort>
        <OperationField />
      </DataTable.Col>
      <DataTable.Col source="outcome" disableSort>
        <OutcomeChip />
      </DataTable.Col>
      <DataTable.Col label="console.audit.target" disableSort>
        <TargetField />
      </DataTable.Col>
    </DataTable>
  </List>
);
