import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each recourse invoice's letters are its own (issue 15 s.3).
 *
 * - `document_delivery.recourse_invoice_id`: the recourse invoice a letter to the client is about
 *   (the recourse invoice itself, and its reminder). One invoice can be bought back more than
 *   once (a credit note's amount, then the unpaid rest), and each recourse invoice is sent and
 *   reminded by a letter of its own: the uniqueness of a delivery now includes it (NULL for the
 *   invoice's other documents: one of each, as before).
 */
export class RecourseInvoiceLetters1764300023000 implements MigrationInterface {
  name = 'RecourseInvoiceLetters1764300023000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_delivery ADD COLUMN recourse_invoice_id uuid REFERENCES recourse_invoice(id)`);
    await q.query(`ALTER TABLE document_delivery DROP CONSTRAINT document_delivery_once`);
    await q.query(
      `ALTER TABLE document_delivery ADD CONSTRAINT document_delivery_once UNIQUE NULLS NOT DISTINCT (invoice_id, document_kind, recipient, channel, collection_step_id, recourse_invoice_id)`,
    );
    await q.query(`CREATE INDEX document_delivery_recourse_invoice ON document_delivery (recourse_invoice_id) WHERE recourse_invoice_id IS NOT NULL`);
    // Reminders asked for before this migration name the recourse invoice the template read then: the one of their invoice reminded last.
    await q.query(
      `UPDATE document_delivery d SET recourse_invoice_id = (
         SELECT r.id FROM recourse_invoice r WHERE r.invoice_id = d.invoice_id AND r.reminded_on IS NOT NULL ORDER BY r.reminded_on DESC, r.created_at DESC LIMIT 1)
        WHERE d.document_kind = 'RECOURSE_INVOICE_REMINDER'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM document_delivery WHERE document_kind = 'RECOURSE_INVOICE'`);
    await q.query(`DROP INDEX document_delivery_recourse_invoice`);
    await q.query(`ALTER TABLE document_delivery DROP CONSTRAINT document_delivery_once`);
    await q.query(
      `ALTER TABLE document_delivery ADD CONSTRAINT document_delivery_once UNIQUE NULLS NOT DISTINCT (invoice_id, document_kind, recipient, channel, collection_step_id)`,
    );
    await q.query(`ALTER TABLE document_delivery DROP COLUMN recourse_invoice_id`);
  }
}
