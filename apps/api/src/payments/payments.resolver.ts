import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InvalidValueError } from '@factoring/domain';
import { Readable } from 'node:stream';
import { IsBase64, IsString, Length } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { AllowRoles, ForIntegration } from '../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey, CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { ClientInvoiceType } from '../invoices/dto/client-invoice.types';
import { InvoicesService } from '../invoices/invoices.service';
import { PaymentError } from './payment-errors';
import { PaymentsService } from './payments.service';
import {
  BankImportPageType,
  BankImportsArgs,
  BankImportType,
  ExposureLedgerDifferenceType,
  IdArgs,
  IncomingPaymentPageType,
  IncomingPaymentsArgs,
  IncomingPaymentType,
  MarkRefundArgs,
  PaidToClientArgs,
  PaymentAllocationType,
  PlacePaymentArgs,
  StatementDifferenceType,
  StatementDifferencesArgs,
  InvoicePaymentsArgs,
} from './dto/payment.types';

/** At most 200 MB of base64 through GraphQL; larger files go through the watched folder. */
@ArgsType()
export class ImportBankFileArgs {
  @Field({ description: 'The file\'s name, for the import\'s record.' }) @IsString() @Length(1, 255) fileName!: string;
  @Field({ description: 'The bytes, base64. The format (camt.053/.054, BgMax, Nets OCR) is detected from them.' }) @IsBase64() content!: string;
}

/**
 * Money in (issue 14), staff only. Finance imports files and works the unmatched-payments
 * queue; credit analysts, collection and admins read (payments weigh on credit and collection).
 */
@Resolver(() => IncomingPaymentType)
export class PaymentsResolver {
  constructor(
    private readonly service: PaymentsService,
    private readonly invoices: InvoicesService,
  ) {}

  @Query(() => BankImportPageType, { description: 'Bank files read, newest first, with their counts, amounts and refusals.' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  bankImports(@Args() args: BankImportsArgs) {
    return this.service.imports(args);
  }

  @Query(() => BankImportType)
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  bankImport(@Args() { id }: IdArgs) {
    return this.service.importOne(id);
  }

  @Query(() => IncomingPaymentPageType, { description: 'Incoming payments: the unmatched queue (the oldest first) by default, each with ranked suggestions.' })
  @AllowRoles(Role.FINANCE, Role.CREDIT_ANALYST, Role.COLLECTION, Role.ADMIN)
  incomingPayments(@Args() args: IncomingPaymentsArgs) {
    return this.service.payments(args);
  }

  @Query(() => IncomingPaymentType)
  @AllowRoles(Role.FINANCE, Role.CREDIT_ANALYST, Role.COLLECTION, Role.ADMIN)
  incomingPayment(@Args() { id }: IdArgs) {
    return this.service.payment(id);
  }

  @Query(() => [IncomingPaymentType], { description: 'The payments that settled (part of) an invoice.' })
  @AllowRoles(Role.FINANCE, Role.CREDIT_ANALYST, Role.COLLECTION, Role.ADMIN)
  paymentsOfInvoice(@Args() { invoiceId }: InvoicePaymentsArgs) {
    return this.service.ofInvoice(invoiceId);
  }

  @Query(() => [StatementDifferenceType], { description: 'Statement days whose credits differ from the notifications already booked (of one import, or all).' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  statementDifferences(@Args() { importId }: StatementDifferencesArgs) {
    return this.service.statementDifferences(importId);
  }

  @Query(() => [ExposureLedgerDifferenceType], { description: 'Debtors whose exposure differs from the open purchased receivables in the books: empty when all agree.' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  exposureLedgerCheck() {
    return this.service.exposureLedgerDifferences();
  }

  @Mutation(() => BankImportType, { description: 'Reads a bank file: stored once per entry, matched by OCR/KID and booked, or refused whole with the place that is wrong.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('BANK_IMPORT')
  async importBankFile(@Args() { fileName, content }: ImportBankFileArgs, @CurrentStaff() me: StaffPrincipal) {
    const bytes = Buffer.from(content, 'base64');
    if (!bytes.length) throw new InvalidValueError(PaymentError.BANK_IMPORT_FAILED, 'The file is empty.', 'content');
    const summary = await this.service.importStream(Readable.from([bytes]), { source: 'UPLOAD', fileName, by: me });
    return this.service.importOne(summary.id);
  }

  @Mutation(() => [PaymentAllocationType], { description: 'Records that the debtor paid the client directly: the invoice is settled by that much and the client owes the factor what it received.' })
  @AllowRoles(Role.FINANCE, Role.COLLECTION)
  @AuditTarget('INVOICE')
  async recordPaidToClient(@Args() args: PaidToClientArgs, @CurrentStaff() me: StaffPrincipal) {
    await this.service.recordPaidToClient(args, { staff: me });
    return this.service.allocationsOfInvoice(args.invoiceId);
  }

  @Mutation(() => ClientInvoiceType, { description: 'Tells the factor your customer paid you directly for a sold invoice: you then owe the factor what you received (set off against your next payout or invoiced).' })
  @ForIntegration()
  @AuditTarget('INVOICE')
  async reportPaidToClient(@Args() args: PaidToClientArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    await this.service.recordPaidToClient(args, { clientId: key.clientId });
    return this.invoices.clientInvoice(args.invoiceId, key.clientId);
  }

  @Mutation(() => IncomingPaymentType, { description: 'Takes an unmatched payment: nobody else can act on it until released or acted on.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('BANK_ENTRY')
  async claimIncomingPayment(@Args() { id }: IdArgs, @CurrentStaff() me: StaffPrincipal) {
    await this.service.claim(id, me);
    return this.service.payment(id);
  }

  @Mutation(() => IncomingPaymentType)
  @AllowRoles(Role.FINANCE)
  @AuditTarget('BANK_ENTRY')
  async releaseIncomingPayment(@Args() { id }: IdArgs, @CurrentStaff() me: StaffPrincipal) {
    await this.service.release(id, me);
    return this.service.payment(id);
  }

  @Mutation(() => IncomingPaymentType, { description: 'Places what is left of a payment on one invoice (match) or several (split): booked, exposure released, fully paid invoices closed.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('BANK_ENTRY')
  async placeIncomingPayment(@Args() args: PlacePaymentArgs, @CurrentStaff() me: StaffPrincipal) {
    await this.service.place(args.id, args.shares, args.expectedVersion, me, args.note);
    return this.service.payment(args.id);
  }

  @Mutation(() => IncomingPaymentType, { description: 'Marks (part of) what is left of a payment for refund to the payer: paid out in the next payout batch.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('BANK_ENTRY')
  async refundIncomingPayment(@Args() args: MarkRefundArgs, @CurrentStaff() me: StaffPrincipal) {
    await this.service.markRefund(args.id, args.amount, args.expectedVersion, me, args.note, args.payeeAccount);
    return this.service.payment(args.id);
  }
}
