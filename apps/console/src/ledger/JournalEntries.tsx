import { Alert, Box, LinearProgress, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { Section } from '../common/Section';
import type { Country } from '../types';
import { invoiceNumberOf, num, useAccountName } from './fields';
import { journalEntries, ledgerAccounts } from './queries';

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * The journal of a period, newest first, a page at a time: each entry with what caused it (the
 * event, the invoice) and its postings, debits and credits in their own columns.
 */
export const JournalSection = ({ book, date }: { book: Country; date: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const nameOf = useAccountName();
  const [from, setFrom] = useState(firstOfMonth(date));
  const [to, setTo] = useState(date);
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const valid = !!from && !!to && from <= to;
  const entries = useQuery({
    queryKey: ['journalEntries', book, from, to, page, perPage],
    queryFn: ({ signal }) => journalEntries(book, from, to, page, perPage, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const chart = useQuery({ queryKey: ['ledgerAccounts', book, to], queryFn: ({ signal }) => ledgerAccounts(book, to || undefined, signal), enabled: valid });
  const accounts = new Map((chart.data ?? []).map((account) => [account.account, account]));
  const currency = book === 'SE' ? 'SEK' : 'NOK';
  const money = (value: number) => format.amount(String(value), currency, { decimals: 2 });
  const period = (setter: (value: string) => void) => (event: { target: { value: string } }) => {
    setter(event.target.value);
    setPage(0);
  };
  return (
    <Section title="console.ledger.journal" testId="journal">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <TextField
          type="date"
          size="small"
          fullWidth={false}
          sx={{ width: 190 }}
          label={translate('console.ledger.from')}
          value={from}
          onChange={period(setFrom)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'journal-from' } }}
        />
        <TextField
          type="date"
          size="small"
          fullWidth={false}
          sx={{ width: 190 }}
          label={translate('console.ledger.to')}
          value={to}
          onChange={period(setTo)}
          error={!valid}
          helperText={valid ? undefined : translate('console.ledger.period_invalid')}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'journal-to' } }}
        />
      </Stack>
      {entries.isFetching ? <LinearProgress sx={{ mb: 1 }} /> : null}
      {entries.error ? <Alert severity="error">{(entries.error as Error).message}</Alert> : null}
      {entries.data && !entries.data.items.length ? (
        <Typography variant="body2" color="text.secondary" data-testid="journal-empty">
          {translate('console.ledger.no_entries')}
        </Typography>
      ) : null}
      {entries.data?.items.length ? (
        <>
          <Table size="small" data-testid="journal-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('console.ledger.entry_date')}</TableCell>
                <TableCell>{translate('console.ledger.account')}</TableCell>
                <TableCell>{translate('console.ledger.account_name')}</TableCell>
                <TableCell align="right">{translate('console.ledger.debit')}</TableCell>
                <TableCell align="right">{translate('console.ledger.credit')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.data.items.map((entry) => {
                const invoiceNumber = invoiceNumberOf(entry.description);
                return (
                  <Fragment key={entry.id}>
                    <TableRow data-testid="journal-entry" data-event={entry.event} sx={{ bgcolor: 'action.hover', '& td': { borderBottom: 0 } }}>
                      <TableCell sx={{ ...num, fontWeight: 500 }}>{format.date(entry.entryDate)}</TableCell>
                      <TableCell colSpan={4}>
                        <Box component="span" sx={{ fontWeight: 500 }}>
                          {translate(`console.ledger.events.${entry.event}`, { _: translate('console.ledger.events.OTHER') })}
                        </Box>
                        {invoiceNumber && entry.causeType === 'INVOICE' ? (
                          <>
                            {' · '}
                            <MuiLink component={Link} to={`/invoices/${entry.causeId}/show`}>
                              {translate('console.ledger.invoice', { number: invoiceNumber })}
                            </MuiLink>
                          </>
                        ) : null}
                        {Number(entry.attempt) > 1 ? (
                          <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                            {translate('console.payouts.attempt', { n: entry.attempt })}
                          </Typography>
                        ) : null}
                      </TableCell>
                    </TableRow>
                    {entry.postings.map((posting, index) => {
                      const amount = Number(posting.amount);
                      return (
                        <TableRow key={`${entry.id}-${index}`} data-testid="journal-posting">
                          <TableCell />
                          <TableCell sx={{ ...num, fontFamily: 'monospace', pl: amount < 0 ? 4 : 2 }}>{posting.account}</TableCell>
                          <TableCell sx={{ pl: amount < 0 ? 4 : 2 }}>{nameOf(accounts.get(posting.account))}</TableCell>
                          <TableCell align="right" sx={num}>
                            {amount > 0 ? money(amount) : ''}
                          </TableCell>
                          <TableCell align="right" sx={num}>
                            {amount < 0 ? money(-amount) : ''}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={entries.data.total}
            page={page}
            rowsPerPage={perPage}
            rowsPerPageOptions={[10, 25, 50]}
            onPageChange={(_event, next) => setPage(next)}
            onRowsPerPageChange={(event) => {
              setPerPage(Number(event.target.value));
              setPage(0);
            }}
            labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
            labelDisplayedRows={({ from: first, to: last, count }) => translate('ra.navigation.page_range_info', { offsetBegin: first, offsetEnd: last, total: count })}
            data-testid="journal-pagination"
          />
        </>
      ) : null}
    </Section>
  );
};
