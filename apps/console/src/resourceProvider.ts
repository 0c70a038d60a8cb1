import { HttpError, type CreateParams, type GetListParams, type UpdateParams } from 'react-admin';
import { gql } from './graphql';

/*
 * What a resource folder gives the data provider (dataProvider.ts routes to it): the GraphQL
 * documents for react-admin's list, one, create and update, and how react-admin's params become
 * the API's variables. Operations beyond CRUD (claim, approve, block ...) are plain functions in
 * the folder's `data.ts`, gathered into the data provider by name. The small helpers below are
 * shared by every folder so each turns form values into API input the same way.
 */

export type Variables = Record<string, unknown>;

export interface ResourceProvider {
  /** `idOf` gives ids to the rows of a list whose records have none (react-admin's caches need one). */
  list?: { query: string; field: string; variables: (params: GetListParams) => Variables; idOf?: (row: Record<string, unknown>) => string };
  one?: { query: string; field: string };
  create?: { query: string; field: string; variables: (params: CreateParams) => Variables };
  update?: { query: string; field: string; variables: (params: UpdateParams) => Variables };
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** One mutation (or query), its answer's field. */
export async function mutate<T>(name: string, query: string, variables: Variables): Promise<T> {
  return (await gql<Record<string, T>>(query, variables))[name];
}

export const unsupported = (resource: string, operation: string) =>
  new HttpError('console.errors.unsupported', 501, { code: 'UNSUPPORTED', resource, operation });

/** Drops the empty values a filter form leaves behind, which the API would treat as criteria. */
export const compact = (filter: Record<string, unknown> = {}): Variables =>
  Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );

/** react-admin counts pages from 1, the API from 0. */
export const page = (params: GetListParams) => ({
  page: Math.max(0, (params.pagination?.page ?? 1) - 1),
  perPage: params.pagination?.perPage ?? 25,
});

/**
 * A date filter input gives a calendar day (YYYY-MM-DD); the API wants instants. "From" is
 * the start of that day and "to" its end, both in the user's time zone, so to = from picks one day.
 */
export const dayStart = (day: string) => new Date(`${day}T00:00:00`).toISOString();
export const dayEnd = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();
export const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Optional text: trimmed, and left out when empty so the API sees "not given". */
export const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Amounts and rates go as decimal strings ("1500.00", never numbers). The console's one amount
 * input (common/money/AmountInput) has already read the reader's spelling into that form, so
 * nothing is reinterpreted here: a comma is never swapped for a point (in English "1,5" is not
 * 1.5). Anything else reaches the API as typed, and its refusal names the field.
 */
export const toDecimal = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
};

export const account = (value: unknown) => {
  const given = value as { kind?: string; value?: string } | undefined;
  return given?.kind && given.value?.trim() ? { kind: given.kind, value: given.value.trim() } : undefined;
};

export const address = (value: unknown) => {
  const given = (value ?? {}) as Record<string, string | undefined>;
  return {
    street: String(given.street ?? '').trim(),
    postalCode: String(given.postalCode ?? '').trim(),
    city: String(given.city ?? '').trim(),
    country: String(given.country ?? '').trim(),
  };
};
