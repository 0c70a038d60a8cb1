import { Pagination, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { InvoiceTable } from './InvoiceList';

/** A client's or a debtor's invoices, newest first (invoices filtered by clientId / debtorId). */
export const RelatedInvoices = ({ target }: { target: 'clientId' | 'debtorId'; label?: false }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <ReferenceManyField
      reference="invoices"
      target={target}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      empty={
        <Typography variant="body2" color="text.secondary">
          {translate('console.invoices.none')}
        </Typography>
      }
    >
      <InvoiceTable hide={[target === 'clientId' ? 'clientName' : 'debtorName']} />
    </ReferenceManyField>
  );
};
