import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An unpaid recourse invoice goes to collection itself (issue 15 s.3): a collection case whose
 * claim is the recourse invoice, against the client.
 *
 * - `collection_case.recourse_invoice_id`: set on a case of a recourse invoice; its debtor is the
 *   client (`debtor_id` stays NULL), its invoice the one bought back.
 * - One active case per invoice counts the debtor's cases only; one active case per recourse
 *   invoice counts the client's. Both can run at once: the factor keeps collecting from the
 *   debtor while the client is pursued for the recourse invoice (seed 000).
 * - Paid (or cancelled), the recourse invoice ends its case in the same transaction, by trigger,
 *   as an invoice paid in full ends its own (1764300017100): no path that pays a recourse invoice
 *   can leave its case open.
 */
export class RecourseInvoiceCollection1764300024000 implements MigrationInterface {
  name = 'RecourseInvoiceCollection1764300024000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collection_case ADD COLUMN recourse_invoice_id uuid REFERENCES recourse_invoice(id)`);
    await q.query(`ALTER TABLE collection_case ADD CONSTRAINT collection_case_recourse_against_client CHECK (recourse_invoice_id IS NULL OR debtor_id IS NULL)`);
    await q.query(`DROP INDEX collection_case_one_active`);
    await q.query(
      `CREATE UNIQUE INDEX collection_case_one_active ON collection_case (invoice_id) WHERE state NOT IN ('PAID','WRITTEN_OFF','CLOSED') AND recourse_invoice_id IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX collection_case_one_active_recourse ON collection_case (recourse_invoice_id) WHERE state NOT IN ('PAID','WRITTEN_OFF','CLOSED') AND recourse_invoice_id IS NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION recourse_collection_case_ended() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        k record;
      BEGIN
        FOR k IN
          UPDATE collection_case SET state = CASE NEW.status WHEN 'PAID' THEN 'PAID' ELSE 'CLOSED' END, claimed_by = NULL, claimed_at = NULL, version = version + 1
           WHERE recourse_invoice_id = NEW.id AND state IN ('OPEN','HANDED_OFF','PAYMENT_ORDER_APPLIED','CONCILIATION_BOARD','ENFORCEMENT','WRITE_OFF_PROPOSED')
          RETURNING id, country, state
        LOOP
          INSERT INTO collection_case_step (case_id, step, on_date, actor_type, actor_name, details)
          VALUES (k.id, k.state, (now() AT TIME ZONE CASE k.country WHEN 'NO' THEN 'Europe/Oslo' ELSE 'Europe/Stockholm' END)::date,
                  'SYSTEM', 'System', jsonb_build_object('recourseInvoiceStatus', NEW.status));
        END LOOP;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER recourse_invoice_ends_collection_case AFTER UPDATE OF status ON recourse_invoice
      FOR EACH ROW WHEN (NEW.status IN ('PAID','CANCELLED') AND OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION recourse_collection_case_ended()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER recourse_invoice_ends_collection_case ON recourse_invoice`);
    await q.query(`DROP FUNCTION recourse_collection_case_ended()`);
    await q.query(`DROP INDEX collection_case_one_active_recourse`);
    await q.query(`DROP INDEX collection_case_one_active`);
    await q.query(`CREATE UNIQUE INDEX collection_case_one_active ON collection_case (invoice_id) WHERE state NOT IN ('PAID','WRITTEN_OFF','CLOSED')`);
    await q.query(`ALTER TABLE collection_case DROP CONSTRAINT collection_case_recourse_against_client`);
    await q.query(`ALTER TABLE collection_case DROP COLUMN recourse_invoice_id`);
  }
}
