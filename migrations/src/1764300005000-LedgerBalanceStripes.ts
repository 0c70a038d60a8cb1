import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's checks and monthly summaries, once per statement instead of once per posting
 * (issue 12, "Speed"): the same guarantees, measured by bench/ (`ledger-posting`,
 * `ledger-contention`).
 *
 * - The summaries (`ledger_month_balance`) took one upsert per posting: a payout batch of
 *   thousands of entries rewrote the same few rows thousands of times in one transaction. Now a
 *   statement adds its postings grouped by (book, account, month, client), in key order.
 * - No hot row: a summary row is (book, account, month, client, stripe), summed on read. The
 *   stripe was the backend's pid modulo 16, so two of twenty connections could share one and
 *   wait on each other's row lock until commit (measured: about 0.3 backends waiting on
 *   `Lock:transactionid` at any moment of the contention run). Now each backend claims a free
 *   stripe of its own, 0 to 63, with a session advisory lock held for its life, so no two live
 *   backends share a summary row; past 64 posting backends it falls back to 64 + pid % 64. A
 *   book-wide account touched by every posting (the bank, fee income without a client) thus
 *   has one row per posting backend and month, never one row everyone waits for.
 * - The check that a posting joins an entry of its own transaction, with its book and date, on
 *   an account of the book's chart: one set-based query per statement (same messages and codes).
 *
 * Unchanged: the deferred balance check per entry, the append-only triggers, the closed-period
 * check, the grants (the summaries stay writable by this SECURITY DEFINER trigger only).
 */
export class LedgerBalanceStripes1764300005000 implements MigrationInterface {
  name = 'LedgerBalanceStripes1764300005000';

  async up(q: QueryRunner): Promise<void> {
    // The backend's own stripe, claimed once per session (an advisory lock on (1764300005, stripe)
    // that ends with the connection) and remembered in a session setting.
    await q.query(`
      CREATE FUNCTION ledger_stripe() RETURNS smallint LANGUAGE plpgsql AS $$
      DECLARE
        kept text := current_setting('ledger.stripe', true);
        s int;
      BEGIN
        IF kept ~ '^[0-9]{1,3}$' AND kept::int < 128 THEN
          RETURN kept::smallint;
        END IF;
        FOR i IN 0..63 LOOP
          IF pg_try_advisory_lock(1764300005, i) THEN
            s := i;
            EXIT;
          END IF;
        END LOOP;
        s := coalesce(s, 64 + pg_backend_pid() % 64);
        -- A rolled-back transaction forgets the setting; the lock is the session's, so the same stripe is found again.
        PERFORM set_config('ledger.stripe', s::text, false);
        RETURN s;
      END $$`);

    await q.query(`DROP TRIGGER journal_posting_month_balance ON journal_posting`);
    await q.query(`
      CREATE FUNCTION add_postings_to_month_balance() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE s smallint := ledger_stripe();
      BEGIN
        INSERT INTO ledger_month_balance AS b (book, account, month, client_key, stripe, debit, credit)
        SELECT book, account, date_trunc('month', entry_date)::date, coalesce(client_id, '00000000-0000-0000-0000-000000000000'), s,
               sum(greatest(amount, 0)), sum(greatest(-amount, 0))
          FROM new_postings
         GROUP BY 1, 2, 3, 4
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (book, account, month, client_key, stripe)
        DO UPDATE SET debit = b.debit + EXCLUDED.debit, credit = b.credit + EXCLUDED.credit;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER journal_posting_month_balance AFTER INSERT ON journal_posting
        REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION add_postings_to_month_balance()`);

    await q.query(`DROP TRIGGER journal_posting_checked ON journal_posting`);
    await q.query(`
      CREATE FUNCTION check_journal_postings() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE bad record;
      BEGIN
        SELECT p.entry_id, e.xmin = xid(pg_current_xact_id()) AS made_here INTO bad
          FROM new_postings p JOIN journal_entry e ON e.id = p.entry_id
         WHERE NOT (e.xmin = xid(pg_current_xact_id())) OR p.book <> e.book OR p.entry_date <> e.entry_date
         ORDER BY 2
         LIMIT 1;
        IF FOUND AND NOT bad.made_here THEN
          RAISE EXCEPTION 'entry % is posted: add a new entry instead', bad.entry_id USING ERRCODE = 'insufficient_privilege';
        ELSIF FOUND THEN
          RAISE EXCEPTION 'a posting has its entry''s book and date' USING ERRCODE = 'check_violation';
        END IF;
        SELECT p.book, p.account, p.entry_date INTO bad
          FROM (SELECT DISTINCT book, account, entry_date FROM new_postings) p
         WHERE NOT EXISTS (SELECT 1 FROM ledger_account a WHERE a.book = p.book AND a.number = p.account AND a.valid_from <= p.entry_date)
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'account % is not in book %''s chart on %', bad.account, bad.book, bad.entry_date USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER journal_posting_checked AFTER INSERT ON journal_posting
        REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION check_journal_postings()`);
    await q.query(`DROP FUNCTION check_journal_posting()`);
    await q.query(`DROP FUNCTION add_to_month_balance()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER journal_posting_checked ON journal_posting`);
    await q.query(`DROP TRIGGER journal_posting_month_balance ON journal_posting`);
    await q.query(`DROP FUNCTION check_journal_postings()`);
    await q.query(`DROP FUNCTION add_postings_to_month_balance()`);
    await q.query(`DROP FUNCTION ledger_stripe()`);
    // As the Ledger migration made them.
    await q.query(`
      CREATE FUNCTION check_journal_posting() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE e journal_entry%ROWTYPE; made_here boolean;
      BEGIN
        SELECT * INTO e FROM journal_entry WHERE id = NEW.entry_id;
        SELECT xmin = xid(pg_current_xact_id()) INTO made_here FROM journal_entry WHERE id = NEW.entry_id;
        IF NOT made_here THEN
          RAISE EXCEPTION 'entry % is posted: add a new entry instead', NEW.entry_id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.book <> e.book OR NEW.entry_date <> e.entry_date THEN
          RAISE EXCEPTION 'a posting has its entry''s book and date' USING ERRCODE = 'check_violation';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM ledger_account WHERE book = NEW.book AND number = NEW.account AND valid_from <= NEW.entry_date) THEN
          RAISE EXCEPTION 'account % is not in book %''s chart on %', NEW.account, NEW.book, NEW.entry_date USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER journal_posting_checked BEFORE INSERT ON journal_posting FOR EACH ROW EXECUTE FUNCTION check_journal_posting()`);
    await q.query(`
      CREATE FUNCTION add_to_month_balance() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO ledger_month_balance (book, account, month, client_key, stripe, debit, credit)
        VALUES (NEW.book, NEW.account, date_trunc('month', NEW.entry_date)::date, coalesce(NEW.client_id, '00000000-0000-0000-0000-000000000000'),
                pg_backend_pid() % 16, greatest(NEW.amount, 0), greatest(-NEW.amount, 0))
        ON CONFLICT (book, account, month, client_key, stripe)
        DO UPDATE SET debit = ledger_month_balance.debit + EXCLUDED.debit, credit = ledger_month_balance.credit + EXCLUDED.credit;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER journal_posting_month_balance AFTER INSERT ON journal_posting FOR EACH ROW EXECUTE FUNCTION add_to_month_balance()`);
  }
}
