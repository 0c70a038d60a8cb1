import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money out beyond the invoices' payouts (issue 14 s.3, s.4 and s.2's daily check).
 *
 * - `payout_refund`: money the factor owes someone and pays in a payout batch like any payout:
 *   a debtor's overpayment marked for refund (DEBTOR_REFUND, to the payer's account) or money
 *   owed back to a client (CLIENT_REPAYMENT, to its payout account at the time of the batch).
 *   One row per cause (`cause` is unique): recording the same refund twice records it once.
 *   Whether it is paid is read from its payout lines (a live line INCLUDED or SETTLED), as for
 *   invoices. The rows of the earlier `payment_refund` (which nothing paid out) move here.
 * - `payout_line` carries either an invoice's payout or a refund (`refund_id`), never both; a
 *   refund, like an invoice, is in at most one live line.
 * - `payout_set_off`: what was taken from a client's payout for what the client owes the factor
 *   (money a debtor paid the client directly, an overdue recourse invoice), each with the journal
 *   entry that booked it. What is left of a receivable is its amount less its set-offs, so
 *   preparing a batch again never sets the same debt off twice.
 * - `exposure_check`: each run of the daily exposure-against-ledger reconciliation, with the
 *   debtors whose exposure and open purchased receivables differ (empty when all agree).
 */
export class PayoutRefundsAndSetOffs1764300020000 implements MigrationInterface {
  name = 'PayoutRefundsAndSetOffs1764300020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payout_refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('DEBTOR_REFUND','CLIENT_REPAYMENT')),
        cause text NOT NULL UNIQUE CHECK (length(cause) BETWEEN 1 AND 200),
        book text NOT NULL REFERENCES ledger_book(code),
        currency text NOT NULL CHECK (currency IN ('SEK','NOK')),
        client_id uuid REFERENCES client(id),
        debtor_id uuid REFERENCES debtor(id),
        invoice_id uuid REFERENCES invoice(id),
        bank_entry_id uuid REFERENCES bank_entry(id),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        -- {kind, value, name}: where the money goes. NULL for a client: its payout account when the batch is made.
        payee jsonb,
        -- What the payee reads on its statement (pain.001 RmtInf/Ustrd).
        reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 140),
        note text,
        created_by uuid REFERENCES staff_member(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((book = 'SE' AND currency = 'SEK') OR (book = 'NO' AND currency = 'NOK')),
        CHECK (kind <> 'CLIENT_REPAYMENT' OR client_id IS NOT NULL),
        CHECK (kind <> 'DEBTOR_REFUND' OR payee IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX payout_refund_book ON payout_refund (book, created_at)`);
    await q.query(`CREATE INDEX payout_refund_client ON payout_refund (client_id) WHERE client_id IS NOT NULL`);

    await q.query(`
      ALTER TABLE payout_line
        ALTER COLUMN invoice_id DROP NOT NULL,
        ALTER COLUMN client_id DROP NOT NULL,
        ADD COLUMN refund_id uuid REFERENCES payout_refund(id),
        ADD CONSTRAINT payout_line_invoice_or_refund CHECK ((invoice_id IS NULL) <> (refund_id IS NULL)),
        ADD CONSTRAINT payout_line_invoice_has_client CHECK (invoice_id IS NULL OR client_id IS NOT NULL),
        ADD CONSTRAINT payout_line_refund_attempt UNIQUE (refund_id, attempt)`);
    await q.query(`CREATE UNIQUE INDEX payout_line_refund_paid_once ON payout_line (refund_id) WHERE state IN ('INCLUDED','SETTLED')`);

    // The overpayments marked for refund before this table existed: paid out by the next batch now.
    await q.query(`
      INSERT INTO payout_refund (kind, cause, book, currency, debtor_id, bank_entry_id, amount, payee, reference, created_by, created_at)
      SELECT 'DEBTOR_REFUND', 'payment_refund:' || r.id, CASE r.currency WHEN 'SEK' THEN 'SE' ELSE 'NO' END, r.currency, r.debtor_id, r.bank_entry_id, r.amount,
             jsonb_build_object('kind', CASE WHEN r.payee_account ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}$' THEN 'IBAN'
                                             WHEN r.currency = 'NOK' AND r.payee_account ~ '^[0-9]{11}$' THEN 'NO_BANK_ACCOUNT'
                                             WHEN r.currency = 'SEK' AND r.payee_account ~ '^[0-9]{7,8}$' THEN 'SE_BANKGIRO'
                                             ELSE 'UNKNOWN' END,
                                'value', coalesce(r.payee_account, ''), 'name', coalesce(r.payee_name, '')),
             'Refund', r.marked_by, r.marked_at
        FROM payment_refund r`);
    await q.query(`DROP TABLE payment_refund`);

    await q.query(`
      CREATE TABLE payout_set_off (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client(id),
        -- The payout it was taken from, and the batch that took it.
        payout_invoice_id uuid NOT NULL REFERENCES invoice(id),
        batch_id uuid NOT NULL REFERENCES payout_batch(id),
        source text NOT NULL CHECK (source IN ('PAID_TO_CLIENT','RECOURSE_INVOICE')),
        paid_to_client_id uuid REFERENCES payment_allocation(id),
        recourse_invoice_id uuid REFERENCES recourse_invoice(id),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        journal_entry_id bigint NOT NULL REFERENCES journal_entry(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((source = 'PAID_TO_CLIENT') = (paid_to_client_id IS NOT NULL)),
        CHECK ((source = 'RECOURSE_INVOICE') = (recourse_invoice_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX payout_set_off_payout ON payout_set_off (payout_invoice_id)`);
    await q.query(`CREATE INDEX payout_set_off_paid_to_client ON payout_set_off (paid_to_client_id) WHERE paid_to_client_id IS NOT NULL`);
    await q.query(`CREATE INDEX payout_set_off_recourse ON payout_set_off (recourse_invoice_id) WHERE recourse_invoice_id IS NOT NULL`);
    await q.query(`CREATE INDEX payment_allocation_paid_to_client ON payment_allocation (invoice_id) WHERE kind = 'PAID_TO_CLIENT'`);

    await q.query(`
      CREATE TABLE exposure_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_on date NOT NULL,
        ran_at timestamptz NOT NULL DEFAULT now(),
        difference_count integer NOT NULL CHECK (difference_count >= 0),
        -- [{debtorId, exposure, receivables}] as text amounts.
        differences jsonb NOT NULL,
        UNIQUE (run_on)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exposure_check`);
    await q.query(`DROP TABLE payout_set_off`);
    await q.query(`DROP INDEX payment_allocation_paid_to_client`);
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
    await q.query(`DELETE FROM payout_line WHERE refund_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE payout_line
        DROP CONSTRAINT payout_line_refund_attempt,
        DROP CONSTRAINT payout_line_invoice_has_client,
        DROP CONSTRAINT payout_line_invoice_or_refund,
        DROP COLUMN refund_id,
        ALTER COLUMN client_id SET NOT NULL,
        ALTER COLUMN invoice_id SET NOT NULL`);
    await q.query(`DROP TABLE payout_refund`);
  }
}
