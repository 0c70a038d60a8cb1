import { Module } from '@nestjs/common';
import { Refunds } from './refunds';

/** Refunds owed and paid in payout batches: used by payouts (paying them) and by money in and recourse (recording them). */
@Module({ providers: [Refunds], exports: [Refunds] })
export class RefundsModule {}
