import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery addresses and the client's logo (issue 13).
 *
 * `debtor.peppol_id`: the debtor's e-invoice address, a Peppol participant id "scheme:value"
 * (e.g. 0007:5567123400), checked at the edge (scheme from the Peppol EAS code list, value with
 * its check digit); kept as given on the debtor's first invoice, like its e-mail address.
 *
 * `client_logo`: the logos a client's sold invoices print (seed 003: "med företagets logotype").
 * Append-only: an upload is a new row, the newest is current; a sold invoice's data carries the
 * logo's sha256, so a new logo makes new documents and never changes a kept one.
 */
export class DebtorPeppolIdAndClientLogo1764300011000 implements MigrationInterface {
  name = 'DebtorPeppolIdAndClientLogo1764300011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE debtor ADD COLUMN peppol_id text CHECK (peppol_id ~ '^[0-9]{4}:[0-9A-Za-z]{1,50}$')`);
    await q.query(`
      CREATE TABLE client_logo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client(id),
        media_type text NOT NULL CHECK (media_type IN ('image/png','image/jpeg')),
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        byte_size integer NOT NULL CHECK (byte_size > 0 AND byte_size <= 262144),
        bytes bytea NOT NULL CHECK (octet_length(bytes) = byte_size),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by_type text NOT NULL CHECK (uploaded_by_type IN ('STAFF','CLIENT')),
        uploaded_by_id uuid NOT NULL,
        uploaded_by_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX client_logo_current ON client_logo (client_id, created_at DESC, id DESC)`);
    await q.query(`CREATE TRIGGER client_logo_append_only BEFORE UPDATE OR DELETE ON client_logo FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`CREATE TRIGGER client_logo_no_truncate BEFORE TRUNCATE ON client_logo FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factoring_app') THEN
          GRANT SELECT, INSERT ON client_logo TO factoring_app;
          REVOKE UPDATE, DELETE, TRUNCATE ON client_logo FROM factoring_app;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_logo`);
    await q.query(`ALTER TABLE debtor DROP COLUMN peppol_id`);
  }
}
