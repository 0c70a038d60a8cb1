import { CreateButton, DataTable, List, SearchInput, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { CountryField, countryChoices } from '../common/CountryField';
import { useHasRole } from '../common/roles';
import type { Debtor } from '../types';
import { DebtorAmount, debtorKindChoices, KindChip } from './fields';

/** Built in the component: the search box's placeholder is not translated by react-admin. */
const filtersFor = (translate: (key: string) => string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('console.debtors.search')} />,
  <SelectInput key="country" source="country" choices={countryChoices} alwaysOn emptyText="console.common.all" />,
  <SelectInput key="kind" source="kind" choices={debtorKindChoices} alwaysOn emptyText="console.common.all" />,
];

const Actions = () => {
  const canRegister = useHasRole('CREDIT_ANALYST', 'ADMIN');
  return <TopToolbar>{canRegister ? <CreateButton label="console.debtors.register" /> : null}</TopToolbar>;
};

/** By name, as the API orders them (the columns do not sort). */
export const DebtorList = () => {
  const translate = useTranslate();
  return (
    <List filters={filtersFor(translate)} actions={<Actions />} exporter={false} perPage={25} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable<Debtor> rowClick="show" bulkActionButtons={false} data-testid="debtors-table">
        <DataTable.Col source="name" disableSort>
          <TextField source="name" sx={{ fontWeight: 500 }} />
        </DataTable.Col>
        <DataTable.Col source="identityNumber" disableSort cellSx={() => ({ fontFamily: 'monospace', whiteSpace: 'nowrap' })} />
        <DataTable.Col source="kind" disableSort>
          <KindChip />
        </DataTable.Col>
        <DataTable.Col source="country" disableSort>
          <CountryField />
        </DataTable.Col>
        <DataTable.Col source="effectiveLimit" disableSort align="right">
          <DebtorAmount source="effectiveLimit" />
        </DataTable.Col>
        <DataTable.Col source="exposure" disableSort align="right">
          <DebtorAmount source="exposure" />
        </DataTable.Col>
        <DataTable.Col source="available" disableSort align="right">
          <DebtorAmount source="available" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
