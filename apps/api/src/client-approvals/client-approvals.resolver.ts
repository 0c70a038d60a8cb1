import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditTarget } from '../audit/audit.interceptor';
import { AllowRoles, ForIntegration } from '../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey, CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { OverdueInvoiceType } from '../collection/dto/overdue.types';
import { batchLoader } from '../common/batch-loader';
import { ClientInvoiceType } from '../invoices/dto/client-invoice.types';
import { InvoiceType } from '../invoices/dto/invoice.types';
import { ClientApprovalsService } from './client-approvals.service';
import { AnswerMyApprovalArgs, ClientApprovalRequestType, ClientApprovalType, MyApprovalsArgs, RecordClientApprovalArgs } from './dto/client-approval.types';

/** The client's side (integration API): what waits for its approval, and its answer on its own invoice. */
@Resolver(() => ClientApprovalRequestType)
export class MyApprovalsResolver {
  constructor(private readonly service: ClientApprovalsService) {}

  @Query(() => [ClientApprovalRequestType], { description: 'What your agreement makes wait for your approval (state ASKED), and your answers; newest first. The event invoice.approval_requested tells you of a new one.' })
  @ForIntegration()
  myApprovals(@Args() { state }: MyApprovalsArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.myApprovals(key.clientId, { state });
  }

  @Mutation(() => ClientApprovalRequestType, { description: 'Approves (approve: true) or declines a late-interest invoice or a collection handoff on one of your invoices; the answer is final.' })
  @ForIntegration()
  @AuditTarget('CLIENT_APPROVAL')
  answerMyApproval(@Args() args: AnswerMyApprovalArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.answerByClient(key.clientId, args);
  }
}

@Resolver(() => ClientInvoiceType)
export class ClientInvoiceApprovalsResolver {
  constructor(private readonly service: ClientApprovalsService) {}

  @ResolveField(() => [ClientApprovalRequestType], { description: 'What on this invoice waited or waits for your approval, and your answers.' })
  approvals(@Parent() invoice: ClientInvoiceType, @Context() context: object) {
    return batchLoader(context, 'client.invoice.approvals', (ids) => this.service.forInvoices(ids), []).load(invoice.id).then((list) =>
      list.map((a) => ({ id: a.id, invoiceId: a.invoiceId, invoiceNumber: invoice.invoiceNumber, kind: a.kind, state: a.state, askedOn: a.askedOn, answeredAt: a.answeredAt, answeredBy: a.answeredBy })),
    );
  }
}

/** Staff: collection records an answer the client gave by phone; the queues show what waits for the client, since when. */
@Resolver(() => ClientApprovalType)
export class ClientApprovalsResolver {
  constructor(private readonly service: ClientApprovalsService) {}

  @Mutation(() => ClientApprovalType, { description: "Records the client's answer given by phone (or in writing) to an approval its agreement asks for, with how it was given; final." })
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('CLIENT_APPROVAL')
  recordClientApproval(@Args() args: RecordClientApprovalArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.recordByStaff(args, me);
  }
}

@Resolver(() => OverdueInvoiceType)
export class OverdueInvoiceApprovalsResolver {
  constructor(private readonly service: ClientApprovalsService) {}

  @ResolveField(() => [ClientApprovalType], { description: "The client's approvals its agreement asks for on this invoice: waiting since when (ASKED), or the answer." })
  clientApprovals(@Parent() row: OverdueInvoiceType, @Context() context: object) {
    return batchLoader(context, 'invoice.clientApprovals', (ids) => this.service.forInvoices(ids), []).load(row.invoiceId);
  }
}

@Resolver(() => InvoiceType)
export class InvoiceApprovalsResolver {
  constructor(private readonly service: ClientApprovalsService) {}

  @ResolveField(() => [ClientApprovalType], { description: "The client's approvals its agreement asks for on this invoice: waiting since when (ASKED), or the answer." })
  clientApprovals(@Parent() invoice: InvoiceType, @Context() context: object) {
    return batchLoader(context, 'invoice.clientApprovals', (ids) => this.service.forInvoices(ids), []).load(invoice.id);
  }
}
