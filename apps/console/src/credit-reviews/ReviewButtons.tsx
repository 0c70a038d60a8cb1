import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DoNotDisturbOnIcon from '@mui/icons-material/DoNotDisturbOn';
import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import PhoneDisabledIcon from '@mui/icons-material/PhoneDisabled';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutline';
import ThumbDownAltIcon from '@mui/icons-material/ThumbDownAlt';
import ThumbUpAltIcon from '@mui/icons-material/ThumbUpAlt';
import {
  Alert,
  Box,
  Button as MuiButton,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Link as MuiLink,
  Radio,
  RadioGroup,
  SnackbarContent,
} from '@mui/material';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { ClaimBar, ClaimNextButton } from '../common/queue/ClaimBar';
import { DecisionButton, type DecisionButtonProps } from '../common/queue/DecisionButtons';
import { useGoOn, useHolds, type ClaimWords } from '../common/queue/useClaim';
import { useHasRole } from '../common/roles';
import { dataProvider, reviewResource } from '../dataProvider';
import { creditReviewActions } from './data';
import { SPOT_CHECK_MAX_ATTEMPTS, type CreditReview, type ReviewKind } from '../types';

const words: ClaimWords = {
  claim: 'console.reviews.claim',
  claimNext: 'console.reviews.claim_next',
  claimed: 'console.reviews.claimed',
  noneWaiting: 'console.reviews.none_waiting',
};
const claim = (id: string) => dataProvider.claimCreditReview(id);
const release = (id: string) => creditReviewActions.releaseCreditReview(id);

/** Whether the signed-in analyst holds this item. */
export const useHoldsReview = (record: CreditReview | undefined) => useHolds(record);

/** Not closed, and either nobody's or mine: the API lets the analyst act (an unclaimed item is taken on the way). */
const useMayAct = (record: CreditReview | undefined) => {
  const analyst = useHasRole('CREDIT_ANALYST');
  const mine = useHoldsReview(record);
  return !!record && analyst && record.state !== 'CLOSED' && (!record.claimedBy || mine);
};

/**
 * Takes or gives back the item (the common claim bar). Claim is shown also when someone else holds
 * it: the API then answers CONFLICT naming who has it, and that sentence is what the analyst sees.
 */
export const ClaimReviewButton = ({ size }: { size?: 'small' | 'medium' }) => {
  const record = useRecordContext<CreditReview>();
  const analyst = useHasRole('CREDIT_ANALYST');
  return (
    <ClaimBar
      open={!!record && record.state !== 'CLOSED'}
      allowed={analyst}
      words={words}
      testId="review"
      size={size}
      claim={claim}
      release={release}
    />
  );
};

/**
 * Claims the oldest item of the queue nobody holds and opens it. On an item's page (`nextItem`) it is
 * the way on after a decision, and the focus is put on it then, so a clerk goes on with Enter.
 */
export const ClaimNextReviewButton = ({ kind, nextItem = false }: { kind: ReviewKind; nextItem?: boolean }) => {
  const analyst = useHasRole('CREDIT_ANALYST');
  const claimNext = useCallback(() => dataProvider.claimNextCreditReview(kind), [kind]);
  return (
    <ClaimNextButton
      claimNext={claimNext}
      resource={reviewResource(kind)}
      allowed={analyst}
      words={words}
      testId={nextItem ? 'review-claim-next' : 'reviews-claim-next'}
      nextItem={nextItem}
    />
  );
};

/**
 * After a decision that closes the item, the analyst goes straight on to the next item of the same
 * queue (issue 11, section 4; the common useGoOn). A spot check sent on to manual assessment links
 * to the new item from the notice.
 */
const useReviewGoOn = (kind: ReviewKind | undefined) => {
  const translate = useTranslate();
  const claimNext = useCallback(() => (kind ? dataProvider.claimNextCreditReview(kind) : Promise.resolve(null)), [kind]);
  const goOn = useGoOn(claimNext, reviewResource(kind ?? 'MANUAL_ASSESSMENT'), {
    nextOpened: (next) => translate('console.reviews.next_opened', { number: next.invoiceNumber }),
    noneWaiting: 'console.reviews.none_waiting',
  });
  return async (value: unknown, said: string) => {
    const decided = value as CreditReview | undefined;
    if (decided?.state !== 'CLOSED') return false;
    const followUp = decided.story?.followUpReviewId;
    await goOn(
      said,
      followUp
        ? (text) => (
            <SnackbarContent
              message={text}
              data-testid="review-follow-up-notice"
              action={
                <MuiButton component={Link} to={`/${reviewResource('MANUAL_ASSESSMENT')}/${followUp}/show`} color="inherit" size="small" data-testid="review-follow-up-link">
                  {translate('console.reviews.open_follow_up')}
                </MuiButton>
              }
            />
          )
        : undefined,
    );
    // Gone on or not, the decision has been told; with nothing left the page shows the decided item.
    return true;
  };
};

type ReviewDecisionProps = Omit<DecisionButtonProps, 'goOn' | 'args' | 'optional'> & {
  /** Deny, ask and resume need a note of at least 3 characters; approve and the call outcomes do not. */
  required?: boolean;
  /** A decision that closes the item: go straight on to the queue's next item. */
  goOn?: boolean;
};

/**
 * One decision on a review with its note (the common decision button). A limit that would be
 * exceeded keeps the dialog open with the API's sentence and the way to the debtor.
 */
const ReviewDecision = ({ required = false, goOn = false, ...rest }: ReviewDecisionProps) => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  const goOnToNext = useReviewGoOn(record?.kind);
  return (
    <DecisionButton
      {...rest}
      optional={!required}
      fieldLabel={rest.fieldLabel ?? 'console.reviews.note'}
      args={{ number: record?.invoiceNumber }}
      goOn={goOn ? goOnToNext : undefined}
      onRefused={(result) =>
        result.reason === 'CREDIT_LIMIT_WOULD_BE_EXCEEDED' && record?.debtorId ? (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="review-limit-problem">
            {result.message}{' '}
            <MuiLink component={Link} to={`/debtors/${record.debtorId}/show`}>
              {translate('console.reviews.open_debtor', { name: record.debtorName })}
            </MuiLink>
          </Alert>
        ) : undefined
      }
    />
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
    <ReviewDecision
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
    <ReviewDecision
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
    <ReviewDecision
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
    <ReviewDecision
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
    <ReviewDecision
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
    <ReviewDecision
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
    <ReviewDecision
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
