import { Module } from '@nestjs/common';
import { LocalAccessPointStandIn } from './access-point-stand-in';
import { PEPPOL_ACCESS_POINT } from './peppol-access-point';

/**
 * The Peppol e-invoice: the adapter the outbox worker hands e-invoices to. With no access point
 * here, the local stand-in is the adapter (it validates and answers like one); a real provider's
 * adapter replaces it behind the same token.
 */
@Module({
  providers: [{ provide: PEPPOL_ACCESS_POINT, useFactory: () => new LocalAccessPointStandIn() }],
  exports: [PEPPOL_ACCESS_POINT],
})
export class PeppolModule {}
