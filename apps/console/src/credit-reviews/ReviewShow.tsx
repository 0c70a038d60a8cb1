import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import CheckIcon from '@mui/icons-material/Check';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import PhoneIcon from '@mui/icons-material/Phone';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Link as MuiLink,
  List as MuiList,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, Show, TopToolbar, useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { focusWhenShown } from '../common/a11y';
import { OverdueChip } from '../common/chips';
import { useFormat } from '../common/format';
import { useReasonWord } from '../common/reasonWords';
import { FullRecord } from '../common/FullRecord';
import { Facts, reasonText, Section } from '../common/Section';
import { OwnerField, useAge } from '../common/queue/QueueColumns';
import { SPOT_CHECK_MAX_ATTEMPTS, type ContactDetails, type CreditFigures, type CreditReview, type Debtor, type Invoice } from '../types';
import { OtherFigures } from './DecisionFigures';
import { RecordVerifiedContactButton } from './VerifiedContact';
import { ExposureChart } from './ExposureChart';
import { ReviewStateChip } from './fields';
import {
  ApproveReviewButton,
  AskClientButton,
  ClaimNextReviewButton,
  ClaimReviewButton,
  ConfirmedButton,
  DenyReviewButton,
  NotConfirmedButton,
  ResumeReviewButton,
  UnreachableButton,
} from './ReviewButtons';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** A manual assessment is decided up here; a spot check by the call's outcome, beside the debtor's number. */
const Actions = () => {
  const record = useRecordContext<CreditReview>();
  return (
    <TopToolbar>
      <ClaimReviewButton />
      {record?.kind === 'MANUAL_ASSESSMENT' ? (
        <>
          <AskClientButton />
          <ResumeReviewButton />
          <DenyReviewButton />
          <ApproveReviewButton />
        </>
      ) : null}
      {record ? <ClaimNextReviewButton kind={record.kind} nextItem /> : null}
    </TopToolbar>
  );
};

const HEADING = 'review-heading';

/**
 * On arriving at an item (from the list, or "Claim next" on the last one) the focus starts at its
 * heading, so Tab goes on into this item and a screen reader reads which invoice it is. Once per
 * item: a refresh after a decision redraws the page but must leave the focus on the next item.
 */
const FocusOnArrival = () => {
  const record = useRecordContext<CreditReview>();
  const arrived = useRef<string | null>(null);
  const id = record?.id ?? null;
  useEffect(() => {
    if (!id || arrived.current === id) return;
    arrived.current = id;
    focusWhenShown(`#${HEADING}[data-review-id="${id}"]`, 100);
  }, [id]);
  return null;
};

