import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@factoring/domain';
import { averageDaysLate, averageDaysToPay, sharePaidLatePercent } from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { DebtorError } from '../debtors/debtor-errors';
import { DebtorPaymentStatisticsType, IncomingPaymentsDayType } from './payment-statistics.types';

/** The columns the credit rules read, from the view debtor_payment_statistics (migration 1764300015000). */
export interface DebtorPaymentHistoryRow {
  invoices_paid: number;
  invoices_paid_late: number;
  days_late_total: number;
  max_days_late: number;
}

/**
 * Statistics of money in, computed by the database: a debtor's payment statistics (the view over
 * the payments' allocation rows, so current as soon as a match commits) and the incoming payments
 * per value day for finance's chart.
 */
@Injectable()
export class PaymentStatisticsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** What the credit rules read of a debtor's payment history; zeros for a debtor without bought invoices. */
  static async history(manager: EntityManager, debtorId: string): Promise<DebtorPaymentHistoryRow> {
    const [row] = await manager.query(
      `SELECT invoices_paid, invoices_paid_late, days_late_total, max_days_late FROM debtor_payment_statistics WHERE debtor_id = $1`,
      [debtorId],
    );
    return row ?? { invoices_paid: 0, invoices_paid_late: 0, days_late_total: 0, max_days_late: 0 };
  }

  async debtor(debtorId: string): Promise<DebtorPaymentStatisticsType> {
    const [row] = await this.db.query(
      `SELECT d.id, CASE d.country WHEN 'SE' THEN 'SEK' ELSE 'NOK' END AS currency,
              coalesce(s.invoices_paid, 0) AS invoices_paid, coalesce(s.invoices_paid_late, 0) AS invoices_paid_late,
              coalesce(s.days_late_total, 0) AS days_late_total, coalesce(s.max_days_late, 0) AS max_days_late,
              coalesce(s.days_to_pay_total, 0) AS days_to_pay_total, coalesce(s.invoices_with_pay_day, 0) AS invoices_with_pay_day,
              coalesce(s.outstanding, 0)::text AS outstanding
         FROM debtor d LEFT JOIN debtor_payment_statistics s ON s.debtor_id = d.id
        WHERE d.id = $1`,
      [debtorId],
    );
    if (!row) throw new NotFoundError(DebtorError.DEBTOR_NOT_FOUND, `No debtor has the id ${debtorId}.`);
    return {
      debtorId: row.id,
      currency: row.currency,
      invoicesPaid: row.invoices_paid,
      invoicesPaidLate: row.invoices_paid_late,
      sharePaidLatePercent: sharePaidLatePercent(row.invoices_paid_late, row.invoices_paid),
      averageDaysLate: averageDaysLate(row.days_late_total, row.invoices_paid_late),
      maxDaysLate: row.max_days_late,
      averageDaysToPay: averageDaysToPay(row.days_to_pay_total, row.invoices_with_pay_day),
      outstanding: new Decimal(row.outstanding).toFixed(2),
    };
  }

  /** Incoming payments (notifications) per value day and currency over the last `days` days (Stockholm's day), every day present. */
  async perDay(days: number, now = new Date()): Promise<IncomingPaymentsDayType[]> {
    return this.db.query(
      `WITH span AS (
         SELECT d::date AS day FROM generate_series(($1::timestamptz AT TIME ZONE 'Europe/Stockholm')::date - ($2::int - 1), ($1::timestamptz AT TIME ZONE 'Europe/Stockholm')::date, interval '1 day') AS d
       ), currencies AS (SELECT unnest(ARRAY['SEK', 'NOK']) AS currency)
       SELECT span.day::text AS day, c.currency, count(e.id)::int AS count, coalesce(sum(e.amount), 0)::text AS amount, coalesce(sum(e.unplaced), 0)::text AS unplaced
         FROM span CROSS JOIN currencies c
         LEFT JOIN bank_entry e ON e.value_date = span.day AND e.currency = c.currency AND e.kind = 'NOTIFIED' AND e.direction = 'CREDIT'
        GROUP BY span.day, c.currency
        ORDER BY span.day, c.currency`,
      [now, days],
    );
  }
}
