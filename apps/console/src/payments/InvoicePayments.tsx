import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { useHasRole } from '../common/roles';
import { Section } from '../common/Section';
import { useFormat } from '../common/format';
import type { Invoice } from '../types';
import { paymentsOfInvoice } from './queries';
import { AllocationsTable } from './AllocationsTable';

/** The payments that settled (part of) the invoice, on the invoice page: each with its value date, payer and what it placed here. */
export const InvoicePayments = () => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  const format = useFormat();
  const allowed = useHasRole('FINANCE', 'CREDIT_ANALYST', 'COLLECTION', 'ADMIN');
  const { data, isPending } = useQuery({
    queryKey: ['paymentsOfInvoice', record?.id ?? ''],
    queryFn: ({ signal }) => paymentsOfInvoice(String(record!.id), signal),
    enabled: !!record?.id && allowed,
  });
  if (!record || !allowed) return null;
  return (
    <Section title="console.money_in.invoice_payments" testId="invoice-payments" sx={{ mb: 2 }}>
      {isPending ? null : !data?.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('console.money_in.no_invoice_payments')}
        </Typography>
      ) : (
        data.map((payment) => (
          <div key={payment.id} data-testid="invoice-payment">
            <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
              {translate('console.money_in.payment_line', {
                amount: format.amount(payment.amount, payment.currency),
                date: format.date(payment.valueDate),
                payer: payment.payerName ?? '—',
              })}
            </Typography>
            <AllocationsTable payment={payment} invoiceId={String(record.id)} />
          </div>
        ))
      )}
    </Section>
  );
};
