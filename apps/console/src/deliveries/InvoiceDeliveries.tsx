import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { useFormat } from '../common/format';
import { DeliveryActions, DeliveryReason, DeliveryStatusChip, DeliveryWay } from './DeliveryParts';
import { deliveriesOf } from './queries';

/** On the invoice page, beside its documents: where each went (e-mail, e-invoice, post), and how it ended. */
export const InvoiceDeliveries = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const format = useFormat();
  const invoiceId = record ? String(record.id) : '';
  const { data, isPending } = useQuery({ queryKey: ['deliveries', invoiceId], queryFn: () => deliveriesOf(invoiceId), enabled: !!invoiceId });
  if (!record) return null;
  return (
    <Section title="console.deliveries.section" testId="invoice-deliveries">
      {isPending ? null : !data?.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('console.deliveries.none')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('console.deliveries.document')}</TableCell>
              <TableCell>{translate('resources.failed-deliveries.fields.channel')}</TableCell>
              <TableCell>{translate('resources.failed-deliveries.fields.status')}</TableCell>
              <TableCell>{translate('resources.failed-deliveries.fields.flagReason')}</TableCell>
              <TableCell>{translate('console.deliveries.when')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((d) => (
              <TableRow key={d.id} data-testid="invoice-delivery">
                <TableCell>
                  {translate(`console.deliveries.kinds.${d.documentKind}`, { _: d.documentKind })} · {translate(`console.deliveries.recipients.${d.recipient}`)}
                </TableCell>
                <TableCell>
                  <DeliveryWay delivery={d} />
                </TableCell>
                <TableCell>
                  <DeliveryStatusChip delivery={d} />
                </TableCell>
                <TableCell>
                  <DeliveryReason delivery={d} />
                </TableCell>
                <TableCell>{format.dateTime(d.sentAt ?? d.updatedAt)}</TableCell>
                <TableCell>
                  <DeliveryActions delivery={d} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
};
