import { Module } from '@nestjs/common';
import { clockProvider } from '../collection/clock';
import { ClientApprovals } from './client-approvals';
import {
  ClientApprovalsResolver,
  ClientInvoiceApprovalsResolver,
  InvoiceApprovalsResolver,
  MyApprovalsResolver,
  OverdueInvoiceApprovalsResolver,
} from './client-approvals.resolver';
import { ClientApprovalsService } from './client-approvals.service';

/**
 * The client's approvals (issue 15 s.2, s.5; seed 003): the client answers through the integration
 * API, collection staff record an answer given by phone, and the queues show what waits. The
 * `ClientApprovals` the follow-up and the handoff ask with is provided in their own modules too
 * (it keeps no state).
 */
@Module({
  providers: [clockProvider, ClientApprovals, ClientApprovalsService, MyApprovalsResolver, ClientInvoiceApprovalsResolver, ClientApprovalsResolver, OverdueInvoiceApprovalsResolver, InvoiceApprovalsResolver],
})
export class ClientApprovalsModule {}
