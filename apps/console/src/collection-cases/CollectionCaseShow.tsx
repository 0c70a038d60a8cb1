import { Alert, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import CommentIcon from '@mui/icons-material/Comment';
import MoneyOffIcon from '@mui/icons-material/MoneyOff';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { Link, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { ClaimBar } from '../common/queue/ClaimBar';
import { useHasRole } from '../common/roles';
import { Facts } from '../common/Section';
import { CaseActionDialog } from './CaseActionDialog';
import { ACTIVE_STATES, CollectionCaseStateChip } from './CollectionCaseList';
import {
  AGENCY_ANSWER_KINDS,
  approveWriteOff,
  claimCollectionCase,
  escalateCollectionCase,
  proposeWriteOff,
  recordAgencyAnswer,
  rejectWriteOff,
  releaseCollectionCase,
  type AgencyAnswerKind,
  type CollectionCase,
  type CollectionEscalation,
} from './queries';

const ACTIVE: readonly string[] = ACTIVE_STATES;
const WORKING = ['HANDED_OFF', 'PAYMENT_ORDER_APPLIED', 'CONCILIATION_BOARD', 'ENFORCEMENT'];

/** The escalations the case's country and state allow (the API's table decides; this only hides what it would refuse). */
function escalations(c: CollectionCase): CollectionEscalation[] {
  if (c.state === 'HANDED_OFF') return [c.country === 'SE' ? 'PAYMENT_ORDER' : 'CONCILIATION_BOARD', 'ENFORCEMENT'];
  if (c.state === 'PAYMENT_ORDER_APPLIED' || c.state === 'CONCILIATION_BOARD') return ['ENFORCEMENT'];
  return [];
}

/** Claim and give back (the common claim bar): one person works a case at a time. */
const claimWords = {
  claim: 'console.collection_cases.claim',
  release: 'console.collection_cases.release',
  claimed: 'console.collection_cases.claimed',
  released: 'console.collection_cases.released',
};

const Actions = () => {
  const record = useRecordContext<CollectionCase>();
  const collection = useHasRole('COLLECTION');
  const finance = useHasRole('FINANCE');
  if (!record) return <TopToolbar />;
  const ups = escalations(record);
  return (
    <TopToolbar>
      <ClaimBar open={ACTIVE.includes(record.state)} allowed={collection} words={claimWords} testId="collection-case" claim={claimCollectionCase} release={releaseCollectionCase} />
      {collection && ups.length ? (
        <CaseActionDialog
          label="console.collection_cases.escalate"
          title="console.collection_cases.escalate_title"
          help={`console.collection_cases.escalate_help.${record.country}`}
          icon={<TrendingUpIcon />}
          testId="collection-case-escalate"
          choice={{ label: 'console.collection_cases.escalation', choices: ups.map((id) => ({ id, name: `console.collection_cases.escalations.${id}` })) }}
          noteRequired
          run={({ choice, note }) => escalateCollectionCase({ id: record.id, escalation: choice as CollectionEscalation, note, expectedVersion: record.version })}
          done="console.collection_cases.escalated"
        />
      ) : null}
      {collection && ACTIVE.includes(record.state) ? (
        <CaseActionDialog
          label="console.collection_cases.answer"
          title="console.collection_cases.answer_title"
          help="console.collection_cases.answer_help"
          icon={<CommentIcon />}
          testId="collection-case-answer"
          choice={{ label: 'console.collection_cases.answer_kind', choices: AGENCY_ANSWER_KINDS.map((id) => ({ id, name: `console.collection_cases.answers.${id}` })) }}
          withReference
          noteRequired={false}
          run={({ choice, note, reference, day }) => recordAgencyAnswer({ caseId: record.id, reference, kind: choice as AgencyAnswerKind, answeredOn: day, ...(note ? { note } : {}) })}
          done="console.collection_cases.answered"
        />
      ) : null}
      {/* A recourse invoice's case (against the client) books no credit loss from here: the API refuses it. */}
      {collection && WORKING.includes(record.state) && !record.recourseInvoiceId ? (
        <CaseActionDialog
          label="console.collection_cases.propose_write_off"
          title="console.collection_cases.propose_write_off"
          help="console.collection_cases.propose_help"
          icon={<MoneyOffIcon />}
          testId="collection-case-propose"
          noteRequired
          run={({ note }) => proposeWriteOff({ id: record.id, note, expectedVersion: record.version })}
          done="console.collection_cases.proposed"
        />
      ) : null}
      {finance && record.state === 'WRITE_OFF_PROPOSED' ? (
        <>
          <CaseActionDialog
            label="console.collection_cases.approve"
            title="console.collection_cases.approve"
            help="console.collection_cases.approve_help"
            icon={<CheckIcon />}
            testId="collection-case-approve"
            noteRequired={false}
            run={() => approveWriteOff({ id: record.id, expectedVersion: record.version })}
            done="console.collection_cases.approved"
          />
          <CaseActionDialog
            label="console.collection_cases.reject"
            title="console.collection_cases.reject"
            help="console.collection_cases.reject_help"
            icon={<CloseIcon />}
            testId="collection-case-reject"
            noteRequired
            run={({ note }) => rejectWriteOff({ id: record.id, note, expectedVersion: record.version })}
            done="console.collection_cases.rejected"
          />
        </>
      ) : null}
    </TopToolbar>
  );
};

const Steps = ({ record }: { record: CollectionCase }) => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Table size="small" data-testid="collection-case-steps">
      <TableHead>
        <TableRow>
          <TableCell>{translate('console.collection_cases.step_day')}</TableCell>
          <TableCell>{translate('console.collection_cases.step')}</TableCell>
          <TableCell>{translate('console.collection_cases.step_by')}</TableCell>
          <TableCell>{translate('console.collection_cases.step_note')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {/* Opened from the queue, the page first shows the list's record, which has no steps (read on one case only). */}
        {(record.steps ?? []).map((s) => (
          <TableRow key={s.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.date(s.onDate)}</TableCell>
            <TableCell>{translate(`console.collection_cases.steps.${s.step}`, { _: s.step })}</TableCell>
            <TableCell>{s.actorType === 'SYSTEM' ? translate('console.collection_cases.system') : s.actorName}</TableCell>
            {/* A note the system wrote is in English: its words by the step, in the reader's language. */}
            <TableCell>{[s.externalRef, s.actorType === 'SYSTEM' && s.note ? translate(`console.collection_cases.system_notes.${s.step}`, { _: s.note }) : s.note].filter(Boolean).join(' · ') || '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Body = () => {
  const record = useRecordContext<CollectionCase>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const f = (name: string) => `resources.collection-cases.fields.${name}`;
  const rows: Array<[string, ReactNode, string?]> = [
    [f('invoiceNumber'), <Link to={`/invoices/${record.invoiceId}/show`}>{record.invoiceNumber}</Link>, 'collection-case-invoice'],
    [f('clientName'), record.clientName],
    [
      f('debtorName'),
      record.recourseInvoiceId ? (
        <Link to={`/recourse-invoices/${record.recourseInvoiceId}/show`} data-testid="collection-case-recourse">
          {translate('console.recourse_collection.against_client', { reference: record.recourseReference })}
        </Link>
      ) : (
        record.debtorName
      ),
    ],
    [f('principal'), format.amount(record.principal, record.currency)],
    [f('fees'), format.amount(record.fees, record.currency)],
    [
      f('interest'),
      record.recourseInvoiceId
        ? `${format.amount(record.interest, record.currency)} (${translate('console.recourse_collection.no_interest')})`
        : `${format.amount(record.interest, record.currency)} (${translate('console.collection_cases.interest_terms', { from: format.date(record.interestFrom), rate: record.interestRate ?? '—' })})`,
    ],
    // Not 'collection-case-claim': that is the claim bar's button.
    [f('claim'), format.amount(record.claim, record.currency), 'collection-case-claim-amount'],
    [f('claimAsOf'), format.date(record.claimAsOf)],
    [f('openedAt'), `${format.dateTime(record.openedAt)}, ${record.openedBy.name}`],
    [f('nextStep'), record.nextStep ? translate(`console.collection_cases.next_steps.${record.nextStep}`) : '—'],
    [f('agencyFile'), record.agencyFile ?? translate('console.collection_cases.agency_file_pending')],
  ];
  if (record.writeOffProposedBy) rows.push([f('writeOffProposedBy'), `${record.writeOffProposedBy.name}: ${record.writeOffReason ?? ''}`]);
  if (record.writtenOffBy) rows.push([f('writtenOffBy'), `${record.writtenOffBy.name}, ${format.amount(record.writeOffAmount, record.currency)}`]);
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
          <Typography variant="h6" component="h2">
            {record.recourseInvoiceId
              ? translate('console.recourse_collection.title', { reference: record.recourseReference })
              : translate('console.collection_cases.title', { number: record.invoiceNumber })}
          </Typography>
          <CollectionCaseStateChip state={record.state} />
        </Stack>
        {record.claimedBy && ACTIVE.includes(record.state) ? (
          <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
            {translate('console.collection_cases.claimed_by', { name: record.claimedBy.name })}
          </Alert>
        ) : null}
        <Facts rows={rows} />
        <Typography variant="subtitle1" component="h3" sx={{ mt: 3, mb: 1 }}>
          {translate('console.collection_cases.steps_title')}
        </Typography>
        <Steps record={record} />
      </CardContent>
    </Card>
  );
};

/** A collection case's page: its claim, its steps, and the actions (collection: claim, escalate, the agency's answer, propose a write-off; finance: approve or reject). */
export const CollectionCaseShow = () => (
  <Show actions={<Actions />} component="div" title="console.menu.collection_handoff">
    <Body />
  </Show>
);
