import { Box, Chip, Stack, Typography } from '@mui/material';
import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import { useGetList, useTranslate } from 'react-admin';
import type { TimelineEntityType, TimelineEvent } from '../types';
import { useFormat } from './format';
import { useReasonWord } from './reasonWords';

type Translate = ReturnType<typeof useTranslate>;
type Format = ReturnType<typeof useFormat>;

/**
 * A state name in words: the entity's own states (`statesKey`, e.g. invoice statuses), then the
 * timeline's (client, application, debtor states), then the timeline's extra states.
 */
const useStateName = (statesKey?: string) => {
  const translate = useTranslate();
  return (state: string) => {
    const general = translate(`console.timeline.states.${state}`, {
      _: translate(`console.timeline_words.states.${state}`, { _: state.replace(/_/g, ' ').toLowerCase() }),
    });
    return statesKey ? translate(`${statesKey}.${state}`, { _: general }) : general;
  };
};

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

/** Ids the page can name (a debtor's clients): shown by name rather than as a UUID. */
type Names = Record<string, string>;

/** Keys of details that are no fact for the reader: the step's own code, ids, the client's copy, a person's words. */
const NOT_SHOWN = new Set([
  'event',
  'step',
  'clientVisible',
  'forClient',
  'clientStep',
  'recourseInvoiceId',
  'typed',
  'verifiedContactId',
  'keyId',
  'nextAttemptId',
  'previousAttemptId',
  'attempt',
  'of',
  'currency',
  'receivedOn',
  'agreementVersion',
  'version',
  // A delivery's step (issue 13 s.3): its ids and the server's own answer stay in the deliveries' table.
  'deliveryId',
  'messageId',
  'documentId',
  'letterId',
  'printBatchId',
  'byStaffId',
  'byStaffName',
  'documentSha256',
  'xmlSha256',
  'transmissionId',
  'error',
  'delayMs',
]);

const AMOUNTS = new Set(['creditLimit', 'exposure', 'amount']);

interface Wording {
  translate: Translate;
  format: Format;
  reasonWord: (code: string) => string;
  names: Names;
  currency?: string;
}

/** One value of a fact in the reader's words: amounts with currency, codes through their translations. */
const valueOf = (key: string, value: unknown, w: Wording): string => {
  const { translate, format } = w;
  if (value === null || value === undefined || value === '') return translate('console.timeline_words.none');
  if (Array.isArray(value)) return value.map((inner) => valueOf(key, inner, w)).join(', ');
  if (typeof value === 'object') {
    const raise = value as { amount?: string; until?: string };
    if (key === 'temporaryRaise' && raise.amount) {
      return translate('console.timeline_words.raise_until', { amount: format.amount(raise.amount, w.currency), until: format.date(raise.until) });
    }
    return Object.entries(value as Record<string, unknown>)
      .map(([inner, v]) => valueOf(inner, v, w))
      .join(', ');
  }
  const text = String(value);
  if (typeof value === 'boolean') return translate(value ? 'console.decisions.yes' : 'console.decisions.no');
  if (AMOUNTS.has(key)) return format.amount(text, w.currency);
  switch (key) {
    case 'reasons':
      return w.reasonWord(text);
    case 'warnings':
      return translate(`console.timeline_words.warnings.${text}`, { _: w.reasonWord(text) });
    case 'clientId':
      return w.names[text] ?? translate('console.timeline_words.another_client');
    case 'outcome':
      return translate(`console.decisions.outcomes.${text}`, { _: text });
    case 'rulesVersion':
      return format.date(text);
    case 'deliveryChannel':
      return translate(`console.delivery_channels.${text}`, { _: text });
    case 'relation':
      return translate(`console.debtor_relations.${text}`, { _: text });
    case 'roles':
      return translate(`console.roles.${text}`, { _: text });
    case 'blockReason':
      return translate(`console.timeline_words.block_reasons.${text}`, { _: text });
    case 'recourseMode':
      return translate(`console.recourse_modes.${text}`, { _: text });
    case 'channel':
    case 'documentKind':
    case 'recipient':
    case 'flagReason': {
      const group = { channel: 'channels', documentKind: 'kinds', recipient: 'recipients', flagReason: 'reasons' }[key];
      return translate(`console.deliveries.${group}.${text}`, { _: text });
    }
    case 'spotCheckOutcome':
      return translate(`console.timeline_words.spot_check_outcomes.${text}`, { _: text });
    case 'source':
    case 'contactSource':
      return translate(`console.verified_contacts.sources.${text}`, { _: text });
    default:
      return w.names[text] ?? (/^\d{4}-\d{2}-\d{2}$/.test(text) ? format.date(text) : text);
  }
};

/** The step's facts as short "what: from → to" lines, each label and value in the reader's words. */
const factLines = (details: Record<string, unknown>, w: Wording): string[] => {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (NOT_SHOWN.has(key) || value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'contactSource') continue; // shown with the contact
    const label = w.translate(`console.timeline_words.fields.${key}`, { _: key });
    if (key === 'contact' && details.contactSource) {
      lines.push(`${label}: ${String(value)} (${valueOf('contactSource', details.contactSource, w)})`);
    } else if (isChange(value)) {
      lines.push(`${label}: ${valueOf(key, value.from, w)} → ${valueOf(key, value.to, w)}`);
    } else {
      lines.push(`${label}: ${valueOf(key, value, w)}`);
    }
  }
  return lines;
};

