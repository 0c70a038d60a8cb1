import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compareAmounts, toNumber, useFormat } from '../common/format';
import type { CreditFigures, LimitFigures } from '../types';

const COLOURS = { before: '#1f5f8b', invoice: '#7fb2d6', over: '#d32f2f', free: '#dfe9f1' };
const LEVELS = ['debtor', 'client', 'pair'] as const;
const PARTS = ['before', 'invoice', 'over', 'free'] as const;
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The levels the rules measured, in their order; the pair only when it has a limit of its own. */
export const limitLevels = (figures: CreditFigures | null | undefined) =>
  LEVELS.flatMap((level) => {
    const value = figures?.[level];
    return value && value.limit !== undefined ? [{ level, figures: value as LimitFigures }] : [];
  });

/**
 * Exposure before and after this invoice against each limit (debtor, client, pair), on one
 * scale: the dark part was there before, the light part is this invoice, red what would go over,
 * pale what would still be free. The figures are written out below for those who want them.
 */
export const ExposureChart = ({ figures, currency, testId = 'exposure-chart' }: { figures: CreditFigures | null; currency: string; testId?: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const levels = limitLevels(figures);
  if (!levels.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid={testId}>
        {translate('console.decisions.no_figures')}
      </Typography>
    );
  }
  const labels: Record<string, string> = {
    before: translate('console.decisions.exposure_before'),
    invoice: translate('console.decisions.this_invoice'),
    over: translate('console.limits.over'),
    free: translate('console.decisions.headroom_after'),
  };
  const rows = levels.map(({ level, figures: f }) => {
    const limit = toNumber(f.limit);
    const before = toNumber(f.exposureBefore);
    const after = toNumber(f.exposureAfter);
    return {
      name: translate(`console.decisions.levels.${level}`),
      before: Math.min(before, limit),
      invoice: Math.max(Math.min(after, limit) - before, 0),
      over: Math.max(after - Math.max(limit, before), 0) + Math.max(before - limit, 0),
      free: Math.max(limit - after, 0),
    };
  });
  const compact = new Intl.NumberFormat(format.locale, { notation: 'compact', maximumFractionDigits: 1 });
  const money = (value: string | undefined) => format.amount(value, currency);
  return (
    <Box data-testid={testId}>
      <Box sx={{ height: 24 + rows.length * 36 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} barCategoryGap={8}>
            <XAxis type="number" tickFormatter={(value: number) => compact.format(value)} tick={{ fontSize: 11, fill: '#667' }} axisLine={false} tickLine={false} />
            <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12, fill: '#334' }} axisLine={false} tickLine={false} />
            <Tooltip cursor={false} formatter={(value, name) => [format.amount(String(value), currency), labels[String(name)] ?? String(name)]} />
            {PARTS.map((part) => (
              <Bar key={part} dataKey={part} stackId="exposure" fill={COLOURS[part]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', ml: '110px', mt: 0.5 }}>
        {PARTS.map((part) => (
          <Stack key={part} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <Box component="span" sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: COLOURS[part], border: part === 'free' ? '1px solid #b7c9d8' : undefined }} />
            <Typography variant="caption" color="text.secondary">
              {labels[part]}
            </Typography>
          </Stack>
        ))}
      </Stack>
      <Table size="small" sx={{ mt: 1 }}>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell align="right">{translate('console.limits.limit')}</TableCell>
            <TableCell align="right">{translate('console.decisions.exposure_before')}</TableCell>
            <TableCell align="right">{translate('console.decisions.exposure_after')}</TableCell>
            <TableCell align="right">{translate('console.decisions.headroom_after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {levels.map(({ level, figures: f }) => (
            <TableRow key={level} data-testid={`${testId}-${level}`}>
              <TableCell>
                <Stack direction="row" spacing={0.5} sx={{ alignItems: 'baseline' }}>
                  <span>{translate(`console.decisions.levels.${level}`)}</span>
                  {f.raiseInForce ? (
                    <Typography variant="caption" color="text.secondary">
                      ({translate('console.decisions.raise_in_force')})
                    </Typography>
                  ) : null}
                </Stack>
              </TableCell>
              <TableCell align="right" sx={num}>
                {money(f.limit)}
              </TableCell>
              <TableCell align="right" sx={num}>
                {money(f.exposureBefore)}
              </TableCell>
              <TableCell align="right" sx={num}>
                {money(f.exposureAfter)}
              </TableCell>
              <TableCell align="right" sx={{ ...num, color: compareAmounts(f.headroomAfter, '0') < 0 ? 'error.main' : undefined, fontWeight: 600 }}>
                {money(f.headroomAfter)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
