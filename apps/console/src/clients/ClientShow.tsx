import { Alert, Box, Card, CardContent, Link as MuiLink, Stack, Typography } from '@mui/material';
import {
  Show,
  TabbedShowLayout,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ClientStateChip } from '../common/chips';
import { CountryFlag } from '../common/CountryField';
import { useFormat } from '../common/format';
import { LimitChart } from '../common/LimitChart';
import { Facts, Section } from '../common/Section';
import { FullRecord } from '../common/FullRecord';
import { Timeline } from '../common/Timeline';
import { PairsTable } from '../debtors/Pairs';
import { RelatedInvoices } from '../invoices/RelatedInvoices';
import type { Client } from '../types';
import { AgreementFacts, AgreementHistory } from './Agreement';
import { EditAgreementButton } from './EditAgreementButton';
import { ClientDocuments } from '../documents/DocumentsSection';
import { ClientDeliveries } from '../deliveries/InvoiceDeliveries';
import { ClientLogoSection } from './ClientLogo';
import { IntegrationKeys, IssueKeyButton } from './IntegrationKeys';
import { BlockButton, TerminateButton, UnblockButton } from './StateButtons';

const Actions = () => (
  <TopToolbar>
    <EditAgreementButton />
    <BlockButton />
    <UnblockButton />
    <TerminateButton />
  </TopToolbar>
);

const stateSeverity = { APPLIED: 'info', ACTIVE: 'success', BLOCKED: 'warning', REFUSED: 'error', TERMINATED: 'info' } as const;

/** Name, state and why: the first thing anyone opening a client needs. */
const Header = () => {
  const record = useRecordContext<Client>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1" data-testid="client-name">
            {record.legalName}
          </Typography>
          <ClientStateChip state={record.state} size="medium" />
        </Stack>
        <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', color: 'text.secondary', alignItems: 'center' }}>
          <CountryFlag country={record.country} />
          <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
            {record.organisationNumber}
          </Typography>
          <Typography variant="body2">{record.companyForm}</Typography>
          <Typography variant="body2">{record.currency}</Typography>
          {record.accountingProgram ? <Typography variant="body2">{record.accountingProgram}</Typography> : null}
        </Stack>
        {record.stateReason ? (
          <Alert severity={stateSeverity[record.state]} sx={{ mt: 2 }} data-testid="client-state-reason">
            <strong>{translate(`console.client_states.${record.state}`)}:</strong> {record.stateReason}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
};

const Summary = () => {
  const record = useRecordContext<Client>();
  const format = useFormat();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Section title="console.clients.summary">
      <Facts
        rows={[
          [
            'console.applications.address',
            <span key="address">
              {record.address.street}
              <br />
              {record.address.postalCode} {record.address.city}, {translate(`console.countries.${record.address.country}`, { _: record.address.country })}
            </span>,
          ],
          ['console.contact.name', record.contact.name],
          [
            'console.contact.email',
            <MuiLink key="email" href={`mailto:${record.contact.email}`}>
              {record.contact.email}
            </MuiLink>,
          ],
          ['console.contact.phone', record.contact.phone ?? '—'],
          ['console.applications.accounting_program', record.accountingProgram ?? '—'],
          ['console.clients.client_since', format.date(record.createdAt)],
          [
            'console.clients.spot_checks',
            record.spotCheckRate
              ? translate('console.clients.spot_check_rate', {
                  selected: record.spotCheckRate.selected,
                  decisions: record.spotCheckRate.decisions,
                  achieved: record.spotCheckRate.achieved === null ? '—' : `${(Number(record.spotCheckRate.achieved) * 100).toFixed(0)} %`,
                  next: `${(Number(record.spotCheckRate.expectedNext) * 100).toFixed(0)} %`,
                })
              : '—',
          ],
        ]}
      />
    </Section>
  );
};

const Limit = () => {
  const record = useRecordContext<Client>();
  if (!record) return null;
  return (
    <Section title="console.limits.title">
      <LimitChart limit={record.creditLimit} exposure={record.exposure} currency={record.currency} testId="client-limit-chart" />
    </Section>
  );
};

const AgreementInForce = () => {
  const record = useRecordContext<Client>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Section title="console.agreement.in_force" fill>
      {record.agreement ? (
        <AgreementFacts agreement={record.agreement} currency={record.currency} />
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="agreement-in-force">
          {translate('console.agreement.none')}
        </Typography>
      )}
    </Section>
  );
};

const Debtors = (_props: { label?: false }) => {
  const record = useRecordContext<Client>();
  return record ? <PairsTable source="debtors" side="client" /> : null;
};

const Keys = (_props: { label?: false }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('console.keys.intro')}
        </Typography>
        <IssueKeyButton />
      </Stack>
      <IntegrationKeys />
    </Box>
  );
};

const ClientTimeline = (_props: { label?: false }) => {
  const record = useRecordContext<Client>();
  return record ? <Timeline entityType="CLIENT" entityId={record.id} /> : null;
};

const Tabs = () => {
  const record = useRecordContext<Client>();
  if (!record) return null;
  return (
    <Card>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="console.clients.tabs.agreements" count={record.agreementHistory?.length} data-testid="tab-agreements">
          <AgreementHistory label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="console.clients.tabs.debtors" path="debtors" count={record.debtors?.length} data-testid="tab-debtors">
          <Debtors label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab
          label="console.clients.tabs.keys"
          path="keys"
          count={record.integrationKeys?.filter((key) => !key.revokedAt).length}
          data-testid="tab-keys"
        >
          <Keys label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="console.clients.tabs.invoices" path="invoices" data-testid="tab-invoices">
          <RelatedInvoices target="clientId" label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="console.clients.tabs.timeline" path="timeline" data-testid="tab-timeline">
          <ClientTimeline label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Card>
  );
};

/**
 * A client at a glance: state and why, the limit against what is outstanding (drawn), the
 * agreement in force; then its history, debtors, integration keys and timeline in tabs.
 */
export const ClientShow = () => (
  <Show actions={<Actions />} component="div">
    <FullRecord field="agreementHistory">
      <Header />
      <Box sx={{ display: 'grid', gap: 2, mb: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }}>
        <Stack spacing={2}>
          <Limit />
          <Summary />
          <ClientLogoSection />
        </Stack>
        <AgreementInForce />
      </Box>
      <Tabs />
      <Box sx={{ mt: 2 }}>
        <ClientDocuments />
        <ClientDeliveries />
      </Box>
    </FullRecord>
  </Show>
);
