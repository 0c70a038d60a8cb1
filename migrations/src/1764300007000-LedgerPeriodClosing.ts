import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finance closes a month of a book (issue 12): the database then refuses new entries dated in it
 * (the Ledger migration's trigger) and refuses reopening it. The application may record a close;
 * it may never undo one.
 */
export class LedgerPeriodClosing1764300007000 implements MigrationInterface {
  name = 'LedgerPeriodClosing1764300007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_reopening_period() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.closed_at IS NOT NULL THEN
          RAISE EXCEPTION 'the period % of book % is closed: it cannot be changed or reopened', OLD.period_start, OLD.book
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_period_stays_closed BEFORE UPDATE OR DELETE ON ledger_period FOR EACH ROW EXECUTE FUNCTION refuse_reopening_period()`);
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factoring_app') THEN
          GRANT INSERT, UPDATE ON ledger_period TO factoring_app;
          REVOKE DELETE, TRUNCATE ON ledger_period FROM factoring_app;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ledger_period_stays_closed ON ledger_period`);
    await q.query(`DROP FUNCTION refuse_reopening_period()`);
  }
}
