import BlockIcon from '@mui/icons-material/Block';
import CancelPresentationIcon from '@mui/icons-material/CancelPresentation';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useRecordContext, useTranslate } from 'react-admin';
import { ReasonDialogButton } from '../common/ReasonDialog';
import { useHasRole } from '../common/roles';
import { dataProvider } from '../dataProvider';
import type { Client } from '../types';

/** Stops the client from selling invoices until unblocked (analysts and admins). */
export const BlockButton = () => {
  const record = useRecordContext<Client>();
  const allowed = useHasRole('CREDIT_ANALYST', 'ADMIN');
  const translate = useTranslate();
  if (!record || !allowed || record.state !== 'ACTIVE') return null;
  return (
    <ReasonDialogButton
      label="console.clients.block"
      icon={<BlockIcon />}
      color="warning"
      testId="client-block"
      title={translate('console.clients.block_title', { name: record.legalName })}
      content={translate('console.clients.block_content')}
      run={(reason) => dataProvider.blockClient(record.id, reason)}
      success="console.clients.blocked"
    />
  );
};

export const UnblockButton = () => {
  const record = useRecordContext<Client>();
  const allowed = useHasRole('CREDIT_ANALYST', 'ADMIN');
  const translate = useTranslate();
  if (!record || !allowed || record.state !== 'BLOCKED') return null;
  return (
    <ReasonDialogButton
      label="console.clients.unblock"
      icon={<LockOpenIcon />}
      color="success"
      testId="client-unblock"
      title={translate('console.clients.unblock_title', { name: record.legalName })}
      content={translate('console.clients.unblock_content')}
      run={(reason) => dataProvider.unblockClient(record.id, reason)}
      success="console.clients.unblocked"
    />
  );
};

/** Ends the relationship (admins): a terminated client may apply again later. */
export const TerminateButton = () => {
  const record = useRecordContext<Client>();
  const allowed = useHasRole('ADMIN');
  const translate = useTranslate();
  if (!record || !allowed || (record.state !== 'ACTIVE' && record.state !== 'BLOCKED')) return null;
  return (
    <ReasonDialogButton
      label="console.clients.terminate"
      icon={<CancelPresentationIcon />}
      color="error"
      testId="client-terminate"
      title={translate('console.clients.terminate_title', { name: record.legalName })}
      content={translate('console.clients.terminate_content')}
      run={(reason) => dataProvider.terminateClient(record.id, reason)}
      success="console.clients.terminated"
    />
  );
};
