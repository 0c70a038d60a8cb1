import { Alert, Button as MuiButton, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import Decimal from 'decimal.js';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import LinkIcon from '@mui/icons-material/Link';
import ReplyIcon from '@mui/icons-material/Reply';
import { useState } from 'react';
import { Button, Form, required, TextInput, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useFormat } from '../common/format';
import { AmountInput } from '../common/money/AmountInput';
import { formDialogSx, NO_RECORD } from '../common/Section';
import { useAction } from '../useAction';
import { placeIncomingPayment, refundIncomingPayment, type IncomingPayment, type PaymentShare, type PaymentSuggestion } from '../payments/queries';

const Submit = ({ label, testId }: { label: string; testId: string }) => {
  const translate = useTranslate();
  const { formState } = useFormContext();
  return (
    <MuiButton
      type="submit"
      variant="contained"
      disabled={formState.isSubmitting}
      startIcon={formState.isSubmitting ? <CircularProgress size={16} color="inherit" /> : undefined}
      data-testid={testId}
    >
      {translate(label)}
    </MuiButton>
  );
};

/** The smaller of what is left of the payment and what is open on the invoice: what a match places by default. */
const matchAmount = (payment: IncomingPayment, suggestion: PaymentSuggestion) => Decimal.min(payment.unplaced, suggestion.open).toFixed(2);

const useRun = <A extends unknown[]>(run: (...args: A) => Promise<unknown>, success: string, close: () => void) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { execute } = useAction(run, { formHandlesFieldErrors: true });
  const submit = async (...args: A) => {
    setRefusal(null);
    const result = await execute(...args);
    if (result.ok) {
      notify(success, { type: 'success' });
      close();
      refresh();
      return undefined;
    }
    // A CONFLICT (someone else acted, or holds it) or a refusal naming no field of the form is told above the fields.
    setRefusal(result.message ?? null);
    return result.formErrors;
  };
  return { submit, refusal, clear: () => setRefusal(null) };
};

/**
 * Match: places what is left of the payment (or a part) on one suggested invoice. The amount is
 * typed in the person's language (the console's one amount input) and sent as a decimal string.
 */
