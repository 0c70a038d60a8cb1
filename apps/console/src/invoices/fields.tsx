import { Box, Chip, Tooltip, Typography, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { CLIENT_INVOICE_STATUSES, INVOICE_STATUSES, type ClientInvoiceStatus, type Invoice, type InvoiceStatus } from '../types';

type Colour = ChipProps['color'];

/** Red where someone must act or it failed, amber while it waits on a check, green once bought or paid. */
const statusColour: Record<InvoiceStatus, Colour> = {
  OFFERED: 'info',
  REFUSED: 'error',
  OFFER_REVIEW: 'warning',
  DECLINED: 'default',
  EXPIRED: 'default',
  WITHDRAWN: 'default',
  ACCEPTED: 'primary',
  SPOT_CHECK: 'warning',
  MANUAL_ASSESSMENT: 'warning',
  DENIED: 'error',
  PURCHASED: 'success',
  CREDITED: 'secondary',
  RECOURSE: 'warning',
  FULLY_PAID: 'success',
};

export const invoiceStatusChoices = INVOICE_STATUSES.map((id) => ({ id, name: `console.invoice_statuses.${id}` }));
export const clientInvoiceStatusChoices = CLIENT_INVOICE_STATUSES.map((id) => ({ id, name: `console.client_invoice_statuses.${id}` }));

export const InvoiceStatusChip = ({ status, size = 'small' }: { status: InvoiceStatus; size?: ChipProps['size'] }) => {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      color={statusColour[status] ?? 'default'}
      label={translate(`console.invoice_statuses.${status}`, { _: status })}
      data-testid="invoice-status"
      data-status={status}
    />
  );
};

/** What the client's program shows (clock, cross, coins): outlined, as it is the client's view, not ours. */
export const ClientStatusChip = ({ status, size = 'small' }: { status: ClientInvoiceStatus; size?: ChipProps['size'] }) => {
  const translate = useTranslate();
  return (
    <Tooltip title={translate('console.invoices.client_status_hint')}>
      <Chip
        size={size}
        variant="outlined"
        // "Client sees: Denied", so the two chips side by side never read as a repeat.
        label={`${translate('console.invoices.client_status')}: ${translate(`console.client_invoice_statuses.${status}`, { _: status })}`}
        data-testid="invoice-client-status"
        data-status={status}
      />
    </Tooltip>
  );
};

export const InvoiceStatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Invoice>();
  return record?.status ? <InvoiceStatusChip status={record.status} /> : null;
};

export const ClientStatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Invoice>();
  return record?.clientStatus ? <ClientStatusChip status={record.clientStatus} /> : null;
};

/**
 * A list row's status: our status as a chip and, under it in small grey words, what the client's
 * program shows. One column instead of two, so the invoice list fits 1440 px in every language.
 */
export const StatusWithClientViewField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  if (!record?.status) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.25 }}>
      <InvoiceStatusChip status={record.status} />
      {record.clientStatus ? (
        <Tooltip title={translate('console.invoices.client_status_hint')}>
          <Typography
            variant="caption"
            color="text.secondary"
            sx={{ whiteSpace: 'nowrap', lineHeight: 1.3 }}
            data-testid="invoice-client-status"
            data-status={record.clientStatus}
          >
            {`${translate('console.invoices.client_status')}: ${translate(`console.client_invoice_statuses.${record.clientStatus}`, { _: record.clientStatus })}`}
          </Typography>
        </Tooltip>
      ) : null}
    </Box>
  );
};

/** The amount to pay, in the invoice's currency. */
export const PayableField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Invoice>();
  const format = useFormat();
  if (!record) return null;
  return (
    <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{format.amount(record.payable, record.currency, { decimals: 2 })}</span>
  );
};

/** A calendar day of the record (invoiceDate, dueDate) in the language's way. */
export const DayField = ({ source }: { source: 'invoiceDate' | 'dueDate' | 'deliveryDate'; label?: string }) => {
  const record = useRecordContext<Invoice>();
  const format = useFormat();
  return record ? <span style={{ whiteSpace: 'nowrap' }}>{format.date(record[source])}</span> : null;
};
