import { DataTable, List, NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';
import { DateTimeField } from '../DateTimeField';
import type { StaffMember } from '../types';
import { ActiveChip, RoleChips, roleChoices } from './fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

export const StaffList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false} perPage={25}>
    <DataTable<StaffMember> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="roles" disableSort>
        <RoleChips />
      </DataTable.Col>
      <DataTable.Col source="active">
        <ActiveChip />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
