import PanToolIcon from '@mui/icons-material/PanTool';
import UndoIcon from '@mui/icons-material/Undo';
import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Button, DataTable, FunctionField, Link, List, SelectInput, Show, TextField, TopToolbar, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { useHasRole } from '../common/roles';
import { Facts } from '../common/Section';
import { useAction } from '../useAction';
import { claimRecourseInvoice, releaseRecourseInvoice, type RecourseInvoice } from './queries';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const statusChoices = ['OPEN', 'PAID', 'CANCELLED'].map((id) => ({ id, name: `console.recourse.statuses.${id}` }));
const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn emptyText="console.recourse.statuses.OPEN" />];

const Due = ({ record }: { record: RecourseInvoice }) => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <span style={{ ...num, color: record.overdue ? '#b71c1c' : undefined, fontWeight: record.overdue ? 600 : undefined }}>
      {format.date(record.dueDate)}
      {record.overdue ? ` · ${translate('console.disputes.overdue')}` : ''}
    </span>
  );
};

/** The recourse-invoice queue (issue 15 s.8): open recourse invoices, the earliest due first, with age, amount, client and due day. */
export const RecourseInvoiceList = () => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <List filters={filters} exporter={false} perPage={25} title="console.menu.recourse_invoices" empty={false}>
      <DataTable<RecourseInvoice> rowClick="show" bulkActionButtons={false} data-testid="recourse-invoices-table">
        <DataTable.Col source="ageDays" disableSort align="right">
          <FunctionField<RecourseInvoice> render={(r) => <span style={num}>{translate('console.disputes.days', { smart_count: r.ageDays })}</span>} />
        </DataTable.Col>
        <DataTable.Col source="reference" disableSort>
          <TextField source="reference" sx={{ fontFamily: 'monospace' }} />
        </DataTable.Col>
        <DataTable.Col source="amount" disableSort align="right">
          <FunctionField<RecourseInvoice> render={(r) => <span style={num}>{format.amount(r.amount, r.currency)}</span>} />
        </DataTable.Col>
        <DataTable.Col source="clientName" disableSort />
        <DataTable.Col source="invoiceNumber" disableSort />
        <DataTable.Col source="cause" disableSort>
          <FunctionField<RecourseInvoice> render={(r) => translate(`console.recourse.causes.${r.cause}`)} />
        </DataTable.Col>
        <DataTable.Col source="dueDate" disableSort>
          <FunctionField<RecourseInvoice> render={(r) => <Due record={r} />} />
        </DataTable.Col>
        <DataTable.Col source="claimedBy" disableSort>
          <FunctionField<RecourseInvoice> render={(r) => r.claimedBy?.name ?? '—'} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const Actions = () => {
  const record = useRecordContext<RecourseInvoice>();
  const { identity } = useGetIdentity();
  const collection = useHasRole('COLLECTION');
  const notify = useNotify();
  const refresh = useRefresh();
  const claim = useAction(claimRecourseInvoice);
  const release = useAction(releaseRecourseInvoice);
  if (!record || !collection) return <TopToolbar />;
  const mine = record.claimedBy?.id === identity?.id;
  const run = async (action: typeof claim, done: string) => {
    if ((await action.execute(record.id)).ok) {
      notify(done, { type: 'info' });
      refresh();
    }
  };
  return (
    <TopToolbar>
      {mine ? (
        <Button label="console.disputes.release" onClick={() => run(release, 'console.disputes.released')} disabled={release.pending} data-testid="recourse-release">
          <UndoIcon />
        </Button>
      ) : record.claimedBy ? null : (
        <Button label="console.disputes.claim" onClick={() => run(claim, 'console.disputes.claimed')} disabled={claim.pending} data-testid="recourse-claim">
          <PanToolIcon />
        </Button>
      )}
    </TopToolbar>
  );
};

const Body = () => {
  const record = useRecordContext<RecourseInvoice>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const f = (name: string) => `resources.recourse-invoices.fields.${name}`;
  const rows: Array<[string, ReactNode, string?]> = [
    [f('reference'), record.reference, 'recourse-reference'],
    [f('amount'), format.amount(record.amount, record.currency), 'recourse-amount'],
    [f('paidAmount'), format.amount(record.paidAmount, record.currency)],
    [f('clientName'), record.clientName],
    [f('debtorName'), record.debtorName],
    [f('invoiceNumber'), <Link to={`/invoices/${record.invoiceId}/show`}>{record.invoiceNumber}</Link>],
    [f('cause'), translate(`console.recourse.causes.${record.cause}`)],
    [f('issueDate'), format.date(record.issueDate)],
    [f('dueDate'), <Due record={record} />],
    [f('status'), translate(`console.recourse.statuses.${record.status}`)],
    [f('claimedBy'), record.claimedBy?.name ?? '—'],
  ];
  if (record.disputeId) rows.push([f('disputeId'), <Link to={`/disputes/${record.disputeId}/show`}>{translate('console.recourse.open_dispute')}</Link>]);
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {translate('console.recourse.title', { reference: record.reference })}
        </Typography>
        <Facts rows={rows} />
      </CardContent>
    </Card>
  );
};

export const RecourseInvoiceShow = () => (
  <Show actions={<Actions />} component="div" title="console.menu.recourse_invoices">
    <Body />
  </Show>
);
