import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { DebtorsModule } from '../debtors/debtors.module';

/** Just what loading demo data needs: the services, no HTTP, no queues. */
@Module({ imports: [ConfigModule, DatabaseModule, AuditModule, ClientsModule, DebtorsModule] })
export class SeedModule {}
