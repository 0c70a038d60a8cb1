import { Module } from '@nestjs/common';
import { clockProvider } from '../collection/clock';
import { RecourseModule } from '../recourse/recourse.module';
import { PayoutSetOffs } from './payout-set-offs';
import { RefundsModule } from './refunds.module';
import { PayoutsRepository } from './payouts.repository';
import { ClientPayoutsResolver, PayoutsResolver } from './payouts.resolver';
import { PayoutsService } from './payouts.service';

/** Payout batches: the day's payments to clients, four eyes on money out. */
@Module({ imports: [RefundsModule, RecourseModule], providers: [clockProvider, PayoutsRepository, PayoutsService, PayoutsResolver, ClientPayoutsResolver, PayoutSetOffs], exports: [PayoutsService] })
export class PayoutsModule {}
