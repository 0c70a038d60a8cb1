import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import {
  Alert,
  Box,
  Button as MuiButton,
  LinearProgress,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import Decimal from 'decimal.js';
import { useCallback, useEffect, useState } from 'react';
import { Button, Link, useNotify, useRedirect, useTranslate } from 'react-admin';
import { CountryFlag } from '../common/CountryField';
import { today, useFormat } from '../common/format';
import { useHasRole } from '../common/roles';
import { Section } from '../common/Section';
import { COUNTRIES, type Country } from '../types';
import { useAction } from '../useAction';
import { HoldReasons, num } from './fields';
import { payoutsDue, preparePayoutBatch, type PayoutDue, type PayoutRefundDue } from './queries';

const CURRENCY: Record<Country, string> = { SE: 'SEK', NO: 'NOK' };

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const sum = (rows: PayoutDue[]) => rows.reduce((total, row) => total.plus(row.amount), new Decimal(0)).toFixed(2);

const DueTable = ({ rows, currency, held, testId }: { rows: PayoutDue[]; currency: string; held?: boolean; testId: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('console.payouts.fields.invoice')}</TableCell>
          <TableCell>{translate('console.payouts.fields.client')}</TableCell>
          <TableCell>{translate('console.payouts.fields.planned')}</TableCell>
          {held ? <TableCell>{translate('console.payouts.fields.why_held')}</TableCell> : null}
          <TableCell align="right">{translate('console.payouts.fields.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.invoiceId} data-testid={`${testId}-row`} data-invoice={row.invoiceNumber}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <MuiLink component={Link} to={`/invoices/${row.invoiceId}/show`}>
                {row.invoiceNumber}
              </MuiLink>
            </TableCell>
            <TableCell>
              <MuiLink component={Link} to={`/clients/${row.clientId}/show`} color="inherit">
                {row.clientName}
              </MuiLink>
            </TableCell>
            <TableCell sx={num}>{format.date(row.plannedPayoutDate)}</TableCell>
            {held ? (
              <TableCell>
                <HoldReasons holds={row.holds} />
              </TableCell>
            ) : null}
            <TableCell align="right" sx={num}>
              {format.amount(row.amount, currency, { decimals: 2 })}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={held ? 4 : 3} sx={{ fontWeight: 600, color: 'text.primary' }}>
            {translate('console.payouts.count_total', { smart_count: rows.length })}
          </TableCell>
          <TableCell align="right" sx={{ ...num, fontWeight: 600, color: 'text.primary' }} data-testid={`${testId}-total`}>
            {format.amount(sum(rows), currency, { decimals: 2 })}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};

/** Refunds to debtors and repayments to clients: paid by the same batch as the invoices; a held one says why. */
const RefundsTable = ({ rows, currency }: { rows: PayoutRefundDue[]; currency: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Table size="small" data-testid="payouts-refunds">
      <TableHead>
        <TableRow>
          <TableCell>{translate('console.payouts.fields.refund')}</TableCell>
          <TableCell>{translate('console.payouts.fields.refund_to')}</TableCell>
          <TableCell>{translate('console.payouts.fields.recorded')}</TableCell>
          <TableCell>{translate('console.payouts.fields.why_held')}</TableCell>
          <TableCell align="right">{translate('console.payouts.fields.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.refundId} data-testid="payouts-refunds-row" data-held={row.held ? 'true' : 'false'}>
            <TableCell>{translate(`console.payouts.refund_kinds.${row.kind}`)}</TableCell>
            <TableCell>
              {row.clientId ? (
                <MuiLink component={Link} to={`/clients/${row.clientId}/show`} color="inherit">
                  {row.payeeName}
                </MuiLink>
              ) : (
                row.payeeName
              )}
            </TableCell>
            <TableCell sx={num}>{format.date(row.recordedOn)}</TableCell>
            <TableCell>
              {!row.held ? '—' : row.holds.length ? <HoldReasons holds={row.holds} /> : translate('console.payouts.refund_no_account')}
            </TableCell>
            <TableCell align="right" sx={num}>
              {format.amount(row.amount, currency, { decimals: 2 })}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * What is due for payout in a book on a day (planned on or before it), split into what a batch
 * would take and what is held with why; finance prepares the day's batch from here. When nothing
 * is due on the day, the next fortnight is looked at to say when the next payouts fall due.
 */
export const PayoutsDuePanel = () => {
  const translate = useTranslate();
  const format = useFormat();
  const notify = useNotify();
  const redirect = useRedirect();
  const finance = useHasRole('FINANCE');
  const [book, setBook] = useState<Country>('SE');
  // Empty until the API names the first day a payment file can still pay on (the bank's cut-off, per book).
  const [day, setDay] = useState('');
  const currency = CURRENCY[book];
  const due = useQuery({
    queryKey: ['payoutsDue', book, day],
    queryFn: ({ signal }) => payoutsDue(book, day || undefined, signal),
    retry: false,
  });
  useEffect(() => {
    if (!day && due.data) setDay(due.data.payoutDate);
  }, [day, due.data]);
  const refunds = due.data?.refunds ?? [];
  const nothing = !!due.data && !due.data.included.length && !due.data.held.length && !refunds.length;
  // A batch can carry refunds alone: the button is there whenever anything at all would go in it.
  const anythingToPay = !!due.data?.included.length || refunds.some((r) => !r.held);
  const ahead = useQuery({
    queryKey: ['payoutsDue', book, addDays(day || today(), 14)],
    queryFn: ({ signal }) => payoutsDue(book, addDays(day || today(), 14), signal),
    enabled: nothing,
    retry: false,
  });
  const next = ahead.data?.included.concat(ahead.data.held).map((row) => row.plannedPayoutDate).sort()[0];
  const prepare = useCallback(() => preparePayoutBatch(book, day || undefined), [book, day]);
  const { execute, pending } = useAction(prepare);

  return (
    <Section
      title="console.payouts.due_title"
      testId="payouts-due"
      sx={{ mb: 2 }}
      action={
        finance ? (
          <Button
            label="console.payouts.prepare"
            variant="contained"
            disabled={pending || !anythingToPay}
            data-testid="payouts-prepare"
            onClick={async () => {
              const result = await execute();
              if (!result.ok) {
                void due.refetch();
                return;
              }
              notify('console.payouts.prepared', { type: 'info', messageArgs: { smart_count: result.value.lineCount } });
              redirect('show', 'payout-batches', result.value.id);
            }}
          >
            <PlaylistAddCheckIcon />
          </Button>
        ) : null
      }
    >
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <ToggleButtonGroup size="small" exclusive value={book} onChange={(_event, value: Country | null) => {
            if (!value) return;
            setBook(value);
            setDay('');
          }} data-testid="payouts-book">
          {COUNTRIES.map((country) => (
            <ToggleButton key={country} value={country} data-testid={`payouts-book-${country}`} sx={{ px: 1.5, gap: 1 }}>
              <CountryFlag country={country} showCode={false} />
              {translate('console.payouts.book', { country: translate(`console.countries.${country}`), currency: CURRENCY[country] })}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField
          type="date"
          size="small"
          fullWidth={false}
          sx={{ width: 190 }}
          label={translate('console.payouts.payout_day')}
          value={day}
          onChange={(event) => setDay(event.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'payouts-day' } }}
        />
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 240 }}>
          {translate('console.payouts.due_intro')}
        </Typography>
      </Stack>
      {due.isPending ? <LinearProgress /> : null}
      {due.error ? (
        <Alert severity="error">{(due.error as Error).message}</Alert>
      ) : null}
      {due.data ? (
        nothing ? (
          <Alert
            severity="info"
            data-testid="payouts-nothing-due"
            action={
              next ? (
                <MuiButton color="inherit" size="small" onClick={() => setDay(next)} data-testid="payouts-show-next">
                  {translate('console.payouts.show_day', { day: format.date(next) })}
                </MuiButton>
              ) : undefined
            }
          >
            {translate('console.payouts.nothing_due', { day: format.date(due.data.payoutDate) })}
            {next ? ` ${translate('console.payouts.next_due', { day: format.date(next) })}` : ''}
          </Alert>
        ) : (
          <Box sx={{ display: 'grid', gap: 3 }}>
            <Box>
              <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                {translate('console.payouts.included_title', { day: format.date(due.data.payoutDate) })}
              </Typography>
              {due.data.included.length ? (
                <DueTable rows={due.data.included} currency={currency} testId="payouts-included" />
              ) : (
                <Typography variant="body2" color="text.secondary" data-testid="payouts-none-included">
                  {translate(anythingToPay ? 'console.payouts.only_refunds' : 'console.payouts.none_included')}
                </Typography>
              )}
            </Box>
            {refunds.length ? (
              <Box>
                <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                  {translate('console.payouts.refunds_title')}
                </Typography>
                <RefundsTable rows={refunds} currency={currency} />
              </Box>
            ) : null}
            {due.data.held.length ? (
              <Box>
                <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                  {translate('console.payouts.held_title')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {translate('console.payouts.held_intro')}
                </Typography>
                <DueTable rows={due.data.held} currency={currency} held testId="payouts-held" />
              </Box>
            ) : null}
          </Box>
        )
      ) : null}
    </Section>
  );
};
