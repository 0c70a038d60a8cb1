import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9 h: a spot check must not be confirmed on a telephone number the seller typed. Each
 * debtor contact keeps its source: the registered e-mail and phone say which client gave them
 * (none when staff registered the debtor), and an analyst records verified contacts with where
 * they came from. Verified contacts are history: never edited, never deleted.
 */
export class DebtorContactSource1764300001000 implements MigrationInterface {
  name = 'DebtorContactSource1764300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE debtor ADD COLUMN contact_given_by_client_id uuid REFERENCES client(id)`);
    // Debtors made before this change took their e-mail from the first client's invoice.
    await q.query(`
      UPDATE debtor d SET contact_given_by_client_id = (SELECT i.client_id FROM invoice i WHERE i.debtor_id = d.id ORDER BY i.created_at LIMIT 1)
       WHERE (d.email IS NOT NULL OR d.phone IS NOT NULL)`);
    await q.query(`
      CREATE TABLE debtor_verified_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        debtor_id uuid NOT NULL REFERENCES debtor(id),
        phone text CHECK (phone IS NULL OR length(btrim(phone)) > 0),
        email text CHECK (email IS NULL OR length(btrim(email)) > 0),
        source text NOT NULL CHECK (source IN ('PUBLIC_REGISTRY', 'COMPANY_WEBSITE', 'DIRECTORY_SERVICE', 'DEBTOR_DOCUMENT', 'OTHER')),
        source_detail text NOT NULL CHECK (length(btrim(source_detail)) > 0),
        recorded_by uuid NOT NULL REFERENCES staff_member(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (phone IS NOT NULL OR email IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX debtor_verified_contact_debtor_idx ON debtor_verified_contact (debtor_id, recorded_at DESC)`);
    await q.query(`CREATE TRIGGER debtor_verified_contact_append_only BEFORE UPDATE OR DELETE ON debtor_verified_contact
                   FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE debtor_verified_contact`);
    await q.query(`ALTER TABLE debtor DROP COLUMN contact_given_by_client_id`);
  }
}
