import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disputes and recourse invoices (issue 15 s.3-4, seed 000).
 *
 * A dispute case (bestridande) is registered by collection staff on a bought invoice and ends
 * withdrawn, credited or bought back; at most one is open per invoice. While one is open the
 * invoice carries `open_dispute_id`: the reminder and collection engine skips every invoice
 * whose `open_dispute_id` is set ("while disputed, an invoice gets no reminders").
 *
 * A recourse invoice (regressfaktura) is what the client pays when it buys (part of) an invoice
 * back; `invoice.recourse_amount` is how much of the invoice has been bought back so far (a
 * partial recourse keeps the invoice PURCHASED, the whole open amount moves it to RECOURSE).
 */
export class DisputesAndRecourse1764300014000 implements MigrationInterface {
  name = 'DisputesAndRecourse1764300014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispute (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        client_id uuid NOT NULL REFERENCES client(id),
        debtor_id uuid REFERENCES debtor(id),
        state text NOT NULL CHECK (state IN ('OPEN','WITHDRAWN','CREDITED','RECOURSE')),
        channel text NOT NULL CHECK (channel IN ('PHONE','EMAIL','LETTER')),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        next_step text NOT NULL CHECK (length(btrim(next_step)) > 0),
        next_step_due date NOT NULL,
        registered_by uuid NOT NULL REFERENCES staff_member(id),
        registered_at timestamptz NOT NULL DEFAULT now(),
        resolved_by uuid REFERENCES staff_member(id),
        resolved_at timestamptz,
        resolution_note text,
        credited_amount numeric(18,2) CHECK (credited_amount > 0 AND credited_amount <= amount),
        claimed_by uuid REFERENCES staff_member(id),
        claimed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CHECK ((state = 'OPEN') = (resolved_at IS NULL)),
        CHECK ((state = 'CREDITED') = (credited_amount IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX dispute_one_open_per_invoice ON dispute (invoice_id) WHERE state = 'OPEN'`);
    await q.query(`CREATE INDEX dispute_open_queue ON dispute (registered_at) WHERE state = 'OPEN'`);
    await q.query(`CREATE INDEX dispute_invoice ON dispute (invoice_id)`);
    await q.query(`ALTER TABLE invoice ADD COLUMN open_dispute_id uuid REFERENCES dispute(id)`);
    await q.query(`ALTER TABLE invoice ADD COLUMN recourse_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (recourse_amount >= 0)`);
    await q.query(`CREATE INDEX invoice_disputed ON invoice (open_dispute_id) WHERE open_dispute_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE recourse_invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        client_id uuid NOT NULL REFERENCES client(id),
        dispute_id uuid REFERENCES dispute(id),
        cause text NOT NULL CHECK (cause IN ('DISPUTE','CREDIT_NOTE','UNPAID')),
        country text NOT NULL CHECK (country IN ('SE','NO')),
        currency text NOT NULL,
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        paid_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0 AND paid_amount <= amount),
        issue_date date NOT NULL,
        due_date date NOT NULL CHECK (due_date >= issue_date),
        -- The OCR/KID the client pays it with: the factor's own reference, never reused.
        reference text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('OPEN','PAID','CANCELLED')),
        claimed_by uuid REFERENCES staff_member(id),
        claimed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (cause <> 'DISPUTE' OR dispute_id IS NOT NULL),
        CONSTRAINT recourse_invoice_once_per_dispute UNIQUE (dispute_id)
      )`);
    await q.query(`CREATE INDEX recourse_invoice_open ON recourse_invoice (due_date) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX recourse_invoice_invoice ON recourse_invoice (invoice_id)`);
    await q.query(`CREATE INDEX recourse_invoice_client ON recourse_invoice (client_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recourse_invoice`);
    await q.query(`ALTER TABLE invoice DROP COLUMN recourse_amount, DROP COLUMN open_dispute_id`);
    await q.query(`DROP TABLE dispute`);
  }
}
