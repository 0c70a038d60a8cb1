import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { AgreementTerms } from './agreement-terms';
import { ClientApplicationsResolver } from './client-applications.resolver';
import { ClientLifecycle } from './client-lifecycle';
import { ClientApplicationsService } from './client-applications.service';
import { ClientsRepository } from './clients.repository';
import { ClientsResolver } from './clients.resolver';
import { ClientsService } from './clients.service';
import { ClientLogoResolver } from './logo/client-logo.resolver';
import { ClientLogoService } from './logo/client-logo.service';

/** Clients: applications and their queue, agreements, states, and the logo their sold invoices print. */
@Module({
  imports: [InvoicesModule],
  providers: [ClientsRepository, ClientLifecycle, ClientApplicationsService, ClientsService, AgreementTerms, ClientApplicationsResolver, ClientsResolver, ClientLogoService, ClientLogoResolver],
  exports: [ClientsRepository, ClientsService, ClientLifecycle],
})
export class ClientsModule {}
