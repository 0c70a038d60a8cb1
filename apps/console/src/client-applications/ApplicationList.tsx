import { Box, Typography } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  List,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { compactTable } from '../common/compactTable';
import { CountryField, countryChoices } from '../common/CountryField';
import { useHasRole } from '../common/roles';
import type { ClientApplication } from '../types';
import { AgeField, DueField, OwnerField } from '../common/queue/QueueColumns';
import { ApplicationClaimBar, ClaimNextButton } from './ClaimButtons';
import { applicationStateChoices, ApplicationStateField } from './fields';

const filters = [
  <SelectInput key="state" source="state" choices={applicationStateChoices} alwaysOn emptyText="console.common.all" />,
  <SelectInput key="country" source="country" choices={countryChoices} alwaysOn emptyText="console.common.all" />,
  <BooleanInput key="mine" source="mine" alwaysOn label="console.applications.only_mine" sx={{ mb: 1.5 }} />,
];

const Actions = () => {
  const canSubmit = useHasRole('CREDIT_ANALYST', 'ADMIN');
  return (
    <TopToolbar>
      {canSubmit ? <CreateButton label="console.applications.new" /> : null}
      <ClaimNextButton />
    </TopToolbar>
  );
};

const Intro = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pt: 1.5 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('console.applications.intro')}
      </Typography>
    </Box>
  );
};

/**
 * The applications queue, oldest first as the API orders it (the columns do not sort):
 * companies are answered in the order they applied, within one business day (seed 001).
 */
export const ApplicationList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ state: 'PENDING' }}
    sort={{ field: 'submittedAt', order: 'ASC' }}
    actions={<Actions />}
    exporter={false}
    perPage={25}
  >
    <Intro />
    <DataTable<ClientApplication>
      rowClick="show"
      bulkActionButtons={false}
      rowSx={(record) => (record.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.04)' } : {})}
      data-testid="applications-table"
      sx={compactTable}
    >
      <DataTable.Col source="legalName" disableSort>
        <TextField source="legalName" sx={{ fontWeight: 500 }} />
      </DataTable.Col>
      <DataTable.Col source="country" disableSort>
        <CountryField />
      </DataTable.Col>
      <DataTable.Col source="organisationNumber" disableSort cellSx={() => ({ fontFamily: 'monospace', whiteSpace: 'nowrap' })} />
      <DataTable.Col source="companyForm" disableSort />
      <DataTable.Col source="ageHours" disableSort>
        <AgeField />
      </DataTable.Col>
      <DataTable.Col source="answerDueOn" disableSort>
        <DueField field="answerDueOn" />
      </DataTable.Col>
      <DataTable.Col source="claimedBy" disableSort>
        <OwnerField<ClientApplication> isOpen={(r) => r.state === 'PENDING'} short />
      </DataTable.Col>
      <DataTable.Col source="state" disableSort>
        <ApplicationStateField />
      </DataTable.Col>
      <DataTable.Col label="console.common.actions" disableSort align="right">
        <ApplicationClaimBar size="small" />
      </DataTable.Col>
    </DataTable>
  </List>
);
