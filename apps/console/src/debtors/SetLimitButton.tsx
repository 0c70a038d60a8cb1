import SpeedIcon from '@mui/icons-material/Speed';
import {
  Alert,
  Button as MuiButton,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useCallback, useState } from 'react';
import { Button, Form, required, TextInput, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useFormat } from '../common/format';
import { AmountInput } from '../common/money/AmountInput';
import { useHasRole } from '../common/roles';
import { formDialogSx, NO_RECORD } from '../common/Section';
import { ScrollToFirstError } from '../common/ScrollToFirstError';
import { dataProvider } from '../dataProvider';
import type { Debtor } from '../types';
import { useAction } from '../useAction';
import { BelowExposureWarning, RaiseInputs, reasonWhenBelow } from './Pairs';

const Save = () => {
  const translate = useTranslate();
  const { formState } = useFormContext();
  return (
    <MuiButton
      type="submit"
      variant="contained"
      disabled={formState.isSubmitting}
      startIcon={formState.isSubmitting ? <CircularProgress size={16} color="inherit" /> : undefined}
      data-testid="debtor-limit-save"
    >
      {translate('ra.action.save')}
    </MuiButton>
  );
};

/**
 * An analyst sets the debtor's limit and any temporary raise (with its last day). A limit
 * below what the debtor already owes is allowed, to stop new purchases, but only with a
 * reason: the form says so before sending and asks for one, as the API would.
 */
export const SetLimitButton = () => {
  const record = useRecordContext<Debtor>();
  const analyst = useHasRole('CREDIT_ANALYST');
  const translate = useTranslate();
  const format = useFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const save = useCallback(
    (id: string, limit: string, raise: { amount?: string; until?: string } | null, version: number, reason?: string) =>
      dataProvider.setDebtorLimit(id, limit, raise, version, reason),
    [],
  );
  const { execute } = useAction(save, { formHandlesFieldErrors: true });
  if (!record || !analyst) return null;

  const close = () => {
    setOpen(false);
    setConflict(null);
  };
  const submit = async (values: Record<string, unknown>) => {
    const raise = values.temporaryRaise as { amount?: string; until?: string } | undefined;
    setConflict(null);
    const result = await execute(record.id, String(values.creditLimit ?? ''), raise ?? null, record.version, values.reason as string | undefined);
    if (result.ok) {
      notify('console.debtors.limit_saved', {
        type: 'success',
        messageArgs: { name: record.name, limit: format.amount(String(values.creditLimit ?? ''), record.currency) },
      });
      close();
      refresh();
      return undefined;
    }
    if (result.code === 'CONFLICT') setConflict(result.message ?? null);
    return result.formErrors;
  };

  return (
    <>
      <Button label="console.debtors.set_limit" onClick={() => setOpen(true)} data-testid="debtor-set-limit">
        <SpeedIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" data-testid="debtor-limit-dialog" sx={formDialogSx}>
        <Form
          record={NO_RECORD}
          defaultValues={{
            creditLimit: record.creditLimit,
            temporaryRaise: { amount: record.temporaryRaise?.amount ?? '', until: record.temporaryRaise?.until ?? '' },
            reason: '',
          }}
          onSubmit={submit}
          noValidate
        >
          <ScrollToFirstError />
          <DialogTitle>{translate('console.debtors.set_limit_title', { name: record.name })}</DialogTitle>
          <DialogContent dividers>
            <DialogContentText sx={{ mb: 2 }}>
              {translate('console.debtors.set_limit_content', { exposure: format.amount(record.exposure, record.currency) })}
            </DialogContentText>
            {conflict ? (
              <Alert severity="error" sx={{ mb: 2 }}>
                {conflict}
              </Alert>
            ) : null}
            <BelowExposureWarning exposure={record.exposure} currency={record.currency} />
            <AmountInput
              source="creditLimit"
              negativeMessage="console.limits.negative"
              label="console.debtors.credit_limit"
              currency={record.currency}
              validate={required()}
              helperText="console.debtors.credit_limit_hint"
              fullWidth
            />
            <RaiseInputs currency={record.currency} />
            <TextInput
              source="reason"
              label="console.common.reason"
              multiline
              minRows={2}
              validate={reasonWhenBelow(record.exposure)}
              helperText="console.debtors.reason_hint"
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <Save />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
