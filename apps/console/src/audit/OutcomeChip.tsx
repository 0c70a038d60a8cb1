import { Chip, Link as MuiLink } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useCreatePath, useGetOne, useGetRecordRepresentation, useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry, AuditOutcome } from '../types';

const colour: Record<AuditOutcome, 'success' | 'warning' | 'error'> = {
  SUCCEEDED: 'success',
  REFUSED: 'warning',
  FAILED: 'error',
};

export const OutcomeChip = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record?.outcome) return null;
  return (
    <Chip
      size="small"
      color={colour[record.outcome] ?? 'default'}
      label={translate(`console.audit.outcomes.${record.outcome}`, { _: record.outcome })}
      // The API's error code, for whoever needs to look it up: on hover, not in the reader's text.
      title={record.errorCode ?? undefined}
      data-testid={`outcome-${record.outcome.toLowerCase()}`}
    />
  );
};

/** The operation in words ("Debtor's limit set"), one per GraphQL mutation; the API's name on hover. */
export const OperationField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record?.operation) return null;
  return (
    <span title={record.operation} data-testid="audit-operation">
      {translate(`console.audit_operations.${record.operation}`, { _: record.operation })}
    </span>
  );
};

/** Where each kind of target is shown in the console; the others have no page of their own. */
const TARGET_RESOURCES: Record<string, string> = {
  CLIENT: 'clients',
  CLIENT_APPLICATION: 'client-applications',
  CREDIT_REVIEW: 'manual-assessment',
  DEBTOR: 'debtors',
  INVOICE: 'invoices',
  PAYOUT_BATCH: 'payout-batches',
  STAFF_MEMBER: 'staff',
};

/**
 * A record of another resource, by id: a link labelled the way that resource names its records.
 * Nothing when the id is no such record (an operation's result may be a part of it, e.g. a debtor's contact).
 */
export const RecordLink = ({ resource, id }: { resource: string; id: string }) => {
  const { data, error } = useGetOne(resource, { id }, { retry: false });
  const represent = useGetRecordRepresentation(resource);
  const createPath = useCreatePath();
  if (error || !data) return null;
  return (
    <MuiLink component={Link} to={createPath({ resource, id, type: 'show' })} onClick={(event: MouseEvent) => event.stopPropagation()}>
      {represent(data)}
    </MuiLink>
  );
};

/** "Debtor Nordvik AB": what the operation acted on, as a link where the console has a page for it. */
export const TargetField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record?.targetType && !record?.targetId) return null;
  const resource = record.targetType ? TARGET_RESOURCES[record.targetType] : undefined;
  return (
    <span data-testid="audit-target">
      {record.targetType ? translate(`console.audit_words.targets.${record.targetType}`, { _: record.targetType }) : null}
      {resource && record.targetId ? (
        <>
          {' '}
          <RecordLink resource={resource} id={record.targetId} />
        </>
      ) : null}
    </span>
  );
};

/** Who acted: a member of staff by e-mail, or a client's accounting program by the client's name. */
export const ActorField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  const email = record?.actorEmail;
  if (!email) return <span>—</span>;
  const clientId = /^client:(.+)$/.exec(email)?.[1];
  if (!clientId) return <span>{email}</span>;
  return (
    <span>
      {translate('console.audit_words.client_key')} (<RecordLink resource="clients" id={clientId} />)
    </span>
  );
};
