import DataLoader from 'dataloader';

/**
 * Per-request batching of the lookups a list makes per row (issue 10 s.3): a page of 100
 * invoices asking for each one's timeline costs one query, not 100. The loaders live on the
 * GraphQL context, so they are made per request and never share rows across callers (a
 * client's key never reads another request's cache). DataLoader (graphql/dataloader) is the
 * well-kept implementation the GraphQL world uses; writing the tick-batching by hand buys nothing.
 */

const LOADERS = Symbol('batch loaders');

type WithLoaders = { [LOADERS]?: Map<string, DataLoader<string, unknown>> };

/**
 * The loader named `name` for this request, made on first use. `load` gets every key asked
 * for in one tick and answers a map from key to value; a key it leaves out gets `missing`.
 */
export function batchLoader<V>(context: object, name: string, load: (keys: readonly string[]) => Promise<Map<string, V>>, missing: V): DataLoader<string, V> {
  const holder = context as WithLoaders;
  holder[LOADERS] ??= new Map();
  let loader = holder[LOADERS].get(name) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(async (keys) => {
      const found = await load(keys);
      return keys.map((key) => (found.has(key) ? (found.get(key) as V) : missing));
    });
    holder[LOADERS].set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Groups rows by a key into a map of lists, in the rows' order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
