import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import { useState } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { useAction } from '../useAction';
import { resolveDispute, type Dispute, type DisputeEnding } from './queries';

const ENDINGS: DisputeEnding[] = ['WITHDRAW', 'CREDIT', 'RECOURSE'];

/**
 * Ends a dispute (the reason dialog of issue 15 s.4): withdrawn by the debtor, credited by the
 * client (its credit note's number and amount), or bought back by the client (recourse of the
 * disputed amount). The version looked at goes along: a case changed since is refused.
 */
export const ResolveDisputeButton = ({ dispute }: { dispute: Dispute }) => {
  const translate = useTranslate();
  const format = useFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [ending, setEnding] = useState<DisputeEnding>('WITHDRAW');
  const [note, setNote] = useState('');
  const [creditNumber, setCreditNumber] = useState('');
  const [creditedAmount, setCreditedAmount] = useState('');
  const [error, setError] = useState<{ field?: string; message?: string } | null>(null);
  const { execute, pending } = useAction(resolveDispute, { formHandlesFieldErrors: true });
  const close = () => {
    setOpen(false);
    setNote('');
    setError(null);
  };
  const confirm = async () => {
    const result = await execute({
      id: dispute.id,
      ending,
      note: note.trim(),
      expectedVersion: dispute.version,
      ...(ending === 'CREDIT' ? { creditNumber: creditNumber.trim(), creditedAmount: creditedAmount.trim().replace(',', '.').replace(/\s/g, '') } : {}),
    });
    if (result.ok) {
      notify('console.disputes.resolved', { type: 'info' });
      close();
      refresh();
    } else if (result.formErrors) {
      setError({ field: result.field, message: result.message });
    }
  };
  const incomplete = note.trim().length < 3 || (ending === 'CREDIT' && (!creditNumber.trim() || !creditedAmount.trim()));
  return (
    <>
      <Button label="console.disputes.resolve" onClick={() => setOpen(true)} data-testid="dispute-resolve">
        <GavelIcon />
      </Button>
      <Dialog open={open} onClose={pending ? undefined : close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('console.disputes.resolve_title', { number: dispute.invoiceNumber })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(`console.disputes.ending_help.${ending}`, { amount: format.amount(dispute.amount, dispute.currency) })}</DialogContentText>
          <Stack spacing={2}>
            <TextField
              select
              label={translate('console.disputes.ending')}
              value={ending}
              onChange={(e) => setEnding(e.target.value as DisputeEnding)}
              slotProps={{ htmlInput: { 'data-testid': 'dispute-ending' } }}
            >
              {ENDINGS.map((e) => (
                <MenuItem key={e} value={e} data-testid={`dispute-ending-${e}`}>
                  {translate(`console.disputes.endings.${e}`)}
                </MenuItem>
              ))}
            </TextField>
            {ending === 'CREDIT' ? (
              <>
                <TextField
                  required
                  label={translate('console.disputes.credit_number')}
                  value={creditNumber}
                  onChange={(e) => setCreditNumber(e.target.value)}
                  error={error?.field === 'creditNumber'}
                  slotProps={{ htmlInput: { 'data-testid': 'dispute-credit-number', maxLength: 60 } }}
                />
                <TextField
                  required
                  label={translate('console.disputes.credited_amount', { currency: dispute.currency })}
                  value={creditedAmount}
                  onChange={(e) => setCreditedAmount(e.target.value)}
                  error={error?.field === 'creditedAmount'}
                  helperText={error?.field === 'creditedAmount' ? error.message : undefined}
                  slotProps={{ htmlInput: { 'data-testid': 'dispute-credited-amount', inputMode: 'decimal' } }}
                />
              </>
            ) : null}
            <TextField
              required
              multiline
              minRows={2}
              label={translate('console.common.reason')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={!!error && error.field !== 'creditNumber' && error.field !== 'creditedAmount'}
              helperText={error && error.field !== 'creditedAmount' ? error.message : translate('console.common.min_length', { min: 3 })}
              slotProps={{ htmlInput: { 'data-testid': 'dispute-resolve-reason', maxLength: 2000 } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={confirm} disabled={pending || incomplete} data-testid="dispute-resolve-confirm">
            {translate('console.disputes.resolve')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
