import { Args, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { Role } from '../auth/role';
import { PaymentStatisticsService } from './payment-statistics.service';
import { DebtorPaymentStatisticsArgs, DebtorPaymentStatisticsType, IncomingPaymentsDayType, IncomingPaymentsPerDayArgs } from './payment-statistics.types';

/** Reads of money in's statistics (staff only): a debtor's payment statistics and incoming payments per day. */
@Resolver()
export class PaymentStatisticsResolver {
  constructor(private readonly statistics: PaymentStatisticsService) {}

  @Query(() => DebtorPaymentStatisticsType, { description: "How a debtor pays: days to pay, share paid late, average days late, outstanding (the debtor's page; the credit rules read the same)." })
  @AllowRoles(Role.CREDIT_ANALYST, Role.FINANCE, Role.COLLECTION, Role.ADMIN)
  debtorPaymentStatistics(@Args() { debtorId }: DebtorPaymentStatisticsArgs) {
    return this.statistics.debtor(debtorId);
  }

  @Query(() => [IncomingPaymentsDayType], { description: 'Incoming payments per value day and currency, the last `days` days, every day present (finance\'s chart).' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  incomingPaymentsPerDay(@Args() { days }: IncomingPaymentsPerDayArgs) {
    return this.statistics.perDay(days);
  }
}
