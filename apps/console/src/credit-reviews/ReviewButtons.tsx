import BackHandIcon from '@mui/icons-material/BackHand';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DoNotDisturbOnIcon from '@mui/icons-material/DoNotDisturbOn';
import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import PhoneDisabledIcon from '@mui/icons-material/PhoneDisabled';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutline';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import ThumbDownAltIcon from '@mui/icons-material/ThumbDownAlt';
import ThumbUpAltIcon from '@mui/icons-material/ThumbUpAlt';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Link as MuiLink,
  Radio,
  RadioGroup,
  SnackbarContent,
  TextField,
} from '@mui/material';
import { useCallback, useState, type ReactElement, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, useGetIdentity, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { enterSubmits, focusAfterDecision } from '../common/a11y';
import { useHasRole } from '../common/roles';
import { dataProvider, reviewResource } from '../dataProvider';
import { SPOT_CHECK_MAX_ATTEMPTS, type CreditReview, type ReviewKind } from '../types';
import { useAction } from '../useAction';

/** Whether the signed-in analyst holds this item. */
export const useHoldsReview = (record: CreditReview | undefined) => {
  const { identity } = useGetIdentity();
  return !!record?.claimedBy && record.claimedBy.id === identity?.id;
};

/** Not closed, and either nobody's or mine: the API lets the analyst act (an unclaimed item is taken on the way). */
const useMayAct = (record: CreditReview | undefined) => {
  const analyst = useHasRole('CREDIT_ANALYST');
  const mine = useHoldsReview(record);
  return !!record && analyst && record.state !== 'CLOSED' && (!record.claimedBy || mine);
};

/**
 * Takes the item. Shown also when someone else holds it: the API then answers CONFLICT naming
 * who has it, and that sentence is what the analyst sees; the page then shows them.
 */
export const ClaimReviewButton = ({ size }: { size?: 'small' | 'medium' }) => {
  const record = useRecordContext<CreditReview>();
  const analyst = useHasRole('CREDIT_ANALYST');
  const mine = useHoldsReview(record);
  const notify = useNotify();
  const refresh = useRefresh();
  const claim = useCallback((id: string) => dataProvider.claimCreditReview(id), []);
  const { execute, pending } = useAction(claim);
  if (!record || !analyst || record.state === 'CLOSED' || mine) return null;
  return (
    <Button
      label="console.reviews.claim"
      size={size}
      disabled={pending}
      data-testid="review-claim"
      onClick={async (event) => {
        event.stopPropagation();
        const result = await execute(record.id);
        if (result.ok) notify('console.reviews.claimed', { type: 'info' });
        if (result.ok || result.code === 'CONFLICT') refresh();
      }}
    >
      <BackHandIcon />
    </Button>
  );
};

/** Where the focus goes after a decision: the item page's "Claim next" (issue 11, section 6). */
const NEXT_ITEM = '[data-next-item]';

/**
 * Claims the oldest item of the queue nobody holds and opens it. On an item's page (`nextItem`) it is
 * the way on after a decision, and the focus is put on it then, so a clerk goes on with Enter.
 */
export const ClaimNextReviewButton = ({ kind, nextItem = false }: { kind: ReviewKind; nextItem?: boolean }) => {
  const analyst = useHasRole('CREDIT_ANALYST');
  const notify = useNotify();
  const redirect = useRedirect();
  const claimNext = useCallback(() => dataProvider.claimNextCreditReview(kind), [kind]);
  const { execute, pending } = useAction(claimNext);
  if (!analyst) return null;
  return (
    <Button
      label="console.reviews.claim_next"
      variant={nextItem ? 'outlined' : 'contained'}
      disabled={pending}
      data-testid={nextItem ? 'review-claim-next' : 'reviews-claim-next'}
      data-next-item={nextItem ? '' : undefined}
      onClick={async () => {
        const result = await execute();
        if (!result.ok) return;
        if (!result.value) {
          notify('console.reviews.none_waiting', { type: 'info' });
          return;
        }
        notify('console.reviews.claimed', { type: 'info' });
        redirect('show', reviewResource(kind), result.value.id);
      }}
    >
      <PlaylistAddCheckIcon />
    </Button>
  );
};

/**
 * After a decision that closes the item, the analyst goes straight on to the next item of the same
 * queue (issue 11, section 4): it is claimed and opened, and the notice says what was decided and
 * which item is next. With nothing left the page stays, showing the decided item, and says so. A
 * spot check sent on to manual assessment links to the new item from the notice.
 */
const useGoOn = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  return async (decided: CreditReview, said: string) => {
    const next = await dataProvider.claimNextCreditReview(decided.kind).catch(() => null);
    // Two sentences: the decision's notice ends with a full stop before what comes next.
    const sentence = /[.!?]$/.test(said) ? said : `${said}.`;
    const text = `${sentence} ${next ? translate('console.reviews.next_opened', { number: next.invoiceNumber }) : translate('console.reviews.none_waiting')}`;
    const followUp = decided.story?.followUpReviewId;
    if (followUp) {
      notify(
        <SnackbarContent
          message={text}
          data-testid="review-follow-up-notice"
          action={
            <MuiButton component={Link} to={`/${reviewResource('MANUAL_ASSESSMENT')}/${followUp}/show`} color="inherit" size="small" data-testid="review-follow-up-link">
              {translate('console.reviews.open_follow_up')}
            </MuiButton>
          }
        />,
        { type: 'success', autoHideDuration: 10000 },
      );
    } else {
      notify(text, { type: 'success' });
    }
    if (next) redirect('show', reviewResource(decided.kind), next.id);
    else refresh();
    return !!next;
  };
};

