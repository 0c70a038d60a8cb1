import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Collection cases (issue 15 s.5-6, seeds 002, 003).
 *
 * - `collection_case`: one per handoff of an invoice to collection. The claim as of the day it
 *   was opened (principal still open, fees and late interest still owed, read from the invoice's
 *   postings), the late interest's terms (from which day, at which yearly rate, for a payment
 *   order application), its state (libs/domain collection-case.ts), the write-off's proposer
 *   and approver (four eyes: a CHECK, too) and its journal entry. At most one active case per
 *   invoice (a partial unique index): a second handoff is a CONFLICT, and two handoffs at once
 *   cannot both win.
 * - `collection_case_step`: what happened, append-only: opened, handed off, the agency's
 *   answers (idempotent by the agency's own reference), the payment order application, the
 *   forliksråd, enforcement, the write-off proposed, approved or rejected.
 * - `collection_agency_outbox`: the handoff to the external agency, written in the case's
 *   transaction; the worker writes the documented file and marks the row (a rerun finds it done;
 *   the file's name and bytes depend on the case only, so a crash between writing and marking
 *   writes the same file again, never a second one).
 */
export class CollectionCases1764300017000 implements MigrationInterface {
  name = 'CollectionCases1764300017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collection_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        client_id uuid NOT NULL REFERENCES client(id),
        debtor_id uuid REFERENCES debtor(id),
        country text NOT NULL CHECK (country IN ('SE','NO')),
        currency text NOT NULL,
        state text NOT NULL CHECK (state IN ('OPEN','HANDED_OFF','PAYMENT_ORDER_APPLIED','CONCILIATION_BOARD','ENFORCEMENT','PAID','WRITE_OFF_PROPOSED','WRITTEN_OFF','CLOSED')),
        claim_as_of date NOT NULL,
        principal numeric(18,2) NOT NULL CHECK (principal > 0),
        fees numeric(18,2) NOT NULL CHECK (fees >= 0),
        interest numeric(18,2) NOT NULL CHECK (interest >= 0),
        interest_from date NOT NULL,
        interest_rate numeric(7,4),
        recourse_mode text,
        approval_needed boolean NOT NULL,
        opened_by uuid NOT NULL REFERENCES staff_member(id),
        opened_at timestamptz NOT NULL,
        write_off_proposed_by uuid REFERENCES staff_member(id),
        write_off_proposed_at timestamptz,
        write_off_reason text,
        written_off_by uuid REFERENCES staff_member(id),
        written_off_at timestamptz,
        write_off_amount numeric(18,2) CHECK (write_off_amount > 0),
        write_off_entry_id bigint REFERENCES journal_entry(id),
        claimed_by uuid REFERENCES staff_member(id),
        claimed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Four eyes (issue 15 s.6): the one who proposed a write-off never approves it.
        CHECK (written_off_by IS NULL OR written_off_by <> write_off_proposed_by),
        CHECK ((state = 'WRITTEN_OFF') = (written_off_by IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX collection_case_one_active ON collection_case (invoice_id) WHERE state NOT IN ('PAID','WRITTEN_OFF','CLOSED')`);
    await q.query(`CREATE INDEX collection_case_queue ON collection_case (state, opened_at)`);
    await q.query(`
      CREATE TABLE collection_case_step (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES collection_case(id),
        step text NOT NULL,
        on_date date NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('STAFF','SYSTEM','AGENCY')),
        actor_id uuid,
        actor_name text NOT NULL,
        note text,
        external_ref text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX collection_case_step_case ON collection_case_step (case_id, id)`);
    await q.query(`CREATE UNIQUE INDEX collection_case_step_answer_once ON collection_case_step (case_id, external_ref) WHERE external_ref IS NOT NULL`);
    await q.query(`CREATE TRIGGER collection_case_step_append_only BEFORE UPDATE OR DELETE ON collection_case_step FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE TABLE collection_agency_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL UNIQUE REFERENCES collection_case(id),
        file_name text NOT NULL,
        written_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX collection_agency_outbox_pending ON collection_agency_outbox (id) WHERE written_at IS NULL`);
    // The application's role (migration 1764300004000): steps are append-only, nothing is deleted.
    await q.query(`REVOKE DELETE ON collection_case, collection_agency_outbox FROM factoring_app`);
    await q.query(`REVOKE UPDATE, DELETE ON collection_case_step FROM factoring_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE collection_agency_outbox`);
    await q.query(`DROP TABLE collection_case_step`);
    await q.query(`DROP TABLE collection_case`);
  }
}
