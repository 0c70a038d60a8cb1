import { Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { toNumber, useFormat } from '../common/format';
import { Section } from '../common/Section';
import { incomingPaymentsPerDay } from './queries';

/**
 * Incoming payments per value day over the last 30 days, one currency at a time (SEK and NOK are
 * never added up): the sums come from the server, the chart only draws them; placed and unplaced
 * stacked, so what still waits in the queue shows.
 */
export const IncomingPaymentsChart = () => {
  const translate = useTranslate();
  const format = useFormat();
  const [currency, setCurrency] = useState<'SEK' | 'NOK'>('SEK');
  const { data } = useQuery({ queryKey: ['incomingPaymentsPerDay', 30], queryFn: ({ signal }) => incomingPaymentsPerDay(30, signal) });
  const rows = (data ?? [])
    .filter((d) => d.currency === currency)
    .map((d) => ({ day: d.day, label: new Date(`${d.day}T12:00:00`).toLocaleDateString(format.locale, { day: 'numeric', month: 'numeric' }), placed: toNumber(d.amount) - toNumber(d.unplaced), unplaced: toNumber(d.unplaced), count: d.count, amount: d.amount, unplacedText: d.unplaced }));
  return (
    <Section
      title="console.money_in.chart_title"
      testId="incoming-payments-chart"
      action={
        <ToggleButtonGroup size="small" exclusive value={currency} onChange={(_e, value) => value && setCurrency(value)} aria-label={translate('console.money_in.currency')}>
          <ToggleButton value="SEK">SEK</ToggleButton>
          <ToggleButton value="NOK">NOK</ToggleButton>
        </ToggleButtonGroup>
      }
    >
      {rows.every((r) => r.count === 0) ? (
        <Typography variant="body2" color="text.secondary">
          {translate('console.money_in.chart_empty')}
        </Typography>
      ) : (
        <Stack sx={{ height: 220 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
              <YAxis tick={{ fontSize: 11 }} width={80} tickFormatter={(v: number) => format.amount(String(v))} />
              <Tooltip
                formatter={(_value, name, item) => {
                  const row = item.payload as (typeof rows)[number];
                  return name === 'unplaced'
                    ? [format.amount(row.unplacedText, currency), translate('console.money_in.chart_unplaced')]
                    : [`${format.amount(row.amount, currency)} (${row.count})`, translate('console.money_in.chart_received')];
                }}
              />
              <Bar dataKey="placed" stackId="a" fill="#1f4e79" name="placed" isAnimationActive={false} />
              <Bar dataKey="unplaced" stackId="a" fill="#c77700" name="unplaced" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Stack>
      )}
    </Section>
  );
};
