import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { batchLoader } from '../common/batch-loader';
import { AnyStaff, ForIntegration } from '../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey } from '../auth/principal';
import { AuditTarget } from '../audit/audit.interceptor';
import { AcceptOfferArgs, ClientInvoicesArgs, CreditInvoiceArgs, DeclineOfferArgs, InvoiceIdArgs, InvoicesArgs, StaffInvoiceIdArgs, SubmitInvoiceArgs } from './dto/invoice.inputs';
import { ClientInvoicePageType, ClientInvoiceStepType, ClientInvoiceType } from './dto/client-invoice.types';
import { CreditNoteType, InvoicePageType, InvoiceTimelineEntryType, InvoiceType } from './dto/invoice.types';
import { InvoicesService } from './invoices.service';

/**
 * The integration API a client's accounting program calls. Every answer is a client type
 * (`ClientInvoice`), never the staff's `Invoice` (issue 9 c).
 */
@Resolver(() => ClientInvoiceType)
export class ClientInvoicesResolver {
  constructor(private readonly service: InvoicesService) {}

  @Mutation(() => ClientInvoiceType, { description: 'Offers an invoice for sale; the answer is the offer, or every reason it cannot be sold.' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  async submitInvoice(@Args() { input, idempotencyKey }: SubmitInvoiceArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return (await this.service.submit(key, input, idempotencyKey)).invoice;
  }

  @Mutation(() => ClientInvoiceType, { description: 'Accepts the offer: the invoice gets the factor\'s payment reference and account, and goes to the credit decision.' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  acceptOffer(@Args() { invoiceId, recourseMode }: AcceptOfferArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.accept(key, invoiceId, recourseMode);
  }

  @Mutation(() => ClientInvoiceType)
  @ForIntegration()
  @AuditTarget('INVOICE')
  declineOffer(@Args() { invoiceId, reason }: DeclineOfferArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.decline(key, invoiceId, reason);
  }

  @Mutation(() => ClientInvoiceType, { description: 'Records a credit note, in whole or in part, against a sold invoice.' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  creditInvoice(@Args() args: CreditInvoiceArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.credit(key, args);
  }

  @Mutation(() => ClientInvoiceType, { description: 'Asks for a manual assessment of a denied invoice; a credit analyst looks at it.' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  requestManualAssessment(@Args() { invoiceId, reason }: DeclineOfferArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.requestManualAssessment(key, invoiceId, reason);
  }

  @Query(() => ClientInvoiceType, { description: 'One of your invoices, with its status.' })
  @ForIntegration()
  myInvoice(@Args() { invoiceId }: InvoiceIdArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.clientInvoice(invoiceId, key.clientId);
  }

  @Query(() => ClientInvoicePageType, { description: 'Your invoices, newest first.' })
  @ForIntegration()
  myInvoices(@Args() args: ClientInvoicesArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.clientInvoices(args, key.clientId);
  }

  @ResolveField(() => [ClientInvoiceStepType], { description: 'What happened to the invoice, in the words written for you.' })
  timeline(@Parent() invoice: ClientInvoiceType, @Context() context: object) {
    return batchLoader(context, 'client.invoice.timeline', (ids) => this.service.clientTimelines(ids), []).load(invoice.id);
  }

  @ResolveField(() => [CreditNoteType])
  creditNotes(@Parent() invoice: ClientInvoiceType, @Context() context: object) {
    return batchLoader(context, 'invoice.creditNotes', (ids) => this.service.creditNotes(ids), []).load(invoice.id);
  }
}

/** The staff's invoice views: every fact, the back office's status, the full timeline. */
@Resolver(() => InvoiceType)
export class InvoicesResolver {
  constructor(private readonly service: InvoicesService) {}

  @Query(() => InvoicePageType)
  @AnyStaff()
  invoices(@Args() args: InvoicesArgs) {
    return this.service.invoices(args);
  }

  @Query(() => InvoiceType)
  @AnyStaff()
  invoice(@Args() { id }: StaffInvoiceIdArgs) {
    return this.service.invoice(id);
  }

  @ResolveField(() => [InvoiceTimelineEntryType], { description: 'Everything that happened to the invoice, with who did it and why (staff only).' })
  timeline(@Parent() invoice: InvoiceType, @Context() context: object) {
    return batchLoader(context, 'invoice.timeline', (ids) => this.service.timelines(ids), []).load(invoice.id);
  }

  @ResolveField(() => [CreditNoteType])
  creditNotes(@Parent() invoice: InvoiceType, @Context() context: object) {
    return batchLoader(context, 'invoice.creditNotes', (ids) => this.service.creditNotes(ids), []).load(invoice.id);
  }
}
