import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PAYOUT_BATCH_STATES } from '@factoring/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { DecimalString } from '../../common/decimal.scalar';
import { Country, ReasonType, StaffRefType } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

export const PayoutBatchStateEnum = Object.fromEntries(PAYOUT_BATCH_STATES.map((s) => [s, s])) as { [K in (typeof PAYOUT_BATCH_STATES)[number]]: K };
registerEnumType(PayoutBatchStateEnum, { name: 'PayoutBatchState' });

@ObjectType('PayoutBatch', { description: "A day's payments to clients in one book, prepared by one member of finance and approved by another." })
export class PayoutBatchType {
  @Field(() => ID) id!: string;
  @Field(() => Country) book!: Country;
  @Field() currency!: string;
  @Field() payoutDate!: string;
  @Field(() => PayoutBatchStateEnum) state!: string;
  @Field({ description: 'The bank file\'s message id.' }) messageId!: string;
  @Field(() => DecimalString) total!: string;
  @Field(() => Int) lineCount!: number;
  @Field(() => StaffRefType) preparedBy!: StaffRefType;
  @Field() preparedAt!: Date;
  @Field(() => StaffRefType, { nullable: true }) approvedBy!: StaffRefType | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => Int, { description: 'Approve the version you looked at: a batch changed since is refused.' }) version!: number;
}

@ObjectType('PayoutLine')
export class PayoutLineType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: "The invoice paid out; null for a refund's line." }) invoiceId!: string | null;
  @Field(() => String, { nullable: true }) invoiceNumber!: string | null;
  @Field(() => ID, { nullable: true, description: "The client paid; null for a refund to a debtor." }) clientId!: string | null;
  @Field(() => String, { nullable: true }) clientName!: string | null;
  @Field(() => ID, { nullable: true, description: 'The refund this line pays (a debtor\'s overpayment, money owed back to a client).' }) refundId!: string | null;
  @Field(() => String, { nullable: true, description: 'DEBTOR_REFUND or CLIENT_REPAYMENT for a refund\'s line.' }) refundKind!: string | null;
  @Field(() => DecimalString) amount!: string;
  @Field({ description: 'The OCR/KID the factor set on the invoice: the payment\'s remittance information.' }) reference!: string;
  @Field() endToEndId!: string;
  @Field(() => GraphQLJSON) payee!: unknown;
  @Field() state!: string;
  @Field(() => Int) attempt!: number;
  @Field(() => DecimalString, { description: 'Set off against what the client owes (paid to it directly, an overdue recourse invoice), not paid out.' }) setOff!: string;
  @Field(() => [PayoutSetOffType], { description: 'The set-offs taken from this invoice\'s payout, by what they paid.' }) setOffs!: PayoutSetOffType[];
  @Field(() => String, { nullable: true, description: 'The day the client said the money arrived.' }) clientReceivedOn!: string | null;
}

@ObjectType('PayoutSetOff', { description: "What the client owed that a payout paid: money a debtor paid it directly, or an overdue recourse invoice." })
export class PayoutSetOffType {
  @Field({ description: 'PAID_TO_CLIENT or RECOURSE_INVOICE.' }) source!: string;
  @Field(() => DecimalString) amount!: string;
  @Field(() => ID) batchId!: string;
}

@ObjectType('PayoutBatchPage')
export class PayoutBatchPageType {
  @Field(() => [PayoutBatchType]) items!: PayoutBatchType[];
  @Field(() => Int) total!: number;
}

@ObjectType('PayoutDue', { description: 'An invoice bought and due for payout, and why it is held when it is.' })
export class PayoutDueType {
  @Field(() => ID) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field(() => DecimalString) amount!: string;
  @Field() plannedPayoutDate!: string;
  @Field(() => [ReasonType]) holds!: ReasonType[];
}

