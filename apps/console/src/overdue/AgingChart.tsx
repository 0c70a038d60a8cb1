import { Box, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../common/format';
import { AGE_BUCKETS, overdueAging, type AgingBucket } from './queries';

/*
 * The aging chart (issue 15 s.8): what is owed on bought invoices by days past due, per currency.
 * The server buckets and sums (in SQL); here the stored decimal strings are shown as they are and
 * a number is made of them only for the bar's height.
 */

const COLOURS: Record<string, string> = {
  CURRENT: '#8fbcd9',
  DAYS_1_30: '#4f8fbf',
  DAYS_31_60: '#ef8f00',
  DAYS_61_90: '#d84315',
  OVER_90: '#b71c1c',
};
const axisTick = { fontSize: 11, fill: '#556' };
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

const CurrencyChart = ({ currency, buckets }: { currency: string; buckets: AgingBucket[] }) => {
  const translate = useTranslate();
  const format = useFormat();
  const label = (bucket: string) => translate(`console.overdue.buckets.${bucket}`);
  const rows = buckets.map((b) => ({ bucket: b.bucket, name: label(b.bucket), height: Number(b.amount), amount: b.amount, count: b.count }));
  return (
    <Box sx={{ flex: '1 1 320px', minWidth: 0 }} data-testid={`aging-${currency}`} role="figure" aria-label={translate('console.overdue.chart_of', { currency })}>
      <Typography variant="subtitle2" gutterBottom>
        {currency}
      </Typography>
      <Box sx={{ height: 160 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#e3e8ee" />
            <XAxis dataKey="name" tick={axisTick} axisLine={false} tickLine={false} interval={0} />
            <YAxis hide />
            <Tooltip
              cursor={{ fill: 'rgba(31, 95, 139, 0.08)' }}
              formatter={(_value, _name, item) => {
                const row = item.payload as (typeof rows)[number];
                return [`${format.amount(row.amount, currency)} · ${translate('console.overdue.invoices', { smart_count: row.count })}`, row.name];
              }}
            />
            <Bar dataKey="height" isAnimationActive={false}>
              {rows.map((row) => (
                <Cell key={row.bucket} fill={COLOURS[row.bucket]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Table size="small" aria-label={translate('console.overdue.chart_of', { currency })}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('console.overdue.age')}</TableCell>
            <TableCell align="right">{translate('console.overdue.count')}</TableCell>
            <TableCell align="right">{translate('console.overdue.owed')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.bucket} data-testid={`aging-${currency}-${row.bucket}`}>
              <TableCell>{row.name}</TableCell>
              <TableCell align="right" sx={num}>
                {row.count}
              </TableCell>
              <TableCell align="right" sx={num}>
                {format.amount(row.amount, currency)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** Both currencies side by side (never added together); a currency with nothing owed is left out. */
export const AgingChart = () => {
  const translate = useTranslate();
  const aging = useQuery({ queryKey: ['overdueAging'], queryFn: overdueAging });
  if (!aging.data) return null;
  const currencies = [...new Set(aging.data.buckets.map((b) => b.currency))].filter((c) => aging.data!.buckets.some((b) => b.currency === c && b.count > 0));
  return (
    <Card sx={{ mt: 2 }} data-testid="overdue-aging">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('console.overdue.chart_title')}
        </Typography>
        {currencies.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('console.overdue.nothing_owed')}
          </Typography>
        ) : (
          <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {currencies.map((currency) => (
              <CurrencyChart
                key={currency}
                currency={currency}
                buckets={AGE_BUCKETS.map((bucket) => aging.data!.buckets.find((b) => b.currency === currency && b.bucket === bucket)!).filter(Boolean)}
              />
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
