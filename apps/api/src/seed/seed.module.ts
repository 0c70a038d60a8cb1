import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { DebtorsModule } from '../debtors/debtors.module';
import { ExposureModule } from '../exposure/exposure.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OutboxModule } from '../outbox/outbox.module';

/** Just what loading demo data needs: the services, no HTTP, no queues. */
@Module({ imports: [ConfigModule, DatabaseModule, AuditModule, OutboxModule, ExposureModule, LedgerModule, ClientsModule, DebtorsModule] })
export class SeedModule {}
