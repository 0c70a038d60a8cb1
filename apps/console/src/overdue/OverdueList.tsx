import { DataTable, FunctionField, Link, List, SelectInput, useCreatePath, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { AgingChart } from './AgingChart';
import { HandOffButton } from '../collection-cases/HandOffButton';
import { AGE_BUCKETS, type OverdueInvoice } from './queries';
import { RecordApprovalButtons } from './RecordApprovalButtons';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const bucketChoices = AGE_BUCKETS.filter((b) => b !== 'CURRENT').map((id) => ({ id, name: `console.overdue.buckets.${id}` }));
const countryChoices = ['SE', 'NO'].map((id) => ({ id, name: `console.countries.${id}` }));
const filters = [
  <SelectInput key="bucket" source="bucket" choices={bucketChoices} alwaysOn />,
  <SelectInput key="country" source="country" choices={countryChoices} alwaysOn />,
];

const NextStep = ({ record }: { record: OverdueInvoice }) => {
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  if (!record.nextStep) return <span>—</span>;
  const step = translate(`console.overdue.next_steps.${record.nextStep}`);
  if (record.nextStep === 'WITH_COLLECTION' && record.collectionCaseId) {
    // The row stays in the aging (money still owed); the case is where the work is.
    return (
      <Link
        to={createPath({ resource: 'collection-cases', id: record.collectionCaseId, type: 'show' })}
        onClick={(event: React.MouseEvent) => event.stopPropagation()}
        data-testid="overdue-collection-case"
      >
        {step}
      </Link>
    );
  }
  return (
    <span style={num}>
      {step}
      {record.nextStepOn ? ` · ${format.date(record.nextStepOn)}` : ''}
      {record.nextStep === 'HANDOFF' ? <HandOffButton invoiceId={record.invoiceId} /> : null}
      <ClientApprovals record={record} />
    </span>
  );
};

/** What waits for the client's approval, since when, or its decline (seed 003); an approval given needs no mention here. */
const ClientApprovals = ({ record }: { record: OverdueInvoice }) => {
  const translate = useTranslate();
  const format = useFormat();
  const open = (record.clientApprovals ?? []).filter((a) => a.state !== 'APPROVED');
  if (!open.length) return null;
  return (
    <>
      {open.map((a) => (
        <span key={a.kind} style={{ display: 'block' }} data-testid="client-approval">
          {translate(`console.overdue.client_approval.${a.state}`, { what: translate(`console.overdue.client_approval.kinds.${a.kind}`), since: format.date(a.askedOn) })}
          {a.state === 'ASKED' ? <RecordApprovalButtons invoiceId={record.invoiceId} kind={a.kind} /> : null}
        </span>
      ))}
    </>
  );
};

/**
 * The collection queue (issue 15 s.8): bought invoices past their due date with something owed,
 * the longest overdue first: age and bucket, what is owed (principal, fees and interest) with
 * its currency, client, debtor, the last step and the next one with its day, as the daily
 * follow-up will take it. The aging chart above is counted by the server.
 */
export const OverdueList = () => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <>
      <AgingChart />
      <List filters={filters} exporter={false} perPage={25} title="console.menu.overdue_invoices" empty={false} sort={{ field: 'daysOverdue', order: 'DESC' }}>
        <DataTable<OverdueInvoice> rowClick={(_id, _resource, record) => `/invoices/${record.invoiceId}/show`} bulkActionButtons={false} data-testid="overdue-invoices-table">
          <DataTable.Col source="daysOverdue" disableSort align="right">
            <FunctionField<OverdueInvoice>
              render={(r) => (
                <span style={num} title={translate(`console.overdue.buckets.${r.ageBucket}`)}>
                  {translate('console.overdue.days', { smart_count: r.daysOverdue })}
                </span>
              )}
            />
          </DataTable.Col>
          <DataTable.Col source="ageBucket" disableSort>
            <FunctionField<OverdueInvoice> render={(r) => translate(`console.overdue.buckets.${r.ageBucket}`)} />
          </DataTable.Col>
          <DataTable.Col source="openTotal" disableSort align="right">
            <FunctionField<OverdueInvoice>
              render={(r) => (
                <span
                  style={num}
                  title={translate('console.overdue.owed_parts', {
                    principal: format.amount(r.openPrincipal, r.currency),
                    fees: format.amount(r.openFees, r.currency),
                    interest: format.amount(r.openInterest, r.currency),
                  })}
                >
                  {format.amount(r.openTotal, r.currency)}
                </span>
              )}
            />
          </DataTable.Col>
          <DataTable.Col source="clientName" disableSort />
          <DataTable.Col source="debtorName" disableSort />
          <DataTable.Col source="invoiceNumber" disableSort />
          <DataTable.Col source="lastStep" disableSort>
            <FunctionField<OverdueInvoice> render={(r) => (r.lastStep ? `${translate(`console.overdue.steps.${r.lastStep}`)} · ${format.date(r.lastStepOn)}` : '—')} />
          </DataTable.Col>
          <DataTable.Col source="nextStep" disableSort>
            <FunctionField<OverdueInvoice> render={(r) => <NextStep record={r} />} />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
};
