import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, what the payout batches still lacked:
 * - the bank's cut-off for a payment file: dated data of each book (its payment agreement with
 *   the bank), read only by the application;
 * - the day the client says the money arrived (for the client's books; ours follow the bank);
 * - the amount set off against the payout (the hook the collection issue fills: an overdue
 *   recourse invoice set off against the client's next payout).
 */
export class PayoutCutOffReceiptAndSetOff1764300006000 implements MigrationInterface {
  name = 'PayoutCutOffReceiptAndSetOff1764300006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payout_file_cutoff (
        book text NOT NULL REFERENCES ledger_book(code),
        valid_from date NOT NULL,
        local_time time NOT NULL,
        time_zone text NOT NULL,
        source text NOT NULL CHECK (length(btrim(source)) > 0),
        PRIMARY KEY (book, valid_from)
      )`);
    await q.query(`CREATE TRIGGER payout_file_cutoff_append_only BEFORE UPDATE OR DELETE ON payout_file_cutoff FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`INSERT INTO payout_file_cutoff (book, valid_from, local_time, time_zone, source) VALUES
      ('SE', '2024-01-01', '13:00', 'Europe/Stockholm', 'The factor''s payment agreement with its bank sets the cut-off for same-day payment files; 13:00 is held until the signed agreement''s time is entered as a new dated row'),
      ('NO', '2024-01-01', '13:00', 'Europe/Oslo', 'The factor''s payment agreement with its bank sets the cut-off for same-day payment files; 13:00 is held until the signed agreement''s time is entered as a new dated row')`);
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factoring_app') THEN
          GRANT SELECT ON payout_file_cutoff TO factoring_app;
          REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON payout_file_cutoff FROM factoring_app;
        END IF;
      END $$`);

    await q.query(`
      ALTER TABLE payout_line
        ADD COLUMN set_off numeric(18,2) NOT NULL DEFAULT 0 CHECK (set_off >= 0),
        ADD COLUMN client_received_on date,
        ADD COLUMN client_confirmed_at timestamptz,
        ADD CONSTRAINT payout_line_received_after_sent CHECK (client_received_on IS NULL OR client_confirmed_at IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payout_line DROP CONSTRAINT payout_line_received_after_sent, DROP COLUMN client_confirmed_at, DROP COLUMN client_received_on, DROP COLUMN set_off`);
    await q.query(`DROP TABLE payout_file_cutoff`);
  }
}
