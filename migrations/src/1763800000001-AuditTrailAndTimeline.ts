import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (who did what, including refused attempts) and the entity timeline
 * (every state change of an invoice, client, batch or case). Both are append-only: the
 * database itself refuses UPDATE, DELETE and TRUNCATE, so not even a bug or a hand-typed
 * SQL statement through the application's role can rewrite history.
 */
export class AuditTrailAndTimeline1763800000001 implements MigrationInterface {
  name = 'AuditTrailAndTimeline1763800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);

    await q.query(`
      CREATE TABLE audit_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_email text,
        operation text NOT NULL,
        operation_type text NOT NULL CHECK (operation_type IN ('mutation','query','job')),
        target_type text,
        target_id text,
        input_summary jsonb,
        outcome text NOT NULL CHECK (outcome IN ('SUCCEEDED','REFUSED','FAILED')),
        error_code text,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_entry_target_idx ON audit_entry (target_id) WHERE target_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE timeline_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_type text NOT NULL CHECK (actor_type IN ('STAFF','CLIENT','SYSTEM')),
        actor_id uuid,
        actor_name text,
        from_state text,
        to_state text NOT NULL,
        reason text,
        details jsonb,
        CHECK (actor_type = 'SYSTEM' OR actor_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX timeline_event_entity_idx ON timeline_event (entity_type, entity_id, id)`);

    for (const table of ['audit_entry', 'timeline_event']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE timeline_event`);
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP FUNCTION refuse_append_only_change()`);
  }
}
