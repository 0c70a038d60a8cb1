import BlockIcon from '@mui/icons-material/Block';
import DownloadIcon from '@mui/icons-material/Download';
import SendIcon from '@mui/icons-material/Send';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Button, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { downloadBase64 } from '../common/download';
import { useHasRole } from '../common/roles';
import { useAction } from '../useAction';
import {
  approvePayoutBatch,
  cancelPayoutBatch,
  exportPayoutBatch,
  importPaymentStatusReport,
  markPayoutBatchSent,
  type PayoutBatch,
  type StatusReportResult,
} from './queries';

/** After an action: the page, the queue at the top of the list and what is due are read again. */
const useReload = () => {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['payoutBatches'] });
    void queryClient.invalidateQueries({ queryKey: ['payoutsDue'] });
    refresh();
  }, [queryClient, refresh]);
};

/** True when the signed-in person prepared this batch: four eyes forbid them to approve it. */
export const usePreparedByMe = (record: PayoutBatch | undefined) => {
  const { identity } = useGetIdentity();
  return !!record && !!identity && record.preparedBy.id === identity.id;
};

/**
 * Approves the batch exactly as shown (its version). The preparer sees the button disabled and
 * why; anyone else whose view is old gets the API's refusal (CONFLICT) and the page as it is now.
 */
export const ApproveBatchButton = () => {
  const record = useRecordContext<PayoutBatch>();
  const finance = useHasRole('FINANCE');
  const mine = usePreparedByMe(record);
  const notify = useNotify();
  const reload = useReload();
  const approve = useCallback((batch: PayoutBatch) => approvePayoutBatch(String(batch.id), batch.version), []);
  const { execute, pending } = useAction(approve);
  if (!record || !finance || record.state !== 'PREPARED') return null;
  return (
    <Button
      label="console.payouts.approve"
      variant="contained"
      color="success"
      disabled={pending || mine}
      data-testid="batch-approve"
      onClick={async () => {
        const result = await execute(record);
        if (result.ok) notify('console.payouts.approved', { type: 'info' });
        if (result.ok || result.code === 'CONFLICT' || result.code === 'FORBIDDEN') reload();
      }}
    >
      <VerifiedIcon />
    </Button>
  );
};

/** Before the file goes out, the batch can be called off; its invoices are due again. */
export const CancelBatchButton = () => {
  const record = useRecordContext<PayoutBatch>();
  const finance = useHasRole('FINANCE');
  const translate = useTranslate();
  const notify = useNotify();
  const reload = useReload();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useCallback((id: string, why: string) => cancelPayoutBatch(id, why), []);
  const { execute, pending } = useAction(cancel);
  if (!record || !finance || !['PREPARED', 'APPROVED'].includes(record.state)) return null;
  const close = () => {
    setOpen(false);
    setReason('');
  };
  return (
    <>
      <Button label="console.payouts.cancel" color="error" onClick={() => setOpen(true)} data-testid="batch-cancel">
        <BlockIcon />
      </Button>
      <Dialog open={open} onClose={pending ? undefined : close} fullWidth maxWidth="sm" data-testid="batch-cancel-dialog">
        <DialogTitle>{translate('console.payouts.cancel_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.payouts.cancel_text')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            required
            label={translate('console.payouts.cancel_reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'batch-cancel-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            color="error"
            variant="contained"
            disabled={pending || reason.trim().length < 3}
            data-testid="batch-cancel-confirm"
            onClick={async () => {
              const result = await execute(String(record.id), reason.trim());
              if (result.ok) {
                notify('console.payouts.cancelled', { type: 'info' });
                close();
              }
              if (result.ok || result.code === 'CONFLICT') reload();
            }}
          >
            {translate('console.payouts.cancel_confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/**
 * Makes the bank file of an approved batch and saves it (pain.001 XML, under its message id);
 * later it saves the same file again: the API keeps it and never makes a second one.
 */
export const ExportBatchButton = () => {
  const record = useRecordContext<PayoutBatch>();
  const finance = useHasRole('FINANCE');
  const notify = useNotify();
  const reload = useReload();
  const exportFile = useCallback((id: string) => exportPayoutBatch(id), []);
  const { execute, pending } = useAction(exportFile);
  if (!record || !finance || ['PREPARED', 'CANCELLED'].includes(record.state)) return null;
  const first = record.state === 'APPROVED';
  return (
    <Button
      label={first ? 'console.payouts.export' : 'console.payouts.download_again'}
      variant={first ? 'contained' : 'text'}
      disabled={pending}
      data-testid="batch-export"
      onClick={async () => {
        const result = await execute(String(record.id));
        if (!result.ok) {
          if (result.code === 'CONFLICT') reload();
          return;
        }
        downloadBase64(result.value.fileName, result.value.contentBase64, 'application/xml');
        notify('console.payouts.exported', { type: 'info', messageArgs: { file: result.value.fileName } });
        if (first) reload();
      }}
    >
      <DownloadIcon />
    </Button>
  );
};

/** The file went to the bank: from now on the payouts are booked as on their way. */
export const MarkSentButton = () => {
  const record = useRecordContext<PayoutBatch>();
  const finance = useHasRole('FINANCE');
  const notify = useNotify();
  const reload = useReload();
  const markSent = useCallback((id: string) => markPayoutBatchSent(id), []);
  const { execute, pending } = useAction(markSent);
  if (!record || !finance || record.state !== 'EXPORTED') return null;
  return (
    <Button
      label="console.payouts.mark_sent"
      variant="contained"
      disabled={pending}
      data-testid="batch-mark-sent"
      onClick={async () => {
        const result = await execute(String(record.id));
        if (result.ok) notify('console.payouts.marked_sent', { type: 'info' });
        if (result.ok || result.code === 'CONFLICT') reload();
      }}
    >
      <SendIcon />
    </Button>
  );
};

/**
 * Reads the bank's status report (pain.002) for a sent batch from a file the person picks; what it
 * did (accepted, rejected, or nothing because it was read before) shows under the header.
 */
export const ImportStatusReportButton = ({ onResult }: { onResult: (result: StatusReportResult) => void }) => {
  const record = useRecordContext<PayoutBatch>();
  const finance = useHasRole('FINANCE');
  const reload = useReload();
  const input = useRef<HTMLInputElement>(null);
  const importReport = useCallback((content: string) => importPaymentStatusReport(content), []);
  const { execute, pending } = useAction(importReport);
  if (!record || !finance || record.state !== 'SENT') return null;
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xml,application/xml,text/xml"
        hidden
        data-testid="batch-import-file"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          const result = await execute(await file.text());
          if (result.ok) {
            onResult(result.value);
            reload();
          }
        }}
      />
      <Button label="console.payouts.import_report" variant="contained" disabled={pending} data-testid="batch-import" onClick={() => input.current?.click()}>
        <UploadFileIcon />
      </Button>
    </>
  );
};

/** What the last status report did, in a line. */
export const StatusReportAlert = ({ result }: { result: StatusReportResult }) => {
  const translate = useTranslate();
  return (
    <Alert severity={result.alreadyImported ? 'info' : result.rejected ? 'warning' : 'success'} sx={{ mt: 2 }} data-testid="batch-import-result">
      {translate(result.alreadyImported ? 'console.payouts.report_already' : 'console.payouts.report_read', {
        accepted: result.accepted,
        rejected: result.rejected,
        state: translate(`console.payouts.states.${result.state}`, { _: result.state }),
      })}
    </Alert>
  );
};
