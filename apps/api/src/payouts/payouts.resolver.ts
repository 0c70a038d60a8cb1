import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowRoles, ForIntegration } from '../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey } from '../auth/principal';
import { batchLoader } from '../common/batch-loader';
import { ClientInvoiceType } from '../invoices/dto/client-invoice.types';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import {
  ApprovePayoutBatchArgs,
  CancelPayoutBatchArgs,
  ClientPayoutType,
  ConfirmPayoutReceivedArgs,
  ConfirmPayoutAccountArgs,
  ImportStatusReportArgs,
  PayoutFileType,
  StatusReportResultType,
  PayoutBatchesArgs,
  PayoutBatchIdArgs,
  PayoutBatchPageType,
  PayoutBatchType,
  PayoutLineType,
  PayoutsDueType,
  PreparePayoutBatchArgs,
} from './dto/payout.types';
import { PayoutsService } from './payouts.service';

@Resolver(() => PayoutBatchType)
export class PayoutsResolver {
  constructor(private readonly payouts: PayoutsService) {}

  @Query(() => PayoutBatchPageType, { description: 'The payout batches, newest day first.' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  payoutBatches(@Args() args: PayoutBatchesArgs) {
    return this.payouts.batches(args);
  }

  @Query(() => PayoutBatchType)
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  payoutBatch(@Args() { id }: PayoutBatchIdArgs) {
    return this.payouts.batch(id);
  }

  @Query(() => PayoutsDueType, { description: 'What is due for payout in a book on a day, and what is held with why.' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  async payoutsDue(@Args() { book, payoutDate }: PreparePayoutBatchArgs) {
    const { payoutDay, included, held, refunds } = await this.payouts.dueAndHeld(book, payoutDate);
    const view = (row: (typeof held)[number] | (typeof included)[number]) => ({
      invoiceId: row.invoice_id,
      invoiceNumber: row.invoice_number,
      clientId: row.client_id,
      clientName: row.client_name,
      amount: row.amount,
      plannedPayoutDate: row.planned_payout_date,
      holds: 'holds' in row ? row.holds : [],
    });
    const refund = (row: (typeof refunds.included)[number] | (typeof refunds.held)[number], isHeld: boolean) => ({
      refundId: row.refund_id,
      kind: row.kind,
      clientId: row.client_id,
      payeeName: (row.payee?.name || row.client_name) ?? '',
      amount: row.amount,
      reference: row.reference,
      recordedOn: row.recorded_on,
      held: isHeld,
      holds: 'holds' in row ? row.holds : [],
    });
    return {
      payoutDate: payoutDay,
      included: included.map(view),
      held: held.map(view),
      refunds: [...refunds.included.map((r) => refund(r, false)), ...refunds.held.map((r) => refund(r, true))],
    };
  }

  @ResolveField(() => [PayoutLineType])
  async lines(@Parent() batch: PayoutBatchType) {
    const rows = await this.payouts.lines(batch.id);
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      invoiceId: r.invoice_id,
      invoiceNumber: r.invoice_number,
      clientId: r.client_id,
      clientName: r.client_name,
      refundId: r.refund_id,
      refundKind: r.refund_kind,
      amount: r.amount,
      reference: r.reference,
      endToEndId: r.end_to_end_id,
      payee: r.payee,
      state: r.state,
      attempt: r.attempt,
      setOff: r.set_off,
      setOffs: r.set_offs,
      clientReceivedOn: r.client_received_on,
    }));
  }

  @Mutation(() => PayoutBatchType, { description: "Gathers the day's due payouts into a batch; held ones stay out with their reasons." })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('PAYOUT_BATCH')
  preparePayoutBatch(@Args() { book, payoutDate }: PreparePayoutBatchArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.payouts.prepare(book, payoutDate, me);
  }

  @Mutation(() => PayoutBatchType, { description: 'Four eyes: by someone other than the preparer, for the version they looked at.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('PAYOUT_BATCH')
  approvePayoutBatch(@Args() { id, expectedVersion }: ApprovePayoutBatchArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.payouts.approve(id, expectedVersion, me);
  }

  @Mutation(() => PayoutBatchType)
  @AllowRoles(Role.FINANCE)
  @AuditTarget('PAYOUT_BATCH')
  cancelPayoutBatch(@Args() { id, reason }: CancelPayoutBatchArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.payouts.cancel(id, reason, me);
  }

  @Mutation(() => PayoutFileType, { description: 'Makes the approved batch\'s bank file once; asking again returns the same bytes.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('PAYOUT_BATCH')
  async exportPayoutBatch(@Args() { id }: PayoutBatchIdArgs, @CurrentStaff() me: StaffPrincipal) {
    const file = await this.payouts.exportFile(id, me);
    return { fileName: file.fileName, sha256: file.sha256, contentBase64: file.content.toString('base64') };
  }

  @Mutation(() => PayoutBatchType, { description: 'The file went to the bank: the payouts are booked as on their way.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('PAYOUT_BATCH')
  markPayoutBatchSent(@Args() { id }: PayoutBatchIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.payouts.markSent(id, me);
  }

  @Mutation(() => StatusReportResultType, { description: "Reads the bank's payment status report (pain.002) for a sent batch." })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('PAYOUT_BATCH')
  importPaymentStatusReport(@Args() { content }: ImportStatusReportArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.payouts.importStatusReport(content, me);
  }

  @Mutation(() => Boolean, { description: "Confirms a client's changed payout account, so its payouts are no longer held." })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('CLIENT')
  async confirmPayoutAccount(@Args() { clientId, agreementVersion, how }: ConfirmPayoutAccountArgs, @CurrentStaff() me: StaffPrincipal) {
    await this.payouts.confirmPayoutAccount(clientId, agreementVersion, how, me);
    return true;
  }
}

/** What a client's program reads and says of its payouts (DOMAIN "Payout": the client may confirm the day the money arrived). */
@Resolver(() => ClientInvoiceType)
export class ClientPayoutsResolver {
  constructor(private readonly payouts: PayoutsService) {}

  @ResolveField(() => ClientPayoutType, { nullable: true, description: 'Your payout for this invoice, once it is in a batch.' })
  payout(@Parent() invoice: ClientInvoiceType, @Context() context: object) {
    return batchLoader(context, 'invoice.payout', (ids) => this.payouts.payoutsOf(ids), null).load(invoice.id);
  }

  @Mutation(() => ClientPayoutType, { description: 'Says the day the payout for an invoice arrived in your account (for your books; ours follow the bank).' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  confirmPayoutReceived(@Args() { invoiceId, receivedOn }: ConfirmPayoutReceivedArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.payouts.confirmPayoutReceived(key.clientId, invoiceId, receivedOn);
  }
}
