import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LedgerRole, PostingLine, balanced } from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';

export type Book = 'SE' | 'NO';

export interface JournalEntryInput {
  book: Book;
  /** The day it is booked on (the business day in the book's country). */
  date: string;
  causeType: string;
  causeId: string;
  event: string;
  /** Tells apart entries of one cause and event: a second payout after a rejected one, a second credit note. */
  attempt?: string;
  description: string;
  lines: Array<PostingLine & { clientId?: string | null; invoiceId?: string | null }>;
}

export interface AccountBalance {
  account: string;
  role: LedgerRole | null;
  kind: string;
  nameEn: string;
  nameSv: string;
  nameNb: string;
  debit: string;
  credit: string;
  balance: string;
}

/**
 * The factor's double-entry books (issue 12). Every money movement posts one entry, in the
 * transaction of the change that causes it, idempotent by its cause; the database refuses an
 * unbalanced entry and any change to a posted one. Balances at a date read the monthly
 * summaries the database keeps, plus the current month's postings: never the whole history.
 */
@Injectable()
export class Ledger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Posts the entry once; posting the same cause, event and attempt again returns the first entry's id. */
  async post(tx: EntityManager, entry: JournalEntryInput): Promise<{ id: string; created: boolean }> {
    const lines = balanced(entry.lines) as JournalEntryInput['lines'];
    const [created] = await tx.query(
      `INSERT INTO journal_entry (book, entry_date, cause_type, cause_id, event, attempt, description) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT journal_entry_once_per_cause DO NOTHING RETURNING id::text`,
      [entry.book, entry.date, entry.causeType, entry.causeId, entry.event, entry.attempt ?? '1', entry.description],
    );
    if (!created) {
      const [existing] = await tx.query(
        `SELECT id::text FROM journal_entry WHERE book = $1 AND cause_type = $2 AND cause_id = $3 AND event = $4 AND attempt = $5`,
        [entry.book, entry.causeType, entry.causeId, entry.event, entry.attempt ?? '1'],
      );
      return { id: existing.id, created: false };
    }
    const accounts = await this.accountsByRole(tx, entry.book, entry.date);
    const values: unknown[] = [];
    const tuples = lines.map((line) => {
      const account = accounts.get(line.role);
      if (!account) throw new Error(`Book ${entry.book} has no account for ${line.role} on ${entry.date}`);
      const n = values.push(created.id, entry.book, entry.date, account, line.amount, line.clientId ?? null, line.invoiceId ?? null);
      return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    // One statement for all lines: the database checks the balance once, at commit.
    await tx.query(`INSERT INTO journal_posting (entry_id, book, entry_date, account, amount, client_id, invoice_id) VALUES ${tuples.join(', ')}`, values);
    return { id: created.id, created: true };
  }

  /**
   * Posts many entries in few statements (a payout batch of thousands of lines): a thousand
   * entries, then all their lines, per round (PostgreSQL takes at most 65 535 parameters a
   * statement). Each is still idempotent by its cause; only new ones get lines.
   */
  async postMany(tx: EntityManager, entries: JournalEntryInput[]): Promise<number> {
    let posted = 0;
    for (let i = 0; i < entries.length; i += 1000) posted += await this.postChunk(tx, entries.slice(i, i + 1000));
    return posted;
  }

  private async postChunk(tx: EntityManager, entries: JournalEntryInput[]): Promise<number> {
    if (!entries.length) return 0;
    const params: unknown[] = [];
    const tuples = entries.map((e) => {
      const n = params.push(e.book, e.date, e.causeType, e.causeId, e.event, e.attempt ?? '1', e.description);
      return `($${n - 6}, $${n - 5}::date, $${n - 4}, $${n - 3}::uuid, $${n - 2}, $${n - 1}, $${n})`;
    });
    const created: Array<{ id: string; cause_id: string; event: string; attempt: string }> = await tx.query(
      `INSERT INTO journal_entry (book, entry_date, cause_type, cause_id, event, attempt, description) VALUES ${tuples.join(', ')}
       ON CONFLICT ON CONSTRAINT journal_entry_once_per_cause DO NOTHING RETURNING id::text, cause_id, event, attempt`,
      params,
    );
    if (!created.length) return 0;
    const byKey = new Map(entries.map((e) => [`${e.causeId}|${e.event}|${e.attempt ?? '1'}`, e]));
    const values: unknown[] = [];
    const lines: string[] = [];
    for (const row of created) {
      const entry = byKey.get(`${row.cause_id}|${row.event}|${row.attempt}`)!;
      const accounts = await this.accountsByRole(tx, entry.book, entry.date);
      for (const line of balanced(entry.lines) as JournalEntryInput['lines']) {
        const n = values.push(row.id, entry.book, entry.date, accounts.get(line.role), line.amount, line.clientId ?? null, line.invoiceId ?? null);
        lines.push(`($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`);
      }
    }
    await tx.query(`INSERT INTO journal_posting (entry_id, book, entry_date, account, amount, client_id, invoice_id) VALUES ${lines.join(', ')}`, values);
    return created.length;
  }

  /**
   * The account that plays each role in the book's chart in force on `date`. The chart is
   * append-only dated data that only a migration adds to, so each (book, day) is read once per
   * process: a purchase then posts without reading the chart.
   */
  async accountsByRole(manager: EntityManager, book: Book, date: string): Promise<Map<LedgerRole, string>> {
    const key = `${book}|${date}`;
    const cached = this.charts.get(key);
    if (cached) return cached;
    const rows: Array<{ role: LedgerRole; number: string }> = await manager.query(
      `SELECT DISTINCT ON (role) role, number FROM ledger_account WHERE book = $1 AND role IS NOT NULL AND valid_from <= $2 ORDER BY role, valid_from DESC`,
      [book, date],
    );
    const roles = new Map(rows.map((r) => [r.role, r.number]));
    if (this.charts.size > 1000) this.charts.clear();
    this.charts.set(key, roles);
    return roles;
  }

  private readonly charts = new Map<string, Map<LedgerRole, string>>();

  /**
   * Debit, credit and balance per account at the end of `date` (a trial balance), optionally for
   * one client: the months before from the summaries, the month itself from its postings.
   */
  async balances(book: Book, date: string, clientId?: string): Promise<AccountBalance[]> {
    const rows = await this.db.query(
      `WITH month_start AS (SELECT date_trunc('month', $2::date)::date AS d),
            totals AS (
              SELECT account, sum(debit) AS debit, sum(credit) AS credit FROM ledger_month_balance, month_start
               WHERE book = $1 AND month < month_start.d AND ($3::uuid IS NULL OR client_key = $3)
               GROUP BY account
              UNION ALL
              SELECT account, sum(greatest(amount, 0)), sum(greatest(-amount, 0)) FROM journal_posting, month_start
               WHERE book = $1 AND entry_date >= month_start.d AND entry_date <= $2 AND ($3::uuid IS NULL OR client_id = $3)
               GROUP BY account)
       SELECT t.account, a.role, a.kind, a.name_en, a.name_sv, a.name_nb,
              sum(t.debit)::text AS debit, sum(t.credit)::text AS credit, (sum(t.debit) - sum(t.credit))::text AS balance
         FROM totals t
         JOIN LATERAL (SELECT role, kind, name_en, name_sv, name_nb FROM ledger_account
                        WHERE book = $1 AND number = t.account AND valid_from <= $2 ORDER BY valid_from DESC LIMIT 1) a ON true
        GROUP BY t.account, a.role, a.kind, a.name_en, a.name_sv, a.name_nb ORDER BY t.account`,
      [book, date, clientId ?? null],
    );
    return rows.map((r: Record<string, string>) => ({
      account: r.account,
      role: r.role as LedgerRole | null,
      kind: r.kind,
      nameEn: r.name_en,
      nameSv: r.name_sv,
      nameNb: r.name_nb,
      debit: new Decimal(r.debit).toFixed(2),
      credit: new Decimal(r.credit).toFixed(2),
      balance: new Decimal(r.balance).toFixed(2),
    }));
  }

  /** The factor's account debtors pay to, in force on `date` (dated data of the book, issue 12). */
  async paymentAccount(manager: EntityManager, book: Book, date: string): Promise<{ kind: string; account: string }> {
    const [row] = await manager.query(
      `SELECT kind, number FROM ledger_bank_account WHERE book = $1 AND valid_from <= $2 ORDER BY valid_from DESC LIMIT 1`,
      [book, date],
    );
    if (!row) throw new Error(`Book ${book} has no bank account on ${date}`);
    return { kind: row.kind, account: row.number };
  }

  /** The chart of accounts in force on `date`. */
  async chart(book: Book, date: string) {
    return this.db.query(
      `SELECT DISTINCT ON (number) number AS account, role, kind, name_en AS "nameEn", name_sv AS "nameSv", name_nb AS "nameNb", valid_from::text AS "validFrom", source
         FROM ledger_account WHERE book = $1 AND valid_from <= $2 ORDER BY number, valid_from DESC`,
      [book, date],
    );
  }

  /** Entries of a period, newest first, with their postings. */
  async entries(book: Book, from: string, to: string, page: number, perPage: number) {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM journal_entry WHERE book = $1 AND entry_date BETWEEN $2 AND $3`, [book, from, to]);
    const items = await this.db.query(
      `SELECT e.id::text, e.entry_date::text AS "entryDate", e.cause_type AS "causeType", e.cause_id AS "causeId", e.event, e.attempt, e.description,
              e.posted_at AS "postedAt",
              (SELECT json_agg(json_build_object('account', p.account, 'amount', p.amount::text, 'clientId', p.client_id, 'invoiceId', p.invoice_id) ORDER BY p.id)
                 FROM journal_posting p WHERE p.entry_id = e.id) AS postings
         FROM journal_entry e WHERE e.book = $1 AND e.entry_date BETWEEN $2 AND $3
        ORDER BY e.entry_date DESC, e.id DESC LIMIT $4 OFFSET $5`,
      [book, from, to, perPage, page * perPage],
    );
    return { items, total };
  }
}
