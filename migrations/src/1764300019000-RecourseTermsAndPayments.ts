import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recourse after the due date, and what is paid after it (issue 15 s.3, seed 000).
 *
 * - Three terms of each client agreement version (dated by the version's valid_from), with the
 *   defaults every existing version gets: an invoice bought WITH recourse and still unpaid
 *   `recourse_after_days` after its due date becomes a recourse invoice (30: seed 000 "30 dagar
 *   efter förfallodagen"); the client has `recourse_invoice_days_to_pay` to pay it (10: this
 *   factor's policy, seed 000 says only "så snart som möjligt"); fees and late interest the debtor
 *   pays after the recourse are kept by `fees_after_recourse_to` (FACTOR: they were the factor's
 *   receivables when charged; an agreement may give them to the CLIENT).
 * - `recourse_invoice`: the day recourse fell due (a day missed is caught up, dated today), the
 *   day the client was reminded of an unpaid one, and how much the debtor has paid towards it
 *   since (at most its amount: what the debtor pays beyond its paid part is owed to the client).
 * - `recourse_payment`: each payment placed on a recourse invoice, by the client (its own
 *   OCR/KID) or by the debtor (the original invoice's): what settled the recourse invoice, and
 *   what is owed back to the client in full because the client had already paid it (000).
 *   Unique per bank entry and recourse invoice: a file read twice places nothing twice.
 */
export class RecourseTermsAndPayments1764300019000 implements MigrationInterface {
  name = 'RecourseTermsAndPayments1764300019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE client_agreement
        ADD COLUMN recourse_after_days integer NOT NULL DEFAULT 30 CHECK (recourse_after_days BETWEEN 1 AND 365),
        ADD COLUMN recourse_invoice_days_to_pay integer NOT NULL DEFAULT 10 CHECK (recourse_invoice_days_to_pay BETWEEN 1 AND 90),
        ADD COLUMN fees_after_recourse_to text NOT NULL DEFAULT 'FACTOR' CHECK (fees_after_recourse_to IN ('FACTOR','CLIENT'))`);

    await q.query(`
      ALTER TABLE recourse_invoice
        ADD COLUMN fell_due_on date,
        ADD COLUMN caught_up boolean NOT NULL DEFAULT false,
        ADD COLUMN reminded_on date,
        ADD COLUMN debtor_paid_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (debtor_paid_amount >= 0 AND debtor_paid_amount <= amount),
        ADD COLUMN paid_on date`);
    // Run twice, act once: one recourse invoice for an unpaid invoice, ever.
    await q.query(`CREATE UNIQUE INDEX recourse_invoice_once_unpaid ON recourse_invoice (invoice_id) WHERE cause = 'UNPAID'`);
    await q.query(`CREATE INDEX recourse_invoice_reference ON recourse_invoice (ltrim(reference, '0'))`);

    await q.query(`
      CREATE TABLE recourse_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recourse_invoice_id uuid NOT NULL REFERENCES recourse_invoice(id),
        bank_entry_id uuid NOT NULL REFERENCES bank_entry(id),
        payer text NOT NULL CHECK (payer IN ('CLIENT','DEBTOR')),
        -- What settled the recourse invoice, and what goes back to the client (a debtor's payment after the client paid).
        settled numeric(18,2) NOT NULL CHECK (settled >= 0),
        owed_to_client numeric(18,2) NOT NULL CHECK (owed_to_client >= 0),
        journal_entry_id bigint NOT NULL REFERENCES journal_entry(id),
        paid_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (settled + owed_to_client > 0),
        CHECK (payer = 'DEBTOR' OR owed_to_client = 0),
        CONSTRAINT recourse_payment_once UNIQUE (bank_entry_id, recourse_invoice_id)
      )`);
    await q.query(`CREATE INDEX recourse_payment_invoice ON recourse_payment (recourse_invoice_id)`);
    await q.query(`REVOKE UPDATE, DELETE ON recourse_payment FROM factoring_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recourse_payment`);
    await q.query(`DROP INDEX recourse_invoice_reference`);
    await q.query(`DROP INDEX recourse_invoice_once_unpaid`);
    await q.query(`ALTER TABLE recourse_invoice DROP COLUMN fell_due_on, DROP COLUMN caught_up, DROP COLUMN reminded_on, DROP COLUMN debtor_paid_amount, DROP COLUMN paid_on`);
    await q.query(`ALTER TABLE client_agreement DROP COLUMN recourse_after_days, DROP COLUMN recourse_invoice_days_to_pay, DROP COLUMN fees_after_recourse_to`);
  }
}
