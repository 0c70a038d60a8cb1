import { Box, Card, CardContent, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { CountryFlag } from '../common/CountryField';
import { today } from '../common/format';
import { COUNTRIES, type Country } from '../types';
import { BalancesChart } from './BalancesChart';
import { ClosePeriodSection } from './ClosePeriod';
import { JournalSection } from './JournalEntries';
import { SieExportButton } from './SieExportButton';
import { TrialBalanceSection } from './TrialBalance';

const CURRENCY: Record<Country, string> = { SE: 'SEK', NO: 'NOK' };

/**
 * The factor's books, one book (country, currency) at a time: the trial balance at the end of a
 * day, the payout accounts over the last fortnight, and the journal of a period. The Swedish
 * book goes to the accountant as SIE 4; the Norwegian book's SAF-T export comes later.
 */
export const LedgerPage = () => {
  const translate = useTranslate();
  const [book, setBook] = useState<Country>('SE');
  const [date, setDate] = useState(today());
  const day = date || today();
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }} data-testid="ledger-page">
      <Title title="console.menu.ledger" />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <ToggleButtonGroup size="small" exclusive value={book} onChange={(_event, value: Country | null) => value && setBook(value)} data-testid="ledger-book">
              {COUNTRIES.map((country) => (
                <ToggleButton key={country} value={country} data-testid={`ledger-book-${country}`} sx={{ px: 1.5, gap: 1 }}>
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
              label={translate('console.ledger.at_end_of')}
              value={date}
              onChange={(event) => setDate(event.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'ledger-date' } }}
            />
            <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 200 }}>
              {translate('console.ledger.intro')}
            </Typography>
            {book === 'SE' ? (
              <SieExportButton />
            ) : (
              <Typography variant="body2" color="text.secondary" data-testid="saft-later">
                {translate('console.ledger.saft_later')}
              </Typography>
            )}
          </Stack>
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', xl: 'minmax(0, 3fr) minmax(0, 2fr)' }, alignItems: 'start' }}>
        <TrialBalanceSection book={book} date={day} />
        <BalancesChart book={book} date={day} />
      </Box>
      <JournalSection key={`${book}-${day}`} book={book} date={day} />
      <ClosePeriodSection book={book} />
    </Box>
  );
};
