import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CollectionModule } from '../collection/collection.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OutboxModule } from '../outbox/outbox.module';

/** Just what the demo's overdue step needs (demo-overdue.ts): the follow-up and its services, no HTTP, no queues. */
@Module({ imports: [ConfigModule, DatabaseModule, AuditModule, OutboxModule, LedgerModule, CollectionModule] })
export class DemoOverdueModule {}
