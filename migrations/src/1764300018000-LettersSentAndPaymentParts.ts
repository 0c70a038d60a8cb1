import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fees only for letters actually sent, and payments that pay fees, then interest, then the
 * principal (issue 15 s.2).
 *
 * - `collection_step.delivery_state` gains FAILED: a reminder letter whose delivery failed for
 *   good charges no fee and books no interest. A letter is TO_SEND from the day the follow-up
 *   makes it (with the fee and interest it states) until its delivery is SENT (e-mail) or its
 *   print batch is marked printed (post); only then are the fee and interest booked.
 * - `document_delivery.collection_step_id`: the reminder letter's delivery names its step, so
 *   each step's letter is its own delivery (a second reminder by the same channel is another
 *   row) and the delivery's SENT/PRINTED tells that step it went out. The uniqueness of a
 *   delivery now includes the step (NULL for the invoice's other documents: one of each, as
 *   before).
 * - `payment_allocation.part`: what a payment paid of an invoice, one row per part in the order
 *   they were paid: FEE (fees first), INTEREST (late interest), PRINCIPAL. Rows without an
 *   invoice (a surplus held, a refund) have none. Rows made before this migration paid only the
 *   principal.
 */
export class LettersSentAndPaymentParts1764300018000 implements MigrationInterface {
  name = 'LettersSentAndPaymentParts1764300018000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collection_step DROP CONSTRAINT collection_step_delivery_state_check`);
    await q.query(`ALTER TABLE collection_step ADD CONSTRAINT collection_step_delivery_state_check CHECK (delivery_state IN ('TO_SEND','SENT','FAILED','NOT_A_LETTER'))`);
    // A fee is booked only for a letter sent.
    await q.query(`ALTER TABLE collection_step ADD CONSTRAINT collection_step_fee_booked_when_sent CHECK ((fee_entry_id IS NULL AND interest_entry_id IS NULL) OR delivery_state = 'SENT')`);

    await q.query(`ALTER TABLE document_delivery ADD COLUMN collection_step_id uuid REFERENCES collection_step(id)`);
    await q.query(`ALTER TABLE document_delivery DROP CONSTRAINT document_delivery_once`);
    await q.query(
      `ALTER TABLE document_delivery ADD CONSTRAINT document_delivery_once UNIQUE NULLS NOT DISTINCT (invoice_id, document_kind, recipient, channel, collection_step_id)`,
    );
    await q.query(`CREATE INDEX document_delivery_collection_step ON document_delivery (collection_step_id) WHERE collection_step_id IS NOT NULL`);

    await q.query(`ALTER TABLE payment_allocation ADD COLUMN part text CHECK (part IN ('FEE','INTEREST','PRINCIPAL'))`);
    await q.query(`UPDATE payment_allocation SET part = 'PRINCIPAL' WHERE invoice_id IS NOT NULL AND kind IN ('PAYMENT','PAID_TO_CLIENT')`);
    await q.query(`ALTER TABLE payment_allocation ADD CONSTRAINT payment_allocation_part_of_invoice CHECK (part IS NULL OR invoice_id IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment_allocation DROP CONSTRAINT payment_allocation_part_of_invoice`);
    await q.query(`ALTER TABLE payment_allocation DROP COLUMN part`);
    await q.query(`DROP INDEX document_delivery_collection_step`);
    await q.query(`ALTER TABLE document_delivery DROP CONSTRAINT document_delivery_once`);
    await q.query(`ALTER TABLE document_delivery ADD CONSTRAINT document_delivery_once UNIQUE (invoice_id, document_kind, recipient, channel)`);
    await q.query(`ALTER TABLE document_delivery DROP COLUMN collection_step_id`);
    await q.query(`ALTER TABLE collection_step DROP CONSTRAINT collection_step_fee_booked_when_sent`);
    await q.query(`ALTER TABLE collection_step DROP CONSTRAINT collection_step_delivery_state_check`);
    await q.query(`ALTER TABLE collection_step ADD CONSTRAINT collection_step_delivery_state_check CHECK (delivery_state IN ('TO_SEND','SENT','NOT_A_LETTER'))`);
  }
}
