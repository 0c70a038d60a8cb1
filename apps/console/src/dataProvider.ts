import {
  type DataProvider,
  type GetListParams,
  type GetManyParams,
  type GetOneParams,
  type GetManyReferenceParams,
  type RaRecord,
} from 'react-admin';
import { gql } from './graphql';
import { accountActions } from './account/data';
import { auditProvider } from './audit/data';
import { clientApplicationActions, clientApplicationsProvider } from './client-applications/data';
import { clientActions, clientsProvider } from './clients/data';
import { creditReviewActions, creditReviewQueue } from './credit-reviews/data';
import { debtorActions, debtorsProvider, withPairIds } from './debtors/data';
import { invoicesProvider } from './invoices/data';
import { payoutBatchQueries } from './payouts/queries';
import { disputeQueries } from './disputes/queries';
import { recourseInvoiceQueries } from './recourse/queries';
import { overdueInvoiceQueries } from './overdue/queries';
import { collectionCaseQueries } from './collection-cases/queries';
import { failedDeliveryQueries } from './deliveries/queries';
import { bankImportQueries, incomingPaymentQueries, unmatchedPaymentQueries } from './payments/queries';
import { ruleSettingActions, ruleSettingsProvider } from './rule-settings/data';
import { staffActions, staffProvider } from './staff/data';
import { timelineProvider } from './timeline/data';
import { unsupported, type Page, type ResourceProvider } from './resourceProvider';
import type { Client, Debtor } from './types';

/*
 * A small data provider of our own rather than ra-data-graphql-simple: that package
 * expects `allXs` + `_allXsMeta` queries and `createX(field: ...)` arguments, while our
 * API returns explicit page types (`StaffMemberPage { items total }`), takes `input`
 * objects and an `expectedVersion`, and the queues need custom operations (claim,
 * approve, decide) that are plain mutations, not CRUD.
 *
 * This file only routes. Each resource folder owns its GraphQL documents (`queries.ts`)
 * and its mapping (`data.ts`: a ResourceProvider for react-admin's CRUD calls and the
 * folder's other operations). A new resource adds one line to `resources` and, if it has
 * operations beyond CRUD, one spread into `dataProvider` below.
 */

export const resources: Record<string, ResourceProvider> = {
  'client-applications': clientApplicationsProvider,
  'manual-assessment': creditReviewQueue('MANUAL_ASSESSMENT'),
  'spot-checks': creditReviewQueue('SPOT_CHECK'),
  timeline: timelineProvider,
  clients: clientsProvider,
  debtors: debtorsProvider,
  invoices: invoicesProvider,
  'rule-settings': ruleSettingsProvider,
  staff: staffProvider,
  audit: auditProvider,
  // Finance's payout batches: the documents live with the resource (payouts/queries.ts).
  'payout-batches': payoutBatchQueries,
  // Collection's queues (issue 15): the documents live with each resource.
  disputes: disputeQueries,
  'recourse-invoices': recourseInvoiceQueries,
  'overdue-invoices': overdueInvoiceQueries,
  'collection-cases': collectionCaseQueries,
  // The failed-deliveries queue (issue 13 s.4): the documents live with the resource (deliveries/queries.ts).
  'failed-deliveries': failedDeliveryQueries,
  // Money in (issue 14): the documents live with the resources (payments/queries.ts).
  'incoming-payments': incomingPaymentQueries,
  'unmatched-payments': unmatchedPaymentQueries,
  'bank-imports': bankImportQueries,
};

// What pages import from here, kept where they were before the folders took them.
export { toDecimal } from './resourceProvider';
export { reviewResource } from './credit-reviews/data';
export { CLIENT_SORT_FIELDS, type AgreementTermsForm } from './clients/data';
export { INVOICE_SORT_FIELDS } from './invoices/data';
export type { PairTermsForm } from './debtors/data';

const operations = {
  ...staffActions,
  ...accountActions,
  ...clientApplicationActions,
  ...clientActions,
  ...debtorActions,
  ...creditReviewActions,
  ...ruleSettingActions,
};

/** Operations beyond CRUD, called through `useDataProvider<ConsoleDataProvider>()` or `dataProvider.<name>`. */
export type ConsoleDataProvider = DataProvider & typeof operations;

const queriesFor = <K extends keyof ResourceProvider>(resource: string, operation: K): NonNullable<ResourceProvider[K]> => {
  const query = resources[resource]?.[operation];
  if (!query) throw unsupported(resource, operation);
  return query;
};

async function getList<R extends RaRecord>(resource: string, params: GetListParams) {
  const { query, field, variables, idOf } = queriesFor(resource, 'list');
  const data = await gql<Record<string, Page<R> | R[]>>(query, variables(params), { signal: params.signal });
  const answer = data[field];
  // A few queries (timeline, rule settings) answer with the whole list rather than a page.
  if (Array.isArray(answer)) {
    const rows = idOf ? answer.map((row) => ({ ...row, id: idOf(row) })) : answer;
    return { data: rows, total: rows.length };
  }
  return { data: answer.items, total: answer.total };
}

async function getOne<R extends RaRecord>(resource: string, id: RaRecord['id'], signal?: AbortSignal) {
  const { query, field } = queriesFor(resource, 'one');
  const data = await gql<Record<string, R>>(query, { id }, { signal });
  return data[field];
}

export const dataProvider: ConsoleDataProvider = {
  getList: <R extends RaRecord>(resource: string, params: GetListParams) => getList<R>(resource, params),

  getOne: async <R extends RaRecord>(resource: string, params: GetOneParams) => {
    const data = await getOne<R>(resource, params.id, params.signal);
    const record = data as unknown as Partial<Client & Debtor>;
    // Pairs and agreement versions get ids for the tables that show them.
    return {
      data: {
        ...data,
        ...(record.debtors ? { debtors: withPairIds(record.debtors) } : {}),
        ...(record.clients ? { clients: withPairIds(record.clients) } : {}),
        ...(record.agreementHistory ? { agreementHistory: record.agreementHistory.map((a) => ({ ...a, id: a.version })) } : {}),
      },
    };
  },

  // The API has no "many by id" queries; the lists this serves are short (references on one page).
  getMany: async <R extends RaRecord>(resource: string, params: GetManyParams) => ({
    data: await Promise.all(params.ids.map((id) => getOne<R>(resource, id, params.signal))),
  }),

  getManyReference: <R extends RaRecord>(resource: string, params: GetManyReferenceParams) =>
    getList<R>(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }),

  create: async (resource, params) => {
    const { query, field, variables } = queriesFor(resource, 'create');
    const data = await gql<Record<string, RaRecord>>(query, variables(params));
    return { data: data[field] } as never;
  },

  update: async (resource, params) => {
    const { query, field, variables } = queriesFor(resource, 'update');
    const data = await gql<Record<string, RaRecord>>(query, variables(params));
    return { data: data[field] } as never;
  },

  // Nothing in the back office is deleted: staff are deactivated, entries are permanent.
  updateMany: (resource) => Promise.reject(unsupported(resource, 'updateMany')),
  delete: (resource) => Promise.reject(unsupported(resource, 'delete')),
  deleteMany: (resource) => Promise.reject(unsupported(resource, 'deleteMany')),

  ...operations,
};
