import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (issue 13, s.1): every PDF the factor makes (the sold invoice, the client's receipts,
 * sales reports and account statements, and later issues' letters) is kept once, with the hash
 * of its bytes and the data it was made from, so that fetching it again returns the same bytes.
 * A document is never rewritten: a correction is a new row (other data, so another data hash).
 *
 * `document_key` names what the document is of (kind, subject, language, period); the same key
 * made from the same data with the same template version is one row (asking again finds it).
 */
export class Documents1764300008000 implements MigrationInterface {
  name = 'Documents1764300008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind ~ '^[A-Z][A-Z0-9_]{1,63}$'),
        subject_type text NOT NULL CHECK (subject_type IN ('INVOICE','CLIENT')),
        subject_id uuid NOT NULL,
        -- Whose document it is: a client's key reads only its own.
        client_id uuid NOT NULL REFERENCES client(id),
        invoice_id uuid REFERENCES invoice(id),
        period_from date,
        period_to date,
        language text NOT NULL CHECK (language IN ('sv','nb','en')),
        document_key text NOT NULL,
        template_version integer NOT NULL CHECK (template_version > 0),
        data jsonb NOT NULL,
        data_sha256 text NOT NULL CHECK (data_sha256 ~ '^[0-9a-f]{64}$'),
        media_type text NOT NULL DEFAULT 'application/pdf',
        file_name text NOT NULL CHECK (length(btrim(file_name)) > 0),
        bytes bytea NOT NULL CHECK (octet_length(bytes) > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT document_once UNIQUE (document_key, template_version, data_sha256),
        CHECK ((period_from IS NULL) = (period_to IS NULL) AND (period_from IS NULL OR period_from <= period_to)),
        CHECK (subject_type <> 'INVOICE' OR invoice_id = subject_id),
        CHECK (subject_type <> 'CLIENT' OR client_id = subject_id)
      )`);
    await q.query(`CREATE INDEX document_subject ON document (subject_type, subject_id, created_at)`);
    await q.query(`CREATE INDEX document_client ON document (client_id, created_at)`);
    await q.query(`CREATE TRIGGER document_append_only BEFORE UPDATE OR DELETE ON document FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`CREATE TRIGGER document_no_truncate BEFORE TRUNCATE ON document FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    // The owner's default privileges (LeastPrivilegeRoles) gave the application every DML right: an append-only table keeps SELECT and INSERT.
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factoring_app') THEN
          GRANT SELECT, INSERT ON document TO factoring_app;
          REVOKE UPDATE, DELETE, TRUNCATE ON document FROM factoring_app;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document`);
  }
}
