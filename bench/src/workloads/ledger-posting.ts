import type { Client } from 'pg';
import { formatNumber } from '../stats';
import { JournalEntryInput, asApp, connect, loadLedger, migrate, seedClientsAndInvoices, today, tx } from './ledger-fixture';
import type { Workload } from './types';

const ENTRIES = 100_000;
const CHUNK = 1000;
const CLIENTS = 20;

/**
 * 100 000 journal entries posted through the Ledger (apps/api, built) from one connection, in
 * transactions of 1000 entries (postMany: two statements per transaction), each an invoice's
 * purchase of four postings with its client and invoice (400 000 postings). The raw figure is
 * the same rows, in the same statements and transactions, into two tables with the same columns
 * and only a primary key (no checks, foreign keys, other indexes or triggers), measured in the
 * same run, chunk by chunk alternating with the ledger, so both see the same machine.
 */
export const ledgerPosting: Workload = {
  name: 'ledger-posting',
  unit: 'journal entry (4 postings, batches of 1000)',
  baseline: 'postgres',
  async run(ctx) {
    migrate(ctx.databaseUrl);
    const admin = await connect(ctx.databaseUrl);
    let app: Client | undefined;
    try {
      const invoices = await seedClientsAndInvoices(admin, CLIENTS, ENTRIES);
      await admin.query(`
        CREATE TABLE raw_entry (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, book text, entry_date date, cause_type text, cause_id uuid,
                                event text, attempt text, description text, posted_at timestamptz DEFAULT clock_timestamp())`);
      await admin.query(`
        CREATE TABLE raw_posting (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, entry_id bigint, book text, entry_date date, account text,
                                  amount numeric(18,2), client_id uuid, invoice_id uuid)`);
      await admin.query(`GRANT SELECT, INSERT ON raw_entry, raw_posting TO factoring_app`);
      await admin.query(`VACUUM ANALYZE`);
      app = await connect(asApp(ctx.databaseUrl), 'bench-ledger');
      const ledger = loadLedger(admin);
      const t = tx(app);
      const date = today();
      const entries: JournalEntryInput[] = invoices.map((invoice, i) => ({
        book: 'SE',
        date,
        causeType: 'INVOICE',
        causeId: invoice.id,
        event: 'PURCHASE',
        description: `Purchase of invoice L-${i}`,
        lines: [
          { role: 'PURCHASED_RECEIVABLES', amount: '1000.00' },
          { role: 'CLIENT_PAYABLES', amount: '-975.00' },
          { role: 'FEE_INCOME', amount: '-20.00' },
          { role: 'OUTPUT_VAT', amount: '-5.00' },
        ].map((line) => ({ ...line, clientId: invoice.client_id, invoiceId: invoice.id })),
      }));
      const accounts: Record<string, string> = { PURCHASED_RECEIVABLES: '1511', CLIENT_PAYABLES: '2421', FEE_INCOME: '3011', OUTPUT_VAT: '2611' };

      let rawMs = 0;
      let ledgerMs = 0;
      let posted = 0;
      for (let i = 0; i < entries.length && !ctx.signal.aborted; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        let t0 = performance.now();
        await app.query('BEGIN');
        await rawChunk(app, chunk, accounts);
        await app.query('COMMIT');
        rawMs += performance.now() - t0;
        t0 = performance.now();
        await app.query('BEGIN');
        posted += await ledger.postMany(t, chunk);
        await app.query('COMMIT');
        ledgerMs += performance.now() - t0;
      }
      if (ctx.signal.aborted) throw new Error('aborted');

      // Sanity, outside the clock: every entry in, and the balances from the summaries equal the sums of the postings.
      const [{ n }] = (await admin.query(`SELECT count(*)::int AS n FROM journal_posting`)).rows;
      const sums = (await admin.query(`SELECT account, sum(amount)::numeric(20,2)::text AS balance FROM journal_posting GROUP BY account ORDER BY account`)).rows;
      const t1 = performance.now();
      const balances = await ledger.balances('SE', '2999-12-31');
      const balanceMs = performance.now() - t1;
      const agree = JSON.stringify(balances.map((b) => [b.account, b.balance])) === JSON.stringify(sums.map((s) => [s.account, s.balance]));
      const summaryRows = (await admin.query(`SELECT count(*)::int AS n FROM ledger_month_balance`)).rows[0].n;
      const rawRate = entries.length / (rawMs / 1000);
      const rate = posted / (ledgerMs / 1000);
      return {
        count: posted,
        seconds: ledgerMs / 1000,
        ownBaseline: { label: 'raw insert of the same rows', ratePerSecond: rawRate },
        notes: [
          `1 connection as factoring_app; ${formatNumber(posted)} entries / ${formatNumber(n)} postings in transactions of ${CHUNK} entries (Ledger.postMany), ${CLIENTS} clients`,
          `raw insert of the same rows (same statements, PK-only tables, same connection, alternating chunk by chunk): ${formatNumber(Math.round(rawRate))} entries/s in ${(rawMs / 1000).toFixed(1)} s`,
          `ledger: ${formatNumber(Math.round(rate))} entries/s in ${(ledgerMs / 1000).toFixed(1)} s = ${(rate / rawRate).toFixed(2)}x of the raw insert`,
          `trial balance at 2999-12-31 from the summaries (${summaryRows} summary rows): ${balanceMs.toFixed(0)} ms; equals the sums of the postings: ${agree ? 'yes' : 'NO'}`,
        ].join('\n'),
      };
    } finally {
      await app?.end().catch(() => undefined);
      await admin.end().catch(() => undefined);
    }
  },
};

/** The same two statements as Ledger.postMany's chunk, into the raw tables. */
async function rawChunk(client: Client, entries: JournalEntryInput[], accounts: Record<string, string>): Promise<void> {
  const params: unknown[] = [];
  const tuples = entries.map((e) => {
    const n = params.push(e.book, e.date, e.causeType, e.causeId, e.event, e.attempt ?? '1', e.description);
    return `($${n - 6}, $${n - 5}::date, $${n - 4}, $${n - 3}::uuid, $${n - 2}, $${n - 1}, $${n})`;
  });
  const created = (
    await client.query(
      `INSERT INTO raw_entry (book, entry_date, cause_type, cause_id, event, attempt, description) VALUES ${tuples.join(', ')} RETURNING id::text, cause_id, event, attempt`,
      params,
    )
  ).rows;
  const values: unknown[] = [];
  const lines: string[] = [];
  created.forEach((row, i) => {
    const entry = entries[i];
    for (const line of entry.lines) {
      const n = values.push(row.id, entry.book, entry.date, accounts[line.role], line.amount, line.clientId ?? null, line.invoiceId ?? null);
      lines.push(`($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`);
    }
  });
  await client.query(`INSERT INTO raw_posting (entry_id, book, entry_date, account, amount, client_id, invoice_id) VALUES ${lines.join(', ')}`, values);
}
