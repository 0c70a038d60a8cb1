import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The invoice's life in one place (issue 9). The states of libs/domain's invoice lifecycle,
 * each with one meaning (REFUSED by the eligibility rules apart from DENIED by credit;
 * OFFER_REVIEW before an offer apart from MANUAL_ASSESSMENT after acceptance; WITHDRAWN when
 * a client is blocked), and the database refusing any status change the state machine does
 * not allow: a trigger over `invoice_status_transition`, whose rows a test keeps equal to
 * libs/domain's table, so no code path can go around the seam.
 *
 * Also: one live attempt per invoice number (a refused, declined, expired or withdrawn
 * invoice may be corrected and submitted again, linked to the earlier attempt); what each
 * invoice adds to exposure now, so releases are bounded and idempotent; and a client's blocks
 * as a set of reasons.
 */
export class InvoiceLifecycle1764200000000 implements MigrationInterface {
  name = 'InvoiceLifecycle1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoice DROP CONSTRAINT invoice_status_check`);
    await q.query(`ALTER TABLE invoice DROP CONSTRAINT invoice_check2`);
    // Split the two meanings the old states had (nothing set APPROVED).
    await q.query(`UPDATE invoice SET status = 'OFFER_REVIEW' WHERE status = 'MANUAL_ASSESSMENT' AND accepted_at IS NULL`);
    await q.query(`UPDATE invoice SET status = 'REFUSED' WHERE status = 'DENIED' AND accepted_at IS NULL
                     AND NOT EXISTS (SELECT 1 FROM credit_decision d WHERE d.invoice_id = invoice.id)`);
    await q.query(`ALTER TABLE invoice ADD CONSTRAINT invoice_status_check CHECK (status IN (
                     'OFFERED','REFUSED','OFFER_REVIEW','DECLINED','EXPIRED','WITHDRAWN','ACCEPTED','SPOT_CHECK',
                     'MANUAL_ASSESSMENT','DENIED','PURCHASED','CREDITED','FULLY_PAID','RECOURSE'))`);
    await q.query(`ALTER TABLE invoice ADD CONSTRAINT invoice_offer_has_payout
                     CHECK (status NOT IN ('OFFERED','ACCEPTED','SPOT_CHECK','MANUAL_ASSESSMENT','PURCHASED') OR payout IS NOT NULL)`);

    await q.query(`
      CREATE TABLE invoice_status_transition (
        from_status text,
        to_status text NOT NULL,
        CONSTRAINT invoice_status_transition_unique UNIQUE NULLS NOT DISTINCT (from_status, to_status)
      )`);
    await q.query(`INSERT INTO invoice_status_transition (from_status, to_status) VALUES
      ('ACCEPTED', 'CREDITED'), ('ACCEPTED', 'DENIED'), ('ACCEPTED', 'MANUAL_ASSESSMENT'), ('ACCEPTED', 'PURCHASED'),
      ('ACCEPTED', 'SPOT_CHECK'), ('MANUAL_ASSESSMENT', 'CREDITED'), ('MANUAL_ASSESSMENT', 'DENIED'),
      ('MANUAL_ASSESSMENT', 'PURCHASED'), (NULL, 'OFFER_REVIEW'), (NULL, 'OFFERED'), (NULL, 'REFUSED'),
      ('OFFER_REVIEW', 'DENIED'), ('OFFER_REVIEW', 'OFFERED'), ('OFFERED', 'ACCEPTED'), ('OFFERED', 'DECLINED'),
      ('OFFERED', 'EXPIRED'), ('OFFERED', 'WITHDRAWN'), ('PURCHASED', 'CREDITED'), ('PURCHASED', 'FULLY_PAID'),
      ('PURCHASED', 'RECOURSE'), ('RECOURSE', 'FULLY_PAID'), ('REFUSED', 'OFFER_REVIEW'), ('SPOT_CHECK', 'CREDITED'),
      ('SPOT_CHECK', 'DENIED'), ('SPOT_CHECK', 'MANUAL_ASSESSMENT'), ('SPOT_CHECK', 'PURCHASED')`);
    // The table of allowed changes is itself fixed: only a migration changes it.
    await q.query(`CREATE TRIGGER invoice_status_transition_append_only BEFORE UPDATE OR DELETE ON invoice_status_transition
                   FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE FUNCTION refuse_invoice_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
          RETURN NEW;
        END IF;
        IF NOT EXISTS (
          SELECT 1 FROM invoice_status_transition
           WHERE from_status IS NOT DISTINCT FROM (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.status END)
             AND to_status = NEW.status
        ) THEN
          RAISE EXCEPTION 'invoice % may not go from % to %', NEW.id, CASE WHEN TG_OP = 'INSERT' THEN 'creation' ELSE OLD.status END, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'invoice_status_transition';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER invoice_status_follows_lifecycle BEFORE INSERT OR UPDATE OF status ON invoice
                   FOR EACH ROW EXECUTE FUNCTION refuse_invoice_status_change()`);

