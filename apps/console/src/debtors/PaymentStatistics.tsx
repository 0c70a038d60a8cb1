import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { Facts, Section } from '../common/Section';
import { debtorPaymentStatistics } from '../payments/queries';
import type { Debtor } from '../types';

/**
 * How the debtor pays (issue 14 s.5), from the payments placed on its bought invoices: days to
 * pay, the share paid late, average and most days late (after the due date moved to the next
 * business day), and what is still outstanding. The credit rules read the same figures.
 */
export const DebtorPaymentStatisticsSection = () => {
  const record = useRecordContext<Debtor>();
  const translate = useTranslate();
  const format = useFormat();
  const { data } = useQuery({
    queryKey: ['debtorPaymentStatistics', record?.id ?? ''],
    queryFn: ({ signal }) => debtorPaymentStatistics(String(record!.id), signal),
    enabled: !!record?.id,
  });
  if (!record || !data) return null;
  const days = (value: string | number | null) => (value === null ? '—' : translate('console.money_in.stats.days', { n: format.amount(String(value), undefined, { decimals: typeof value === 'string' ? 1 : 0 }) }));
  return (
    <Section title="console.money_in.stats.title" testId="debtor-payment-statistics" sx={{ mb: 2 }}>
      {!data.invoicesPaid ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('console.money_in.stats.none_paid')}
        </Typography>
      ) : null}
      <Facts
        rows={[
          ['console.money_in.stats.average_days_to_pay', days(data.averageDaysToPay), 'stats-days-to-pay'],
          ['console.money_in.stats.share_paid_late', `${format.percent(data.sharePaidLatePercent)} (${data.invoicesPaidLate} / ${data.invoicesPaid})`, 'stats-share-late'],
          ['console.money_in.stats.average_days_late', days(data.averageDaysLate), 'stats-average-late'],
          ['console.money_in.stats.max_days_late', days(data.maxDaysLate)],
          ['console.money_in.stats.outstanding', format.amount(data.outstanding, data.currency), 'stats-outstanding'],
        ]}
      />
    </Section>
  );
};
