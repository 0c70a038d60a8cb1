import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useTranslate,
} from 'react-admin';
import { CountryField, countryChoices } from '../common/CountryField';
import { AmountInput } from '../common/money/AmountInput';
import { DateTimeField } from '../DateTimeField';
import type { Invoice } from '../types';
import { compactTable } from '../common/compactTable';
import { DayField, PayableField, StatusWithClientViewField, invoiceStatusChoices } from './fields';

/** Built in the component: the search box's placeholder is not translated by react-admin. */
const filtersFor = (translate: (key: string) => string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('console.invoices.search')} />,
  <SelectInput key="status" source="status" choices={invoiceStatusChoices} alwaysOn emptyText="console.common.all" />,
  <SelectInput key="country" source="country" choices={countryChoices} alwaysOn emptyText="console.common.all" />,
  <ReferenceInput key="clientId" source="clientId" reference="clients" perPage={20}>
    <AutocompleteInput optionText="legalName" filterToQuery={(q) => ({ q })} label="resources.invoices.fields.clientId" />
  </ReferenceInput>,
  <ReferenceInput key="debtorId" source="debtorId" reference="debtors" perPage={20}>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} label="resources.invoices.fields.debtorId" />
  </ReferenceInput>,
  // A refused spelling filters nothing (whileRefused) and says why under the field.
  <AmountInput key="amountFrom" source="amountFrom" label="console.invoices.amount_from" whileRefused="empty" />,
  <AmountInput key="amountTo" source="amountTo" label="console.invoices.amount_to" whileRefused="empty" />,
  <DateInput key="dateFrom" source="dateFrom" label="console.invoices.date_from" />,
  <DateInput key="dateTo" source="dateTo" label="console.invoices.date_to" />,
];

/** The columns, also used by the invoice tabs of a client and a debtor (without the column of that side). */
export const InvoiceTable = ({ hide = [] }: { hide?: Array<'clientName' | 'debtorName'> }) => (
  <DataTable<Invoice> rowClick={(id) => `/invoices/${id}/show`} bulkActionButtons={false} data-testid="invoices-table" sx={compactTable}>
    <DataTable.Col source="invoiceNumber" disableSort cellSx={() => ({ fontWeight: 500, whiteSpace: 'nowrap' })} />
    {hide.includes('clientName') ? null : <DataTable.Col source="clientName" disableSort />}
    {hide.includes('debtorName') ? null : <DataTable.Col source="debtorName" disableSort />}
    <DataTable.Col source="country" disableSort>
      <CountryField />
    </DataTable.Col>
    <DataTable.Col source="payable" align="right">
      <PayableField />
    </DataTable.Col>
    <DataTable.Col source="invoiceDate">
      <DayField source="invoiceDate" />
    </DataTable.Col>
    <DataTable.Col source="dueDate">
      <DayField source="dueDate" />
    </DataTable.Col>
    <DataTable.Col source="status" disableSort>
      <StatusWithClientViewField />
    </DataTable.Col>
    <DataTable.Col source="createdAt">
      <DateTimeField source="createdAt" showTime />
    </DataTable.Col>
  </DataTable>
);

export const InvoiceList = () => {
  const translate = useTranslate();
  return (
    <List filters={filtersFor(translate)} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} perPage={25}>
      <InvoiceTable />
    </List>
  );
};
