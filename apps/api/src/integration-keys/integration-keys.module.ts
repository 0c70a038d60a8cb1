import { Global, Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { IntegrationKeysResolver } from './integration-keys.resolver';
import { IntegrationKeysService } from './integration-keys.service';

/** Keys with which a client's accounting program calls the API, each scoped to its client. */
@Global()
@Module({ imports: [ClientsModule], providers: [IntegrationKeysService, IntegrationKeysResolver], exports: [IntegrationKeysService] })
export class IntegrationKeysModule {}
