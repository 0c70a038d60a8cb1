import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import type { IncomingPayment } from './queries';

/** What a payment did: each invoice it settled (with days late), a surplus held, a refund marked; who placed it and when. */
export const AllocationsTable = ({ payment, invoiceId }: { payment: IncomingPayment; invoiceId?: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const rows = invoiceId ? payment.allocations.filter((a) => a.invoiceId === invoiceId) : payment.allocations;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('console.money_in.allocation_kind')}</TableCell>
          <TableCell>{translate('console.money_in.invoice')}</TableCell>
          <TableCell align="right">{translate('console.money_in.amount')}</TableCell>
          <TableCell align="right">{translate('console.money_in.days_late')}</TableCell>
          <TableCell>{translate('console.money_in.placed_by')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((a) => (
          <TableRow key={a.id} data-testid="payment-allocation">
            <TableCell>
              {translate(`console.money_in.allocation_kinds.${a.kind}`)}
              {a.part ? ` · ${translate(`console.money_in.allocation_parts.${a.part}`)}` : ''}
            </TableCell>
            <TableCell>
              {a.invoiceId ? (
                <Link to={`/invoices/${a.invoiceId}/show`} sx={{ fontFamily: 'monospace' }}>
                  {a.invoiceNumber}
                </Link>
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{format.amount(a.amount, payment.currency)}</TableCell>
            <TableCell align="right">{a.daysLate == null ? '—' : a.daysLate}</TableCell>
            <TableCell>
              {a.allocatedBy?.name ?? translate('console.money_in.by_reference')} · {format.dateTime(a.allocatedAt)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
