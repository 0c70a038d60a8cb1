import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { toNumber, useFormat } from './format';

const COLOURS = { used: '#1f5f8b', high: '#ed6c02', over: '#d32f2f', free: '#dfe9f1', raise: '#b7d3e6' };

/** Share of the limit in use: the colour turns amber at 80 % and red over the limit. */
const colourFor = (share: number) => (share > 1 ? COLOURS.over : share >= 0.8 ? COLOURS.high : COLOURS.used);

export interface LimitChartProps {
  /** The agreed limit, without a temporary raise. */
  limit: string | null;
  /** A temporary raise in force today, added on top of the limit. */
  raise?: { amount: string; until: string } | null;
  exposure: string;
  currency: string;
  testId?: string;
}

/**
 * Exposure against the limit as one horizontal bar: what is used, what is still free, and
 * (when a temporary raise is in force) the part of the headroom the raise gives, with the
 * agreed limit marked. The figures are written out beside it for those who want them.
 */
export const LimitChart = ({ limit, raise, exposure, currency, testId = 'limit-chart' }: LimitChartProps) => {
  const translate = useTranslate();
  const format = useFormat();
  const base = toNumber(limit);
  const extra = raise ? toNumber(raise.amount) : 0;
  const effective = base + extra;
  const used = toNumber(exposure);
  const share = effective > 0 ? used / effective : used > 0 ? Infinity : 0;
  const colour = colourFor(share);
  const row = {
    name: 'limit',
    used: Math.min(used, effective),
    over: Math.max(used - effective, 0),
    free: Math.max(base - used, 0),
    // The raise's part of the headroom: what is free above the agreed limit.
    raise: Math.max(effective - Math.max(used, base), 0),
  };
  const domainMax = Math.max(effective, used, 1);
  // Ticks at nought, the agreed limit and (with a raise) the limit in force.
  const ticks = [...new Set([0, base, effective].filter((tick) => tick <= domainMax))];
  const compact = new Intl.NumberFormat(format.locale, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = Number.isFinite(share) ? Math.round(share * 100) : null;
  const labels: Record<string, string> = {
    used: translate('console.limits.exposure'),
    over: translate('console.limits.over'),
    free: translate('console.limits.available'),
    raise: translate('console.limits.raise_headroom'),
  };

  return (
    <Box data-testid={testId} data-exposure={exposure} data-limit={effective.toFixed(2)}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 0.5 }}>
        <Typography variant="h4" component="span" sx={{ fontWeight: 600, color: colour }} data-testid={`${testId}-share`}>
          {percent === null ? '—' : `${percent} %`}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {limit === null ? translate('console.limits.no_limit') : translate('console.limits.of_limit_used')}
        </Typography>
      </Stack>
      <Box sx={{ height: 64, mx: -0.5 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={[row]} layout="vertical" margin={{ top: 4, right: 14, bottom: 0, left: 14 }} barCategoryGap={0}>
            <XAxis
              type="number"
              domain={[0, domainMax]}
              ticks={ticks}
              tickFormatter={(value: number) => compact.format(value)}
              axisLine={false}
              tickLine={false}
              tick={{ fontSize: 11, fill: '#667' }}
              height={18}
            />
            <YAxis type="category" dataKey="name" hide />
            <Tooltip
              cursor={false}
              formatter={(value, name) => [format.amount(String(value), currency), labels[String(name)] ?? String(name)]}
              labelFormatter={() => ''}
            />
            <Bar dataKey="used" stackId="limit" fill={colour} isAnimationActive={false} />
            <Bar dataKey="over" stackId="limit" fill={COLOURS.over} isAnimationActive={false} />
            <Bar dataKey="free" stackId="limit" fill={COLOURS.free} isAnimationActive={false} />
            <Bar dataKey="raise" stackId="limit" fill={COLOURS.raise} isAnimationActive={false} />
            {extra > 0 ? <ReferenceLine x={base} stroke="#143d5c" strokeDasharray="3 3" ifOverflow="extendDomain" /> : null}
            {used > effective ? <ReferenceLine x={effective} stroke="#143d5c" strokeWidth={2} /> : null}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'auto 1fr',
          columnGap: 2,
          rowGap: 0.5,
          m: 0,
          mt: 1,
          fontSize: '0.875rem',
          '& dt': { color: 'text.secondary', display: 'flex', alignItems: 'center', gap: 1 },
          '& dd': { m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
        }}
      >
        <dt>
          <Swatch colour={colour} />
          {translate('console.limits.exposure')}
        </dt>
        <dd data-testid={`${testId}-exposure`}>{format.amount(exposure, currency)}</dd>
        <dt>
          <Swatch colour={COLOURS.free} />
          {translate(extra > 0 ? 'console.limits.agreed_limit' : 'console.limits.limit')}
        </dt>
        <dd data-testid={`${testId}-limit`}>{limit === null ? '—' : format.amount(limit, currency)}</dd>
        {raise && extra > 0 ? (
          <>
            <dt>
              <Swatch colour={COLOURS.raise} />
              {translate('console.limits.raise_until', { date: format.date(raise.until) })}
            </dt>
            <dd>+ {format.amount(raise.amount, currency)}</dd>
          </>
        ) : null}
        <dt>
          <Swatch colour="transparent" />
          {translate('console.limits.available')}
        </dt>
        <dd style={{ fontWeight: 600, color: used > effective ? COLOURS.over : undefined }}>
          {format.amount(String(effective - used), currency)}
        </dd>
      </Box>
    </Box>
  );
};

const Swatch = ({ colour }: { colour: string }) => (
  <Box component="span" sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: colour, flex: 'none' }} />
);

/** A thin bar for list rows: exposure against the limit, with the figures. */
export const ExposureMeter = ({ exposure, limit, currency }: { exposure: string; limit: string | null; currency: string }) => {
  const format = useFormat();
  const translate = useTranslate();
  const used = toNumber(exposure);
  const cap = toNumber(limit);
  const share = cap > 0 ? used / cap : used > 0 ? 2 : 0;
  if (limit === null) {
    // No agreement (applied, refused): nothing to measure against.
    return (
      <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {format.amount(exposure, currency)}
      </Typography>
    );
  }
  return (
    <Box sx={{ minWidth: 150 }}>
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {format.amount(exposure, undefined)} / {format.amount(limit, currency)}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={Math.min(share, 1) * 100}
        aria-label={translate('console.a11y.exposure_meter')}
        sx={{
          mt: 0.5,
          height: 5,
          borderRadius: 3,
          bgcolor: COLOURS.free,
          '& .MuiLinearProgress-bar': { bgcolor: colourFor(share), borderRadius: 3 },
        }}
      />
    </Box>
  );
};