const Header = () => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  const format = useFormat();
  const age = useAge();
  if (!record) return null;
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="overline" color="text.secondary" sx={{ fontWeight: 600 }}>
            {translate(`console.review_kinds.${record.kind}`)}
          </Typography>
          <Typography variant="h5" component="h1" id={HEADING} data-review-id={record.id} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }} data-testid="review-invoice-number">
            {record.invoiceNumber}
          </Typography>
          <ReviewStateChip review={record} size="medium" />
          {record.overdue ? <OverdueChip /> : null}
          <Box sx={{ flex: 1 }} />
          <Typography variant="h5" component="span" sx={num} data-testid="review-amount">
            {format.amount(record.amount, record.currency, { decimals: 2 })}
          </Typography>
        </Stack>
        <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap', color: 'text.secondary', alignItems: 'center' }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <MuiLink component={Link} to={`/clients/${record.clientId}/show`} data-testid="review-client">
              {record.clientName}
            </MuiLink>
            <ArrowRightAltIcon fontSize="small" />
            {record.debtorId ? (
              <MuiLink component={Link} to={`/debtors/${record.debtorId}/show`} data-testid="review-debtor">
                {record.debtorName}
              </MuiLink>
            ) : (
              <Typography component="span" data-testid="review-debtor">
                {record.debtorName}
              </Typography>
            )}
          </Stack>
          <Typography variant="body2">{translate('console.reviews.opened', { date: format.dateTime(record.openedAt), age: age(record.ageHours) })}</Typography>
          <Typography variant="body2" color={record.overdue ? 'error' : undefined} data-testid="review-due">
            {translate('console.reviews.due', { date: format.dateTime(record.dueAt) })}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2">{translate('console.reviews.claimed_by')}:</Typography>
            <OwnerField<CreditReview> isOpen={(r) => r.state !== 'CLOSED'} />
          </Stack>
          <MuiLink component={Link} to={`/invoices/${record.invoiceId}/show`} data-testid="review-open-invoice" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            {translate('console.reviews.open_invoice')}
            <OpenInNewIcon sx={{ fontSize: 16 }} />
          </MuiLink>
        </Stack>
        {record.state === 'WAITING_FOR_CLIENT' ? (
          <Alert severity="warning" sx={{ mt: 2 }} data-testid="review-waiting">
            {record.story?.pausedAt
              ? translate('console.reviews.story.clock_paused', { date: format.dateTime(record.story.pausedAt) })
              : translate('console.reviews.waiting_for_client')}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
};

const addressLines = (contact: ContactDetails | null | undefined) =>
  contact?.address ? (
    <span>
      {contact.address.street}
      <br />
      {contact.address.postalCode} {contact.address.city}
    </span>
  ) : null;

/**
 * Whom to call. The number to dial is one an analyst verified and said where it came from
 * (issue 9 h): the contact on file and on the invoice may be the seller's own, and a fraudster
 * would happily confirm its own invoice. Both are shown beside it, marked by who gave them.
 */
const DebtorContact = () => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  const format = useFormat();
  const { data: debtor } = useGetOne<Debtor>('debtors', { id: record?.debtorId ?? '' }, { enabled: !!record?.debtorId });
  if (!record) return null;
  // The debtor as registered: its own record has the address too, which the review's contact lacks.
  const registered: ContactDetails | null = debtor
    ? { name: debtor.name, email: debtor.email, phone: debtor.phone, identityNumber: debtor.identityNumber, address: debtor.address, givenBy: debtor.contactGivenBy }
    : (record.debtorContact?.registered ?? null);
  const onInvoice = record.debtorContact?.onInvoice ?? null;
  const verified = record.verifiedContacts ?? [];
  const toCall = verified.find((contact) => contact.phone) ?? null;
  const value = (text: ReactNode) => text || <Typography variant="body2" component="span" color="text.secondary">{translate('console.spot_checks.not_given')}</Typography>;
  const column = (title: string, contact: ContactDetails | null, testId: string, fromClient: boolean) => (
    <Box data-testid={testId}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.75 }}>
        <Typography variant="subtitle2">{translate(title)}</Typography>
        {fromClient ? <Chip size="small" color="warning" variant="outlined" label={translate('console.verified_contacts.from_client')} data-testid={`${testId}-from-client`} /> : null}
      </Stack>
      <Facts
        rows={[
          ['resources.spot-checks.fields.debtorName', value(contact?.name)],
          ['console.contact.phone', value(contact?.phone), `${testId}-phone`],
          ['console.contact.email', value(contact?.email), `${testId}-email`],
          ['console.applications.address', value(addressLines(contact)), `${testId}-address`],
          ...(contact?.identityNumber ? ([['console.spot_checks.identity_number', <span key="id" style={{ fontFamily: 'monospace' }}>{contact.identityNumber}</span>]] as Array<[string, ReactNode]>) : []),
        ]}
      />
    </Box>
  );
  return (
    <Section title="console.spot_checks.contact" testId="spot-check-contact" fill>
      {toCall ? (
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
          <PhoneIcon color="primary" />
          <Typography variant="h5" component="a" href={`tel:${toCall.phone}`} sx={{ color: 'primary.main', textDecoration: 'none', ...num }} data-testid="spot-check-phone">
            {toCall.phone}
          </Typography>
          <Chip size="small" color="success" label={translate('console.verified_contacts.verified')} />
        </Stack>
      ) : (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="spot-check-no-verified-contact">
          {translate('console.verified_contacts.none_yet')}
        </Alert>
      )}
      {verified.length ? (
        <MuiList dense disablePadding sx={{ mb: 2 }} data-testid="verified-contacts">
          {verified.map((contact) => (
            <ListItem key={contact.id} disableGutters>
              <ListItemText
                primary={[contact.phone, contact.email].filter(Boolean).join(' · ')}
                secondary={translate('console.verified_contacts.recorded_line', {
                  source: translate(`console.verified_contacts.sources.${contact.source}`),
                  detail: contact.sourceDetail,
                  who: contact.recordedBy.name,
                  when: format.dateTime(contact.recordedAt),
                })}
              />
            </ListItem>
          ))}
        </MuiList>
      ) : null}
      {record.debtorId && record.state !== 'CLOSED' ? (
        <Box sx={{ mb: 2 }}>
          <RecordVerifiedContactButton debtorId={record.debtorId} variant={toCall ? 'outlined' : 'contained'} />
        </Box>
      ) : null}
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' } }}>
        {column('console.spot_checks.as_registered', registered, 'contact-registered', registered?.givenBy === 'CLIENT_INVOICE')}
        {column('console.spot_checks.as_on_invoice', onInvoice, 'contact-on-invoice', true)}
      </Box>
    </Section>
  );
};

