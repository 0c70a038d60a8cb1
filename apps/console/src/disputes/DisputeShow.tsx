import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import PanToolIcon from '@mui/icons-material/PanTool';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, Link, Show, TopToolbar, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { useHasRole } from '../common/roles';
import { Facts } from '../common/Section';
import { useAction } from '../useAction';
import { DisputeStateChip } from './DisputeList';
import { claimDispute, releaseDispute, type Dispute } from './queries';
import { ResolveDisputeButton } from './ResolveDisputeButton';

/** Claim and give back: one person works a case at a time (the API answers CONFLICT to a second). */
const ClaimButtons = ({ dispute }: { dispute: Dispute }) => {
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const refresh = useRefresh();
  const claim = useAction(claimDispute);
  const release = useAction(releaseDispute);
  const mine = dispute.claimedBy?.id === identity?.id;
  if (dispute.state !== 'OPEN') return null;
  return mine ? (
    <Button
      label="console.disputes.release"
      disabled={release.pending}
      data-testid="dispute-release"
      onClick={async () => {
        if ((await release.execute(dispute.id)).ok) {
          notify('console.disputes.released', { type: 'info' });
          refresh();
        }
      }}
    >
      <UndoIcon />
    </Button>
  ) : dispute.claimedBy ? null : (
    <Button
      label="console.disputes.claim"
      disabled={claim.pending}
      data-testid="dispute-claim"
      onClick={async () => {
        if ((await claim.execute(dispute.id)).ok) {
          notify('console.disputes.claimed', { type: 'info' });
          refresh();
        }
      }}
    >
      <PanToolIcon />
    </Button>
  );
};

const Actions = () => {
  const record = useRecordContext<Dispute>();
  const collection = useHasRole('COLLECTION');
  if (!record || !collection) return <TopToolbar />;
  return (
    <TopToolbar>
      <ClaimButtons dispute={record} />
      {record.state === 'OPEN' ? <ResolveDisputeButton dispute={record} /> : null}
    </TopToolbar>
  );
};

const Body = () => {
  const record = useRecordContext<Dispute>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const f = (name: string) => `resources.disputes.fields.${name}`;
  const rows: Array<[string, ReactNode, string?]> = [
    [f('invoiceNumber'), <Link to={`/invoices/${record.invoiceId}/show`}>{record.invoiceNumber}</Link>, 'dispute-invoice'],
    [f('amount'), format.amount(record.amount, record.currency), 'dispute-disputed-amount'],
    [f('clientName'), record.clientName],
    [f('debtorName'), record.debtorName],
    [f('channel'), translate(`console.disputes.channels.${record.channel}`)],
    [f('reason'), record.reason],
    [f('registeredAt'), `${format.dateTime(record.registeredAt)}, ${record.registeredBy.name}`],
    [f('ageDays'), translate('console.disputes.days', { smart_count: record.ageDays })],
    [f('nextStep'), record.nextStep],
    [f('nextStepDue'), `${format.date(record.nextStepDue)}${record.overdue ? ` · ${translate('console.disputes.overdue')}` : ''}`],
  ];
  if (record.state !== 'OPEN') {
    rows.push([f('resolvedAt'), `${format.dateTime(record.resolvedAt)}, ${record.resolvedBy?.name ?? ''}`], [f('resolutionNote'), record.resolutionNote ?? '—', 'dispute-resolution-note']);
  }
  if (record.creditedAmount) rows.push([f('creditedAmount'), format.amount(record.creditedAmount, record.currency)]);
  if (record.recourseInvoiceId) {
    rows.push([f('recourseInvoiceId'), <Link to={`/recourse-invoices/${record.recourseInvoiceId}/show`}>{translate('console.disputes.open_recourse')}</Link>, 'dispute-recourse-invoice']);
  }
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
          <Typography variant="h6" component="h2">
            {translate('console.disputes.title', { number: record.invoiceNumber })}
          </Typography>
          <DisputeStateChip state={record.state} />
        </Stack>
        {record.claimedBy && record.state === 'OPEN' ? (
          <Alert severity="info" variant="outlined" sx={{ mb: 2 }} data-testid="dispute-claimed-by">
            {translate('console.disputes.claimed_by', { name: record.claimedBy.name })}
          </Alert>
        ) : null}
        <Facts rows={rows} />
      </CardContent>
    </Card>
  );
};

/** A dispute case's page: its facts, and (collection) claim, release and the three endings. */
export const DisputeShow = () => (
  <Show actions={<Actions />} component="div" title="console.menu.disputes">
    <Body />
  </Show>
);
