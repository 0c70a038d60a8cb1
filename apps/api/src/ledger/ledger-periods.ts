import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BUSINESS_TIME_ZONES, ConflictError, InvalidValueError, LocalDate } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import { Country } from '../common/dto/common.types';
import { LedgerError } from './ledger-errors';

export interface LedgerPeriodView {
  book: Country;
  month: string;
  closedAt: Date | null;
  closedBy: { id: string; name: string } | null;
}

/**
 * Months of a book closed by finance (issue 12): once the accountant has the month (SIE 4),
 * finance closes it and the database takes no entry dated in it; a correction goes into the
 * open month. Only a month that has ended can be closed, and a close is never undone. Who
 * closed it is on the row and in the audit trail (the mutation's own row).
 */
@Injectable()
export class LedgerPeriods {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async close(book: Country, month: string, by: StaffPrincipal): Promise<LedgerPeriodView> {
    const start = monthStart(month);
    const thisMonth = LocalDate.today(BUSINESS_TIME_ZONES[book]).toString().slice(0, 7);
    if (month >= thisMonth) {
      throw new InvalidValueError(LedgerError.PERIOD_NOT_ENDED, `${month} has not ended yet: only a month before ${thisMonth} can be closed.`, 'month');
    }
    await this.uow.transaction(async (tx) => {
      await tx.query(`INSERT INTO ledger_period (book, period_start) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [book, start]);
      const [period] = await tx.query(`SELECT closed_at FROM ledger_period WHERE book = $1 AND period_start = $2 FOR UPDATE`, [book, start]);
      if (period.closed_at) throw new ConflictError(LedgerError.PERIOD_ALREADY_CLOSED, `${month} of book ${book} is already closed.`);
      await tx.query(`UPDATE ledger_period SET closed_at = now(), closed_by = $3 WHERE book = $1 AND period_start = $2`, [book, start, by.id]);
    });
    return (await this.periods(book)).find((p) => p.month === month)!;
  }

  async periods(book: Country): Promise<LedgerPeriodView[]> {
    const rows: Array<{ period_start: string; closed_at: Date | null; closed_by: string | null; name: string | null }> = await this.db.query(
      `SELECT p.period_start::text, p.closed_at, p.closed_by, s.name FROM ledger_period p LEFT JOIN staff_member s ON s.id = p.closed_by
        WHERE p.book = $1 ORDER BY p.period_start DESC`,
      [book],
    );
    return rows.map((row) => ({
      book,
      month: row.period_start.slice(0, 7),
      closedAt: row.closed_at,
      closedBy: row.closed_by ? { id: row.closed_by, name: row.name ?? '' } : null,
    }));
  }
}

function monthStart(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new InvalidValueError(LedgerError.PERIOD_INVALID, `${month} is not a month such as 2026-10.`, 'month');
  return `${month}-01`;
}
