import { Module } from '@nestjs/common';
import { clockProvider } from '../collection/clock';
import { InvoicesModule } from '../invoices/invoices.module';
import { RecourseModule } from '../recourse/recourse.module';
import { RefundsModule } from '../payouts/refunds.module';
import { BankImportFolder } from './bank-import-folder.processor';
import { BankMoneyOut } from './bank-money-out';
import { PaymentsRepository } from './payments.repository';
import { PaymentsResolver } from './payments.resolver';
import { PaymentsService } from './payments.service';
import { PaymentStatisticsRepository } from './payment-statistics.repository';
import { PaymentStatisticsService } from './payment-statistics.service';
import { PaymentStatisticsResolver } from './payment-statistics.resolver';

/** Money in (issue 14): bank files, matching by OCR/KID, the unmatched-payments queue, fully paid. */
@Module({ imports: [InvoicesModule, RefundsModule, RecourseModule], providers: [clockProvider, BankMoneyOut, BankImportFolder, PaymentsRepository, PaymentsService, PaymentsResolver, PaymentStatisticsRepository, PaymentStatisticsService, PaymentStatisticsResolver], exports: [PaymentsService, PaymentsRepository] })
export class PaymentsModule {}
