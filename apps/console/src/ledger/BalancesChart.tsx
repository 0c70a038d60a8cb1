import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useQueries } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { toNumber, useFormat } from '../common/format';
import { Section } from '../common/Section';
import type { Country } from '../types';
import { addDays, useAccountName } from './fields';
import { trialBalance, type TrialBalance } from './queries';

const DAYS = 14;
/** The accounts a payout day moves: what debtors owe us, what we owe clients, and what is on its way to them. */
const ROLES = ['PURCHASED_RECEIVABLES', 'CLIENT_PAYABLES', 'PAYOUTS_IN_TRANSIT'] as const;
const COLOURS: Record<(typeof ROLES)[number], string> = { PURCHASED_RECEIVABLES: '#1f5f8b', CLIENT_PAYABLES: '#e08a1e', PAYOUTS_IN_TRANSIT: '#2e7d32' };

/**
 * The balances of those accounts at the end of each of the last fortnight's days (up to the chosen
 * day), as amounts: receivables are debits, payables and payouts in transit credits, all drawn
 * upwards. One trial balance per day: the API keeps balances by month, so each read is cheap.
 */
export const BalancesChart = ({ book, date }: { book: Country; date: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const nameOf = useAccountName();
  const days = Array.from({ length: DAYS }, (_, i) => addDays(date, i - DAYS + 1));
  const answers = useQueries({
    queries: days.map((day) => ({ queryKey: ['trialBalance', book, day], queryFn: ({ signal }: { signal: AbortSignal }) => trialBalance(book, day, signal), retry: false })),
  });
  const pending = answers.some((answer) => answer.isPending);
  const failed = answers.find((answer) => answer.error)?.error as Error | undefined;
  const balances = answers.map((answer) => answer.data).filter((data): data is TrialBalance => !!data);
  const accounts = new Map(balances.flatMap((data) => data.accounts).map((a) => [a.role, a]));
  const shown = ROLES.filter((role) => accounts.has(role));
  const currency = balances[0]?.currency;
  const rows = balances.map((data) => ({
    day: format.date(data.date),
    ...Object.fromEntries(shown.map((role) => [role, Math.abs(toNumber(data.accounts.find((a) => a.role === role)?.balance))])),
  }));
  const label = (role: string) => nameOf(accounts.get(role));
  const compact = new Intl.NumberFormat(format.locale, { notation: 'compact', maximumFractionDigits: 1 });
  return (
    <Section title="console.ledger.chart_title" testId="ledger-chart">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('console.ledger.chart_intro', { days: DAYS })}
      </Typography>
      {pending ? <LinearProgress /> : null}
      {failed ? <Alert severity="error">{failed.message}</Alert> : null}
      {!pending && !failed && !shown.length ? (
        <Typography variant="body2" color="text.secondary" data-testid="ledger-chart-empty">
          {translate('console.ledger.chart_empty')}
        </Typography>
      ) : null}
      {!pending && shown.length ? (
        <Box sx={{ height: 260 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#eef1f4" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11, fill: '#667' }} axisLine={false} tickLine={false} />
              <YAxis width={64} tickFormatter={(value: number) => compact.format(value)} tick={{ fontSize: 11, fill: '#667' }} axisLine={false} tickLine={false} />
              <Tooltip formatter={(value, name) => [format.amount(String(value), currency, { decimals: 2 }), label(String(name))]} />
              <Legend formatter={(name) => label(String(name))} wrapperStyle={{ fontSize: 12 }} />
              {shown.map((role) => (
                <Line key={role} type="stepAfter" dataKey={role} stroke={COLOURS[role]} strokeWidth={2} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </Box>
      ) : null}
    </Section>
  );
};
