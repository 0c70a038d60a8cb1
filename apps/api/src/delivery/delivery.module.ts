import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { PeppolModule } from '../documents/peppol/peppol.module';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryResolver, PrintBatchResolver } from './delivery.resolver';
import { DeliveryService } from './delivery.service';
import { LetterOutcomes } from './letter-outcomes';
import { Mailer } from './mailer';

/**
 * Delivery of documents (issue 13 s.3): e-mail over SMTP, e-invoice through the Peppol access
 * point, letters in the day's print batch. Deliveries are asked for in the transaction that
 * causes them (delivery-requests.ts) and sent by DeliveryProcessor in the worker process.
 */
@Module({
  imports: [DocumentsModule, PeppolModule],
  providers: [DeliveryRepository, DeliveryService, Mailer, DeliveryResolver, PrintBatchResolver, LetterOutcomes],
  exports: [DeliveryService, LetterOutcomes],
})
export class DeliveryModule {}