interface NoteDialogProps {
  label: string;
  icon: ReactElement;
  color?: 'primary' | 'error' | 'warning' | 'success';
  variant?: 'text' | 'outlined' | 'contained';
  testId: string;
  title: string;
  content?: ReactNode;
  fieldLabel?: string;
  /** Deny, ask and resume need a note of at least 3 characters; approve and the call outcomes do not. */
  required?: boolean;
  /** Between the text and the note: a choice the action needs. */
  extra?: ReactNode;
  run: (text: string) => Promise<unknown>;
  success: string;
  /** A decision that closes the item: go straight on to the queue's next item (useGoOn). */
  goOn?: boolean;
  onClose?: () => void;
}

/**
 * One decision with its note. The API's refusals show as notifications; when someone else took or
 * decided the item meanwhile (CONFLICT) the dialog closes and the page shows it as it is now. A limit
 * that would be exceeded keeps the dialog open with the API's sentence and the way to the debtor.
 */
const NoteDialogButton = ({
  label,
  icon,
  color = 'primary',
  variant = 'text',
  testId,
  title,
  content,
  fieldLabel = 'console.reviews.note',
  required = false,
  extra,
  run,
  success,
  goOn = false,
  onClose,
}: NoteDialogProps) => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [limitProblem, setLimitProblem] = useState<string | null>(null);
  const { execute, pending } = useAction(run, { formHandlesFieldErrors: true });
  const goOnToNext = useGoOn();

  const close = () => {
    setOpen(false);
    setText('');
    setError(null);
    setLimitProblem(null);
    onClose?.();
  };
  const confirm = async () => {
    const result = await execute(text.trim());
    if (result.ok) {
      close();
      const decided = result.value as CreditReview | undefined;
      if (goOn && decided?.state === 'CLOSED' && (await goOnToNext(decided, translate(success, { number: record?.invoiceNumber })))) return;
      if (!goOn || decided?.state !== 'CLOSED') {
        notify(success, { type: 'info', messageArgs: { number: record?.invoiceNumber } });
        refresh();
      }
      // The focus goes on to the next item, not back to this button, which the decision may remove.
      focusAfterDecision(NEXT_ITEM, `[data-testid="${testId}"]`);
    } else if (result.formErrors) {
      setError(result.message ?? null);
    } else if (result.reason === 'CREDIT_LIMIT_WOULD_BE_EXCEEDED') {
      setLimitProblem(result.message ?? null);
    } else if (result.code === 'CONFLICT' || result.code === 'NOT_FOUND') {
      close();
      refresh();
    }
  };
  const tooShort = required && text.trim().length < 3;

  return (
    <>
      <Button label={label} color={color} variant={variant} onClick={() => setOpen(true)} data-testid={testId}>
        {icon}
      </Button>
      <Dialog open={open} onClose={pending ? undefined : close} fullWidth maxWidth="sm" data-testid={`${testId}-dialog`}>
        <DialogTitle>{translate(title, { number: record?.invoiceNumber })}</DialogTitle>
        <DialogContent>
          {content ? <DialogContentText sx={{ mb: 2 }}>{content}</DialogContentText> : null}
          {extra}
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            required={required}
            label={translate(fieldLabel)}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
            onKeyDown={enterSubmits(confirm, !pending && !tooShort)}
            error={!!error}
            helperText={
              error ??
              `${translate(required ? 'console.common.min_length' : 'console.reviews.note_optional', { min: 3 })} ${translate('console.a11y.enter_submits')}`
            }
            slotProps={{ htmlInput: { 'data-testid': `${testId}-note`, maxLength: 2000 } }}
            sx={{ mt: 1 }}
          />
          {limitProblem && record?.debtorId ? (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="review-limit-problem">
              {limitProblem}{' '}
              <MuiLink component={Link} to={`/debtors/${record.debtorId}/show`}>
                {translate('console.reviews.open_debtor', { name: record.debtorName })}
              </MuiLink>
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton color={color} variant="contained" onClick={confirm} disabled={pending || tooShort} data-testid={`${testId}-confirm`}>
            {translate(label)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Buys the invoice, if the limits allow it (the API checks them again under lock). */
export const ApproveReviewButton = () => {
  const record = useRecordContext<CreditReview>();
  const mayAct = useMayAct(record);
  const translate = useTranslate();
  const run = useCallback((note: string) => dataProvider.approveCreditReview(record!.id, note), [record]);
  if (!record || !mayAct || record.state !== 'OPEN') return null;
  return (
    <NoteDialogButton
      label="console.reviews.approve"
      icon={<CheckCircleIcon />}
      color="success"
      variant="contained"
      testId="review-approve"
      title="console.reviews.approve_title"
      content={translate('console.reviews.approve_content')}
      run={run}
      success="console.reviews.approved"
      goOn
    />
  );
};

/** The reasons the client is given (the API's catalogue); none chosen means "other". */
const DENIAL_REASONS = ['DENIAL_DEBTOR_CREDITWORTHINESS', 'DENIAL_NOT_CONFIRMED_BY_DEBTOR', 'DENIAL_DOCUMENTATION_MISSING', 'DENIAL_LIMIT_EXHAUSTED'] as const;

export const DenyReviewButton = () => {
  const record = useRecordContext<CreditReview>();
  const mayAct = useMayAct(record);
  const translate = useTranslate();
  const [reasons, setReasons] = useState<string[]>([]);
  const run = useCallback((note: string) => dataProvider.denyCreditReview(record!.id, note, reasons), [record, reasons]);
  if (!record || !mayAct) return null;
  return (
    <NoteDialogButton
      label="console.reviews.deny"
      icon={<DoNotDisturbOnIcon />}
      color="error"
      testId="review-deny"
      title="console.reviews.deny_title"
      content={translate('console.reviews.deny_content')}
      required
      extra={
        <FormGroup sx={{ mb: 1 }}>
          {DENIAL_REASONS.map((code) => (
            <FormControlLabel
              key={code}
              label={translate(`console.reviews.denial_reasons.${code}`)}
              control={
                <Checkbox
                  checked={reasons.includes(code)}
                  onChange={(event) => setReasons((now) => (event.target.checked ? [...now, code] : now.filter((c) => c !== code)))}
                />
              }
            />
          ))}
        </FormGroup>
      }
      run={run}
      success="console.reviews.denied"
      goOn
    />
  );
};

/** The clock stops until the client answers (WAITING_FOR_CLIENT); the client is notified with the question. */
export const AskClientButton = () => {
  const record = useRecordContext<CreditReview>();
  const mayAct = useMayAct(record);
  const translate = useTranslate();
  const run = useCallback((question: string) => dataProvider.askClientForInformation(record!.id, question), [record]);
  if (!record || !mayAct || record.state !== 'OPEN') return null;
  return (
    <NoteDialogButton
      label="console.reviews.ask_client"
      icon={<HelpOutlineIcon />}
      color="warning"
      testId="review-ask"
      title="console.reviews.ask_title"
      content={translate('console.reviews.ask_content')}
      fieldLabel="console.reviews.question"
      required
      run={run}
      success="console.reviews.asked"
    />
  );
};

export const ResumeReviewButton = () => {
  const record = useRecordContext<CreditReview>();
  const mayAct = useMayAct(record);
  const translate = useTranslate();
  const run = useCallback((note: string) => dataProvider.resumeCreditReview(record!.id, note), [record]);
  if (!record || !mayAct || record.state !== 'WAITING_FOR_CLIENT') return null;
  return (
    <NoteDialogButton
      label="console.reviews.resume"
      icon={<PlayCircleOutlineIcon />}
      color="primary"
      variant="contained"
      testId="review-resume"
      title="console.reviews.resume_title"
      content={translate('console.reviews.resume_content')}
      fieldLabel="console.reviews.answer"
      required
      run={run}
      success="console.reviews.resumed"
    />
  );
};

/* The spot-check call's outcomes (seed 004): the debtor confirmed, did not confirm, or could not be reached. */

export const ConfirmedButton = () => {
  const record = useRecordContext<CreditReview>();
  const mayAct = useMayAct(record);
  const translate = useTranslate();
  const run = useCallback((note: string) => dataProvider.recordSpotCheckOutcome(record!.id, 'CONFIRMED', note), [record]);
  if (!record || !mayAct || record.kind !== 'SPOT_CHECK') return null;
  // Only on a contact the analyst verified (issue 9 h); the page says how to record one.
  if (!record.verifiedContacts?.length) {
    return (
      <Button label="console.spot_checks.confirmed" color="success" variant="contained" disabled data-testid="spot-check-confirmed">
        <ThumbUpAltIcon />
      </Button>
    );
  }
  return (
    <NoteDialogButton
      label="console.spot_checks.confirmed"
      icon={<ThumbUpAltIcon />}
      color="success"
      variant="contained"
      testId="spot-check-confirmed"
      title="console.spot_checks.confirmed_title"
      content={translate('console.spot_checks.confirmed_content')}
      run={run}
      success="console.spot_checks.confirmed_done"
      goOn
    />
  );
};

export const NotConfirmedButton = () => {
  const record = useRecordContext<CreditReview>();
  const mayAct = useMayAct(record);
  const translate = useTranslate();
  const [next, setNext] = useState<'manual' | 'deny'>('manual');
  const run = useCallback(
    (note: string) => dataProvider.recordSpotCheckOutcome(record!.id, 'NOT_CONFIRMED', note, next === 'deny'),
    [record, next],
  );
  if (!record || !mayAct || record.kind !== 'SPOT_CHECK') return null;
  return (
    <NoteDialogButton
      label="console.spot_checks.not_confirmed"
      icon={<ThumbDownAltIcon />}
      color="error"
      testId="spot-check-not-confirmed"
      title="console.spot_checks.not_confirmed_title"
      content={translate('console.spot_checks.not_confirmed_content')}
      extra={
        <RadioGroup value={next} onChange={(event) => setNext(event.target.value as 'manual' | 'deny')} sx={{ mb: 1 }}>
          <FormControlLabel
            value="manual"
            control={<Radio slotProps={{ input: { 'data-testid': 'not-confirmed-manual' } as object }} />}
            label={translate('console.spot_checks.send_to_manual')}
          />
          <FormControlLabel
            value="deny"
            control={<Radio slotProps={{ input: { 'data-testid': 'not-confirmed-deny' } as object }} />}
            label={translate('console.spot_checks.deny_now')}
          />
        </RadioGroup>
      }
      run={run}
      success={next === 'deny' ? 'console.reviews.denied' : 'console.spot_checks.sent_to_manual'}
      goOn
      onClose={() => setNext('manual')}
    />
  );
};

export const UnreachableButton = () => {
  const record = useRecordContext<CreditReview>();
  const mayAct = useMayAct(record);
  const translate = useTranslate();
  const run = useCallback((note: string) => dataProvider.recordSpotCheckOutcome(record!.id, 'UNREACHABLE', note), [record]);
  if (!record || !mayAct || record.kind !== 'SPOT_CHECK') return null;
  const attempt = record.attempts + 1;
  const last = attempt >= SPOT_CHECK_MAX_ATTEMPTS;
  return (
    <NoteDialogButton
      label="console.spot_checks.unreachable"
      icon={<PhoneDisabledIcon />}
      color="warning"
      testId="spot-check-unreachable"
      title="console.spot_checks.unreachable_title"
      content={
        <Box component="span" data-testid="unreachable-attempt">
          {translate('console.spot_checks.unreachable_content', { n: attempt, max: SPOT_CHECK_MAX_ATTEMPTS })}
          {last ? ` ${translate('console.spot_checks.unreachable_last')}` : ''}
        </Box>
      }
      run={run}
      // Before the last attempt the item stays, claimed by this analyst, to call again: no going on.
      success={last ? 'console.spot_checks.sent_to_manual' : 'console.spot_checks.unreachable_done'}
      goOn={last}
    />
  );
};
