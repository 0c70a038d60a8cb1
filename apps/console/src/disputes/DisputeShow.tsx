import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { ClaimBar } from '../common/queue/ClaimBar';
import { useHasRole } from '../common/roles';
import { Facts } from '../common/Section';
import { DisputeStateChip } from './DisputeList';
import { claimDispute, releaseDispute, type Dispute } from './queries';
import { ResolveDisputeButton } from './ResolveDisputeButton';

/** Claim and give back (the common claim bar): one person works a case at a time (the API answers CONFLICT to a second). */
const claimWords = { claim: 'console.disputes.claim', release: 'console.disputes.release', claimed: 'console.disputes.claimed', released: 'console.disputes.released' };

const Actions = () => {
  const record = useRecordContext<Dispute>();
  const collection = useHasRole('COLLECTION');
  if (!record || !collection) return <TopToolbar />;
  return (
    <TopToolbar>
      <ClaimBar open={record.state === 'OPEN'} allowed={collection} words={claimWords} testId="dispute" claim={claimDispute} release={releaseDispute} />
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
