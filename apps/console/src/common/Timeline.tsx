import { Box, Chip, Stack, Typography } from '@mui/material';
import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import { useGetList, useTranslate } from 'react-admin';
import type { TimelineEntityType, TimelineEvent } from '../types';
import { useFormat } from './format';

/** A state name in words where we have them (client, application, debtor states), else as given. */
const useStateName = () => {
  const translate = useTranslate();
  return (state: string) => translate(`console.timeline.states.${state}`, { _: state.replace(/_/g, ' ').toLowerCase() });
};

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

/** Ids the page can name (a debtor's clients): shown by name rather than as a UUID. */
type Names = Record<string, string>;

const shownWith = (names: Names) => {
  const shown = (value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (Array.isArray(value)) return value.map(shown).join(', ');
    if (typeof value === 'object') {
      return `(${Object.entries(value as Record<string, unknown>)
        .map(([key, inner]) => `${key} ${shown(inner)}`)
        .join(', ')})`;
    }
    return names[String(value)] ?? String(value);
  };
  return shown;
};

/** The event's details as short "what: from → to" lines; the API keeps them as free JSON. */
const detailLines = (details: unknown, names: Names): string[] => {
  if (!details || typeof details !== 'object') return [];
  const shown = shownWith(names);
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => {
      if (isChange(value)) return `${key}: ${shown(value.from)} → ${shown(value.to)}`;
      return `${key}: ${shown(value)}`;
    });
};

const Event = ({ event, last, names }: { event: TimelineEvent; last: boolean; names: Names }) => {
  const translate = useTranslate();
  const format = useFormat();
  const stateName = useStateName();
  const changed = event.fromState !== null && event.fromState !== event.toState;
  const actor =
    event.actorName ?? translate(`console.timeline.actors.${event.actorType}`, { _: event.actorType.toLowerCase() });
  const lines = detailLines(event.details, names);
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
        {event.reason ? (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {event.reason}
          </Typography>
        ) : null}
        {lines.length ? (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.25, fontFamily: 'monospace', wordBreak: 'break-word' }}>
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
}

/** Who did what to this record and why, newest first (timeline(entityType, entityId)). */
export const Timeline = ({ entityType, entityId, fallback, names = {} }: TimelineProps) => {
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
        <Event key={event.id} event={event} last={index === events.length - 1} names={names} />
      ))}
    </Box>
  );
};
