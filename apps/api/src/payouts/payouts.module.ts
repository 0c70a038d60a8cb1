import { Module } from '@nestjs/common';
import { PayoutsRepository } from './payouts.repository';
import { PayoutsResolver } from './payouts.resolver';
import { PayoutsService } from './payouts.service';

/** Payout batches: the day's payments to clients, four eyes on money out. */
@Module({ providers: [PayoutsRepository, PayoutsService, PayoutsResolver], exports: [PayoutsService] })
export class PayoutsModule {}
