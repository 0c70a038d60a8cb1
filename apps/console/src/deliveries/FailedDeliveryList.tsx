import { DataTable, FunctionField, List, TextField } from 'react-admin';
import { Link as MuiLink } from '@mui/material';
import { Link } from 'react-router-dom';
import { useFormat } from '../common/format';
import { DeliveryActions, DeliveryReason, DeliveryStatusChip, DeliveryWay } from './DeliveryParts';
import type { Delivery } from './queries';

/**
 * The failed-deliveries queue (issue 13 s.4): e-mails the server refused (they went by post
 * instead) and deliveries that failed for good, the oldest first; send one again or take it off.
 */
export const FailedDeliveryList = () => {
  const format = useFormat();
  return (
    <List exporter={false} perPage={25} title="console.menu.failed_deliveries" empty={false}>
      <DataTable<Delivery> rowClick={false} bulkActionButtons={false} data-testid="failed-deliveries-table">
        <DataTable.Col source="invoiceNumber" disableSort>
          <FunctionField<Delivery> render={(r) => <MuiLink component={Link} to={`/invoices/${r.invoiceId}/show`} sx={{ whiteSpace: 'nowrap' }}>{r.invoiceNumber}</MuiLink>} />
        </DataTable.Col>
        <DataTable.Col source="clientName" disableSort>
          <TextField source="clientName" />
        </DataTable.Col>
        <DataTable.Col source="channel" disableSort>
          <FunctionField<Delivery> render={(r) => <DeliveryWay delivery={r} />} />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <FunctionField<Delivery> render={(r) => <DeliveryStatusChip delivery={r} />} />
        </DataTable.Col>
        <DataTable.Col source="flagReason" disableSort>
          <FunctionField<Delivery> render={(r) => <DeliveryReason delivery={r} />} />
        </DataTable.Col>
        <DataTable.Col source="attempts" disableSort align="right" />
        <DataTable.Col source="updatedAt" disableSort>
          <FunctionField<Delivery> render={(r) => format.dateTime(r.updatedAt)} />
        </DataTable.Col>
        <DataTable.Col source="id" label=" " disableSort>
          <FunctionField<Delivery> render={(r) => <DeliveryActions delivery={r} />} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
