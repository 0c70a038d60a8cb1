import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DoNotDisturbOnIcon from '@mui/icons-material/DoNotDisturbOn';
import {
  Button as MuiButton,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
} from '@mui/material';
import { useCallback, useState } from 'react';
import { Button, Form, TextInput, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { AgreementTermsInputs, termsDefaults } from '../clients/AgreementTermsInputs';
import { useHasRole } from '../common/roles';
import { focusAfterDecision } from '../common/a11y';
import { NEXT_ITEM } from '../common/queue/ClaimBar';
import { DecisionButton } from '../common/queue/DecisionButtons';
import { useGoOn } from '../common/queue/useClaim';
import { formDialogSx, NO_RECORD } from '../common/Section';
import { dataProvider, type AgreementTermsForm } from '../dataProvider';
import { REFUSAL_REASONS, type ClientApplication, type RefusalReason } from '../types';
import { useAction } from '../useAction';
import { useHoldsApplication } from './ClaimButtons';

/** Pending, and either nobody's or mine: the API lets the analyst decide (claiming on the way). */
const useMayDecide = (record: ClientApplication | undefined) => {
  const analyst = useHasRole('CREDIT_ANALYST');
  const mine = useHoldsApplication(record);
  return !!record && analyst && record.state === 'PENDING' && (!record.claimedBy || mine);
};

/**
 * After approving or refusing, straight on to the next pending application nobody holds (issue 11,
 * section 4; the common useGoOn, as the credit reviews do): it is claimed and opened, and one notice
 * says what was decided and which company is next. With none left the decided application stays.
 */
const useApplicationGoOn = () => {
  const translate = useTranslate();
  const claimNext = useCallback(() => dataProvider.claimNextClientApplication(), []);
  return useGoOn(claimNext, 'client-applications', {
    nextOpened: (next) => translate('console.applications.next_opened', { name: next.legalName }),
    noneWaiting: 'console.applications.none_waiting',
  });
};

const SubmitButton = ({ label, testId }: { label: string; testId: string }) => {
  const translate = useTranslate();
  const { formState } = useFormContext();
  const busy = formState.isSubmitting;
  return (
    <MuiButton
      type="submit"
      variant="contained"
      color="success"
      disabled={busy}
      startIcon={busy ? <CircularProgress size={16} color="inherit" /> : <CheckCircleIcon />}
      data-testid={testId}
    >
      {translate(label)}
    </MuiButton>
  );
};

const sameAccount = (a?: { kind: string; value: string }, b?: { kind: string; value: string }) =>
  !!a && !!b && a.kind === b.kind && a.value.trim() === b.value.trim();

/**
 * Approve: the analyst sets the first agreement (pricing is per client, seed 004) and the
 * company becomes an active client. The accounts start as the application's; left as they
 * are, they are not sent and the API takes the application's own.
 */
export const ApproveButton = () => {
  const record = useRecordContext<ClientApplication>();
  const mayDecide = useMayDecide(record);
  const translate = useTranslate();
  const refresh = useRefresh();
  const goOn = useApplicationGoOn();
  const [open, setOpen] = useState(false);
  const approve = useCallback(
    (id: string, terms: AgreementTermsForm, note?: string) => dataProvider.approveClientApplication(id, terms, note),
    [],
  );
  const { execute } = useAction(approve, { formHandlesFieldErrors: true });
  if (!record || !mayDecide) return null;

  const defaults = termsDefaults(null, record.details ?? {});
  const submit = async (values: Record<string, unknown>) => {
    const { note, ...terms } = values as unknown as AgreementTermsForm & { note?: string };
    const sent: AgreementTermsForm = {
      ...terms,
      payoutAccount: sameAccount(terms.payoutAccount, defaults.payoutAccount) ? undefined : terms.payoutAccount,
      repaymentAccount: sameAccount(terms.repaymentAccount, defaults.repaymentAccount) ? undefined : terms.repaymentAccount,
    };
    const result = await execute(record.id, sent, note);
    if (result.ok) {
      setOpen(false);
      // The same way on as every other decision: the next application, or this one as decided.
      const wentOn = await goOn(translate('console.applications.approved', { name: record.legalName }));
      if (!wentOn) focusAfterDecision(NEXT_ITEM, '[data-testid="application-approve"]');
      return undefined;
    }
    // Taken or decided by someone else meanwhile: the notification says so; show the page as it is now.
    if (result.code === 'CONFLICT') {
      setOpen(false);
      refresh();
    }
    return result.formErrors;
  };
  const currency = record.country === 'NO' ? 'NOK' : 'SEK';

  return (
    <>
      <Button label="console.applications.approve" color="success" onClick={() => setOpen(true)} data-testid="application-approve">
        <CheckCircleIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md" data-testid="approve-dialog" sx={formDialogSx}>
        <Form record={NO_RECORD} defaultValues={{ ...defaults, note: '' }} onSubmit={submit} noValidate>
          <DialogTitle>{translate('console.applications.approve_title', { name: record.legalName })}</DialogTitle>
          <DialogContent dividers>
            <DialogContentText sx={{ mb: 2 }}>{translate('console.applications.approve_content')}</DialogContentText>
            <AgreementTermsInputs country={record.country} currency={currency} />
            <TextInput source="note" label="console.applications.note" multiline minRows={2} helperText="console.applications.note_hint" />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SubmitButton label="console.applications.approve" testId="approve-confirm" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

/**
 * Refuse, with one or more of the analyst's reasons (seed 001's common ones and OTHER, which needs
 * a note), on the common decision button. The applicant is told why and may apply again later.
 */
export const RefuseButton = () => {
  const record = useRecordContext<ClientApplication>();
  const mayDecide = useMayDecide(record);
  const translate = useTranslate();
  const goOn = useApplicationGoOn();
  const [reasons, setReasons] = useState<RefusalReason[]>([]);
  const [reasonsError, setReasonsError] = useState<string | null>(null);
  const refuse = useCallback((note: string) => dataProvider.refuseClientApplication(record!.id, reasons, note), [record, reasons]);
  if (!record || !mayDecide) return null;

  const toggle = (code: RefusalReason) => {
    setReasons((chosen) => (chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]));
    setReasonsError(null);
  };
  return (
    <DecisionButton
      label="console.applications.refuse"
      icon={<DoNotDisturbOnIcon />}
      color="error"
      testId="application-refuse"
      title="console.applications.refuse_title"
      args={{ name: record.legalName }}
      content={translate('console.applications.refuse_content')}
      fieldLabel="console.applications.note"
      optional={!reasons.includes('OTHER')}
      incomplete={reasons.length === 0}
      run={refuse}
      goOn={async (_value, said) => {
        await goOn(said);
        return true;
      }}
      success="console.applications.refused"
      onRefused={(result) => {
        if (result.formErrors && result.field === 'reasons') {
          setReasonsError(result.message ?? null);
          return true;
        }
        return undefined;
      }}
      onClose={() => {
        setReasons([]);
        setReasonsError(null);
      }}
      extra={
        <FormControl error={!!reasonsError} component="fieldset" variant="standard" sx={{ mb: 1 }}>
          <FormLabel component="legend">{translate('console.applications.refusal_reasons')}</FormLabel>
          <FormGroup>
            {REFUSAL_REASONS.map((code) => (
              <FormControlLabel
                key={code}
                control={
                  <Checkbox
                    checked={reasons.includes(code)}
                    onChange={() => toggle(code)}
                    slotProps={{ input: { 'data-testid': `refusal-reason-${code}` } as object }}
                  />
                }
                label={translate(`console.refusal_reasons.${code}`)}
              />
            ))}
          </FormGroup>
          {reasonsError ? <FormHelperText>{reasonsError}</FormHelperText> : null}
        </FormControl>
      }
    />
  );
};
