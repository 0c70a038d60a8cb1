import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import OutboxIcon from '@mui/icons-material/Outbox';
import { Button, DataTable, FunctionField, Link, List, SelectInput, Show, TopToolbar, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { ClaimBar } from '../common/queue/ClaimBar';
import { AgeField, DueField, OwnerField } from '../common/queue/QueueColumns';
import { useHasRole } from '../common/roles';
import { PaymentReference, referenceKindOf } from '../common/reference';
import { Facts } from '../common/Section';
import { useAction } from '../useAction';
import { claimRecourseInvoice, handOffRecourseInvoice, releaseRecourseInvoice, type RecourseInvoice } from './queries';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const statusChoices = ['OPEN', 'PAID', 'CANCELLED'].map((id) => ({ id, name: `console.recourse.statuses.${id}` }));
const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn emptyText="console.recourse.statuses.OPEN" />];

/** The recourse-invoice queue (issue 15 s.8): open recourse invoices, the earliest due first, with age, amount, client and due day. */
export const RecourseInvoiceList = () => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <List filters={filters} exporter={false} perPage={25} title="console.menu.recourse_invoices" empty={false}>
      <DataTable<RecourseInvoice> rowClick="show" bulkActionButtons={false} data-testid="recourse-invoices-table">
        <DataTable.Col source="ageDays" disableSort align="right">
          <AgeField unit="days" />
        </DataTable.Col>
        <DataTable.Col source="reference" disableSort>
          <FunctionField<RecourseInvoice> render={(r) => <PaymentReference reference={r.reference} kind={referenceKindOf(r)} />} />
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
          <DueField field="dueDate" />
        </DataTable.Col>
        <DataTable.Col source="claimedBy" disableSort>
          <OwnerField<RecourseInvoice> isOpen={(r) => r.status === 'OPEN'} short />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

/** Claim and give back (the common claim bar): one person works a recourse invoice at a time. */
const claimWords = { claim: 'console.disputes.claim', release: 'console.disputes.release', claimed: 'console.disputes.claimed', released: 'console.disputes.released' };

/**
 * Hands the recourse invoice to collection (issue 15 s.3): offered once it is late and the client
 * has been reminded, and no case collects it yet; the API refuses otherwise in words of its own.
 * The case's page opens.
 */
const HandOffRecourseButton = ({ record }: { record: RecourseInvoice }) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const { execute, pending } = useAction(handOffRecourseInvoice);
  if (record.status !== 'OPEN' || !record.overdue || !record.remindedOn || record.collectionCaseId) return null;
  return (
    <Button
      label="console.recourse_collection.hand_off"
      disabled={pending}
      data-testid="recourse-hand-off"
      onClick={async () => {
        const result = await execute(record.id);
        if (result.ok && result.value) {
          notify('console.recourse_collection.handed_off', { type: 'info' });
          redirect('show', 'collection-cases', result.value.id);
        }
      }}
    >
      <OutboxIcon />
    </Button>
  );
};

const Actions = () => {
  const record = useRecordContext<RecourseInvoice>();
  const collection = useHasRole('COLLECTION');
  if (!record || !collection) return <TopToolbar />;
  return (
    <TopToolbar>
      <HandOffRecourseButton record={record} />
      <ClaimBar open={record.status === 'OPEN'} allowed={collection} words={claimWords} testId="recourse" claim={claimRecourseInvoice} release={releaseRecourseInvoice} />
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
    // Named by the invoice's country whatever the reader's language: OCR in Sweden, KID in Norway.
    [referenceKindOf(record) ?? f('reference'), <span style={{ fontFamily: 'monospace' }}>{record.reference}</span>, 'recourse-reference'],
    [f('amount'), format.amount(record.amount, record.currency), 'recourse-amount'],
    [f('paidAmount'), format.amount(record.paidAmount, record.currency)],
    [f('clientName'), record.clientName],
    [f('debtorName'), record.debtorName],
    [f('invoiceNumber'), <Link to={`/invoices/${record.invoiceId}/show`}>{record.invoiceNumber}</Link>],
    [f('cause'), translate(`console.recourse.causes.${record.cause}`)],
    [f('issueDate'), format.date(record.issueDate)],
    [f('dueDate'), <DueField field="dueDate" />],
    [f('status'), translate(`console.recourse.statuses.${record.status}`)],
    [f('claimedBy'), record.claimedBy?.name ?? '—'],
  ];
  if (record.collectionCaseId) {
    rows.push([
      'console.recourse_collection.case',
      <Link to={`/collection-cases/${record.collectionCaseId}/show`} data-testid="recourse-collection-case">
        {translate('console.recourse_collection.with_collection')}
      </Link>,
    ]);
  }
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
