import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { useState } from 'react';
import { Button, useNotify, useRedirect, useTranslate } from 'react-admin';
import { today } from '../common/format';
import { useHasRole } from '../common/roles';
import { useAction } from '../useAction';
import { DISPUTE_CHANNELS, registerDispute, type DisputeChannel } from './queries';

/**
 * Registers the debtor's dispute of a bought invoice (collection staff, issue 15 s.4): how it came
 * (phone, e-mail, letter), the disputed amount (at most what is open: the API names the field
 * otherwise), why, the next step and its day. Opens the new case.
 */
export const RegisterDisputeButton = ({ invoice }: { invoice: { id: string; status: string; currency: string; payable: string; invoiceNumber: string } }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const collection = useHasRole('COLLECTION');
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<DisputeChannel>('PHONE');
  const [amount, setAmount] = useState(invoice.payable);
  const [reason, setReason] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextStepDue, setNextStepDue] = useState(today());
  const [error, setError] = useState<{ field?: string; message?: string } | null>(null);
  const { execute, pending } = useAction(registerDispute, { formHandlesFieldErrors: true });
  if (!collection || invoice.status !== 'PURCHASED') return null;
  const confirm = async () => {
    const result = await execute({ invoiceId: invoice.id, channel, amount: amount.trim().replace(',', '.').replace(/\s/g, ''), reason: reason.trim(), nextStep: nextStep.trim(), nextStepDue });
    if (result.ok) {
      notify('console.disputes.registered', { type: 'info' });
      setOpen(false);
      redirect('show', 'disputes', result.value.id);
    } else if (result.formErrors) {
      setError({ field: result.field, message: result.message });
    }
  };
  const fieldError = (name: string) => (error?.field === `input.${name}` ? error.message : undefined);
  return (
    <>
      <Button label="console.disputes.register" onClick={() => setOpen(true)} data-testid="invoice-register-dispute">
        <ReportProblemIcon />
      </Button>
      <Dialog open={open} onClose={pending ? undefined : () => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('console.disputes.register_title', { number: invoice.invoiceNumber })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField select label={translate('resources.disputes.fields.channel')} value={channel} onChange={(e) => setChannel(e.target.value as DisputeChannel)} slotProps={{ htmlInput: { 'data-testid': 'dispute-channel' } }}>
              {DISPUTE_CHANNELS.map((c) => (
                <MenuItem key={c} value={c}>
                  {translate(`console.disputes.channels.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              required
              label={`${translate('resources.disputes.fields.amount')} (${invoice.currency})`}
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
                setError(null);
              }}
              error={!!fieldError('amount')}
              helperText={fieldError('amount')}
              slotProps={{ htmlInput: { 'data-testid': 'dispute-amount', inputMode: 'decimal' } }}
            />
            <TextField required multiline minRows={2} label={translate('resources.disputes.fields.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={!!fieldError('reason')} helperText={fieldError('reason')} slotProps={{ htmlInput: { 'data-testid': 'dispute-reason', maxLength: 2000 } }} />
            <TextField required label={translate('resources.disputes.fields.nextStep')} value={nextStep} onChange={(e) => setNextStep(e.target.value)} error={!!fieldError('nextStep')} helperText={fieldError('nextStep')} slotProps={{ htmlInput: { 'data-testid': 'dispute-next-step', maxLength: 500 } }} />
            <TextField
              required
              type="date"
              label={translate('resources.disputes.fields.nextStepDue')}
              value={nextStepDue}
              onChange={(e) => setNextStepDue(e.target.value)}
              error={!!fieldError('nextStepDue')}
              helperText={fieldError('nextStepDue')}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dispute-next-step-due' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={confirm} disabled={pending || !reason.trim() || !nextStep.trim() || !amount.trim()} data-testid="dispute-register-confirm">
            {translate('console.disputes.register')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
