import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A collection case ends PAID when its invoice is paid in full (issue 15 s.5: the case records its
 * outcome). The invoice reaches FULLY_PAID only through the lifecycle seam (money in, or paid to
 * the client directly); this trigger follows that change in the same transaction, so no path
 * that pays an invoice can leave its case open, and the payments code needs no knowledge of cases.
 * It applies the collection-case table's PAID event (allowed from every active state), bumps the
 * case's version (a person acting on the version seen gets a CONFLICT) and writes the step.
 *
 * `invoice.collection_case_id` (set at the handoff, like `open_dispute_id` for disputes) lets the
 * trigger fire only for invoices that have a case: an import paying thousands of invoices in one
 * statement pays nothing for it otherwise.
 *
 * The step is dated by the database's day in the case's country's zone: a trigger cannot read
 * the application's clock (apps/api/src/collection/clock.ts), so under a moved test clock this
 * day is the real one. The timestamp of the payment itself stays on the invoice's timeline.
 */
export class CollectionCasePaid1764300017100 implements MigrationInterface {
  name = 'CollectionCasePaid1764300017100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoice ADD COLUMN collection_case_id uuid REFERENCES collection_case(id)`);
    await q.query(`
      CREATE FUNCTION collection_case_paid() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        k record;
      BEGIN
        FOR k IN
          UPDATE collection_case SET state = 'PAID', claimed_by = NULL, claimed_at = NULL, version = version + 1
           WHERE id = NEW.collection_case_id AND state IN ('OPEN','HANDED_OFF','PAYMENT_ORDER_APPLIED','CONCILIATION_BOARD','ENFORCEMENT','WRITE_OFF_PROPOSED')
          RETURNING id, country
        LOOP
          INSERT INTO collection_case_step (case_id, step, on_date, actor_type, actor_name, details)
          VALUES (k.id, 'PAID', (now() AT TIME ZONE CASE k.country WHEN 'NO' THEN 'Europe/Oslo' ELSE 'Europe/Stockholm' END)::date,
                  'SYSTEM', 'System', jsonb_build_object('invoiceStatus', NEW.status));
        END LOOP;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER invoice_paid_ends_collection_case AFTER UPDATE OF status ON invoice
      FOR EACH ROW WHEN (NEW.collection_case_id IS NOT NULL AND NEW.status = 'FULLY_PAID' AND OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION collection_case_paid()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER invoice_paid_ends_collection_case ON invoice`);
    await q.query(`DROP FUNCTION collection_case_paid()`);
    await q.query(`ALTER TABLE invoice DROP COLUMN collection_case_id`);
  }
}
