import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { appRoleUrl } from '../db';

const ROOT = path.resolve(__dirname, '../../..');
export const DIST = path.join(ROOT, 'dist/api/apps/api/src');

/** The ten accounts of a book's chart, by role (migration 1764200005000-Ledger): the "10 accounts" of the contention run. */
export const ROLES = [
  'PURCHASED_RECEIVABLES',
  'RECOURSE_RECEIVABLES',
  'BANK',
  'CLIENT_PAYABLES',
  'PAYOUTS_IN_TRANSIT',
  'OUTPUT_VAT',
  'UNALLOCATED_PAYMENTS',
  'REFUNDS_DUE',
  'FEE_INCOME',
  'CREDIT_LOSSES',
] as const;

export interface PostingLine {
  role: string;
  amount: string;
  clientId?: string | null;
  invoiceId?: string | null;
}
export interface JournalEntryInput {
  book: 'SE' | 'NO';
  date: string;
  causeType: string;
  causeId: string;
  event: string;
  attempt?: string;
  description: string;
  lines: PostingLine[];
}
/** The part of apps/api's Ledger the bench drives, loaded from the built API (the same code the API runs). */
export interface LedgerLike {
  post(tx: TxLike, entry: JournalEntryInput): Promise<{ id: string; created: boolean }>;
  postMany(tx: TxLike, entries: JournalEntryInput[]): Promise<number>;
  balances(book: 'SE' | 'NO', date: string, clientId?: string): Promise<Array<{ account: string; balance: string }>>;
}
/** What the Ledger uses of TypeORM's EntityManager: `query` answering the rows. */
export interface TxLike {
  query(sql: string, params?: unknown[]): Promise<any>;
}

export function tx(client: Client): TxLike {
  return { query: (sql, params) => client.query(sql, params as unknown[]).then((r) => r.rows) };
}

/** The Ledger of the built API, with `db` (used by the readers) answered by the given connection. */
export function loadLedger(reader?: Client): LedgerLike {
  const file = path.join(DIST, 'ledger/ledger.service.js');
  if (!existsSync(file)) throw new Error('Build the API first: npx nx run api:build');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Ledger } = require(file) as { Ledger: new (db: unknown) => LedgerLike };
  return new Ledger(reader ? tx(reader) : null);
}

/** The product's migrations, run as its own migration command does (as the owner role). */
export function migrate(databaseUrl: string): void {
  const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  const result = spawnSync(process.execPath, [path.join(DIST, 'database/migrate.main.js')], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Migrations failed: ${result.stderr}`);
}

export async function connect(url: string, name = 'bench'): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: name });
  client.on('error', () => undefined); // ended by the scratch database's drop; the workload's own error is the one to report
  await client.connect();
  return client;
}

/** As the application connects (factoring_app): the journal's grants and the SECURITY DEFINER summary trigger as in production. */
export const asApp = (databaseUrl: string): string => appRoleUrl(databaseUrl);

/**
 * `clients` active Swedish clients and `invoices` invoices spread over them, as a fixture (the
 * lifecycle triggers skipped for this one transaction, as superuser): what postings refer to.
 */
export async function seedClientsAndInvoices(db: Client, clients: number, invoices: number): Promise<Array<{ id: string; client_id: string }>> {
  await db.query(`
    INSERT INTO client (country, currency, organisation_number, legal_name, company_form, address, contact, state)
    SELECT 'SE', 'SEK', 'BENCH-' || g, 'Bench client ' || g, 'AB', '{}', '{}', 'APPLIED' FROM generate_series(1, $1::int) g`, [clients]);
  await db.query(`UPDATE client SET state = 'ACTIVE'`);
  await db.query(`
    INSERT INTO debtor (country, kind, identity_number, name, address, credit_limit)
    VALUES ('SE', 'COMPANY', 'BENCH-D-1', 'Bench debtor', '{"country":"SE"}', 1000000000)`);
  if (invoices === 0) return [];
  await db.query('BEGIN');
  await db.query(`SET LOCAL session_replication_role = replica`);
  await db.query(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM client)
     INSERT INTO invoice (client_id, debtor_id, debtor, invoice_number, content_hash, country, currency, invoice_date, delivery_date, due_date,
                          net, vat, gross, payable, status, eligibility, fee, vat_on_fee, payout, offer_terms, offer_expires_at, recourse_mode, accepted_at)
     SELECT c.id, (SELECT id FROM debtor), '{"name":"Bench debtor"}', 'L-' || g, 'x', 'SE', 'SEK', current_date, current_date, current_date + 30,
            800, 200, 1000, 1000, 'ACCEPTED', '{"reasons":[]}', 20, 5, 975, '{"recourseModes":["WITH_RECOURSE"]}', now() + interval '1 day', 'WITH_RECOURSE', now()
       FROM generate_series(0, $1 - 1) g JOIN c ON c.k = g % $2`,
    [invoices, clients],
  );
  await db.query('COMMIT');
  return (await db.query(`SELECT id, client_id FROM invoice ORDER BY invoice_number`)).rows;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
