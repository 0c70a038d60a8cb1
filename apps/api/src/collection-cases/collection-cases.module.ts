import { Module } from '@nestjs/common';
import { ClientApprovals } from '../client-approvals/client-approvals';
import { clockProvider } from '../collection/clock';
import { CollectionRatesRepository } from '../collection/collection-rates.repository';
import { RemindersRepository } from '../collection/reminders.repository';
import { AgencyHandoffProcessor } from './agency-handoff.processor';
import { CollectionCasesRepository } from './collection-cases.repository';
import { CollectionCasesResolver } from './collection-cases.resolver';
import { CollectionCasesService } from './collection-cases.service';

/**
 * Collection cases (issue 15 s.5-6): the handoff to collection, escalation, the agency's answers
 * and credit losses. The agency handoff's processor is registered by the worker process
 * (queues/workers.module.ts); it is exported for that and for the spec.
 */
@Module({
  providers: [clockProvider, ClientApprovals, CollectionRatesRepository, RemindersRepository, CollectionCasesRepository, CollectionCasesService, CollectionCasesResolver],
  exports: [CollectionCasesService],
})
export class CollectionCasesModule {}

/** The worker side: the agency handoff (loaded only in the worker process, or a test that wants it). */
@Module({ providers: [AgencyHandoffProcessor], exports: [AgencyHandoffProcessor] })
export class CollectionAgencyWorkerModule {}
