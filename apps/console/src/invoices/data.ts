import { compact, optionalText, page, toDecimal, type ResourceProvider } from '../resourceProvider';
import { INVOICE, INVOICES } from './queries';

/** The sort fields the invoices query accepts. */
export const INVOICE_SORT_FIELDS = ['createdAt', 'invoiceDate', 'dueDate', 'payable'];

export const invoicesProvider: ResourceProvider = {
  list: {
    query: INVOICES,
    field: 'invoices',
    variables: (params) => {
      const { amountFrom, amountTo, q, ...rest } = compact(params.filter);
      return {
        ...page(params),
        sortField: INVOICE_SORT_FIELDS.includes(params.sort?.field ?? '') ? params.sort!.field : 'createdAt',
        sortOrder: params.sort?.order === 'ASC' ? 'ASC' : 'DESC',
        // Dates stay calendar days here: the API filters on the invoice date, a day, not an instant.
        filter: compact({ ...rest, q: optionalText(q), amountFrom: toDecimal(amountFrom), amountTo: toDecimal(amountTo) }),
      };
    },
  },
  one: { query: INVOICE, field: 'invoice' },
};
