import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../../common/calendar-day';
import { DecimalField } from '../../common/decimal-field';
import { DecimalString } from '../../common/decimal.scalar';
import { StaffRefType } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

export const BANK_IMPORT_STATUSES = ['RUNNING', 'DONE', 'REFUSED'] as const;
export const BankImportStatusEnum = Object.fromEntries(BANK_IMPORT_STATUSES.map((s) => [s, s])) as { [K in (typeof BANK_IMPORT_STATUSES)[number]]: K };
registerEnumType(BankImportStatusEnum, { name: 'BankImportStatus', description: 'RUNNING: being read; DONE: stored, matched and booked; REFUSED: nothing booked, see the refusal.' });

export const PAYMENT_STATES = ['MATCHED', 'UNMATCHED', 'REFUND', 'RECONCILED', 'SETTLED', 'NEW'] as const;
export const PaymentStateEnum = Object.fromEntries(PAYMENT_STATES.map((s) => [s, s])) as { [K in (typeof PAYMENT_STATES)[number]]: K };
registerEnumType(PaymentStateEnum, {
  name: 'IncomingPaymentState',
  description: 'MATCHED: all of it placed on invoices; UNMATCHED: some or all of it waits for a person; REFUND: what was left is to go back to the payer.',
});

export const SUGGESTION_REASONS = ['AMOUNT_EQUALS_OPEN', 'INVOICE_NUMBER_IN_MESSAGE', 'PAYER_NAME_MATCHES_DEBTOR', 'REFERENCE_CLOSE', 'SAME_DEBTOR_AS_PAYMENT'] as const;
export const SuggestionReasonEnum = Object.fromEntries(SUGGESTION_REASONS.map((s) => [s, s])) as { [K in (typeof SUGGESTION_REASONS)[number]]: K };
registerEnumType(SuggestionReasonEnum, {
  name: 'PaymentSuggestionReason',
  description:
    'Why an invoice is suggested: its open amount equals what is left of the payment; its number is in the payment\'s message; the payer\'s name is the debtor\'s; the reference differs from the invoice\'s by a digit or two; the payment already settled an invoice of this debtor.',
});

/** A bank file read into the books (staff only). */
@ObjectType('BankImport', { description: 'A bank file read: its counts and amounts, or why it was refused (nothing of a refused file is booked).' })
export class BankImportType {
  @Field(() => ID) id!: string;
  @Field({ description: 'UPLOAD (console), FOLDER (watched import folder) or API.' }) source!: string;
  @Field() fileName!: string;
  @Field(() => String, { nullable: true, description: 'CAMT_053, CAMT_054, BGMAX or NETS_OCR.' }) format!: string | null;
  @Field(() => String, { nullable: true }) version!: string | null;
  @Field(() => String, { nullable: true, description: 'The file\'s own id (camt MsgId, BgMax timestamp, Nets transmission number).' }) fileIdentity!: string | null;
  @Field(() => BankImportStatusEnum) status!: string;
  @Field(() => Int, { description: 'Entries read from the file (so far, while RUNNING).' }) entriesRead!: number;
  @Field(() => Int, { description: 'Entries stored for the first time.' }) entriesNew!: number;
  @Field(() => Int, { description: 'Entries an earlier file already brought: booked nothing.' }) entriesDuplicate!: number;
  @Field(() => Int) entriesMatched!: number;
  @Field(() => Int) entriesUnmatched!: number;
  @Field(() => Int, { description: 'Statement entries reconciled against what notifications already booked.' }) entriesReconciled!: number;
  @Field(() => DecimalString) amountIn!: string;
  @Field(() => DecimalString) amountOut!: string;
  @Field(() => DecimalString) amountMatched!: string;
  @Field(() => DecimalString) amountUnmatched!: string;
  @Field(() => String, { nullable: true, description: 'Why it was refused: a reason code (the console words it).' }) refusalCode!: string | null;
  @Field(() => String, { nullable: true }) refusalMessage!: string | null;
  @Field(() => String, { nullable: true, description: 'Where in the file: a line or an XML element path.' }) refusalPlace!: string | null;
  @Field(() => StaffRefType, { nullable: true }) startedBy!: StaffRefType | null;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType('BankImportPage')
export class BankImportPageType {
  @Field(() => [BankImportType]) items!: BankImportType[];
  @Field(() => Int) total!: number;
}

@ObjectType('PaymentSuggestion', { description: 'An invoice a person may place (part of) an unmatched payment on, with why.' })
export class PaymentSuggestionType {
  @Field(() => ID) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field(() => String, { nullable: true }) paymentReference!: string | null;
  @Field() clientName!: string;
  @Field() debtorName!: string;
  @Field(() => DecimalString, { description: 'What is open on the invoice.' }) open!: string;
  @Field() dueDate!: string;
  @Field(() => Int, { description: 'Higher is a better fit; suggestions come best first.' }) score!: number;
  @Field(() => [SuggestionReasonEnum]) reasons!: string[];
}

/** Which receivable of an invoice an allocation paid (issue 15 s.2). */
export enum PaymentPart {
  FEE = 'FEE',
  INTEREST = 'INTEREST',
  PRINCIPAL = 'PRINCIPAL',
}
registerEnumType(PaymentPart, { name: 'PaymentPart', description: 'Fees (reminder, collection, compensation), late interest, or the principal.' });

@ObjectType('PaymentAllocation', { description: 'What a payment did: settled an invoice, a surplus held, a refund marked.' })
export class PaymentAllocationType {
  @Field(() => ID) id!: string;
  @Field({ description: 'PAYMENT, SURPLUS, REFUND or PAID_TO_CLIENT.' }) kind!: string;
  @Field(() => PaymentPart, {
    nullable: true,
    description: 'What it paid of the invoice: a payment pays the fees first, then the late interest, then the principal (one allocation per part, in that order). Empty for a surplus or refund.',
  })
  part!: PaymentPart | null;
  @Field(() => ID, { nullable: true }) invoiceId!: string | null;
  @Field(() => String, { nullable: true }) invoiceNumber!: string | null;
  @Field(() => DecimalString) amount!: string;
  @Field(() => Int, { nullable: true, description: 'Days after the due date (moved to the next business day) to the value date.' }) daysLate!: number | null;
  @Field(() => ID, { description: 'The journal entry that booked it.' }) journalEntryId!: string;
  @Field(() => StaffRefType, { nullable: true, description: 'Empty when matched by its reference.' }) allocatedBy!: StaffRefType | null;
  @Field() allocatedAt!: Date;
}

/** An incoming payment as finance sees it (staff only: the client never reads this type). */
@ObjectType('IncomingPayment', { description: 'A credit on the factor\'s account: what the bank said, and what is left to place.' })
export class IncomingPaymentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) importId!: string;
  @Field() accountId!: string;
  @Field(() => DecimalString) amount!: string;
  @Field(() => DecimalString, { description: 'What no invoice has taken yet.' }) unplaced!: string;
  @Field() currency!: string;
  @Field() valueDate!: string;
  @Field(() => String, { nullable: true, description: 'The OCR/KID the payer gave (normalised).' }) reference!: string | null;
  @Field({ description: 'The reference failed its check digit: never matched automatically.' }) referenceCheckFailed!: boolean;
  @Field(() => String, { nullable: true }) payerName!: string | null;
  @Field(() => String, { nullable: true }) payerAccount!: string | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => PaymentStateEnum) state!: string;
  @Field(() => Int, { description: 'Whole days since it arrived (in the queue: how long it has waited).' }) ageDays!: number;
  @Field(() => StaffRefType, { nullable: true }) claimedBy!: StaffRefType | null;
  @Field(() => Int, { description: 'Act on the version you looked at: a payment changed since is a CONFLICT.' }) version!: number;
  @Field(() => [PaymentAllocationType]) allocations!: PaymentAllocationType[];
  @Field(() => [PaymentSuggestionType], { description: 'Only while something is left to place: ranked, with reasons.' }) suggestions!: PaymentSuggestionType[];
}

