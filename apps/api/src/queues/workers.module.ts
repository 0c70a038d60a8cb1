import { Module } from '@nestjs/common';
import { CollectionAgencyWorkerModule } from '../collection-cases/collection-cases.module';
import { CollectionModule } from '../collection/collection.module';
import { FollowUpProcessor } from '../collection/follow-up.processor';
import { CreditModule } from '../credit/credit.module';
import { CreditProcessor } from '../credit/credit.processor';
import { CreditWhatIfProcessor } from '../credit/credit-what-if.processor';
import { DeliveryModule } from '../delivery/delivery.module';
import { DeliveryProcessor } from '../delivery/delivery.processor';
import { InvoiceDocumentsModule } from '../invoices/documents/invoice-documents.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { OfferExpiryProcessor } from '../invoices/offer-expiry.processor';
import { ExposureCheckModule } from '../payments/exposure-check.module';
import { ExposureCheckProcessor } from '../payments/exposure-check.processor';
import { RecourseModule } from '../recourse/recourse.module';
import { OutboxRelay } from '../webhooks/outbox-relay';
import { WebhookDeliveryProcessor } from '../webhooks/webhook-delivery.processor';
import { SystemProcessor } from './system.processor';
import { WorkerHeartbeat } from './worker-heartbeat';

/** The queue processors (the admins' what-if replays among them); loaded only in the worker process (or in tests that want workers in-process). */
@Module({
  imports: [InvoicesModule, CreditModule, DeliveryModule, InvoiceDocumentsModule, CollectionModule, CollectionAgencyWorkerModule, RecourseModule, ExposureCheckModule],
  providers: [SystemProcessor, WorkerHeartbeat, OutboxRelay, WebhookDeliveryProcessor, OfferExpiryProcessor, CreditProcessor, CreditWhatIfProcessor, DeliveryProcessor, FollowUpProcessor, ExposureCheckProcessor],
})
export class WorkersModule {}