/** What to ask the debtor (seed 004): that they expect the invoice, and that its content and price are right; then the outcome. */
const WhatToConfirm = () => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  if (!record) return null;
  const points = ['expects', 'content', 'price'];
  return (
    <Section title="console.spot_checks.what_to_confirm" testId="spot-check-confirm" fill>
      <Typography variant="body2" color="text.secondary">
        {translate('console.spot_checks.confirm_intro', { client: record.clientName })}
      </Typography>
      <MuiList dense disablePadding sx={{ my: 1 }}>
        {points.map((point) => (
          <ListItem key={point} disableGutters>
            <ListItemIcon sx={{ minWidth: 32 }}>
              <CheckIcon color="primary" fontSize="small" />
            </ListItemIcon>
            <ListItemText primary={translate(`console.spot_checks.confirm_points.${point}`, { client: record.clientName })} />
          </ListItem>
        ))}
      </MuiList>
      {record.attempts ? (
        <Alert severity="info" sx={{ mb: 1.5 }} data-testid="spot-check-attempts">
          {translate('console.spot_checks.attempts_so_far', { n: record.attempts, max: SPOT_CHECK_MAX_ATTEMPTS })}
        </Alert>
      ) : null}
      {record.state === 'CLOSED' ? (
        <Alert severity="success" data-testid="spot-check-closed">
          {translate('console.reviews.closed_as', { outcome: translate(`console.review_outcomes.${record.outcome}`, { _: record.outcome ?? '' }) })}
        </Alert>
      ) : (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <ConfirmedButton />
          <NotConfirmedButton />
          <UnreachableButton />
        </Stack>
      )}
    </Section>
  );
};