@ObjectType('PayoutRefundDue', { description: "A refund to a debtor or a repayment to a client that the next payout batch pays, or holds with why." })
export class PayoutRefundDueType {
  @Field(() => ID) refundId!: string;
  @Field({ description: 'DEBTOR_REFUND or CLIENT_REPAYMENT.' }) kind!: string;
  @Field(() => ID, { nullable: true }) clientId!: string | null;
  @Field({ description: 'Who is paid: the debtor named on its account, or the client.' }) payeeName!: string;
  @Field(() => DecimalString) amount!: string;
  @Field({ description: 'What the payee reads on its statement.' }) reference!: string;
  @Field({ description: 'The day it was recorded (YYYY-MM-DD).' }) recordedOn!: string;
  @Field({ description: 'Held out of the batch: see holds, or no account to pay it to.' }) held!: boolean;
  @Field(() => [ReasonType]) holds!: ReasonType[];
}

@ObjectType('PayoutsDue')
export class PayoutsDueType {
  @Field() payoutDate!: string;
  @Field(() => [PayoutDueType]) included!: PayoutDueType[];
  @Field(() => [PayoutDueType]) held!: PayoutDueType[];
  @Field(() => [PayoutRefundDueType], { description: 'Refunds and repayments the batch pays with the invoices, and those held.' }) refunds!: PayoutRefundDueType[];
}

@ArgsType()
export class PayoutBatchesArgs extends PageArgs {
  @Field(() => PayoutBatchStateEnum, { nullable: true }) @IsOptional() @IsIn(PAYOUT_BATCH_STATES) state?: string;
}

@ArgsType()
export class PayoutBatchIdArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

@ArgsType()
export class PreparePayoutBatchArgs {
  @Field(() => Country) @IsEnum(Country) book!: Country;
  @Field({ nullable: true, description: 'The payout day (YYYY-MM-DD); today when left out.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'payoutDate must be a day such as 2026-11-30' })
  payoutDate?: string;
}

@ArgsType()
export class ApprovePayoutBatchArgs extends PayoutBatchIdArgs {
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
}

@ArgsType()
export class CancelPayoutBatchArgs extends PayoutBatchIdArgs {
  @Field() @IsString() @Length(3, 1000, { message: 'reason must be between 3 and 1000 characters' }) reason!: string;
}

@ArgsType()
export class ConfirmPayoutAccountArgs {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => Int) @IsInt() @Min(1) agreementVersion!: number;
  @Field({ description: 'How it was confirmed, e.g. "Called Eva Ek on the number from the application".' })
  @IsString()
  @Length(3, 1000, { message: 'how must be between 3 and 1000 characters' })
  how!: string;
}

@ObjectType('PayoutFile', { description: 'A payout batch\'s bank file (pain.001.001.03), as made once and kept.' })
export class PayoutFileType {
  @Field() fileName!: string;
  @Field() sha256!: string;
  @Field({ description: 'The file\'s bytes, base64.' }) contentBase64!: string;
}

@ObjectType('StatusReportResult', { description: 'What the bank\'s status report did to its batch.' })
export class StatusReportResultType {
  @Field(() => ID) batchId!: string;
  @Field(() => PayoutBatchStateEnum) state!: string;
  @Field(() => Int) accepted!: number;
  @Field(() => Int) rejected!: number;
  @Field({ description: 'The same report was imported before: nothing changed.' }) alreadyImported!: boolean;
}

@ArgsType()
export class ImportStatusReportArgs {
  @Field({ description: 'The pain.002.001.03 file, as XML text.' })
  @IsString()
  @Length(50, 1_000_000, { message: 'content must be a pain.002 file of at most 1 MB' })
  content!: string;
}

@ObjectType('ClientPayout', { description: 'Your payout for the invoice: what was paid, on which day, and the day you said it arrived.' })
export class ClientPayoutType {
  @Field(() => DecimalString) amount!: string;
  @Field(() => DecimalString, { description: 'Set off against an amount you owe us (for example an overdue recourse invoice).' }) setOff!: string;
  @Field({ description: 'The day the bank pays it.' }) payoutDate!: string;
  @Field({ description: 'The payment went to the bank.' }) sent!: boolean;
  @Field(() => String, { nullable: true, description: 'The day you said the money arrived.' }) receivedOn!: string | null;
}

@ArgsType()
export class ConfirmPayoutReceivedArgs {
  @Field(() => ID) @IsUUID('all', { message: 'invoiceId must be an invoice id (a UUID)' }) invoiceId!: string;
  @Field({ description: 'The day the money arrived in your account, YYYY-MM-DD.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedOn must be a day such as 2026-11-30' })
  receivedOn!: string;
}
