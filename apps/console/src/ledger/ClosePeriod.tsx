import LockIcon from '@mui/icons-material/Lock';
import { Button as MuiButton, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { useHasRole } from '../common/roles';
import { Section } from '../common/Section';
import type { Country } from '../types';
import { useAction } from '../useAction';
import { closeLedgerPeriod, ledgerPeriods } from './queries';

/** The twelve months before the current one, newest first ('YYYY-MM'). */
function endedMonths(): string[] {
  const now = new Date();
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * Closing a month (issue 12): once the accountant has it (SIE 4), finance closes it and the
 * database takes no entry dated in it; a correction goes into the open month. Never undone, so
 * the button asks first and says so.
 */
export const ClosePeriodSection = ({ book }: { book: Country }) => {
  const translate = useTranslate();
  const format = useFormat();
  const notify = useNotify();
  const finance = useHasRole('FINANCE');
  const queryClient = useQueryClient();
  const periods = useQuery({ queryKey: ['ledgerPeriods', book], queryFn: ({ signal }) => ledgerPeriods(book, signal) });
  const closed = (periods.data ?? []).filter((p) => p.closedAt);
  const open = endedMonths().filter((month) => !closed.some((p) => p.month === month));
  const [month, setMonth] = useState('');
  const [asking, setAsking] = useState(false);
  const chosen = month && open.includes(month) ? month : (open[open.length - 1] ?? '');
  const run = useCallback((m: string) => closeLedgerPeriod(book, m), [book]);
  const { execute, pending } = useAction(run);
  const monthName = (m: string) => new Date(`${m}-15T12:00:00`).toLocaleDateString(format.locale, { year: 'numeric', month: 'long' });

  return (
    <Section title="console.ledger.periods_title" testId="ledger-periods">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {translate('console.ledger.periods_intro')}
      </Typography>
      {finance && open.length ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
          <TextField
            select
            size="small"
            label={translate('console.ledger.month')}
            value={chosen}
            onChange={(event) => setMonth(event.target.value)}
            sx={{ minWidth: 180 }}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'close-month-select' } as object } }}
          >
            {open.map((m) => (
              <MenuItem key={m} value={m}>
                {monthName(m)}
              </MenuItem>
            ))}
          </TextField>
          <Button label="console.ledger.close_month" variant="outlined" disabled={pending || !chosen} onClick={() => setAsking(true)} data-testid="close-month">
            <LockIcon />
          </Button>
        </Stack>
      ) : null}
      {closed.length ? (
        <Stack spacing={0.5} data-testid="closed-months">
          {closed.map((p) => (
            <Stack key={p.month} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Chip size="small" icon={<LockIcon />} label={monthName(p.month)} />
              <Typography variant="body2" color="text.secondary">
                {translate('console.ledger.closed_by_when', { who: p.closedBy?.name ?? '', when: format.dateTime(p.closedAt!) })}
              </Typography>
            </Stack>
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('console.ledger.none_closed')}
        </Typography>
      )}
      <Dialog open={asking} onClose={() => setAsking(false)}>
        <DialogTitle>{translate('console.ledger.close_confirm_title', { month: chosen ? monthName(chosen) : '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('console.ledger.close_confirm_content')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setAsking(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            disabled={pending}
            data-testid="close-month-confirm"
            onClick={async () => {
              const result = await execute(chosen);
              setAsking(false);
              if (!result.ok) return;
              notify('console.ledger.closed_done', { type: 'success', messageArgs: { month: monthName(chosen) } });
              void queryClient.invalidateQueries({ queryKey: ['ledgerPeriods', book] });
            }}
          >
            {translate('console.ledger.close_month')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </Section>
  );
};
