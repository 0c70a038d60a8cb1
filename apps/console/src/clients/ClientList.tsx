import { CreateButton, DataTable, List, SearchInput, SelectInput, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { ClientStateField } from '../common/chips';
import { CountryField, countryChoices } from '../common/CountryField';
import { ExposureMeter } from '../common/LimitChart';
import { useHasRole } from '../common/roles';
import { CLIENT_STATES, type Client } from '../types';

export const clientStateChoices = CLIENT_STATES.map((id) => ({ id, name: `console.client_states.${id}` }));

/** Built in the component: the search box's placeholder is not translated by react-admin. */
const filtersFor = (translate: (key: string) => string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('console.clients.search')} />,
  <SelectInput key="state" source="state" choices={clientStateChoices} alwaysOn emptyText="console.common.all" />,
  <SelectInput key="country" source="country" choices={countryChoices} alwaysOn emptyText="console.common.all" />,
];

/** Analysts and admins register a company's application from here (admins have no applications menu). */
const Actions = () => {
  const canSubmit = useHasRole('CREDIT_ANALYST', 'ADMIN');
  return <TopToolbar>{canSubmit ? <CreateButton resource="client-applications" label="console.applications.new" /> : null}</TopToolbar>;
};

const Exposure = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Client>();
  if (!record) return null;
  return <ExposureMeter exposure={record.exposure} limit={record.creditLimit} currency={record.currency} />;
};

export const ClientList = () => {
  const translate = useTranslate();
  return (
    <List filters={filtersFor(translate)} sort={{ field: 'legalName', order: 'ASC' }} actions={<Actions />} exporter={false} perPage={25}>
      <DataTable<Client> rowClick="show" bulkActionButtons={false} data-testid="clients-table">
        <DataTable.Col source="legalName">
          <TextField source="legalName" sx={{ fontWeight: 500 }} />
        </DataTable.Col>
        <DataTable.Col source="organisationNumber" disableSort cellSx={() => ({ fontFamily: 'monospace', whiteSpace: 'nowrap' })} />
        <DataTable.Col source="country" disableSort>
          <CountryField />
        </DataTable.Col>
        <DataTable.Col source="state">
          <ClientStateField />
        </DataTable.Col>
        <DataTable.Col source="exposure" label="console.clients.exposure_of_limit">
          <Exposure />
        </DataTable.Col>
        <DataTable.Col source="accountingProgram" disableSort>
          <TextField source="accountingProgram" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
