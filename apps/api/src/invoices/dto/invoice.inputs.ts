import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { INVOICE_STATUSES, InvoiceStatus } from '@factoring/domain';
import { DecimalField, LineNetWithinBounds } from '../../common/decimal-field';
import { AddressInput, Country, trim } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';
import { RecourseMode } from '../../clients/dto/client.types';
import { DebtorKind } from '../../debtors/dto/debtor.types';
import { ClientInvoiceStatus } from './client-invoice-status';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} must be a date such as 2026-12-31` });

export enum DeductionKind {
  ROT = 'ROT',
  RUT = 'RUT',
  GREEN_TECH = 'GREEN_TECH',
}
registerEnumType(DeductionKind, { name: 'DeductionKind', description: 'Swedish tax deductions printed on the invoice (ROT and RUT work, inkomstskattelagen 67 kap.).' });

@InputType()
export class InvoiceDebtorInput {
  @Field(() => DebtorKind) @IsEnum(DebtorKind) kind!: DebtorKind;
  @Field({ description: 'Organisation number (company) or personal identity number (person).' }) @IsString() @MaxLength(30) identityNumber!: string;
  @Field() @Transform(trim) @IsString() @Length(1, 200, { message: 'name must be between 1 and 200 characters' }) name!: string;
  @Field(() => AddressInput) @ValidateNested() @Type(() => AddressInput) address!: AddressInput;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsEmail({}, { message: 'email must be an e-mail address such as name@example.com' }) email?: string;
  @Field({ nullable: true, description: 'For reverse-charge VAT.' }) @IsOptional() @IsString() @MaxLength(20) vatNumber?: string;
  @Field({
    nullable: true,
    description: "The debtor's e-invoice address, a Peppol participant id scheme:identifier: 0007 (Swedish organisation number), 0192 (Norwegian organisation number) or 0088 (GLN), e.g. 0007:5567123400.",
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  peppolId?: string;
  @Field({ nullable: true, description: "The debtor's reference for this purchase (Er referens / Deres referanse): the e-invoice's buyer reference (BT-10)." })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  reference?: string;
}

@InputType()
export class InvoiceLineInput {
  @Field() @Transform(trim) @IsString() @Length(1, 500, { message: 'description must be between 1 and 500 characters' }) description!: string;
  @DecimalField('QUANTITY') quantity!: string;
  @DecimalField('UNIT_PRICE') @LineNetWithinBounds() unitPrice!: string;
  @DecimalField('PERCENT', { description: 'e.g. "25", "12", "6", "0".' }) vatRatePercent!: string;
  @Field(() => Boolean, { defaultValue: false, description: 'Reverse charge (omvänd moms) applies to this line.' }) @IsBoolean() reverseCharge: boolean = false;
}

@InputType()
export class InvoiceTotalsInput {
  @DecimalField('MONEY', { description: 'Sum of the lines before VAT.' }) net!: string;
  @DecimalField('MONEY') vat!: string;
  @DecimalField('MONEY', { nullable: true, description: 'Öresavrundning / øreavrunding, under 1.00 either way.' }) rounding?: string;
  @DecimalField('MONEY', { description: 'net + vat + rounding.' }) gross!: string;
}

@InputType()
export class DeductionInput {
  @Field(() => DeductionKind) @IsEnum(DeductionKind) kind!: DeductionKind;
  @DecimalField('MONEY') amount!: string;
}

@InputType()
export class InvoiceInput {
  @Field({ description: 'Your own invoice number; one sale per number.' })
  @Transform(trim)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/, { message: 'invoiceNumber must be 1-50 letters, digits or . _ / - (starting with a letter or digit)' })
  invoiceNumber!: string;
  @Field({ description: 'ISO 4217, e.g. SEK or NOK.' }) @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @IsString() @MaxLength(3) currency!: string;
  @Field() @Matches(DATE, dateMessage('invoiceDate')) invoiceDate!: string;
  @Field() @Matches(DATE, dateMessage('deliveryDate')) deliveryDate!: string;
  @Field() @Matches(DATE, dateMessage('dueDate')) dueDate!: string;
  @Field(() => InvoiceDebtorInput) @ValidateNested() @Type(() => InvoiceDebtorInput) debtor!: InvoiceDebtorInput;
  @Field(() => [InvoiceLineInput])
  @ArrayMinSize(1, { message: 'lines needs at least one line' })
  @ArrayMaxSize(500, { message: 'lines can have at most 500 lines' })
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineInput)
  lines!: InvoiceLineInput[];
  @Field(() => InvoiceTotalsInput) @ValidateNested() @Type(() => InvoiceTotalsInput) totals!: InvoiceTotalsInput;
  @Field(() => DeductionInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => DeductionInput) deduction?: DeductionInput;
  @DecimalField('MONEY', { description: 'What the debtor is asked to pay: gross less any deduction.' }) payable!: string;
  @Field({ nullable: true, description: 'Your VAT number, printed for reverse charge.' }) @IsOptional() @IsString() @MaxLength(20) sellerVatNumber?: string;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'A reminder fee was agreed with the debtor at the latest when the debt arose (Sweden: lag 1981:739 2 §; only then may a reminder carry a fee). Leave out or false when it was not.',
  })
  @IsOptional()
  @IsBoolean()
  reminderFeeAgreed?: boolean;
}

@ArgsType()
export class SubmitInvoiceArgs {
  @Field(() => InvoiceInput) @ValidateNested() @Type(() => InvoiceInput) input!: InvoiceInput;
  @Field({ nullable: true, description: 'Send the same key when you retry; the first answer comes back and nothing is created twice.' })
  @IsOptional()
  @Matches(/^[\w.:-]{8,100}$/, { message: 'idempotencyKey must be 8-100 letters, digits or . _ : -' })
  idempotencyKey?: string;
}

@ArgsType()
export class InvoiceIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'invoiceId must be an invoice id (a UUID)' }) invoiceId!: string;
}

@ArgsType()
export class AcceptOfferArgs extends InvoiceIdArgs {
  @Field(() => RecourseMode, { nullable: true, description: 'Needed when the agreement allows both.' }) @IsOptional() @IsEnum(RecourseMode) recourseMode?: RecourseMode;
}

@ArgsType()
export class DeclineOfferArgs extends InvoiceIdArgs {
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) reason?: string;
}

@ArgsType()
export class CreditInvoiceArgs extends InvoiceIdArgs {
  @Field({ description: 'Your credit note number; sending it again changes nothing.' })
  @Transform(trim)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/, { message: 'creditNumber must be 1-50 letters, digits or . _ / -' })
  creditNumber!: string;
  @DecimalField('MONEY') amount!: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) reason?: string;
}

/** The back office's statuses are the lifecycle's (libs/domain), one list for the filter and the schema's enum. */
export const InvoiceStatusEnum = Object.fromEntries(INVOICE_STATUSES.map((status) => [status, status])) as { [S in InvoiceStatus]: S };
registerEnumType(InvoiceStatusEnum, { name: 'InvoiceStatus', description: "The back office's status of an invoice (the lifecycle's states)." });

@InputType()
export class InvoiceFilter {
  @Field({ nullable: true }) @IsOptional() @IsIn(INVOICE_STATUSES as unknown as string[], { message: `status must be one of ${INVOICE_STATUSES.join(', ')}` }) status?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() debtorId?: string;
  @Field(() => Country, { nullable: true }) @IsOptional() @IsEnum(Country) country?: Country;
  @Field({ nullable: true, description: 'Invoice number, client or debtor name.' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @DecimalField('MONEY', { nullable: true }) amountFrom?: string;
  @DecimalField('MONEY', { nullable: true }) amountTo?: string;
  @Field({ nullable: true, description: 'Invoice date from (inclusive).' }) @IsOptional() @Matches(DATE, dateMessage('dateFrom')) dateFrom?: string;
  @Field({ nullable: true, description: 'Invoice date to (inclusive).' }) @IsOptional() @Matches(DATE, dateMessage('dateTo')) dateTo?: string;
}

@ArgsType()
export class InvoicesArgs extends PageArgs {
  @Field(() => InvoiceFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => InvoiceFilter) filter?: InvoiceFilter;
  @Field(() => String, { defaultValue: 'createdAt' }) @IsIn(['createdAt', 'invoiceDate', 'dueDate', 'payable'], { message: 'sortField must be one of createdAt, invoiceDate, dueDate, payable' }) sortField = 'createdAt';
  @Field(() => String, { defaultValue: 'DESC' }) @IsIn(['ASC', 'DESC'], { message: 'sortOrder must be ASC or DESC' }) sortOrder: 'ASC' | 'DESC' = 'DESC';
}

@InputType('ClientInvoiceFilter')
export class ClientInvoiceFilter {
  @Field(() => ClientInvoiceStatus, { nullable: true }) @IsOptional() @IsEnum(ClientInvoiceStatus) status?: ClientInvoiceStatus;
  @Field({ nullable: true, description: 'Invoice number or debtor name.' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @Field({ nullable: true, description: 'Invoice date from (inclusive).' }) @IsOptional() @Matches(DATE, dateMessage('dateFrom')) dateFrom?: string;
  @Field({ nullable: true, description: 'Invoice date to (inclusive).' }) @IsOptional() @Matches(DATE, dateMessage('dateTo')) dateTo?: string;
}

/** A client's own invoices: filtered by the status it sees, never by the back office's. */
@ArgsType()
export class ClientInvoicesArgs extends PageArgs {
  @Field(() => ClientInvoiceFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ClientInvoiceFilter) filter?: ClientInvoiceFilter;
  @Field(() => String, { defaultValue: 'createdAt' }) @IsIn(['createdAt', 'invoiceDate', 'dueDate', 'payable'], { message: 'sortField must be one of createdAt, invoiceDate, dueDate, payable' }) sortField = 'createdAt';
  @Field(() => String, { defaultValue: 'DESC' }) @IsIn(['ASC', 'DESC'], { message: 'sortOrder must be ASC or DESC' }) sortOrder: 'ASC' | 'DESC' = 'DESC';
}

@ArgsType()
export class StaffInvoiceIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an invoice id (a UUID)' }) id!: string;
}


