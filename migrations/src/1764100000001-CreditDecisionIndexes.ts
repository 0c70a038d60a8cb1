import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The credit decision asks, per invoice, how many invoices the client has sold, its recent
 * amounts, and whether the debtor is new: without these indexes each question scans all of
 * the client's (or debtor's) invoices, and decisions slow down as the book grows
 * (measured with `npm run bench`).
 */
export class CreditDecisionIndexes1764100000001 implements MigrationInterface {
  name = 'CreditDecisionIndexes1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX invoice_client_status_idx ON invoice (client_id, status, accepted_at DESC)`);
    await q.query(`CREATE INDEX invoice_debtor_status_idx ON invoice (debtor_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX invoice_debtor_status_idx`);
    await q.query(`DROP INDEX invoice_client_status_idx`);
  }
}
