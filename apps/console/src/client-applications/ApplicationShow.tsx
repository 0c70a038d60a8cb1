import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Alert, Box, Card, CardContent, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { Button, Show, TopToolbar, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { ApplicationStateChip, OverdueChip } from '../common/chips';
import { CountryFlag } from '../common/CountryField';
import { useFormat } from '../common/format';
import { Facts, reasonText, Section } from '../common/Section';
import { FullRecord } from '../common/FullRecord';
import { Timeline } from '../common/Timeline';
import type { BankAccount, ClientApplication, Reason } from '../types';
import { OwnerField, useAge } from '../common/queue/QueueColumns';
import { ApplicationClaimBar, ClaimNextApplication } from './ClaimButtons';
import { ApproveButton, RefuseButton } from './DecisionButtons';

const Actions = () => (
  <TopToolbar>
    <ApplicationClaimBar />
    <RefuseButton />
    <ApproveButton />
    <ClaimNextApplication nextItem />
  </TopToolbar>
);

const Header = () => {
  const record = useRecordContext<ClientApplication>();
  const translate = useTranslate();
  const format = useFormat();
  const age = useAge();
  if (!record) return null;
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1" data-testid="application-name">
            {record.legalName}
          </Typography>
          <ApplicationStateChip state={record.state} />
          {record.overdue ? <OverdueChip /> : null}
        </Stack>
        <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap', color: 'text.secondary', alignItems: 'center' }}>
          <CountryFlag country={record.country} />
          <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
            {record.organisationNumber}
          </Typography>
          <Typography variant="body2">{record.companyForm}</Typography>
          <Typography variant="body2">
            {translate('console.applications.submitted', { date: format.dateTime(record.submittedAt), age: age(record.ageHours) })}
          </Typography>
          <Typography variant="body2" color={record.overdue ? 'error' : undefined}>
            {translate('console.applications.answer_due', { date: format.date(record.answerDueOn) })}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2">{translate('resources.client-applications.fields.claimedBy')}:</Typography>
            <OwnerField<ClientApplication> isOpen={(r) => r.state === 'PENDING'} />
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};

const AccountText = ({ account }: { account?: BankAccount }) => {
  const translate = useTranslate();
  if (!account) return <>—</>;
  return (
    <span>
      <Box component="span" sx={{ fontFamily: 'monospace' }}>
        {account.display ?? account.value}
      </Box>{' '}
      <Box component="span" sx={{ color: 'text.secondary' }}>
        ({translate(`console.bank_account_kinds.${account.kind}`, { _: account.kind })})
      </Box>
    </span>
  );
};

const Details = () => {
  const record = useRecordContext<ClientApplication>();
  const translate = useTranslate();
  if (!record) return null;
  const details = record.details ?? {};
  const address = details.address;
  const registry = details.registryStatus ?? 'ACTIVE';
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' }, mb: 2 }}>
      <Section title="console.applications.company" testId="application-company" fill>
        <Facts
          rows={[
            [
              'console.applications.registry_status',
              <Chip
                key="registry"
                size="small"
                color={registry === 'ACTIVE' ? 'success' : 'error'}
                variant="outlined"
                label={translate(`console.registry_statuses.${registry}`, { _: registry })}
              />,
            ],
            ['resources.client-applications.fields.companyForm', record.companyForm],
            ['console.applications.accounting_program', details.accountingProgram || '—'],
            [
              'console.applications.address',
              address ? (
                <span>
                  {address.street}
                  <br />
                  {address.postalCode} {address.city}
                  <br />
                  {translate(`console.countries.${address.country}`, { _: address.country })}
                </span>
              ) : (
                '—'
              ),
            ],
          ]}
        />
      </Section>
      <Section title="console.applications.contact" fill>
        <Facts
          rows={[
            ['console.contact.name', details.contact?.name ?? '—'],
            [
              'console.contact.email',
              details.contact?.email ? <MuiLink href={`mailto:${details.contact.email}`}>{details.contact.email}</MuiLink> : '—',
            ],
            ['console.contact.phone', details.contact?.phone ?? '—'],
          ]}
        />
      </Section>
      <Section title="console.applications.accounts" fill>
        <Facts
          rows={[
            ['console.agreement.fields.payoutAccount', <AccountText key="payout" account={details.payoutAccount} />],
            ['console.agreement.fields.repaymentAccount', <AccountText key="repayment" account={details.repaymentAccount} />],
          ]}
        />
      </Section>
    </Box>
  );
};

const ReasonList = ({ reasons, testId }: { reasons: Reason[]; testId: string }) => {
  const [locale] = useLocaleState();
  return (
    <Stack spacing={1} data-testid={testId}>
      {reasons.map((reason) => (
        <Alert key={reason.code} severity="warning" icon={<WarningAmberIcon fontSize="small" />} sx={{ py: 0 }}>
          <Typography variant="caption" sx={{ fontFamily: 'monospace', display: 'block', opacity: 0.8 }}>
            {reason.code}
          </Typography>
          {reasonText(reason, locale)}
        </Alert>
      ))}
    </Stack>
  );
};

const AutomaticReasons = () => {
  const record = useRecordContext<ClientApplication>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Section title="console.applications.automatic_reasons" fill>
      {record.automaticReasons.length ? (
        <ReasonList reasons={record.automaticReasons} testId="automatic-reasons" />
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="automatic-reasons">
          {translate('console.applications.no_automatic_reasons')}
        </Typography>
      )}
    </Section>
  );
};

const Decision = () => {
  const record = useRecordContext<ClientApplication>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  if (record.state === 'PENDING') {
    return (
      <Section title="console.applications.decision" testId="application-decision" fill>
        <Typography variant="body2" color="text.secondary">
          {translate('console.applications.waiting', { date: format.date(record.answerDueOn) })}
        </Typography>
      </Section>
    );
  }
  return (
    <Section
      title="console.applications.decision"
      testId="application-decision"
      fill
      action={
        <Button component={RouterLink} to={`/clients/${record.clientId}/show`} label="console.applications.open_client" data-testid="open-client">
          <OpenInNewIcon />
        </Button>
      }
    >
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <ApplicationStateChip state={record.state} />
          <Typography variant="body2" color="text.secondary">
            {translate('console.applications.decided_by', {
              name: record.decidedBy?.name ?? translate('console.timeline.actors.SYSTEM'),
              date: format.dateTime(record.decidedAt),
            })}
          </Typography>
        </Stack>
        {record.refusalReasons.length ? <ReasonList reasons={record.refusalReasons} testId="refusal-reasons" /> : null}
        {record.decisionNote ? (
          <Box>
            <Typography variant="caption" color="text.secondary">
              {translate('console.applications.note')}
            </Typography>
            <Typography variant="body2">{record.decisionNote}</Typography>
          </Box>
        ) : null}
      </Stack>
    </Section>
  );
};

const ApplicationTimeline = () => {
  const record = useRecordContext<ClientApplication>();
  if (!record) return null;
  return (
    <Section title="console.timeline.title" testId="application-timeline">
      <Timeline
        entityType="CLIENT_APPLICATION"
        entityId={record.id}
        fallback={{ entityType: 'CLIENT', entityId: record.clientId, note: 'console.timeline.company_instead' }}
      />
    </Section>
  );
};

export const ApplicationShow = () => (
  <Show actions={<Actions />} component="div">
    <FullRecord field="details">
      <Header />
      <Details />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' }, mb: 2 }}>
        <AutomaticReasons />
        <Decision />
      </Box>
      <ApplicationTimeline />
    </FullRecord>
  </Show>
);
