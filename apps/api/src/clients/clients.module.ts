import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { AgreementTerms } from './agreement-terms';
import { ClientApplicationsResolver } from './client-applications.resolver';
import { ClientLifecycle } from './client-lifecycle';
import { ClientApplicationsService } from './client-applications.service';
import { ClientsRepository } from './clients.repository';
import { ClientsResolver } from './clients.resolver';
import { ClientsService } from './clients.service';

/** Clients: applications and their queue, agreements, states. */
@Module({
  imports: [InvoicesModule],
  providers: [ClientsRepository, ClientLifecycle, ClientApplicationsService, ClientsService, AgreementTerms, ClientApplicationsResolver, ClientsResolver],
  exports: [ClientsRepository, ClientsService],
})
export class ClientsModule {}
