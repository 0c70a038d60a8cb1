import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../common/format';
import { DECISION_OUTCOMES, QUEUE_AGE_BUCKETS, type HomeDecisionDay, type HomeQueue } from './queries';

/*
 * The home's two charts. The figures come counted from the server (per day and outcome, per
 * queue and age bucket); here they are only laid out as bars, never added up.
 */

const OUTCOME_COLOURS: Record<string, string> = {
  APPROVE: '#2e7d32',
  DENY: '#c62828',
  MANUAL_ASSESSMENT: '#ef8f00',
  SPOT_CHECK: '#1f5f8b',
  ASK_CLIENT: '#7b1fa2',
};
const BUCKET_COLOURS: Record<string, string> = {
  UNDER_4_HOURS: '#cfe3f1',
  FROM_4_TO_24_HOURS: '#8fbcd9',
  FROM_1_TO_3_DAYS: '#4f8fbf',
  FROM_3_TO_7_DAYS: '#1f5f8b',
  OVER_7_DAYS: '#c62828',
};
const axisTick = { fontSize: 11, fill: '#556' };

const Legend = ({ items, offset = 0 }: { items: Array<{ key: string; label: string; colour: string }>; offset?: number }) => (
  <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', ml: `${offset}px`, mt: 0.5 }}>
    {items.map((item) => (
      <Stack key={item.key} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
        <Box component="span" sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: item.colour }} />
        <Typography variant="caption" color="text.secondary">
          {item.label}
        </Typography>
      </Stack>
    ))}
  </Stack>
);

/** Credit decisions per day over the last 30 days, one stacked bar per day, coloured by outcome. */
export const DecisionsChart = ({ days }: { days: HomeDecisionDay[] }) => {
  const translate = useTranslate();
  const format = useFormat();
  // Only the outcomes that occurred get a colour in the legend.
  const outcomes = DECISION_OUTCOMES.filter((outcome) => days.some((day) => day.outcomes.some((o) => o.outcome === outcome && o.count > 0)));
  const label = (outcome: string) => translate(`console.home.charts.outcomes.${outcome}`);
  if (!outcomes.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="home-decisions-chart-empty">
        {translate('console.home.charts.no_decisions')}
      </Typography>
    );
  }
  const dayLabel = (day: string) => new Date(`${day}T12:00:00`).toLocaleDateString(format.locale, { day: 'numeric', month: 'short' });
  const rows = days.map((day) => ({ day: dayLabel(day.day), ...Object.fromEntries(day.outcomes.map((o) => [o.outcome, o.count])) }));
  return (
    <Box data-testid="home-decisions-chart" role="figure" aria-label={translate('console.home.charts.decisions_title')}>
      <Box sx={{ height: 240 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barCategoryGap={2}>
            <CartesianGrid vertical={false} stroke="#e3e8ee" />
            <XAxis dataKey="day" tick={axisTick} axisLine={false} tickLine={false} minTickGap={16} />
            <YAxis allowDecimals={false} tick={axisTick} axisLine={false} tickLine={false} />
            <Tooltip cursor={{ fill: 'rgba(31, 95, 139, 0.08)' }} formatter={(value, name) => [String(value), label(String(name))]} />
            {outcomes.map((outcome) => (
              <Bar key={outcome} dataKey={outcome} stackId="decisions" fill={OUTCOME_COLOURS[outcome]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Legend items={outcomes.map((outcome) => ({ key: outcome, label: label(outcome), colour: OUTCOME_COLOURS[outcome] }))} offset={28} />
    </Box>
  );
};

/** How long the items of each queue have waited: one bar per queue, split by age. */
export const QueueAgeChart = ({ queues }: { queues: HomeQueue[] }) => {
  const translate = useTranslate();
  const waiting = queues.filter((queue) => queue.count > 0);
  const label = (bucket: string) => translate(`console.home.charts.buckets.${bucket}`);
  if (!waiting.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="home-queue-ages-chart-empty">
        {translate('console.home.charts.nothing_waiting')}
      </Typography>
    );
  }
  const rows = waiting.map((queue) => ({
    name: translate(`console.home.queues.${queue.key}`),
    ...Object.fromEntries(queue.ageBuckets.map((b) => [b.bucket, b.count])),
  }));
  const width = 170;
  return (
    <Box data-testid="home-queue-ages-chart" role="figure" aria-label={translate('console.home.charts.queue_ages_title')}>
      <Box sx={{ height: 32 + rows.length * 40 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} barCategoryGap={8}>
            <CartesianGrid horizontal={false} stroke="#e3e8ee" />
            <XAxis type="number" allowDecimals={false} tick={axisTick} axisLine={false} tickLine={false} />
            <YAxis type="category" dataKey="name" width={width} tick={{ fontSize: 12, fill: '#334' }} axisLine={false} tickLine={false} />
            <Tooltip cursor={false} formatter={(value, name) => [String(value), label(String(name))]} />
            {QUEUE_AGE_BUCKETS.map((bucket) => (
              <Bar key={bucket} dataKey={bucket} stackId="age" fill={BUCKET_COLOURS[bucket]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Legend items={QUEUE_AGE_BUCKETS.map((bucket) => ({ key: bucket, label: label(bucket), colour: BUCKET_COLOURS[bucket] }))} />
    </Box>
  );
};
