import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money in (issue 14 s.1-4, seeds 000, 002, 003).
 *
 * - `bank_import`: one file read (upload, watched folder or API), its status, counts and
 *   amounts, and its refusal (code, message and the place in the file that is wrong). The
 *   refusal is written in its own transaction after the import's rolled back, so it survives.
 * - `bank_entry`: what the bank says happened, once: unique on (account, entry_key) so importing
 *   the same file twice, or one that overlaps an earlier one, stores and books nothing twice.
 *   `unplaced` is what of a credit no invoice has taken yet (the unmatched-payments queue);
 *   `claimed_by`/`version` are the shared work-queue claim.
 * - `payment_allocation`: what a payment did, each row tied to the journal entry that booked it.
 * - `invoice.paid_amount`: what debtors (or the client, paid directly) have paid on it; open is
 *   payable - credited_amount - recourse_amount - paid_amount.
 * - `statement_difference`: a camt.053 statement day whose credits differ from what the
 *   notifications of that account and day already booked: shown to finance, never booked again.
 */
export class Payments1764300012000 implements MigrationInterface {
  name = 'Payments1764300012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bank_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('UPLOAD','FOLDER','API')),
        file_name text NOT NULL,
        format text CHECK (format IN ('CAMT_053','CAMT_054','BGMAX','NETS_OCR')),
        version text,
        file_identity text,
        status text NOT NULL CHECK (status IN ('RUNNING','DONE','REFUSED')),
        entries_read integer NOT NULL DEFAULT 0,
        entries_new integer NOT NULL DEFAULT 0,
        entries_duplicate integer NOT NULL DEFAULT 0,
        entries_matched integer NOT NULL DEFAULT 0,
        entries_unmatched integer NOT NULL DEFAULT 0,
        entries_reconciled integer NOT NULL DEFAULT 0,
        amount_in numeric(18,2) NOT NULL DEFAULT 0,
        amount_out numeric(18,2) NOT NULL DEFAULT 0,
        amount_matched numeric(18,2) NOT NULL DEFAULT 0,
        amount_unmatched numeric(18,2) NOT NULL DEFAULT 0,
        refusal_code text,
        refusal_message text,
        refusal_place text,
        started_by uuid REFERENCES staff_member(id),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CHECK ((status = 'REFUSED') = (refusal_code IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX bank_import_started ON bank_import (started_at DESC)`);

    await q.query(`
      CREATE TABLE bank_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        import_id uuid NOT NULL REFERENCES bank_import(id),
        format text NOT NULL CHECK (format IN ('CAMT_053','CAMT_054','BGMAX','NETS_OCR')),
        account_id text NOT NULL,
        section_identity text NOT NULL,
        entry_key text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('CREDIT','DEBIT')),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        currency text NOT NULL CHECK (currency IN ('SEK','NOK')),
        value_date date NOT NULL,
        booking_date date,
        reference text,
        reference_check_failed boolean NOT NULL DEFAULT false,
        extra_references text[],
        payer_name text,
        payer_account text,
        message text,
        bank_reference text,
        end_to_end_id text,
        payment_information_id text,
        return_reason text,
        place text NOT NULL,
        -- NOTIFIED: a credit to place; STATEMENT: a camt.053 line, reconciled and never booked again;
        -- PAYOUT_DEBIT / PAYOUT_RETURN: money out.
        kind text NOT NULL CHECK (kind IN ('NOTIFIED','STATEMENT','PAYOUT_DEBIT','PAYOUT_RETURN','OTHER_DEBIT')),
        state text NOT NULL CHECK (state IN ('NEW','MATCHED','UNMATCHED','REFUND','RECONCILED','SETTLED')),
        unplaced numeric(18,2) NOT NULL DEFAULT 0 CHECK (unplaced >= 0 AND unplaced <= amount),
        debtor_id uuid REFERENCES debtor(id),
        claimed_by uuid REFERENCES staff_member(id),
        claimed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bank_entry_once UNIQUE (account_id, entry_key)
      )`);
    await q.query(`CREATE INDEX bank_entry_import ON bank_entry (import_id)`);
    await q.query(`CREATE INDEX bank_entry_unmatched ON bank_entry (value_date) WHERE state = 'UNMATCHED'`);
    await q.query(`CREATE INDEX bank_entry_day ON bank_entry (account_id, value_date, kind)`);

    // Banks drop the zero-padding of a KID (and the parsers normalise it away): match on the reference without leading zeros.
    await q.query(`CREATE INDEX invoice_reference_normalised ON invoice (ltrim(payment_reference, '0')) WHERE payment_reference IS NOT NULL`);
    await q.query(`ALTER TABLE invoice ADD COLUMN paid_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0)`);
    await q.query(`ALTER TABLE invoice ADD COLUMN paid_to_client_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (paid_to_client_amount >= 0)`);
    await q.query(`ALTER TABLE invoice ADD COLUMN last_paid_on date`);
    await q.query(`ALTER TABLE invoice ADD CONSTRAINT invoice_paid_at_most_open CHECK (paid_amount + paid_to_client_amount + credited_amount <= payable)`);

    await q.query(`
      CREATE TABLE payment_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bank_entry_id uuid REFERENCES bank_entry(id),
        invoice_id uuid REFERENCES invoice(id),
        -- PAYMENT: a debtor's payment settles (part of) an invoice; SURPLUS: an overpayment held;
        -- REFUND: held money marked to go back to the payer; PAID_TO_CLIENT: the debtor paid the client.
        kind text NOT NULL CHECK (kind IN ('PAYMENT','SURPLUS','REFUND','PAID_TO_CLIENT')),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        days_late integer CHECK (days_late >= 0),
        journal_entry_id bigint NOT NULL REFERENCES journal_entry(id),
        allocated_by uuid REFERENCES staff_member(id),
        allocated_at timestamptz NOT NULL DEFAULT now(),
        note text,
        CHECK (kind IN ('SURPLUS','REFUND') OR invoice_id IS NOT NULL),
        CHECK (kind = 'PAID_TO_CLIENT' OR bank_entry_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX payment_allocation_invoice ON payment_allocation (invoice_id)`);
    await q.query(`CREATE INDEX payment_allocation_entry ON payment_allocation (bank_entry_id)`);

    await q.query(`
      CREATE TABLE payment_refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bank_entry_id uuid NOT NULL REFERENCES bank_entry(id),
        debtor_id uuid REFERENCES debtor(id),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        payee_name text,
        payee_account text,
        state text NOT NULL CHECK (state IN ('DUE','IN_BATCH','PAID')) DEFAULT 'DUE',
        payout_batch_id uuid,
        marked_by uuid NOT NULL REFERENCES staff_member(id),
        marked_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE statement_difference (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        import_id uuid NOT NULL REFERENCES bank_import(id),
        account_id text NOT NULL,
        value_date date NOT NULL,
        statement_credits numeric(18,2) NOT NULL,
        notified_credits numeric(18,2) NOT NULL,
        difference numeric(18,2) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (import_id, account_id, value_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statement_difference`);
    await q.query(`DROP TABLE payment_refund`);
    await q.query(`DROP TABLE payment_allocation`);
    await q.query(`ALTER TABLE invoice DROP CONSTRAINT invoice_paid_at_most_open`);
    await q.query(`ALTER TABLE invoice DROP COLUMN last_paid_on`);
    await q.query(`ALTER TABLE invoice DROP COLUMN paid_to_client_amount`);
    await q.query(`ALTER TABLE invoice DROP COLUMN paid_amount`);
    await q.query(`DROP INDEX invoice_reference_normalised`);
    await q.query(`DROP TABLE bank_entry`);
    await q.query(`DROP TABLE bank_import`);
  }
}
