import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What-if runs (issue 9 i): an admin's replay of recorded credit decisions under candidate
 * settings, done by the worker in chunks instead of inside the API process. The row is the
 * job's state: the set it replays is fixed when it starts (window and newest decision id, then
 * the bound's oldest id once counted), and each chunk saves the running tally together with
 * the last decision id it covered, so a job taken again resumes without counting twice.
 */
export class CreditWhatIfRuns1764300002000 implements MigrationInterface {
  name = 'CreditWhatIfRuns1764300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_what_if_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        started_by uuid NOT NULL REFERENCES staff_member(id),
        country text NOT NULL CHECK (country IN ('SE','NO')),
        settings jsonb NOT NULL,
        days integer NOT NULL CHECK (days BETWEEN 1 AND 730),
        bound integer NOT NULL CHECK (bound > 0),
        window_from timestamptz NOT NULL,
        newest_decision_id bigint NOT NULL,
        oldest_decision_id bigint,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED','RUNNING','DONE','FAILED')),
        total integer CHECK (total BETWEEN 0 AND bound),
        truncated boolean,
        replayed integer NOT NULL DEFAULT 0 CHECK (replayed >= 0 AND replayed <= coalesce(total, 0)),
        last_decision_id bigint,
        tally jsonb,
        result jsonb,
        failure text,
        failure_detail text,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((total IS NULL) = (truncated IS NULL)),
        CHECK ((status = 'DONE') = (result IS NOT NULL)),
        CHECK ((status = 'DONE') <= (replayed = total)),
        CHECK ((status = 'FAILED') = (failure IS NOT NULL)),
        CHECK ((status IN ('DONE','FAILED')) = (finished_at IS NOT NULL))
      )`);
    // One run at a time per admin: the start checks it, and this settles two starts racing.
    await q.query(`CREATE UNIQUE INDEX credit_what_if_run_one_active ON credit_what_if_run (started_by) WHERE status IN ('QUEUED','RUNNING')`);
    await q.query(`CREATE INDEX credit_what_if_run_recent ON credit_what_if_run (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_what_if_run`);
  }
}
