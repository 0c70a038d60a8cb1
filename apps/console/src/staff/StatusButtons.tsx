import BlockIcon from '@mui/icons-material/Block';
import RestoreIcon from '@mui/icons-material/Restore';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useCallback, useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { dataProvider } from '../dataProvider';
import type { StaffMember } from '../types';
import { useAction } from '../useAction';

/** Asks for the reason, which the API keeps on the staff member and in the audit trail. */
export const DeactivateButton = () => {
  const record = useRecordContext<StaffMember>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  // The API's word on the reason (say, too short), shown under the field.
  const [reasonError, setReasonError] = useState<string | null>(null);
  const deactivate = useCallback((id: string, why: string) => dataProvider.deactivateStaffMember(id, why), []);
  const { execute, pending } = useAction(deactivate, { formHandlesFieldErrors: true });
  if (!record || !record.active) return null;

  const close = () => {
    setOpen(false);
    setReason('');
    setReasonError(null);
  };
  const confirm = async () => {
    const result = await execute(record.id, reason.trim());
    if (result.ok) {
      notify('console.staff.deactivated', { type: 'success', messageArgs: { name: record.name } });
      close();
      refresh();
    } else if (result.formErrors) {
      const message = result.formErrors.reason ?? (result.formErrors.root as { serverError?: string })?.serverError;
      setReasonError(typeof message === 'string' ? message : null);
    }
  };

  return (
    <>
      <Button label="console.staff.deactivate" color="error" onClick={() => setOpen(true)} data-testid="staff-deactivate">
        <BlockIcon />
      </Button>
      <Dialog open={open} onClose={pending ? undefined : close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('console.staff.deactivate_title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.staff.deactivate_content')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            required
            label={translate('console.staff.reason')}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(null);
            }}
            error={!!reasonError}
            helperText={reasonError ?? ' '}
            slotProps={{ htmlInput: { 'data-testid': 'deactivate-reason', maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            color="error"
            variant="contained"
            onClick={confirm}
            disabled={pending || !reason.trim()}
            data-testid="deactivate-confirm"
          >
            {translate('console.staff.deactivate')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

export const ReactivateButton = () => {
  const record = useRecordContext<StaffMember>();
  const notify = useNotify();
  const refresh = useRefresh();
  const reactivate = useCallback((id: string) => dataProvider.reactivateStaffMember(id), []);
  const { execute, pending } = useAction(reactivate);
  if (!record || record.active) return null;
  return (
    <Button
      label="console.staff.reactivate"
      disabled={pending}
      data-testid="staff-reactivate"
      onClick={async () => {
        if ((await execute(record.id)).ok) {
          notify('console.staff.reactivated', { type: 'success', messageArgs: { name: record.name } });
          refresh();
        }
      }}
    >
      <RestoreIcon />
    </Button>
  );
};
