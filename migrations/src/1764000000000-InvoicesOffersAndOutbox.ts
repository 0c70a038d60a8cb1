import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices sold through the integration API, their lines, offers and credit notes; the
 * payment-reference sequences; dated rule settings; and the outbox that carries every
 * change a client should know about to its webhook (written in the same transaction as
 * the change, delivered by a worker).
 */
export class InvoicesOffersAndOutbox1764000000000 implements MigrationInterface {
  name = 'InvoicesOffersAndOutbox1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_setting (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        country text NOT NULL CHECK (country IN ('SE','NO')),
        valid_from date NOT NULL,
        value jsonb NOT NULL,
        source text NOT NULL CHECK (length(btrim(source)) > 0),
        created_by uuid REFERENCES staff_member(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rule_setting_version_unique UNIQUE (name, country, valid_from)
      )`);
    // A published version is history: change by publishing a newer one.
    await q.query(`CREATE TRIGGER rule_setting_append_only BEFORE UPDATE OR DELETE ON rule_setting
                   FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);

    await q.query(`CREATE SEQUENCE payment_reference_se START 1000`);
    await q.query(`CREATE SEQUENCE payment_reference_no START 1000`);

    await q.query(`
      CREATE TABLE invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client(id),
        debtor_id uuid REFERENCES debtor(id),
        debtor jsonb NOT NULL,
        invoice_number text NOT NULL,
        idempotency_key text,
        content_hash text NOT NULL,
        country text NOT NULL CHECK (country IN ('SE','NO')),
        currency text NOT NULL,
        invoice_date date NOT NULL,
        delivery_date date NOT NULL,
        due_date date NOT NULL,
        net numeric(18,2) NOT NULL,
        vat numeric(18,2) NOT NULL,
        rounding numeric(18,2) NOT NULL DEFAULT 0,
        gross numeric(18,2) NOT NULL,
        deduction_kind text CHECK (deduction_kind IN ('ROT','RUT','GREEN_TECH')),
        deduction_amount numeric(18,2),
        payable numeric(18,2) NOT NULL,
        reverse_charge_vat_numbers jsonb,
        status text NOT NULL CHECK (status IN ('OFFERED','DENIED','MANUAL_ASSESSMENT','ACCEPTED','DECLINED','EXPIRED',
                                               'SPOT_CHECK','APPROVED','PURCHASED','RECOURSE','FULLY_PAID','CREDITED')),
        eligibility jsonb NOT NULL,
        fee numeric(18,2),
        vat_on_fee numeric(18,2),
        payout numeric(18,2),
        offer_terms jsonb,
        offer_expires_at timestamptz,
        recourse_mode text CHECK (recourse_mode IN ('WITH_RECOURSE','WITHOUT_RECOURSE')),
        accepted_at timestamptz,
        planned_payout_date date,
        payment_reference text UNIQUE,
        credited_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (credited_amount >= 0 AND credited_amount <= payable),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT invoice_number_per_client UNIQUE (client_id, invoice_number),
        CHECK ((deduction_kind IS NULL) = (deduction_amount IS NULL)),
        CHECK (status NOT IN ('OFFERED','ACCEPTED','SPOT_CHECK','APPROVED','PURCHASED') OR payout IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX invoice_idempotency ON invoice (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX invoice_status_idx ON invoice (status, created_at)`);
    await q.query(`CREATE INDEX invoice_debtor_idx ON invoice (debtor_id, payable, invoice_date, due_date)`);

    await q.query(`
      CREATE TABLE invoice_line (
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        line_number integer NOT NULL,
        description text NOT NULL,
        quantity numeric(18,4) NOT NULL CHECK (quantity >= 0),
        unit_price numeric(18,4) NOT NULL CHECK (unit_price >= 0),
        vat_rate_percent numeric(5,2) NOT NULL CHECK (vat_rate_percent >= 0),
        reverse_charge boolean NOT NULL DEFAULT false,
        net numeric(18,2) NOT NULL,
        PRIMARY KEY (invoice_id, line_number)
      )`);

    await q.query(`
      CREATE TABLE credit_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        credit_number text NOT NULL,
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT credit_note_number_unique UNIQUE (invoice_id, credit_number)
      )`);

    await q.query(`
      CREATE TABLE outbox_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client(id),
        topic text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unpublished ON outbox_event (id) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_client_cursor ON outbox_event (client_id, id)`);

    await q.query(`
      CREATE TABLE webhook_endpoint (
        client_id uuid PRIMARY KEY REFERENCES client(id),
        url text NOT NULL,
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE webhook_delivery (
        event_id uuid NOT NULL REFERENCES outbox_event(event_id),
        attempts integer NOT NULL DEFAULT 0,
        last_status integer,
        last_error text,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        PRIMARY KEY (event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['webhook_delivery', 'webhook_endpoint', 'outbox_event', 'credit_note', 'invoice_line', 'invoice', 'rule_setting']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP SEQUENCE payment_reference_se`);
    await q.query(`DROP SEQUENCE payment_reference_no`);
  }
}
