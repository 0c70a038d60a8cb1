import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clients (the companies selling invoices), every application they made, their agreements
 * (versioned: a change adds a version, history is never rewritten), debtors (who must pay),
 * the client-debtor pairs with their own limits and relations, and integration keys.
 * Exposure columns are counters kept by the credit decision in the same transaction, so
 * that limits can be checked under a row lock.
 */
export class ClientsAndDebtors1763900000000 implements MigrationInterface {
  name = 'ClientsAndDebtors1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country text NOT NULL CHECK (country IN ('SE','NO')),
        currency text NOT NULL CHECK (currency = CASE country WHEN 'SE' THEN 'SEK' ELSE 'NOK' END),
        organisation_number text NOT NULL,
        legal_name text NOT NULL CHECK (length(btrim(legal_name)) > 0),
        company_form text NOT NULL,
        address jsonb NOT NULL,
        contact jsonb NOT NULL,
        accounting_program text,
        state text NOT NULL CHECK (state IN ('APPLIED','ACTIVE','BLOCKED','REFUSED','TERMINATED')),
        state_reason text,
        exposure numeric(18,2) NOT NULL DEFAULT 0 CHECK (exposure >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT client_organisation_unique UNIQUE (country, organisation_number)
      )`);

    await q.query(`
      CREATE TABLE client_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid REFERENCES staff_member(id),
        answer_due_on date NOT NULL,
        details jsonb NOT NULL,
        automatic_reasons jsonb NOT NULL DEFAULT '[]',
        state text NOT NULL CHECK (state IN ('PENDING','APPROVED','REFUSED')),
        claimed_by uuid REFERENCES staff_member(id),
        claimed_at timestamptz,
        decided_by uuid REFERENCES staff_member(id),
        decided_at timestamptz,
        refusal_reasons text[],
        decision_note text,
        version integer NOT NULL DEFAULT 1,
        CHECK ((claimed_by IS NULL) = (claimed_at IS NULL)),
        CHECK ((state = 'PENDING') = (decided_at IS NULL))
      )`);
    // One open application per company at a time; refused ones stay as history.
    await q.query(`CREATE UNIQUE INDEX client_application_one_pending ON client_application (client_id) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX client_application_queue ON client_application (submitted_at) WHERE state = 'PENDING'`);

    await q.query(`
      CREATE TABLE client_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client(id),
        version integer NOT NULL CHECK (version > 0),
        valid_from timestamptz NOT NULL DEFAULT now(),
        fee_percent numeric(7,4) NOT NULL CHECK (fee_percent >= 0),
        fee_fixed numeric(18,2) NOT NULL DEFAULT 0 CHECK (fee_fixed >= 0),
        fee_minimum numeric(18,2) NOT NULL DEFAULT 0 CHECK (fee_minimum >= 0),
        vat_rate_on_fee_percent numeric(5,2) NOT NULL CHECK (vat_rate_on_fee_percent >= 0),
        recourse_modes text[] NOT NULL CHECK (
          cardinality(recourse_modes) > 0 AND recourse_modes <@ ARRAY['WITH_RECOURSE','WITHOUT_RECOURSE']::text[]),
        credit_limit numeric(18,2) NOT NULL CHECK (credit_limit >= 0),
        spot_check_intensity text NOT NULL CHECK (spot_check_intensity IN ('HIGH','NORMAL','LOW')),
        delivery_channel text NOT NULL CHECK (delivery_channel IN ('EMAIL','E_INVOICE','POST','KIVRA')),
        payout_account jsonb NOT NULL,
        repayment_account jsonb NOT NULL,
        changed_by uuid REFERENCES staff_member(id),
        change_reason text NOT NULL,
        CONSTRAINT client_agreement_version_unique UNIQUE (client_id, version)
      )`);
    await q.query(`
      CREATE TRIGGER client_agreement_append_only BEFORE UPDATE OR DELETE ON client_agreement
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);

    await q.query(`
      CREATE TABLE debtor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country text NOT NULL CHECK (country IN ('SE','NO')),
        kind text NOT NULL CHECK (kind IN ('COMPANY','PERSON')),
        identity_number text NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        address jsonb NOT NULL,
        email text,
        phone text,
        credit_limit numeric(18,2) NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
        temporary_raise numeric(18,2) CHECK (temporary_raise > 0),
        temporary_raise_until date,
        exposure numeric(18,2) NOT NULL DEFAULT 0 CHECK (exposure >= 0),
        invoices_paid integer NOT NULL DEFAULT 0,
        invoices_paid_late integer NOT NULL DEFAULT 0,
        days_late_total integer NOT NULL DEFAULT 0,
        max_days_late integer NOT NULL DEFAULT 0,
        has_unpaid_before boolean NOT NULL DEFAULT false,
        has_disputed_before boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT debtor_identity_unique UNIQUE (country, identity_number),
        CHECK ((temporary_raise IS NULL) = (temporary_raise_until IS NULL))
      )`);

    await q.query(`
      CREATE TABLE client_debtor (
        client_id uuid NOT NULL REFERENCES client(id),
        debtor_id uuid NOT NULL REFERENCES debtor(id),
        credit_limit numeric(18,2) CHECK (credit_limit >= 0),
        temporary_raise numeric(18,2) CHECK (temporary_raise > 0),
        temporary_raise_until date,
        exposure numeric(18,2) NOT NULL DEFAULT 0 CHECK (exposure >= 0),
        delivery_channel text CHECK (delivery_channel IN ('EMAIL','E_INVOICE','POST','KIVRA')),
        relation text CHECK (relation IN ('SAME_GROUP','SAME_OWNER')),
        relation_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (client_id, debtor_id),
        CHECK ((temporary_raise IS NULL) = (temporary_raise_until IS NULL)),
        CHECK (relation IS NULL OR relation_note IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX client_debtor_debtor_idx ON client_debtor (debtor_id)`);

    await q.query(`
      CREATE TABLE integration_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client(id),
        label text NOT NULL CHECK (length(btrim(label)) > 0),
        key_prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_by uuid REFERENCES staff_member(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES staff_member(id),
        revoke_reason text,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX integration_key_client_idx ON integration_key (client_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['integration_key', 'client_debtor', 'debtor', 'client_agreement', 'client_application', 'client']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
