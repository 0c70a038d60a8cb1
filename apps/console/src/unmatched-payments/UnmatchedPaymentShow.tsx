import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { compareAmounts, useFormat } from '../common/format';
import { useHasRole } from '../common/roles';
import { PaymentReference, referenceKindOf } from '../common/reference';
import { Facts, Section } from '../common/Section';
import { ClaimBar } from '../common/queue/ClaimBar';
import { useHolds } from '../common/queue/useClaim';
import { claimIncomingPayment, releaseIncomingPayment, type IncomingPayment } from '../payments/queries';
import { AllocationsTable } from '../payments/AllocationsTable';
import { MatchButton, RefundButton, SplitButton } from './PlaceDialogs';
import { ReferenceText } from './UnmatchedPaymentList';

/** Claim and give back (the common claim bar): one person works a payment at a time, a second gets CONFLICT. */
const claimWords = { claim: 'console.money_in.claim', release: 'console.money_in.release', claimed: 'console.money_in.claimed', released: 'console.money_in.released' };

const useMine = (payment: IncomingPayment | undefined) => useHolds(payment);

const Actions = () => {
  const record = useRecordContext<IncomingPayment>();
  const finance = useHasRole('FINANCE');
  const mine = useMine(record);
  if (!record || !finance) return <TopToolbar />;
  const open = record.state === 'UNMATCHED' && compareAmounts(record.unplaced, '0') > 0;
  return (
    <TopToolbar>
      <ClaimBar open={record.state === 'UNMATCHED'} allowed={finance} words={claimWords} testId="payment" claim={claimIncomingPayment} release={releaseIncomingPayment} />
      {open ? <SplitButton payment={record} disabled={!mine} /> : null}
      {open ? <RefundButton payment={record} disabled={!mine} /> : null}
    </TopToolbar>
  );
};

/** The ranked suggestions, best first, each with why; match places on one of them (once the payment is yours). */
const Suggestions = () => {
  const record = useRecordContext<IncomingPayment>();
  const translate = useTranslate();
  const format = useFormat();
  const finance = useHasRole('FINANCE');
  const mine = useMine(record);
  if (!record) return null;
  return (
    <Section title="console.money_in.suggestions" testId="payment-suggestions">
      {record.state === 'UNMATCHED' && finance && !mine ? (
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
          {translate('console.money_in.claim_first')}
        </Alert>
      ) : null}
      {!record.suggestions.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('console.money_in.no_suggestions')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('console.money_in.invoice')}</TableCell>
              <TableCell>{translate('console.money_in.reference')}</TableCell>
              <TableCell>{translate('console.money_in.client_debtor')}</TableCell>
              <TableCell align="right">{translate('console.money_in.open')}</TableCell>
              <TableCell>{translate('console.money_in.due')}</TableCell>
              <TableCell>{translate('console.money_in.why')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {record.suggestions.map((s) => (
              <TableRow key={s.invoiceId} data-testid="payment-suggestion">
                <TableCell>
                  <Link to={`/invoices/${s.invoiceId}/show`} sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                    {s.invoiceNumber}
                  </Link>
                </TableCell>
                <TableCell>
                  {/* A suggested invoice is in the payment's currency, so its reference is of the payment's kind. */}
                  <PaymentReference reference={s.paymentReference} kind={referenceKindOf({ currency: record.currency })} />
                </TableCell>
                <TableCell>
                  {s.clientName}
                  <br />
                  <Typography variant="caption" color="text.secondary">{s.debtorName}</Typography>
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{format.amount(s.open, record.currency)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.date(s.dueDate)}</TableCell>
                <TableCell>
                  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                    {s.reasons.map((reason) => (
                      <Chip key={reason} size="small" variant="outlined" label={translate(`console.money_in.reasons.${reason}`)} data-testid="suggestion-reason" />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  {finance && record.state === 'UNMATCHED' ? <MatchButton payment={record} suggestion={s} disabled={!mine} /> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
};

const Body = () => {
  const record = useRecordContext<IncomingPayment>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const f = (name: string) => `resources.unmatched-payments.fields.${name}`;
  const rows: Array<[string, ReactNode, string?]> = [
    [f('amount'), format.amount(record.amount, record.currency), 'payment-amount'],
    [f('unplaced'), format.amount(record.unplaced, record.currency), 'payment-unplaced'],
    [f('valueDate'), format.date(record.valueDate)],
    [f('payerName'), record.payerName ?? '—'],
    [f('payerAccount'), record.payerAccount ?? '—'],
    [f('reference'), <ReferenceText payment={record} />, 'payment-reference'],
    [f('message'), record.message ?? '—'],
    [f('accountId'), record.accountId],
    [f('ageDays'), translate('console.money_in.days', { smart_count: record.ageDays })],
  ];
  return (
    <Stack spacing={2}>
      <Section title="console.money_in.payment" testId="payment-facts">
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
          <Typography variant="h6" component="h2">
            {translate('console.money_in.payment_title', { amount: format.amount(record.amount, record.currency), date: format.date(record.valueDate) })}
          </Typography>
          <Chip size="small" color={record.state === 'UNMATCHED' ? 'warning' : 'success'} label={translate(`console.money_in.states.${record.state}`)} data-testid="payment-state" />
        </Stack>
        {record.claimedBy && record.state === 'UNMATCHED' ? (
          <Alert severity="info" variant="outlined" sx={{ mb: 2 }} data-testid="payment-claimed-by">
            {translate('console.money_in.claimed_by', { name: record.claimedBy.name })}
          </Alert>
        ) : null}
        <Facts rows={rows} />
      </Section>
      <Suggestions />
      {record.allocations.length ? (
        <Section title="console.money_in.allocations" testId="payment-allocations">
          <AllocationsTable payment={record} />
        </Section>
      ) : null}
    </Stack>
  );
};

/** An unmatched payment's page: what the bank said, the ranked suggestions and why, claim, match, split, refund. */
export const UnmatchedPaymentShow = () => (
  <Show actions={<Actions />} component="div" title="console.menu.unmatched_payments">
    <Box sx={{ maxWidth: 1280 }}>
      <Body />
    </Box>
  </Show>
);
