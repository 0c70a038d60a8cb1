import { Injectable } from '@nestjs/common';
import { PaymentStatisticsRepository } from './payment-statistics.repository';

/** Money in's statistics for staff: what the resolver asks, answered by the repository's SQL. */
@Injectable()
export class PaymentStatisticsService {
  constructor(private readonly repository: PaymentStatisticsRepository) {}

  debtor(debtorId: string) {
    return this.repository.debtor(debtorId);
  }

  perDay(days: number) {
    return this.repository.perDay(days);
  }
}
