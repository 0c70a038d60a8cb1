import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Debtor payment statistics (issue 14 s.5, seed 003): how a debtor pays, computed from the
 * payments' allocation rows, so they are as current as the payments themselves (a view: nothing
 * to keep in step, the match that writes an allocation is the statistics' update).
 *
 * Per debtor, over its bought invoices:
 * - invoices_paid: invoices fully paid (FULLY_PAID);
 * - invoices_paid_late, days_late_total, max_days_late: of those, the ones whose settling
 *   payment came after the due date (moved to the next business day); an invoice's days late are
 *   those of its last payment, as stored on the allocation by the one definition in
 *   libs/rules/src/payments/days-late.ts (the worker and the console read the same number);
 * - days_to_pay_total / invoices_with_pay_day: days from the invoice date to the last payment's
 *   value date, for the average days to pay;
 * - outstanding: what is still open on its bought invoices.
 * The debtor's own columns (invoices_paid ...) stay for history; readers take these.
 */
export class DebtorPaymentStatistics1764300015000 implements MigrationInterface {
  name = 'DebtorPaymentStatistics1764300015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW debtor_payment_statistics AS
      SELECT i.debtor_id,
             count(*) FILTER (WHERE i.status = 'FULLY_PAID')::int AS invoices_paid,
             count(*) FILTER (WHERE i.status = 'FULLY_PAID' AND l.days_late > 0)::int AS invoices_paid_late,
             coalesce(sum(l.days_late) FILTER (WHERE i.status = 'FULLY_PAID' AND l.days_late > 0), 0)::int AS days_late_total,
             coalesce(max(l.days_late) FILTER (WHERE i.status = 'FULLY_PAID'), 0)::int AS max_days_late,
             coalesce(sum(i.last_paid_on - i.invoice_date) FILTER (WHERE i.status = 'FULLY_PAID' AND i.last_paid_on IS NOT NULL), 0)::int AS days_to_pay_total,
             count(*) FILTER (WHERE i.status = 'FULLY_PAID' AND i.last_paid_on IS NOT NULL)::int AS invoices_with_pay_day,
             coalesce(sum(i.payable - i.credited_amount - i.recourse_amount - i.paid_amount - i.paid_to_client_amount) FILTER (WHERE i.status = 'PURCHASED'), 0)::numeric(18,2) AS outstanding
        FROM invoice i
        LEFT JOIN LATERAL (
          SELECT max(a.days_late) AS days_late FROM payment_allocation a WHERE a.invoice_id = i.id AND a.kind IN ('PAYMENT', 'PAID_TO_CLIENT')
        ) l ON true
       WHERE i.debtor_id IS NOT NULL AND i.status IN ('PURCHASED', 'FULLY_PAID')
       GROUP BY i.debtor_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW debtor_payment_statistics`);
  }
}