/** What happened, from the step's code: an invoice's lifecycle event, or a step of its own. */
const headline = (details: Record<string, unknown>, w: Wording): string | null => {
  if (typeof details.event === 'string') return w.translate(`console.timeline_words.events.${details.event}`, { _: details.event });
  if (typeof details.step === 'string') {
    // Every plain fact of the step can be named in its words (%{version}, %{attempt}, ...).
    const facts = Object.fromEntries(Object.entries(details).filter(([, v]) => typeof v === 'string' || typeof v === 'number'));
    return w.translate(`console.timeline_words.steps.${details.step}`, {
      ...facts,
      _: details.step,
      attempt: details.attempt,
      of: details.of,
      receivedOn: w.format.date(typeof details.receivedOn === 'string' ? details.receivedOn : null),
    });
  }
  return null;
};

const Event = ({ event, last, names, statesKey, currency }: { event: TimelineEvent; last: boolean; names: Names; statesKey?: string; currency?: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const reasonWord = useReasonWord();
  const stateName = useStateName(statesKey);
  const changed = event.fromState !== null && event.fromState !== event.toState;
  const actor =
    event.actorName ?? translate(`console.timeline.actors.${event.actorType}`, { _: event.actorType.toLowerCase() });
  const details = event.details && typeof event.details === 'object' ? (event.details as Record<string, unknown>) : {};
  // A step may carry its own currency (a payout batch's total); else the page's.
  const wording: Wording = { translate, format, reasonWord, names, currency: currency ?? (typeof details.currency === 'string' ? details.currency : undefined) };
  const words = headline(details, wording);
  // A step written with its code is shown from it; the reason column then holds the database's
  // English sentence, and what a person typed is in details.typed. Older steps have only the reason.
  const typed = words !== null ? (typeof details.typed === 'string' && details.typed ? details.typed : null) : null;
  const lines = factLines(details, wording);
  return (
    <Box component="li" sx={{ display: 'flex', gap: 1.5, listStyle: 'none' }} data-testid="timeline-event" data-to-state={event.toState}>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
        <Box
          sx={{
            width: 10,
            height: 10,
            borderRadius: '50%',
            bgcolor: changed || event.fromState === null ? 'primary.main' : 'grey.400',
            flex: 'none',
          }}
        />
        {last ? null : <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', my: 0.5 }} />}
      </Box>
      <Box sx={{ pb: last ? 0 : 2, minWidth: 0, flex: 1 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          {changed ? (
            <>
              <Chip size="small" variant="outlined" label={stateName(event.fromState!)} />
              <ArrowRightAltIcon fontSize="small" color="action" />
            </>
          ) : null}
          <Chip size="small" color={changed || event.fromState === null ? 'primary' : 'default'} label={stateName(event.toState)} />
          <Typography variant="body2" color="text.secondary">
            {format.dateTime(event.occurredAt)} · {actor}
          </Typography>
        </Stack>
        {words !== null ? (
          <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="timeline-words">
            {words}
          </Typography>
        ) : event.reason ? (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {event.reason}
          </Typography>
        ) : null}
        {typed ? (
          <Typography variant="body2" sx={{ mt: 0.25, fontStyle: 'italic' }}>
            {translate('console.timeline_words.typed_label')}: <span data-typed="true">{typed}</span>
          </Typography>
        ) : null}
        {lines.length ? (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.25, wordBreak: 'break-word' }} data-testid="timeline-facts">
            {lines.join(' · ')}
          </Typography>
        ) : null}
      </Box>
    </Box>
  );
};

interface TimelineProps {
  entityType: TimelineEntityType;
  entityId: string;
  /**
   * Shown instead when the API does not keep timelines of `entityType` (it refuses the
   * type): e.g. an application's company timeline in place of the application's own.
   */
  fallback?: { entityType: TimelineEntityType; entityId: string; note: string };
  names?: Names;
  /** Where the entity's own state names are translated (e.g. `console.invoice_statuses`). */
  statesKey?: string;
  /** The currency of the amounts the steps carry (a debtor's limits, an invoice's credit notes). */
  currency?: string;
}

/** Who did what to this record and why, newest first (timeline(entityType, entityId)). */
export const Timeline = ({ entityType, entityId, fallback, names = {}, statesKey, currency }: TimelineProps) => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<TimelineEvent>(
    'timeline',
    { filter: { entityType, entityId }, pagination: { page: 1, perPage: 1000 } },
    // A refusal will not change on a second try.
    { retry: false },
  );
  if (isPending) return <Typography variant="body2" color="text.secondary">{translate('ra.page.loading')}</Typography>;
  if (error) {
    const refusedType = (error as { body?: { field?: string } }).body?.field === 'entityType';
    if (refusedType && fallback) {
      return (
        <>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0, mb: 1.5 }} data-testid="timeline-fallback">
            {translate(fallback.note)}
          </Typography>
          <Timeline entityType={fallback.entityType} entityId={fallback.entityId} />
        </>
      );
    }
    return (
      <Typography variant="body2" color="error" data-testid="timeline-error">
        {translate('console.timeline.unavailable', { message: (error as Error).message })}
      </Typography>
    );
  }
  const events = [...(data ?? [])].reverse();
  if (!events.length) return <Typography variant="body2" color="text.secondary">{translate('console.timeline.empty')}</Typography>;
  return (
    <Box component="ol" sx={{ m: 0, p: 0 }} data-testid="timeline">
      {events.map((event, index) => (
        <Event key={event.id} event={event} last={index === events.length - 1} names={names} statesKey={statesKey} currency={currency} />
      ))}
    </Box>
  );
};
