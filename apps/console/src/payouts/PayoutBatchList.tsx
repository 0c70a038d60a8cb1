import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { DataTable, FunctionField, List, SelectInput, TextField, useCreatePath, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { CountryFlag } from '../common/CountryField';
import { useFormat } from '../common/format';
import { Section } from '../common/Section';
import { BatchStateChip, BatchStateField, num } from './fields';
import { PayoutsDuePanel } from './PayoutsDue';
import { batchesInState, PAYOUT_BATCH_STATES, type PayoutBatch } from './queries';

const stateChoices = PAYOUT_BATCH_STATES.map((id) => ({ id, name: `console.payouts.states.${id}` }));
const filters = [<SelectInput key="state" source="state" choices={stateChoices} alwaysOn emptyText="console.common.all" />];

const Money = (_props: { source?: string; label?: string }) => {
  const format = useFormat();
  return <FunctionField<PayoutBatch> render={(record) => <span style={num}>{format.amount(record.total, record.currency, { decimals: 2 })}</span>} />;
};

/**
 * The queue: batches prepared and waiting for a second person's approval come first, oldest day
 * first, whatever the list below shows. Empty, it says so in a line.
 */
const WaitingForApproval = () => {
  const translate = useTranslate();
  const format = useFormat();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const waiting = useQuery({ queryKey: ['payoutBatches', 'PREPARED'], queryFn: ({ signal }) => batchesInState('PREPARED', signal) });
  const rows = [...(waiting.data?.items ?? [])].sort((a, b) => a.payoutDate.localeCompare(b.payoutDate));
  return (
    <Section title="console.payouts.waiting_title" testId="payouts-waiting" sx={{ mb: 2 }}>
      {waiting.isPending ? null : rows.length ? (
        <Table size="small" data-testid="payouts-waiting-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.payout-batches.fields.payoutDate')}</TableCell>
              <TableCell>{translate('resources.payout-batches.fields.book')}</TableCell>
              <TableCell>{translate('resources.payout-batches.fields.preparedBy')}</TableCell>
              <TableCell align="right">{translate('resources.payout-batches.fields.lineCount')}</TableCell>
              <TableCell align="right">{translate('resources.payout-batches.fields.total')}</TableCell>
              <TableCell>{translate('resources.payout-batches.fields.state')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((batch) => (
              <TableRow
                key={batch.id}
                hover
                sx={{ cursor: 'pointer' }}
                data-testid="payouts-waiting-row"
                data-id={batch.id}
                onClick={() => navigate(createPath({ resource: 'payout-batches', id: batch.id, type: 'show' }))}
              >
                <TableCell sx={num}>{format.date(batch.payoutDate)}</TableCell>
                <TableCell>
                  <CountryFlag country={batch.book} />
                </TableCell>
                <TableCell>{batch.preparedBy.name}</TableCell>
                <TableCell align="right" sx={num}>
                  {batch.lineCount}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {format.amount(batch.total, batch.currency, { decimals: 2 })}
                </TableCell>
                <TableCell>
                  <BatchStateChip state={batch.state} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="payouts-none-waiting">
          {translate('console.payouts.none_waiting')}
        </Typography>
      )}
    </Section>
  );
};

const Intro = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pt: 1.5 }}>
      <Typography variant="subtitle2">{translate('console.payouts.all_title')}</Typography>
    </Box>
  );
};

/** The payout batches page: what is due today (and held), the batches waiting for approval, then every batch, newest day first. */
export const PayoutBatchList = () => (
  <Box>
    <Box sx={{ mt: 2 }}>
      <PayoutsDuePanel />
      <WaitingForApproval />
    </Box>
    <List filters={filters} exporter={false} perPage={25} empty={false} title="console.menu.payout_batches" sx={{ '& .RaList-main': { mt: 0 } }}>
      <Intro />
      <DataTable<PayoutBatch> rowClick="show" bulkActionButtons={false} data-testid="payout-batches-table">
        <DataTable.Col source="payoutDate" disableSort>
          <FunctionField<PayoutBatch> render={(record) => <DayCell day={record.payoutDate} />} />
        </DataTable.Col>
        <DataTable.Col source="book" disableSort>
          <FunctionField<PayoutBatch> render={(record) => <CountryFlag country={record.book} />} />
        </DataTable.Col>
        <DataTable.Col source="lineCount" disableSort align="right">
          <TextField source="lineCount" sx={num} />
        </DataTable.Col>
        <DataTable.Col source="total" disableSort align="right">
          <Money />
        </DataTable.Col>
        <DataTable.Col source="preparedBy" disableSort>
          <FunctionField<PayoutBatch> render={(record) => record.preparedBy.name} />
        </DataTable.Col>
        <DataTable.Col source="approvedBy" disableSort>
          <FunctionField<PayoutBatch> render={(record) => record.approvedBy?.name ?? '—'} />
        </DataTable.Col>
        <DataTable.Col source="state" disableSort>
          <BatchStateField />
        </DataTable.Col>
      </DataTable>
    </List>
  </Box>
);

const DayCell = ({ day }: { day: string }) => {
  const format = useFormat();
  return <span style={num}>{format.date(day)}</span>;
};
