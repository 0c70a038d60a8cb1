import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client's state changes only as libs/domain's client state machine allows (issue 9): the
 * same guard as the invoice's, a trigger over a table a test keeps equal to the state machine.
 */
export class ClientLifecycle1764200006000 implements MigrationInterface {
  name = 'ClientLifecycle1764200006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client_state_transition (
        from_state text,
        to_state text NOT NULL,
        CONSTRAINT client_state_transition_unique UNIQUE NULLS NOT DISTINCT (from_state, to_state)
      )`);
    await q.query(`INSERT INTO client_state_transition (from_state, to_state) VALUES
      ('ACTIVE', 'BLOCKED'), ('ACTIVE', 'TERMINATED'), ('APPLIED', 'ACTIVE'), ('APPLIED', 'REFUSED'), ('BLOCKED', 'ACTIVE'),
      ('BLOCKED', 'TERMINATED'), (NULL, 'APPLIED'), ('REFUSED', 'APPLIED'), ('TERMINATED', 'APPLIED')`);
    await q.query(`CREATE TRIGGER client_state_transition_append_only BEFORE UPDATE OR DELETE ON client_state_transition
                   FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE FUNCTION refuse_client_state_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.state IS NOT DISTINCT FROM OLD.state THEN
          RETURN NEW;
        END IF;
        IF NOT EXISTS (
          SELECT 1 FROM client_state_transition
           WHERE from_state IS NOT DISTINCT FROM (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.state END) AND to_state = NEW.state
        ) THEN
          RAISE EXCEPTION 'client % may not go from % to %', NEW.id, CASE WHEN TG_OP = 'INSERT' THEN 'registration' ELSE OLD.state END, NEW.state
            USING ERRCODE = 'check_violation', CONSTRAINT = 'client_state_transition';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER client_state_follows_lifecycle BEFORE INSERT OR UPDATE OF state ON client
                   FOR EACH ROW EXECUTE FUNCTION refuse_client_state_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER client_state_follows_lifecycle ON client`);
    await q.query(`DROP FUNCTION refuse_client_state_change()`);
    await q.query(`DROP TABLE client_state_transition`);
  }
}
