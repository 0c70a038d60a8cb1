import { Box } from '@mui/material';
import { Fragment, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import type { CreditFigures } from '../types';

/** A share such as "0.350000" as "35 %". */
const share = (value: string | null | undefined, format: ReturnType<typeof useFormat>) =>
  value === null || value === undefined || value === '' ? '—' : format.percent(String(Math.round(Number(value) * 10000) / 100));

/** The other figures the rules used: concentration, the spot-check draw, the debtor's history. */
export const OtherFigures = ({ figures, currency }: { figures: CreditFigures; currency: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : translate(value ? 'console.decisions.yes' : 'console.decisions.no'));
  const rows: Array<[string, ReactNode, string?]> = [];
  if (figures.concentrationShare !== undefined) {
    rows.push(['console.decisions.concentration', `${share(figures.concentrationShare, format)} (${format.amount(figures.pairExposureAfter, currency)})`, 'decision-concentration']);
  }
  if (figures.spotCheck) {
    rows.push([
      'console.decisions.spot_check',
      translate('console.decisions.spot_check_draw', {
        rate: share(figures.spotCheck.rate, format),
        // The draw is a share like the rate (0.1925754761 reads 19.26 %): picked when it falls below the rate.
        draw: share(figures.spotCheck.draw, format),
        selected: yesNo(figures.spotCheck.selected),
      }),
      'decision-spot-check',
    ]);
  }
  if (figures.daysUntilDue !== undefined) rows.push(['console.decisions.days_until_due', String(figures.daysUntilDue)]);
  if (figures.debtorIsNew !== undefined) rows.push(['console.decisions.debtor_new', yesNo(figures.debtorIsNew)]);
  if (figures.clientInvoicesSold !== undefined) rows.push(['console.decisions.client_invoices_sold', String(figures.clientInvoicesSold)]);
  if (figures.history) {
    rows.push([
      'console.decisions.debtor_history',
      translate('console.decisions.history', {
        paid: figures.history.invoicesPaid,
        late: figures.history.paidLate,
        days: figures.history.averageDaysLate,
      }),
    ]);
  }
  if (!rows.length) return null;
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(160px, max-content) 1fr',
        columnGap: 2,
        rowGap: 0.5,
        m: 0,
        mt: 1.5,
        fontSize: '0.875rem',
        '& dt': { color: 'text.secondary' },
        '& dd': { m: 0, fontVariantNumeric: 'tabular-nums' },
      }}
    >
      {rows.map(([label, value, testId]) => (
        <Fragment key={label}>
          <dt>{translate(label)}</dt>
          <dd data-testid={testId}>{value}</dd>
        </Fragment>
      ))}
    </Box>
  );
};
