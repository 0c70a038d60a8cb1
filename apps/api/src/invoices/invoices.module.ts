import { Module } from '@nestjs/common';
import { RuleSettingsModule } from '../rule-settings/rule-settings.module';
import { InvoiceLifecycle } from './invoice-lifecycle';
import { InvoicesRepository } from './invoices.repository';
import { ClientInvoicesResolver, InvoicesResolver } from './invoices.resolver';
import { InvoicesService } from './invoices.service';

/** Selling an invoice: submission, eligibility, offer, acceptance, credit notes. */
@Module({ imports: [RuleSettingsModule], providers: [InvoicesService, InvoicesRepository, ClientInvoicesResolver, InvoicesResolver, InvoiceLifecycle], exports: [InvoicesService, InvoicesRepository, InvoiceLifecycle] })
export class InvoicesModule {}
