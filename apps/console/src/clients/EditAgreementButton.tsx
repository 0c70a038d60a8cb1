import EditNoteIcon from '@mui/icons-material/EditNote';
import SaveIcon from '@mui/icons-material/Save';
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
import { useHasRole } from '../common/roles';
import { formDialogSx, NO_RECORD } from '../common/Section';
import { ScrollToFirstError } from '../common/ScrollToFirstError';
import { dataProvider, type AgreementTermsForm } from '../dataProvider';
import type { Client } from '../types';
import { useAction } from '../useAction';
import { AgreementTermsInputs, termsDefaults } from './AgreementTermsInputs';

const SaveAgreement = () => {
  const translate = useTranslate();
  const { formState } = useFormContext();
  const busy = formState.isSubmitting;
  return (
    <MuiButton
      type="submit"
      variant="contained"
      disabled={busy}
      startIcon={busy ? <CircularProgress size={16} color="inherit" /> : <SaveIcon />}
      data-testid="agreement-save"
    >
      {translate('console.agreement.save')}
    </MuiButton>
  );
};

/**
 * An admin's change of the agreement adds a version (updateClientAgreement). The version
 * the admin saw is sent along: if someone changed the agreement meanwhile the API refuses
 * (CONFLICT) and says so, and the form stays as it was so nothing typed is lost.
 */
export const EditAgreementButton = () => {
  const record = useRecordContext<Client>();
  const admin = useHasRole('ADMIN');
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const update = useCallback(
    (id: string, terms: AgreementTermsForm, version: number, reason: string) => dataProvider.updateClientAgreement(id, terms, version, reason),
    [],
  );
  const { execute } = useAction(update, { formHandlesFieldErrors: true });
  if (!record || !admin || !record.agreement || record.state === 'TERMINATED') return null;
  const agreement = record.agreement;

  const close = () => {
    setOpen(false);
    setConflict(null);
  };
  const submit = async (values: Record<string, unknown>) => {
    const { reason, ...terms } = values as unknown as AgreementTermsForm & { reason: string };
    setConflict(null);
    const result = await execute(record.id, terms, agreement.version, reason);
    if (result.ok) {
      notify('console.agreement.saved', { type: 'success', messageArgs: { name: record.legalName } });
      close();
      refresh();
      return undefined;
    }
    if (result.code === 'CONFLICT') setConflict(result.message ?? null);
    return result.formErrors;
  };

  return (
    <>
      <Button label="console.agreement.edit" onClick={() => setOpen(true)} data-testid="agreement-edit">
        <EditNoteIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="md" data-testid="agreement-dialog" sx={formDialogSx}>
        <Form record={NO_RECORD} defaultValues={{ ...termsDefaults(agreement), reason: '' }} onSubmit={submit} noValidate>
          <ScrollToFirstError />
          <DialogTitle>{translate('console.agreement.edit_title', { name: record.legalName, version: agreement.version })}</DialogTitle>
          <DialogContent dividers>
            <DialogContentText sx={{ mb: 2 }}>{translate('console.agreement.edit_content', { version: agreement.version })}</DialogContentText>
            {conflict ? (
              <Alert
                severity="error"
                sx={{ mb: 2 }}
                data-testid="agreement-conflict"
                ref={(node) => node?.scrollIntoView({ block: 'nearest' })}
                action={
                  // The form keeps what was typed until the admin chooses to start again from the new version.
                  <MuiButton
                    color="inherit"
                    size="small"
                    onClick={() => {
                      close();
                      refresh();
                    }}
                    data-testid="agreement-reload"
                  >
                    {translate('console.agreement.reload')}
                  </MuiButton>
                }
              >
                {conflict}
              </Alert>
            ) : null}
            <AgreementTermsInputs country={record.country} currency={record.currency} />
            <TextInput
              source="reason"
              label="console.agreement.change_reason"
              multiline
              minRows={2}
              validate={required()}
              helperText="console.agreement.change_reason_hint"
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <SaveAgreement />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
