import type { GetListParams } from 'react-admin';
import { gql } from '../graphql';

/*
 * Deliveries' GraphQL documents (apps/api/src/delivery/delivery.resolver.ts and dto/delivery.types.ts).
 * The failed-deliveries queue goes through the data provider (`failedDeliveryQueries`); the
 * invoice's deliveries, the actions and the print batch are called from here.
 */

export const DELIVERY_STATUSES = ['QUEUED', 'SENDING', 'RETRYING', 'SENT', 'FAILED', 'FAILED_FELL_BACK_TO_POST', 'AWAITING_PRINT', 'PRINTED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryChannel = 'EMAIL' | 'PEPPOL' | 'POST';

export interface Delivery {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  clientName: string;
  documentKind: string;
  recipient: 'DEBTOR' | 'CLIENT';
  channel: DeliveryChannel;
  address: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastCode: number | null;
  nextAttemptAt: string | null;
  documentId: string | null;
  flagged: boolean;
  flagReason: string | null;
  fallbackOf: string | null;
  printDay: string | null;
  sentAt: string | null;
  updatedAt: string;
  version: number;
}

export interface PrintBatch {
  id: string;
  printDay: string;
  sequence: number;
  fileName: string;
  sha256: string;
  pageCount: number;
  deliveryCount: number;
  madeAt: string;
  printedAt: string | null;
  printedByName: string | null;
  version: number;
}

export interface PrintDay {
  day: string;
  waiting: Delivery[];
  batches: PrintBatch[];
}

const DELIVERY_FIELDS = `id invoiceId invoiceNumber clientId clientName documentKind recipient channel address status attempts lastError lastCode
  nextAttemptAt documentId flagged flagReason fallbackOf printDay sentAt updatedAt version`;
const BATCH_FIELDS = `id printDay sequence fileName sha256 pageCount deliveryCount madeAt printedAt printedByName version`;

export const failedDeliveryQueries = {
  list: {
    query: `query FailedDeliveries($page: Int, $perPage: Int) { failedDeliveries(page: $page, perPage: $perPage) { items { ${DELIVERY_FIELDS} } total } }`,
    field: 'failedDeliveries',
    variables: (params: GetListParams) => ({
      page: Math.max(0, (params.pagination?.page ?? 1) - 1),
      perPage: params.pagination?.perPage ?? 25,
    }),
  },
};

export const deliveriesOf = async (of: { invoiceId?: string; clientId?: string }): Promise<Delivery[]> =>
  (await gql<{ deliveries: Delivery[] }>(`query Deliveries($invoiceId: ID, $clientId: ID) { deliveries(invoiceId: $invoiceId, clientId: $clientId) { ${DELIVERY_FIELDS} } }`, of)).deliveries;

export const retryDelivery = async (id: string, version: number): Promise<Delivery> =>
  (await gql<{ retryDelivery: Delivery }>(`mutation RetryDelivery($id: ID!, $version: Int!) { retryDelivery(id: $id, version: $version) { ${DELIVERY_FIELDS} } }`, { id, version })).retryDelivery;

export const clearDeliveryFlag = async (id: string, version: number): Promise<Delivery> =>
  (await gql<{ clearDeliveryFlag: Delivery }>(`mutation ClearDeliveryFlag($id: ID!, $version: Int!) { clearDeliveryFlag(id: $id, version: $version) { ${DELIVERY_FIELDS} } }`, { id, version }))
    .clearDeliveryFlag;

export const printDay = async (day: string): Promise<PrintDay> =>
  (await gql<{ printDay: PrintDay }>(`query PrintDay($day: String!) { printDay(day: $day) { day waiting { ${DELIVERY_FIELDS} } batches { ${BATCH_FIELDS} } } }`, { day })).printDay;

export const makePrintBatch = async (day: string): Promise<PrintBatch> =>
  (await gql<{ makePrintBatch: PrintBatch }>(`mutation MakePrintBatch($day: String!) { makePrintBatch(day: $day) { ${BATCH_FIELDS} } }`, { day })).makePrintBatch;

export const markPrintBatchPrinted = async (id: string, version: number): Promise<PrintBatch> =>
  (await gql<{ markPrintBatchPrinted: PrintBatch }>(`mutation MarkPrintBatchPrinted($id: ID!, $version: Int!) { markPrintBatchPrinted(id: $id, version: $version) { ${BATCH_FIELDS} } }`, { id, version }))
    .markPrintBatchPrinted;

export const printBatchContent = async (id: string): Promise<string> =>
  (await gql<{ printBatch: { contentBase64: string } }>(`query PrintBatchContent($id: ID!) { printBatch(id: $id) { contentBase64 } }`, { id })).printBatch.contentBase64;