@ObjectType('IncomingPaymentPage')
export class IncomingPaymentPageType {
  @Field(() => [IncomingPaymentType]) items!: IncomingPaymentType[];
  @Field(() => Int) total!: number;
}

@ObjectType('ExposureLedgerDifference', { description: 'A debtor whose exposure differs from the open purchased receivables in the books.' })
export class ExposureLedgerDifferenceType {
  @Field(() => ID) debtorId!: string;
  @Field(() => DecimalString) exposure!: string;
  @Field(() => DecimalString) receivables!: string;
}

@ObjectType('StatementDifference', { description: 'A statement day whose credits differ from what the notifications of that account and day booked: for finance to look into, never booked.' })
export class StatementDifferenceType {
  @Field(() => ID) id!: string;
  @Field(() => ID) importId!: string;
  @Field() accountId!: string;
  @Field() valueDate!: string;
  @Field(() => DecimalString) statementCredits!: string;
  @Field(() => DecimalString) notifiedCredits!: string;
  @Field(() => DecimalString, { description: 'Statement less notified.' }) difference!: string;
}

@ArgsType()
export class BankImportsArgs extends PageArgs {
  @Field(() => BankImportStatusEnum, { nullable: true }) @IsOptional() @IsIn(BANK_IMPORT_STATUSES) status?: string;
}

@ArgsType()
export class IncomingPaymentsArgs extends PageArgs {
  @Field(() => PaymentStateEnum, { nullable: true, description: 'UNMATCHED by default (the queue, the oldest first).' }) @IsOptional() @IsIn(PAYMENT_STATES) state?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() importId?: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

@InputType('PaymentShareInput')
export class PaymentShareInput {
  @Field(() => ID) @IsUUID() invoiceId!: string;
  @DecimalField('MONEY', { description: 'Above 0, at most what is open on the invoice.' }) amount!: string;
}

@ArgsType()
export class PlacePaymentArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => [PaymentShareInput], { description: 'One invoice (match) or several (split); together at most what is left of the payment.' })
  @ValidateNested({ each: true })
  @Type(() => PaymentShareInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  shares!: PaymentShareInput[];
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
}

@ArgsType()
export class MarkRefundArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @DecimalField('MONEY', { description: 'Above 0, at most what is left of the payment.' }) amount!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
  @Field(() => String, { nullable: true, description: "The account to refund to, when the payment does not say which it came from: an IBAN, 'BG 5050-1055', 'PG 4711-2', 'SE 8327-9 123456789' or 'NO 12345678903'." })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  payeeAccount?: string | null;
}

@ArgsType()
export class StatementDifferencesArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() importId?: string;
}

@ArgsType()
export class InvoicePaymentsArgs {
  @Field(() => ID) @IsUUID() invoiceId!: string;
}

@ArgsType()
export class PaidToClientArgs {
  @Field(() => ID) @IsUUID() invoiceId!: string;
  @DecimalField('MONEY', { description: 'What the debtor paid the client: above 0, at most what is open on the invoice.' }) amount!: string;
  @Field({ description: 'The day the client received it (YYYY-MM-DD).' }) @IsCalendarDay() paidOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
}