/** The invoice as the client sent it: what the debtor is asked about (its lines and price). */
const InvoiceSummary = () => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  const format = useFormat();
  const { data: invoice, isPending } = useGetOne<Invoice>('invoices', { id: record?.invoiceId ?? '' }, { enabled: !!record?.invoiceId });
  if (!record) return null;
  const money = (value: string | null | undefined) => format.amount(value, record.currency, { decimals: 2 });
  return (
    <Section
      title="console.reviews.invoice"
      testId="review-invoice"
      fill
      action={
        <MuiLink component={Link} to={`/invoices/${record.invoiceId}/show`} variant="body2" data-testid="review-invoice-link">
          {translate('console.reviews.open_invoice')}
        </MuiLink>
      }
    >
      {isPending || !invoice ? (
        <LinearProgress />
      ) : (
        <>
          <Facts
            rows={[
              ['console.invoices.invoice_date', format.date(invoice.invoiceDate)],
              ['console.invoices.delivery_date', format.date(invoice.deliveryDate)],
              ['console.invoices.due_date', format.date(invoice.dueDate)],
              ['console.invoices.totals.gross', <span key="gross" style={num}>{money(invoice.gross)}</span>],
              ['console.invoices.totals.payable', <strong key="payable" style={num}>{money(invoice.payable)}</strong>],
            ]}
          />
          {invoice.lines?.length ? (
            <Table size="small" sx={{ mt: 1.5 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('console.invoices.line.description')}</TableCell>
                  <TableCell align="right">{translate('console.invoices.line.quantity')}</TableCell>
                  <TableCell align="right">{translate('console.invoices.line.unit_price')}</TableCell>
                  <TableCell align="right">{translate('console.invoices.line.net')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {invoice.lines.map((line) => (
                  <TableRow key={line.lineNumber} data-testid="review-invoice-line">
                    <TableCell>{line.description}</TableCell>
                    <TableCell align="right" sx={num}>
                      {format.amount(line.quantity, undefined, { decimals: line.quantity.includes('.') ? 2 : 0 })}
                    </TableCell>
                    <TableCell align="right" sx={num}>
                      {money(line.unitPrice)}
                    </TableCell>
                    <TableCell align="right" sx={num}>
                      {money(line.net)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </>
      )}
    </Section>
  );
};

/** Why the rules sent it here, in the chosen language. */
const Reasons = () => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  const reasonWord = useReasonWord();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Section title="console.reviews.reasons" testId="review-reasons" fill>
      {record.reasons.length ? (
        <Stack component="ul" spacing={1.25} sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {record.reasons.map((reason) => (
            <Box component="li" key={reason.code} data-testid="review-reason" data-code={reason.code}>
              <Chip size="small" variant="outlined" label={reasonWord(reason.code)} />
              <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="review-reason-text">
                {reasonText(reason, locale)}
              </Typography>
            </Box>
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('console.invoices.no_reasons')}
        </Typography>
      )}
      {record.figures ? <OtherFigures figures={record.figures} currency={record.currency} /> : null}
    </Section>
  );
};

/**
 * Why the item is in its queue now (the rules, or a spot check that could not confirm it), where a
 * spot check went on to, and what people did meanwhile: calls, the question to the client and the
 * answer, each with who and the words they typed (issue 11, section 4).
 */
const Story = () => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  const format = useFormat();
  const story = record?.story;
  if (!record || !story) return null;
  return (
    <Section title="console.reviews.story.title" testId="review-story" fill>
      {story.cameFromReviewId ? (
        <Alert
          severity="info"
          data-testid="review-came-from"
          data-outcome={story.cameFromOutcome ?? ''}
          action={
            <MuiButton component={Link} to={`/spot-checks/${story.cameFromReviewId}/show`} color="inherit" size="small" data-testid="review-came-from-link">
              {translate('console.reviews.story.open_spot_check')}
            </MuiButton>
          }
        >
          {translate(`console.reviews.story.from_spot_check_${story.cameFromOutcome}`, { max: SPOT_CHECK_MAX_ATTEMPTS, _: translate('console.reviews.story.from_spot_check_NOT_CONFIRMED') })}
        </Alert>
      ) : record.kind === 'MANUAL_ASSESSMENT' ? (
        <Typography variant="body2" data-testid="review-came-from" data-outcome="RULES">
          {translate('console.reviews.story.by_rules')}
        </Typography>
      ) : null}
      {story.followUpReviewId ? (
        <Alert
          severity="info"
          data-testid="review-follow-up"
          action={
            <MuiButton component={Link} to={`/manual-assessment/${story.followUpReviewId}/show`} color="inherit" size="small" data-testid="review-follow-up-open">
              {translate('console.reviews.open_follow_up')}
            </MuiButton>
          }
        >
          {translate('console.reviews.story.went_on')}
        </Alert>
      ) : null}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
        {translate('console.reviews.story.steps_title')}
      </Typography>
      {story.steps.length ? (
        <Stack component="ol" spacing={1.5} sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {story.steps.map((step, index) => (
            <Box component="li" key={`${step.at}-${index}`} data-testid="review-story-step" data-code={step.code}>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {translate(`console.reviews.story.steps.${step.code}`, { attempt: step.attempt ?? '', _: translate('console.reviews.story.steps.QUESTION_TO_CLIENT') })}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {translate('console.reviews.story.step_by', { when: format.dateTime(step.at), who: step.by ?? '' })}
              </Typography>
              {step.text ? (
                <Typography variant="body2" component="blockquote" sx={{ m: 0, mt: 0.5, pl: 1.5, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap' }} data-testid="review-story-text">
                  {step.text}
                </Typography>
              ) : null}
            </Box>
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('console.reviews.story.no_steps')}
        </Typography>
      )}
    </Section>
  );
};

/** The exposure the rules weighed, and beside it the exposure now with this invoice on top (until the item is decided). */
const Exposure = () => {
  const record = useRecordContext<CreditReview>();
  const translate = useTranslate();
  if (!record) return null;
  const now = record.story?.exposureNow;
  return (
    <Section title="console.decisions.exposure" testId="review-exposure">
      {now ? (
        // Side by side on a wide screen; one above the other below 1536 px, where two tables of five
        // amounts do not fit half the page each in Swedish or Norwegian.
        <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', xl: 'repeat(2, minmax(0, 1fr))' } }}>
          <Box data-testid="review-exposure-snapshot">
            <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
              {translate('console.reviews.story.snapshot')}
            </Typography>
            <ExposureChart figures={record.figures} currency={record.currency} />
          </Box>
          <Box data-testid="review-exposure-now">
            <Typography variant="subtitle2" component="h3">
              {translate('console.reviews.story.now')}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
              {translate('console.reviews.story.now_hint')}
            </Typography>
            <ExposureChart figures={now as CreditFigures} currency={record.currency} testId="exposure-chart-now" />
          </Box>
        </Box>
      ) : (
        <ExposureChart figures={record.figures} currency={record.currency} />
      )}
    </Section>
  );
};

const Body = () => {
  const record = useRecordContext<CreditReview>();
  if (!record) return null;
  const grid = { display: 'grid', gap: 2, mb: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' } } as const;
  return (
    <>
      <Header />
      {record.kind === 'SPOT_CHECK' ? (
        <>
          <Box sx={grid}>
            <DebtorContact />
            <WhatToConfirm />
          </Box>
          <Box sx={grid}>
            <InvoiceSummary />
            <Reasons />
          </Box>
          <Box sx={{ mb: 2 }}>
            <Story />
          </Box>
        </>
      ) : (
        // A manual assessment starts with why it is here now, beside the rules' own reasons.
        <>
          <Box sx={grid}>
            <Story />
            <Reasons />
          </Box>
          <Box sx={{ mb: 2 }}>
            <InvoiceSummary />
          </Box>
        </>
      )}
      <Exposure />
    </>
  );
};

/**
 * One item of a credit queue: the invoice, why the rules sent it to a person, the exposure it would
 * add against each limit, and the actions. A spot check puts the debtor's number and what to ask first.
 */
export const ReviewShow = () => (
  <Show component="div" actions={<Actions />}>
    <FocusOnArrival />
    <FullRecord field="figures">
      <Body />
    </FullRecord>
  </Show>
);
