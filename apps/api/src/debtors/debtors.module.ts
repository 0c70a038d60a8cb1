import { Module } from '@nestjs/common';
import { ClientDebtorsResolver, DebtorsResolver } from './debtors.resolver';
import { DebtorsService } from './debtors.service';

/** Debtors, their limits, and client-debtor pairs. */
@Module({ providers: [DebtorsService, DebtorsResolver, ClientDebtorsResolver], exports: [DebtorsService] })
export class DebtorsModule {}
