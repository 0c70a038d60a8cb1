import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payout batches (issue 12, s.2): the day's payments to clients per book, prepared by one
 * member of finance and approved by another. The database holds what must never go wrong:
 * the approver is not the preparer; a batch changes state only as libs/domain's payout-batch
 * lifecycle allows; an invoice is paid in at most one live batch line, whatever code runs.
 */
export class PayoutBatches1764200007000 implements MigrationInterface {
  name = 'PayoutBatches1764200007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payout_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        book text NOT NULL REFERENCES ledger_book(code),
        currency text NOT NULL CHECK (currency IN ('SEK','NOK')),
        payout_date date NOT NULL,
        state text NOT NULL CHECK (state IN ('PREPARED','APPROVED','EXPORTED','SENT','ACCEPTED','PARTLY_REJECTED','REJECTED','SETTLED','CANCELLED')),
        -- The bank file's message id (pain.001 GrpHdr/MsgId): unique, at most 35 characters.
        message_id text NOT NULL UNIQUE CHECK (length(message_id) <= 35),
        total numeric(18,2) NOT NULL CHECK (total >= 0),
        line_count integer NOT NULL CHECK (line_count >= 0),
        prepared_by uuid NOT NULL REFERENCES staff_member(id),
        prepared_at timestamptz NOT NULL DEFAULT now(),
        approved_by uuid REFERENCES staff_member(id),
        approved_at timestamptz,
        cancelled_by uuid REFERENCES staff_member(id),
        cancelled_at timestamptz,
        cancel_reason text,
        exported_at timestamptz,
        sent_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Four eyes, in the database too: money out is never approved by the one who prepared it.
        CONSTRAINT payout_batch_four_eyes CHECK (approved_by IS NULL OR approved_by <> prepared_by),
        CHECK ((state IN ('PREPARED','CANCELLED')) OR approved_by IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX payout_batch_one_open_per_day ON payout_batch (book, payout_date) WHERE state IN ('PREPARED','APPROVED')`);
    await q.query(`CREATE INDEX payout_batch_queue ON payout_batch (state, payout_date)`);

    await q.query(`
      CREATE TABLE payout_batch_transition (
        from_state text NOT NULL,
        to_state text NOT NULL,
        PRIMARY KEY (from_state, to_state)
      )`);
    await q.query(`INSERT INTO payout_batch_transition (from_state, to_state) VALUES
      ('PREPARED','APPROVED'), ('PREPARED','CANCELLED'), ('APPROVED','CANCELLED'), ('APPROVED','EXPORTED'), ('EXPORTED','SENT'),
      ('SENT','ACCEPTED'), ('SENT','PARTLY_REJECTED'), ('SENT','REJECTED'), ('ACCEPTED','SETTLED'), ('PARTLY_REJECTED','SETTLED')`);
    await q.query(`CREATE TRIGGER payout_batch_transition_append_only BEFORE UPDATE OR DELETE ON payout_batch_transition
                   FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE FUNCTION refuse_payout_batch_state_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND NEW.state <> 'PREPARED' THEN
          RAISE EXCEPTION 'a payout batch starts prepared' USING ERRCODE = 'check_violation', CONSTRAINT = 'payout_batch_transition';
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.state IS DISTINCT FROM OLD.state
           AND NOT EXISTS (SELECT 1 FROM payout_batch_transition WHERE from_state = OLD.state AND to_state = NEW.state) THEN
          RAISE EXCEPTION 'payout batch % may not go from % to %', NEW.id, OLD.state, NEW.state
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payout_batch_transition';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER payout_batch_follows_lifecycle BEFORE INSERT OR UPDATE OF state ON payout_batch
                   FOR EACH ROW EXECUTE FUNCTION refuse_payout_batch_state_change()`);

    await q.query(`
      CREATE TABLE payout_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES payout_batch(id),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        client_id uuid NOT NULL REFERENCES client(id),
        attempt integer NOT NULL CHECK (attempt >= 1),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        -- The OCR/KID the factor set on the invoice: the client's remittance information (seed 000).
        reference text NOT NULL,
        end_to_end_id text NOT NULL UNIQUE CHECK (length(end_to_end_id) <= 35),
        payee jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('INCLUDED','REJECTED','CANCELLED','SETTLED')),
        rejection jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payout_line_attempt UNIQUE (invoice_id, attempt)
      )`);
    // Never pay twice: an invoice is in at most one live line.
    await q.query(`CREATE UNIQUE INDEX payout_line_paid_once ON payout_line (invoice_id) WHERE state IN ('INCLUDED','SETTLED')`);
    await q.query(`CREATE INDEX payout_line_batch ON payout_line (batch_id)`);

    // Every bank file we wrote or read, kept as it was: the same file again is recognised by its digest.
    await q.query(`
      CREATE TABLE bank_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        book text NOT NULL REFERENCES ledger_book(code),
        direction text NOT NULL CHECK (direction IN ('OUT','IN')),
        format text NOT NULL,
        message_id text,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        batch_id uuid REFERENCES payout_batch(id),
        summary jsonb,
        created_by uuid REFERENCES staff_member(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bank_file_once UNIQUE (direction, sha256)
      )`);
    await q.query(`CREATE UNIQUE INDEX bank_file_one_export_per_batch ON bank_file (batch_id) WHERE direction = 'OUT'`);
    await q.query(`CREATE TRIGGER bank_file_append_only BEFORE UPDATE OR DELETE ON bank_file FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);

    // A changed payout account is confirmed by someone other than who changed it before money goes to it.
    await q.query(`
      CREATE TABLE payout_account_confirmation (
        client_id uuid NOT NULL REFERENCES client(id),
        agreement_version integer NOT NULL,
        confirmed_by uuid NOT NULL REFERENCES staff_member(id),
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        how text NOT NULL CHECK (length(btrim(how)) >= 3),
        PRIMARY KEY (client_id, agreement_version),
        FOREIGN KEY (client_id, agreement_version) REFERENCES client_agreement (client_id, version)
      )`);
    await q.query(`CREATE TRIGGER payout_account_confirmation_append_only BEFORE UPDATE OR DELETE ON payout_account_confirmation
                   FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payout_account_confirmation`);
    await q.query(`DROP TABLE bank_file`);
    await q.query(`DROP TABLE payout_line`);
    await q.query(`DROP TRIGGER payout_batch_follows_lifecycle ON payout_batch`);
    await q.query(`DROP FUNCTION refuse_payout_batch_state_change()`);
    await q.query(`DROP TABLE payout_batch_transition`);
    await q.query(`DROP TABLE payout_batch`);
  }
}
