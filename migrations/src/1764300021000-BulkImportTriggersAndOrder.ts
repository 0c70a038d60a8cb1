import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money in at scale (issue 14, speed; bench/README.md "payments-import").
 *
 * 1. The closed-period check of journal entries runs once per statement over its new rows (a
 *    transition table) instead of once per row: the import posts 100 000 entries by 1 000 per
 *    statement, and the row trigger's 100 000 look-ups cost 1.3-2 s of it. Same guarantee: an
 *    entry dated in a closed period of its book is refused with the same error and constraint name,
 *    and the statement (so the transaction) with it. It is AFTER the insert now, so an entry that
 *    ON CONFLICT skips is not checked (it was not written either). The other checks of the ledger
 *    (balance at commit per entry, posted entries immutable, postings' chart, month summaries) are
 *    unchanged.
 * 2. The import matches its entries in chunks in the file's order (value day, entry key), by keyset:
 *    bank_entry_import (import_id) becomes (import_id, value_date, entry_key, id), which still
 *    serves every lookup by import alone, so storing an entry keeps the same number of indexes.
 */
export class BulkImportTriggersAndOrder1764300021000 implements MigrationInterface {
  name = 'BulkImportTriggersAndOrder1764300021000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_entries_in_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE bad record;
      BEGIN
        SELECT n.book, n.entry_date INTO bad
          FROM (SELECT DISTINCT book, date_trunc('month', entry_date)::date AS period_start, entry_date FROM new_entries) n
          JOIN ledger_period p ON p.book = n.book AND p.period_start = n.period_start AND p.closed_at IS NOT NULL
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'the period of % is closed in book %: post the correction in the open period', bad.entry_date, bad.book
            USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entry_period_open';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER journal_entry_period_open ON journal_entry`);
    await q.query(
      `CREATE TRIGGER journal_entry_period_open AFTER INSERT ON journal_entry REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION refuse_entries_in_closed_period()`,
    );

    await q.query(`CREATE INDEX bank_entry_import_order ON bank_entry (import_id, value_date, entry_key, id)`);
    await q.query(`DROP INDEX bank_entry_import`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX bank_entry_import ON bank_entry (import_id)`);
    await q.query(`DROP INDEX bank_entry_import_order`);
    await q.query(`DROP TRIGGER journal_entry_period_open ON journal_entry`);
    await q.query(`CREATE TRIGGER journal_entry_period_open BEFORE INSERT ON journal_entry FOR EACH ROW EXECUTE FUNCTION refuse_entry_in_closed_period()`);
    await q.query(`DROP FUNCTION refuse_entries_in_closed_period()`);
  }
}
