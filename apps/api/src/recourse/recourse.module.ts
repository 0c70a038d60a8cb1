import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { clockProvider } from '../collection/clock';
import { DocumentTemplates } from '../documents/document-template';
import { DocumentsModule } from '../documents/documents.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { RefundsModule } from '../payouts/refunds.module';
import { recourseInvoiceTemplate } from './documents/recourse-invoice.template';
import { recourseReminderTemplate } from './documents/recourse-reminder.template';
import { RecourseFollowUp } from './recourse-follow-up.service';
import { RecourseInvoices } from './recourse-invoices';
import { RecoursePayments } from './recourse-payments';
import { RecourseStanding } from './recourse-standing';
import { RecourseRepository } from './recourse.repository';
import { RecourseResolver } from './recourse.resolver';
import { RecourseService } from './recourse.service';

/**
 * Recourse invoices (regressfakturor, issue 15 s.3): made by disputes and by the daily
 * follow-up (unpaid with recourse after the agreement's days), paid from bank files (the
 * client's own OCR/KID or the debtor's payment of the invoice), followed up when late (the
 * client blocked through its state machine), and read as a queue.
 */
@Module({
  imports: [InvoicesModule, ClientsModule, RefundsModule, DocumentsModule],
  providers: [clockProvider, RecourseInvoices, RecourseRepository, RecourseService, RecourseResolver, RecourseStanding, RecourseFollowUp, RecoursePayments],
  exports: [RecourseInvoices, RecourseService, RecourseFollowUp, RecoursePayments, RecourseStanding],
})
export class RecourseModule {
  /** The recourse invoice and a late one's reminder are letters to the client like the other documents (issue 13's base), sent by the delivery worker. */
  constructor(templates: DocumentTemplates) {
    templates.register(recourseInvoiceTemplate);
    templates.register(recourseReminderTemplate);
  }
}
