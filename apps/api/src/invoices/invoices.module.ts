import { Module } from '@nestjs/common';
import { RuleSettingsModule } from '../rule-settings/rule-settings.module';
import { InvoiceLifecycle } from './invoice-lifecycle';
import { InvoicesRepository } from './invoices.repository';
import { InvoicesResolver } from './invoices.resolver';
import { InvoicesService } from './invoices.service';

/** Selling an invoice: submission, eligibility, offer, acceptance, credit notes. */
@Module({ imports: [RuleSettingsModule], providers: [InvoicesService, InvoicesRepository, InvoicesResolver, InvoiceLifecycle], exports: [InvoicesService, InvoicesRepository, InvoiceLifecycle] })
export class InvoicesModule {}
