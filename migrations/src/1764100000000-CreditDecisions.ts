import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit decisions: every decision recorded with the input it used and the rule-set version,
 * so it can be explained and replayed (append-only); the review items of the manual
 * assessment and spot-check queues; and an outbox of internal jobs (written in the same
 * transaction as the change that needs them, relayed to BullMQ by the workers).
 */
export class CreditDecisions1764100000000 implements MigrationInterface {
  name = 'CreditDecisions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL UNIQUE,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX job_outbox_unpublished ON job_outbox (id) WHERE published_at IS NULL`);

    await q.query(`
      CREATE TABLE credit_decision (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        kind text NOT NULL CHECK (kind IN ('AUTOMATIC','MANUAL','SPOT_CHECK')),
        outcome text NOT NULL CHECK (outcome IN ('APPROVE','DENY','MANUAL_ASSESSMENT','SPOT_CHECK','ASK_CLIENT')),
        reasons jsonb NOT NULL,
        figures jsonb NOT NULL DEFAULT '{}',
        input jsonb,
        rules_version text,
        decided_by uuid REFERENCES staff_member(id),
        note text,
        decided_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX credit_decision_invoice_idx ON credit_decision (invoice_id, id)`);
    await q.query(`CREATE INDEX credit_decision_time_idx ON credit_decision (decided_at) WHERE kind = 'AUTOMATIC'`);
    await q.query(`CREATE TRIGGER credit_decision_append_only BEFORE UPDATE OR DELETE ON credit_decision
                   FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);

    await q.query(`
      CREATE TABLE credit_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        kind text NOT NULL CHECK (kind IN ('MANUAL_ASSESSMENT','SPOT_CHECK')),
        state text NOT NULL CHECK (state IN ('OPEN','WAITING_FOR_CLIENT','CLOSED')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz NOT NULL,
        paused_at timestamptz,
        claimed_by uuid REFERENCES staff_member(id),
        claimed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        outcome text,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CHECK ((claimed_by IS NULL) = (claimed_at IS NULL)),
        CHECK ((state = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX credit_review_one_open ON credit_review (invoice_id) WHERE state <> 'CLOSED'`);
    await q.query(`CREATE INDEX credit_review_queue ON credit_review (kind, opened_at) WHERE state <> 'CLOSED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_review`);
    await q.query(`DROP TABLE credit_decision`);
    await q.query(`DROP TABLE job_outbox`);
  }
}
