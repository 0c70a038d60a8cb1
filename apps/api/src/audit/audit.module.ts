import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditInterceptor } from './audit.interceptor';
import { AuditQueries } from './audit.queries';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { TimelineEventEntity } from './timeline-event.entity';
import { TimelineService } from './timeline.service';
import { UnitOfWork } from './unit-of-work';

/** The audit trail and entity timelines: every capability writes into them. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity, TimelineEventEntity])],
  providers: [AuditService, TimelineService, UnitOfWork, AuditQueries, AuditResolver, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditService, TimelineService, UnitOfWork],
})
export class AuditModule {}