    // One live attempt per invoice number; a corrected resubmission links to the attempt before it.
    await q.query(`ALTER TABLE invoice DROP CONSTRAINT invoice_number_per_client`);
    await q.query(`CREATE UNIQUE INDEX invoice_number_one_live_attempt ON invoice (client_id, invoice_number)
                   WHERE status NOT IN ('REFUSED','DECLINED','EXPIRED','WITHDRAWN')`);
    await q.query(`CREATE INDEX invoice_number_attempts ON invoice (client_id, invoice_number, created_at)`);
    await q.query(`ALTER TABLE invoice ADD COLUMN previous_attempt_id uuid REFERENCES invoice(id)`);
    await q.query(`CREATE UNIQUE INDEX invoice_one_next_attempt ON invoice (previous_attempt_id) WHERE previous_attempt_id IS NOT NULL`);

    // What this invoice adds to its client's, debtor's and pair's exposure now (the one place that moves exposure keeps it).
    await q.query(`ALTER TABLE invoice ADD COLUMN exposure numeric(18,2) NOT NULL DEFAULT 0 CHECK (exposure >= 0 AND exposure <= payable)`);
    await q.query(`UPDATE invoice SET exposure = payable - credited_amount WHERE status = 'PURCHASED'`);

    // A client's blocks are a set of reasons, lifted one by one.
    await q.query(`ALTER TABLE client ADD COLUMN block_reasons text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE client SET block_reasons = '{OTHER}' WHERE state = 'BLOCKED'`);
    await q.query(`ALTER TABLE client ADD CONSTRAINT client_blocked_has_reasons
                     CHECK ((state = 'BLOCKED') = (cardinality(block_reasons) > 0)
                            AND block_reasons <@ ARRAY['FRAUD_SUSPICION','OVERDUE_RECOURSE_INVOICE','OTHER'])`);

    // Why a decision went to a person without the rules: a credit job that failed its last attempt.
    await q.query(`ALTER TABLE credit_decision DROP CONSTRAINT credit_decision_kind_check`);
    await q.query(`ALTER TABLE credit_decision ADD CONSTRAINT credit_decision_kind_check CHECK (kind IN ('AUTOMATIC','MANUAL','SPOT_CHECK','SYSTEM'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_decision DROP CONSTRAINT credit_decision_kind_check`);
    await q.query(`ALTER TABLE credit_decision ADD CONSTRAINT credit_decision_kind_check CHECK (kind IN ('AUTOMATIC','MANUAL','SPOT_CHECK'))`);
    await q.query(`ALTER TABLE client DROP CONSTRAINT client_blocked_has_reasons`);
    await q.query(`ALTER TABLE client DROP COLUMN block_reasons`);
    await q.query(`ALTER TABLE invoice DROP COLUMN exposure`);
    await q.query(`DROP INDEX invoice_one_next_attempt`);
    await q.query(`ALTER TABLE invoice DROP COLUMN previous_attempt_id`);
    await q.query(`DROP INDEX invoice_number_attempts`);
    await q.query(`DROP INDEX invoice_number_one_live_attempt`);
    await q.query(`ALTER TABLE invoice ADD CONSTRAINT invoice_number_per_client UNIQUE (client_id, invoice_number)`);
    await q.query(`DROP TRIGGER invoice_status_follows_lifecycle ON invoice`);
    await q.query(`DROP FUNCTION refuse_invoice_status_change()`);
    await q.query(`DROP TABLE invoice_status_transition`);
    await q.query(`ALTER TABLE invoice DROP CONSTRAINT invoice_offer_has_payout`);
    await q.query(`ALTER TABLE invoice DROP CONSTRAINT invoice_status_check`);
    await q.query(`UPDATE invoice SET status = 'MANUAL_ASSESSMENT' WHERE status = 'OFFER_REVIEW'`);
    await q.query(`UPDATE invoice SET status = 'DENIED' WHERE status = 'REFUSED'`);
    await q.query(`UPDATE invoice SET status = 'EXPIRED' WHERE status = 'WITHDRAWN'`);
    await q.query(`ALTER TABLE invoice ADD CONSTRAINT invoice_status_check CHECK (status IN ('OFFERED','DENIED','MANUAL_ASSESSMENT','ACCEPTED','DECLINED','EXPIRED',
                                               'SPOT_CHECK','APPROVED','PURCHASED','RECOURSE','FULLY_PAID','CREDITED'))`);
    await q.query(`ALTER TABLE invoice ADD CONSTRAINT invoice_check2 CHECK (status NOT IN ('OFFERED','ACCEPTED','SPOT_CHECK','APPROVED','PURCHASED') OR payout IS NOT NULL)`);
  }
}
