import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { Section } from '../common/Section';
import { useFormat } from '../common/format';
import { DeliveryActions, DeliveryReason, DeliveryStatusChip, DeliveryWay } from './DeliveryParts';
import { deliveriesOf } from './queries';

/** Where each document went (e-mail, e-invoice, post) and how it ended: of one invoice, or of every invoice of a client. */
const DeliveriesSection = ({ invoiceId, clientId }: { invoiceId?: string; clientId?: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const { data, isPending } = useQuery({ queryKey: ['deliveries', invoiceId ?? '', clientId ?? ''], queryFn: () => deliveriesOf({ invoiceId, clientId }) });
  return (
    <Section title="console.deliveries.section" testId={clientId ? 'client-deliveries' : 'invoice-deliveries'}>
      {isPending ? null : !data?.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('console.deliveries.none')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {clientId && <TableCell>{translate('resources.failed-deliveries.fields.invoiceNumber')}</TableCell>}
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
              <TableRow key={d.id} data-testid="delivery-row">
                {clientId && (
                  <TableCell>
                    <Link to={`/invoices/${d.invoiceId}/show`} style={{ fontFamily: 'monospace' }}>
                      {d.invoiceNumber}
                    </Link>
                  </TableCell>
                )}
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

/** On the invoice page, beside its documents. */
export const InvoiceDeliveries = () => {
  const record = useRecordContext<{ id: string }>();
  return record ? <DeliveriesSection invoiceId={String(record.id)} /> : null;
};

/** On the client page, beside its documents: every delivery of its invoices. */
export const ClientDeliveries = () => {
  const record = useRecordContext<{ id: string }>();
  return record ? <DeliveriesSection clientId={String(record.id)} /> : null;
};
