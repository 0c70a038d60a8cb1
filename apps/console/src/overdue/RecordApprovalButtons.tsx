import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback';
import PhoneDisabledIcon from '@mui/icons-material/PhoneDisabled';
import { useTranslate } from 'react-admin';
import { gql } from '../graphql';
import { ReasonDialogButton } from '../common/ReasonDialog';
import { useHasRole } from '../common/roles';

type Kind = 'LATE_INTEREST_INVOICE' | 'COLLECTION_HANDOFF';

const recordClientApproval = (invoiceId: string, kind: Kind, approve: boolean, note: string) =>
  gql<{ recordClientApproval: { id: string; state: string } }>(
    `mutation RecordClientApproval($invoiceId: ID!, $kind: ClientApprovalKind!, $approve: Boolean!, $note: String!) {
      recordClientApproval(invoiceId: $invoiceId, kind: $kind, approve: $approve, note: $note) { id state } }`,
    { invoiceId, kind, approve, note },
  );

/**
 * The client's answer given by phone to an approval its agreement asks for (seed 003), recorded by
 * collection staff with how and by whom it was given (the API audits it; an answer is final).
 */
export const RecordApprovalButtons = ({ invoiceId, kind }: { invoiceId: string; kind: Kind }) => {
  const collection = useHasRole('COLLECTION');
  const translate = useTranslate();
  if (!collection) return null;
  const what = translate(`console.overdue.client_approval.kinds.${kind}`);
  return (
    <>
      <ReasonDialogButton
        label="console.overdue.client_approval.record_approved"
        icon={<PhoneCallbackIcon />}
        color="success"
        size="small"
        testId="record-client-approval"
        title={translate('console.overdue.client_approval.record_title', { what })}
        content={translate('console.overdue.client_approval.record_content')}
        fieldLabel="console.overdue.client_approval.how"
        run={(note) => recordClientApproval(invoiceId, kind, true, note)}
        success="console.overdue.client_approval.recorded"
      />
      <ReasonDialogButton
        label="console.overdue.client_approval.record_declined"
        icon={<PhoneDisabledIcon />}
        color="warning"
        size="small"
        testId="record-client-decline"
        title={translate('console.overdue.client_approval.record_title', { what })}
        content={translate('console.overdue.client_approval.record_content')}
        fieldLabel="console.overdue.client_approval.how"
        run={(note) => recordClientApproval(invoiceId, kind, false, note)}
        success="console.overdue.client_approval.recorded"
      />
    </>
  );
};
