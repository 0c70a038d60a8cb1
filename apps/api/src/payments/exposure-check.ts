import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@factoring/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK } from '../collection/clock';
import { PaymentsRepository } from './payments.repository';

export interface ExposureCheckRun {
  runOn: string;
  ranAt: Date;
  differenceCount: number;
  differences: Array<{ debtorId: string; exposure: string; receivables: string }>;
}

/**
 * The daily reconciliation of exposure against the books (issue 14 s.2): per debtor, the
 * exposure the one place that holds it says, against the open purchased receivables in the
 * ledger. Each day's run is recorded (`exposure_check`, one row per day: a second run that day
 * records the newer answer, never a second row) and the latest is on finance's home. The day is
 * the clock's, in Sweden's zone (one check for both books).
 */
@Injectable()
export class ExposureCheck {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly payments: PaymentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<ExposureCheckRun> {
    const differences = await this.payments.exposureLedgerDifferences();
    const runOn = this.clock.today('SE').toString();
    const [row] = await this.db.query(
      `INSERT INTO exposure_check (run_on, ran_at, difference_count, differences) VALUES ($1, $2, $3, $4)
       ON CONFLICT (run_on) DO UPDATE SET ran_at = EXCLUDED.ran_at, difference_count = EXCLUDED.difference_count, differences = EXCLUDED.differences
       RETURNING run_on::text AS "runOn", ran_at AS "ranAt", difference_count AS "differenceCount", differences`,
      [runOn, this.clock.now(), differences.length, JSON.stringify(differences)],
    );
    return row;
  }

  /** The latest run, or null before the first. */
  async latest(): Promise<ExposureCheckRun | null> {
    const [row] = await this.db.query(
      `SELECT run_on::text AS "runOn", ran_at AS "ranAt", difference_count AS "differenceCount", differences FROM exposure_check ORDER BY run_on DESC LIMIT 1`,
    );
    return row ?? null;
  }
}
