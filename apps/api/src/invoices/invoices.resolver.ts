import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnyStaff, ForIntegration } from '../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey } from '../auth/principal';
import { AuditTarget } from '../audit/audit.interceptor';
import { AcceptOfferArgs, CreditInvoiceArgs, DeclineOfferArgs, InvoiceIdArgs, InvoicesArgs, StaffInvoiceIdArgs, SubmitInvoiceArgs } from './dto/invoice.inputs';
import { CreditNoteType, InvoicePageType, InvoiceTimelineEntryType, InvoiceType } from './dto/invoice.types';
import { InvoicesService } from './invoices.service';

/** The integration API a client's accounting program calls, and the staff's invoice views. */
@Resolver(() => InvoiceType)
export class InvoicesResolver {
  constructor(private readonly service: InvoicesService) {}

  @Mutation(() => InvoiceType, { description: 'Offers an invoice for sale; the answer is the offer, or every reason it cannot be sold.' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  async submitInvoice(@Args() { input, idempotencyKey }: SubmitInvoiceArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return (await this.service.submit(key, input, idempotencyKey)).invoice;
  }

  @Mutation(() => InvoiceType, { description: 'Accepts the offer: the invoice gets the factor\'s payment reference and account, and goes to the credit decision.' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  acceptOffer(@Args() { invoiceId, recourseMode }: AcceptOfferArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.accept(key, invoiceId, recourseMode);
  }

  @Mutation(() => InvoiceType)
  @ForIntegration()
  @AuditTarget('INVOICE')
  declineOffer(@Args() { invoiceId, reason }: DeclineOfferArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.decline(key, invoiceId, reason);
  }

  @Mutation(() => InvoiceType, { description: 'Records a credit note, in whole or in part, against a sold invoice.' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  creditInvoice(@Args() args: CreditInvoiceArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.credit(key, args);
  }

  @Mutation(() => InvoiceType, { description: 'Asks for a manual assessment of a denied invoice; a credit analyst looks at it.' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  requestManualAssessment(@Args() { invoiceId, reason }: DeclineOfferArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.requestManualAssessment(key, invoiceId, reason);
  }

  @Query(() => InvoiceType, { description: 'One of your invoices, with its status.' })
  @ForIntegration()
  myInvoice(@Args() { invoiceId }: InvoiceIdArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.invoice(invoiceId, key.clientId);
  }

  @Query(() => InvoicePageType, { description: 'Your invoices, newest first.' })
  @ForIntegration()
  myInvoices(@Args() args: InvoicesArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.invoices(args, key.clientId);
  }

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

  @ResolveField(() => [InvoiceTimelineEntryType], { description: 'Everything that happened to the invoice (seed 000).' })
  timeline(@Parent() invoice: InvoiceType) {
    return this.service.timeline(invoice.id);
  }

  @ResolveField(() => [CreditNoteType])
  creditNotes(@Parent() invoice: InvoiceType) {
    return this.service.creditNotes(invoice.id);
  }
}
