import { Module } from '@nestjs/common';
import { clockProvider } from './clock';
import { CollectionRatesRepository } from './collection-rates.repository';
import { CollectionResolver } from './collection.resolver';
import { FollowUpService } from './follow-up.service';
import { OverdueRepository } from './overdue.repository';
import { OverdueService } from './overdue.service';
import { RemindersRepository } from './reminders.repository';
import { RoutinesService } from './routines.service';

/**
 * Collection (issue 15 s.1-2, s.8): the daily follow-up (reminders, fees, late interest), the
 * overdue queue and the aging chart. The follow-up's processor is registered by the worker
 * process (queues/workers.module.ts). One clock for the module: a test moves it for all of them.
 */
@Module({
  providers: [clockProvider, CollectionRatesRepository, RemindersRepository, FollowUpService, OverdueRepository, OverdueService, RoutinesService, CollectionResolver],
  exports: [FollowUpService, OverdueService],
})
export class CollectionModule {}