export const MatchButton = ({ payment, suggestion, disabled }: { payment: IncomingPayment; suggestion: PaymentSuggestion; disabled?: boolean }) => {
  const translate = useTranslate();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const run = useRun(
    (shares: PaymentShare[], note?: string) => placeIncomingPayment(payment.id, shares, payment.version, note),
    'console.money_in.matched',
    close,
  );
  return (
    <>
      <Button label="console.money_in.match" onClick={() => { run.clear(); setOpen(true); }} disabled={disabled} data-testid={`match-${suggestion.invoiceNumber}`}>
        <LinkIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" sx={formDialogSx} data-testid="match-dialog">
        <Form
          record={NO_RECORD}
          defaultValues={{ amount: matchAmount(payment, suggestion), note: '' }}
          onSubmit={(values: Record<string, unknown>) => run.submit([{ invoiceId: suggestion.invoiceId, amount: String(values.amount) }], (values.note as string | undefined)?.trim())}
          noValidate
        >
          <DialogTitle>{translate('console.money_in.match_title', { number: suggestion.invoiceNumber })}</DialogTitle>
          <DialogContent dividers>
            <DialogContentText sx={{ mb: 2 }}>
              {translate('console.money_in.match_help', {
                left: format.amount(payment.unplaced, payment.currency),
                open: format.amount(suggestion.open, payment.currency),
                debtor: suggestion.debtorName,
              })}
            </DialogContentText>
            {run.refusal ? <Alert severity="error" sx={{ mb: 2 }} data-testid="place-refusal">{run.refusal}</Alert> : null}
            <AmountInput source="amount" label="console.money_in.amount_to_place" currency={payment.currency} validate={required()} fullWidth data-testid="match-amount" />
            <TextInput source="note" label="console.money_in.note" multiline minRows={2} fullWidth />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <Submit label="console.money_in.match" testId="match-confirm" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

/** Split: parts of the payment on several of the suggested invoices; an empty amount leaves that invoice out. */
export const SplitButton = ({ payment, disabled }: { payment: IncomingPayment; disabled?: boolean }) => {
  const translate = useTranslate();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const run = useRun(
    (shares: PaymentShare[], note?: string) => placeIncomingPayment(payment.id, shares, payment.version, note),
    'console.money_in.split_done',
    close,
  );
  const submit = (values: Record<string, unknown>) => {
    const amounts = (values.shares ?? {}) as Record<string, string | undefined>;
    const shares = payment.suggestions
      .map((s, index) => ({ invoiceId: s.invoiceId, amount: String(amounts[`i${index}`] ?? '').trim() }))
      .filter((s) => s.amount !== '');
    if (!shares.length) return { 'shares.i0': translate('console.money_in.split_none') };
    return run.submit(shares, (values.note as string | undefined)?.trim());
  };
  return (
    <>
      <Button label="console.money_in.split" onClick={() => { run.clear(); setOpen(true); }} disabled={disabled || payment.suggestions.length < 2} data-testid="split-payment">
        <CallSplitIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" sx={formDialogSx} data-testid="split-dialog">
        <Form record={NO_RECORD} defaultValues={{ shares: {}, note: '' }} onSubmit={submit} noValidate>
          <DialogTitle>{translate('console.money_in.split_title')}</DialogTitle>
          <DialogContent dividers>
            <DialogContentText sx={{ mb: 2 }}>{translate('console.money_in.split_help', { left: format.amount(payment.unplaced, payment.currency) })}</DialogContentText>
            {run.refusal ? <Alert severity="error" sx={{ mb: 2 }} data-testid="place-refusal">{run.refusal}</Alert> : null}
            <Stack spacing={1}>
              {payment.suggestions.map((s, index) => (
                <Stack key={s.invoiceId} direction="row" spacing={2} sx={{ alignItems: 'baseline' }}>
                  <Typography variant="body2" sx={{ minWidth: 220 }}>
                    <span style={{ fontFamily: 'monospace' }}>{s.invoiceNumber}</span> · {s.debtorName}
                    <br />
                    <Typography variant="caption" color="text.secondary">{translate('console.money_in.open_amount', { amount: format.amount(s.open, payment.currency) })}</Typography>
                  </Typography>
                  <AmountInput source={`shares.i${index}`} label="console.money_in.amount_to_place" currency={payment.currency} helperText={false} data-testid={`split-amount-${index}`} />
                </Stack>
              ))}
            </Stack>
            <TextInput source="note" label="console.money_in.note" multiline minRows={2} fullWidth sx={{ mt: 2 }} />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <Submit label="console.money_in.split" testId="split-confirm" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

/** Marks (part of) what is left for refund to the payer: paid out in the next payout batch. A note says why. */
export const RefundButton = ({ payment, disabled }: { payment: IncomingPayment; disabled?: boolean }) => {
  const translate = useTranslate();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const run = useRun(
    (amount: string, note?: string) => refundIncomingPayment(payment.id, amount, payment.version, note),
    'console.money_in.refund_marked',
    close,
  );
  return (
    <>
      <Button label="console.money_in.refund" onClick={() => { run.clear(); setOpen(true); }} disabled={disabled} data-testid="refund-payment">
        <ReplyIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" sx={formDialogSx} data-testid="refund-dialog">
        <Form
          record={NO_RECORD}
          defaultValues={{ amount: payment.unplaced, note: '' }}
          onSubmit={(values: Record<string, unknown>) => run.submit(String(values.amount), (values.note as string | undefined)?.trim())}
          noValidate
        >
          <DialogTitle>{translate('console.money_in.refund_title')}</DialogTitle>
          <DialogContent dividers>
            <DialogContentText sx={{ mb: 2 }}>
              {translate('console.money_in.refund_help', { left: format.amount(payment.unplaced, payment.currency), payer: payment.payerName ?? '—', account: payment.payerAccount ?? '—' })}
            </DialogContentText>
            {run.refusal ? <Alert severity="error" sx={{ mb: 2 }} data-testid="place-refusal">{run.refusal}</Alert> : null}
            <AmountInput source="amount" label="console.money_in.amount_to_refund" currency={payment.currency} validate={required()} fullWidth data-testid="refund-amount" />
            <TextInput source="note" label="console.money_in.note" multiline minRows={2} fullWidth validate={required()} />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <Submit label="console.money_in.refund" testId="refund-confirm" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
