import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { CountryFlag } from '../common/CountryField';
import { compareAmounts, useFormat } from '../common/format';
import { LimitChart } from '../common/LimitChart';
import { Facts, Section } from '../common/Section';
import { FullRecord } from '../common/FullRecord';
import { RelatedInvoices } from '../invoices/RelatedInvoices';
import { Timeline } from '../common/Timeline';
import type { Debtor } from '../types';
import { KindChip } from './fields';
import { DebtorPaymentStatisticsSection } from './PaymentStatistics';
import { AddPairButton, PairsTable } from './Pairs';
import { SetLimitButton } from './SetLimitButton';

const Actions = () => (
  <TopToolbar>
    <SetLimitButton />
  </TopToolbar>
);

const Header = () => {
  const record = useRecordContext<Debtor>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1" data-testid="debtor-name">
            {record.name}
          </Typography>
          <KindChip />
        </Stack>
        <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', color: 'text.secondary', alignItems: 'center' }}>
          <CountryFlag country={record.country} />
          <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
            {record.identityNumber}
          </Typography>
          <Typography variant="body2">
            {record.address.street}, {record.address.postalCode} {record.address.city}
            {record.address.country !== record.country ? `, ${translate(`console.countries.${record.address.country}`, { _: record.address.country })}` : ''}
          </Typography>
          {record.email ? <Typography variant="body2">{record.email}</Typography> : null}
          {record.phone ? <Typography variant="body2">{record.phone}</Typography> : null}
          {record.contactGivenBy === 'CLIENT_INVOICE' ? (
            <Chip size="small" color="warning" variant="outlined" label={translate('console.verified_contacts.from_client')} data-testid="debtor-contact-from-client" />
          ) : null}
        </Stack>
        {record.verifiedContacts?.length ? (
          <Stack spacing={0.25} sx={{ mt: 1.5 }} data-testid="debtor-verified-contacts">
            {record.verifiedContacts.map((contact) => (
              <Stack key={contact.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Chip size="small" color="success" label={translate('console.verified_contacts.verified')} />
                <Typography variant="body2">{[contact.phone, contact.email].filter(Boolean).join(' · ')}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {translate(`console.verified_contacts.sources.${contact.source}`)}: {contact.sourceDetail}
                </Typography>
              </Stack>
            ))}
          </Stack>
        ) : null}
      </CardContent>
    </Card>
  );
};

/** The limit drawn against the exposure, with the raise and its last day written out. */
const Limit = () => {
  const record = useRecordContext<Debtor>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const raise = record.temporaryRaise;
  const raiseInForce = !!raise && compareAmounts(record.effectiveLimit, record.creditLimit) > 0;
  return (
    <Section title="console.limits.title" testId="debtor-limit" fill>
      <LimitChart
        limit={record.creditLimit}
        raise={raiseInForce ? raise : null}
        exposure={record.exposure}
        currency={record.currency}
        testId="debtor-limit-chart"
      />
      {raise && !raiseInForce ? (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          {translate('console.limits.raise_ended', { amount: format.amount(raise.amount, record.currency), date: format.date(raise.until) })}
        </Typography>
      ) : null}
      <Box sx={{ mt: 2 }}>
        <Facts
          rows={[
            ['console.debtors.credit_limit', format.amount(record.creditLimit, record.currency)],
            [
              'console.debtors.temporary_raise',
              raise
                ? translate('console.debtors.raise_text', { amount: format.amount(raise.amount, record.currency), date: format.date(raise.until) })
                : '—',
              'debtor-raise',
            ],
            ['resources.debtors.fields.effectiveLimit', format.amount(record.effectiveLimit, record.currency), 'debtor-effective-limit'],
          ]}
        />
      </Box>
    </Section>
  );
};

const PaymentHistory = () => {
  const record = useRecordContext<Debtor>();
  const translate = useTranslate();
  if (!record) return null;
  const history = record.paymentHistory;
  const lateShare = history.invoicesPaid ? Math.round((history.invoicesPaidLate / history.invoicesPaid) * 100) : 0;
  return (
    <Section title="console.debtors.payment_history" testId="debtor-payment-history" fill>
      <Stack direction="row" spacing={4} sx={{ mb: 2 }}>
        <Box>
          <Typography variant="h4" component="div" sx={{ fontWeight: 600 }}>
            {history.invoicesPaid}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('console.debtors.invoices_paid')}
          </Typography>
        </Box>
        <Box>
          <Typography variant="h4" component="div" sx={{ fontWeight: 600 }} color={lateShare > 25 ? 'warning.main' : undefined}>
            {history.invoicesPaidLate}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('console.debtors.paid_late', { share: lateShare })}
          </Typography>
        </Box>
      </Stack>
      <Facts
        rows={[
          ['console.debtors.average_days_late', translate('console.debtors.days', { n: history.averageDaysLate })],
          ['console.debtors.max_days_late', translate('console.debtors.days', { n: history.maxDaysLate })],
        ]}
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
        {/* Nothing records payments or disputes until the payments and collection issues land: no green badge for no news. */}
        {!history.invoicesPaid && !history.hasUnpaidBefore && !history.hasDisputedBefore ? (
          <Chip size="small" variant="outlined" label={translate('console.debtors.no_history_yet')} data-testid="debtor-no-history" />
        ) : (
          <HistoryChips history={history} />
        )}
      </Stack>
    </Section>
  );
};

const HistoryChips = ({ history }: { history: { hasUnpaidBefore: boolean; hasDisputedBefore: boolean } }) => {
  const translate = useTranslate();
  return (
    <>
        <Chip
          size="small"
          color={history.hasUnpaidBefore ? 'error' : 'success'}
          variant="outlined"
          label={translate(history.hasUnpaidBefore ? 'console.debtors.unpaid_before' : 'console.debtors.never_unpaid')}
        />
        <Chip
          size="small"
          color={history.hasDisputedBefore ? 'warning' : 'success'}
          variant="outlined"
          label={translate(history.hasDisputedBefore ? 'console.debtors.disputed_before' : 'console.debtors.never_disputed')}
        />
    </>
  );
};

const Clients = () => (
  <Section title="console.debtors.clients" action={<AddPairButton />} testId="debtor-clients">
    <PairsTable source="clients" side="debtor" />
  </Section>
);

const Invoices = () => (
  <Section title="console.debtors.invoices" testId="debtor-invoices">
    <RelatedInvoices target="debtorId" />
  </Section>
);

const DebtorTimeline = () => {
  const record = useRecordContext<Debtor>();
  if (!record) return null;
  return (
    <Section title="console.timeline.title" testId="debtor-timeline">
      <Timeline
        entityType="DEBTOR"
        entityId={record.id}
        names={Object.fromEntries((record.clients ?? []).map((pair) => [pair.clientId, pair.clientName]))}
        currency={record.currency}
      />
    </Section>
  );
};

/** A debtor at a glance: limit against exposure (drawn), payment behaviour, its clients, its invoices, its timeline. */
export const DebtorShow = () => (
  <Show actions={<Actions />} component="div">
    <FullRecord field="paymentHistory">
      <Header />
      <Box sx={{ display: 'grid', gap: 2, mb: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
        <Limit />
        <PaymentHistory />
      </Box>
      <DebtorPaymentStatisticsSection />
      <Box sx={{ mb: 2 }}>
        <Clients />
      </Box>
      <Box sx={{ mb: 2 }}>
        <Invoices />
      </Box>
      <DebtorTimeline />
    </FullRecord>
  </Show>
);
