import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client's approvals in the agreement (issue 15 s.2 last sentence, s.5 first sentence; seed 003):
 * two terms of each agreement version, none by default, and the approvals asked of the client
 * for one invoice. A row is asked once per invoice and kind (the follow-up may run twice), then
 * answered once: by the client's key, or by collection staff recording an answer given by phone.
 * The answer is final (a CHECK keeps the answered columns together; the state moves only from ASKED).
 */
export class ClientApprovals1764300022000 implements MigrationInterface {
  name = 'ClientApprovals1764300022000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client_agreement ADD COLUMN late_interest_needs_client_approval boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE client_agreement ADD COLUMN collection_handoff_needs_client_approval boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE client_approval (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        client_id uuid NOT NULL REFERENCES client(id),
        kind text NOT NULL CHECK (kind IN ('LATE_INTEREST_INVOICE','COLLECTION_HANDOFF')),
        agreement_version integer NOT NULL,
        asked_on date NOT NULL,
        asked_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'ASKED' CHECK (state IN ('ASKED','APPROVED','DECLINED')),
        answered_at timestamptz,
        answered_by_type text CHECK (answered_by_type IN ('CLIENT','STAFF')),
        answered_by_staff uuid REFERENCES staff_member(id),
        answer_note text CHECK (char_length(answer_note) <= 2000),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT client_approval_once UNIQUE (invoice_id, kind),
        CONSTRAINT client_approval_agreement FOREIGN KEY (client_id, agreement_version) REFERENCES client_agreement (client_id, version),
        CONSTRAINT client_approval_answered CHECK (
          (state = 'ASKED' AND answered_at IS NULL AND answered_by_type IS NULL AND answered_by_staff IS NULL)
          OR (state <> 'ASKED' AND answered_at IS NOT NULL AND answered_by_type IS NOT NULL
              AND (answered_by_type = 'CLIENT') = (answered_by_staff IS NULL)))
      )`);
    await q.query(`CREATE INDEX client_approval_client ON client_approval (client_id, state)`);
    // An answer is final: only ASKED may change, and only to an answer.
    await q.query(`
      CREATE FUNCTION client_approval_answer_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state <> 'ASKED' OR NEW.invoice_id <> OLD.invoice_id OR NEW.kind <> OLD.kind OR NEW.client_id <> OLD.client_id THEN
          RAISE EXCEPTION 'client_approval %: an answered approval does not change', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER client_approval_answer_once BEFORE UPDATE ON client_approval FOR EACH ROW EXECUTE FUNCTION client_approval_answer_once()`);
    await q.query(`REVOKE DELETE ON client_approval FROM factoring_app`);
    await q.query(`CREATE TRIGGER client_approval_no_delete BEFORE DELETE ON client_approval FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_approval`);
    await q.query(`DROP FUNCTION client_approval_answer_once()`);
    await q.query(`ALTER TABLE client_agreement DROP COLUMN collection_handoff_needs_client_approval`);
    await q.query(`ALTER TABLE client_agreement DROP COLUMN late_interest_needs_client_approval`);
  }
}
