import { Module } from '@nestjs/common';
import { ClientApprovals } from '../client-approvals/client-approvals';
import { DocumentTemplates } from '../documents/document-template';
import { DocumentsModule } from '../documents/documents.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { LetterOutcomes } from '../delivery/letter-outcomes';
import { clockProvider } from './clock';
import { CollectionRatesRepository } from './collection-rates.repository';
import { CollectionResolver } from './collection.resolver';
import { paymentReminderTemplate } from './documents/payment-reminder.template';
import { FollowUpService, REMINDER_DOCUMENT } from './follow-up.service';
import { OverdueRepository } from './overdue.repository';
import { OverdueService } from './overdue.service';
import { RemindersRepository } from './reminders.repository';
import { RoutinesService } from './routines.service';

/**
 * Collection (issue 15 s.1-2, s.8): the daily follow-up (reminders, fees, late interest), the
 * overdue queue and the aging chart, the client's routines, and the reminder letter (a document). The follow-up's processor is registered by the worker
 * process (queues/workers.module.ts). One clock for the module: a test moves it for all of them.
 */
@Module({
  imports: [DocumentsModule, DeliveryModule],
  providers: [clockProvider, ClientApprovals, CollectionRatesRepository, RemindersRepository, FollowUpService, OverdueRepository, OverdueService, RoutinesService, CollectionResolver],
  exports: [FollowUpService, OverdueService],
})
export class CollectionModule {
  /** The follow-up's letter to the debtor is a document like the others (issue 13's base). */
  constructor(templates: DocumentTemplates, letters: LetterOutcomes, followUp: FollowUpService) {
    templates.register(paymentReminderTemplate);
    // A reminder's fee and interest are charged when the delivery says the letter went (issue 15 s.2).
    letters.register(REMINDER_DOCUMENT, {
      sent: async (tx, letter) => {
        if (letter.collectionStepId) await followUp.letterSent(tx, letter.collectionStepId);
      },
      failed: async (tx, letter) => {
        if (letter.collectionStepId) await followUp.letterFailed(tx, letter.collectionStepId);
      },
    });
  }
}
