import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { Alert, Chip, LinearProgress, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import Decimal from 'decimal.js';
import { useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { Section } from '../common/Section';
import type { Country } from '../types';
import { num, useAccountName } from './fields';
import { trialBalance } from './queries';

/**
 * Every account of the book with its debits, credits and balance at the end of the day, and the
 * two totals, which must be equal: the difference the API computed is shown beside them.
 */
export const TrialBalanceSection = ({ book, date }: { book: Country; date: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const nameOf = useAccountName();
  const balance = useQuery({ queryKey: ['trialBalance', book, date], queryFn: ({ signal }) => trialBalance(book, date || undefined, signal), retry: false });
  const data = balance.data;
  const money = (value: string) => format.amount(value, data?.currency, { decimals: 2 });
  const debit = (data?.accounts ?? []).reduce((total, a) => total.plus(a.debit), new Decimal(0)).toFixed(2);
  const credit = (data?.accounts ?? []).reduce((total, a) => total.plus(a.credit), new Decimal(0)).toFixed(2);
  const balanced = !!data && new Decimal(data.difference).isZero() && debit === credit;
  return (
    <Section
      title="console.ledger.trial_balance"
      testId="trial-balance"
      action={
        data ? (
          <Chip
            size="small"
            color={balanced ? 'success' : 'error'}
            icon={balanced ? <CheckCircleIcon /> : <ErrorIcon />}
            label={translate(balanced ? 'console.ledger.balanced' : 'console.ledger.not_balanced', { difference: money(data.difference) })}
            data-testid="trial-balance-check"
            data-balanced={balanced ? 'yes' : 'no'}
          />
        ) : null
      }
    >
      {balance.isPending ? <LinearProgress /> : null}
      {balance.error ? <Alert severity="error">{(balance.error as Error).message}</Alert> : null}
      {data ? (
        data.accounts.length ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('console.ledger.account')}</TableCell>
                <TableCell>{translate('console.ledger.account_name')}</TableCell>
                <TableCell align="right">{translate('console.ledger.debit')}</TableCell>
                <TableCell align="right">{translate('console.ledger.credit')}</TableCell>
                <TableCell align="right">{translate('console.ledger.balance')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.accounts.map((account) => (
                <TableRow key={account.account} data-testid="trial-balance-row" data-account={account.account}>
                  <TableCell sx={{ ...num, fontFamily: 'monospace' }}>{account.account}</TableCell>
                  <TableCell>
                    {nameOf(account)}
                    <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                      {translate(`console.ledger.kinds.${account.kind}`, { _: '' })}
                    </Typography>
                  </TableCell>
                  <TableCell align="right" sx={num}>
                    {money(account.debit)}
                  </TableCell>
                  <TableCell align="right" sx={num}>
                    {money(account.credit)}
                  </TableCell>
                  <TableCell align="right" sx={{ ...num, fontWeight: 500 }}>
                    {money(account.balance)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow sx={{ '& td': { fontWeight: 600, color: 'text.primary', fontSize: '0.875rem' } }}>
                <TableCell colSpan={2}>{translate('console.ledger.totals')}</TableCell>
                <TableCell align="right" sx={num} data-testid="trial-balance-debit">
                  {money(debit)}
                </TableCell>
                <TableCell align="right" sx={num} data-testid="trial-balance-credit">
                  {money(credit)}
                </TableCell>
                <TableCell align="right" sx={num} data-testid="trial-balance-difference">
                  {money(data.difference)}
                </TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        ) : (
          <Typography variant="body2" color="text.secondary" data-testid="trial-balance-empty">
            {translate('console.ledger.nothing_posted', { day: format.date(data.date) })}
          </Typography>
        )
      ) : null}
    </Section>
  );
};
