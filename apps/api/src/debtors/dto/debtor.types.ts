import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../../common/calendar-day';
import { DecimalField } from '../../common/decimal-field';
import { DecimalString } from '../../common/decimal.scalar';
import { AddressInput, AddressType, Country, DeliveryChannel, StaffRefType, trim } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

export enum DebtorKind {
  COMPANY = 'COMPANY',
  PERSON = 'PERSON',
}
registerEnumType(DebtorKind, { name: 'DebtorKind', description: 'A company (organisation number) or a private person (personal identity number).' });

export enum DebtorRelation {
  SAME_GROUP = 'SAME_GROUP',
  SAME_OWNER = 'SAME_OWNER',
}
registerEnumType(DebtorRelation, { name: 'DebtorRelation', description: 'Client and debtor are related: their invoices are internal and cannot be sold.' });

@ObjectType('TemporaryRaise')
export class TemporaryRaiseType {
  @Field(() => DecimalString) amount!: string;
  @Field({ description: 'Last day (inclusive) the raise counts.' }) until!: string;
}

@InputType()
export class TemporaryRaiseInput {
  @DecimalField('LIMIT') amount!: string;
  @Field({ description: 'YYYY-MM-DD, the last day it counts.' }) @IsCalendarDay() until!: string;
}

@ObjectType('PaymentHistory')
export class PaymentHistoryType {
  @Field(() => Int) invoicesPaid!: number;
  @Field(() => Int) invoicesPaidLate!: number;
  @Field(() => DecimalString, { description: 'Average days late over the late ones.' }) averageDaysLate!: string;
  @Field(() => Int) maxDaysLate!: number;
  @Field({ description: 'Has left an invoice unpaid before.' }) hasUnpaidBefore!: boolean;
  @Field({ description: 'Has disputed an invoice before.' }) hasDisputedBefore!: boolean;
}

@ObjectType('ClientDebtor', { description: 'A client and one of its debtors: the pair limit, exposure, delivery and relation.' })
export class ClientDebtorType {
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field(() => ID) debtorId!: string;
  @Field() debtorName!: string;
  @Field(() => DecimalString, { nullable: true, description: 'None means only the debtor limit applies.' }) creditLimit!: string | null;
  @Field(() => TemporaryRaiseType, { nullable: true }) temporaryRaise!: TemporaryRaiseType | null;
  @Field(() => DecimalString, { nullable: true }) effectiveLimit!: string | null;
  @Field(() => DecimalString) exposure!: string;
  @Field(() => DeliveryChannel, { nullable: true, description: 'Overrides the client agreement for this debtor.' }) deliveryChannel!: DeliveryChannel | null;
  @Field(() => DebtorRelation, { nullable: true }) relation!: DebtorRelation | null;
  @Field(() => String, { nullable: true }) relationNote!: string | null;
  @Field(() => Int) version!: number;
}

/** Who gave the debtor's registered e-mail and phone (issue 9 h). */
export enum DebtorContactGivenBy {
  CLIENT_INVOICE = 'CLIENT_INVOICE',
  STAFF = 'STAFF',
}
registerEnumType(DebtorContactGivenBy, { name: 'DebtorContactGivenBy', description: 'Typed by a client on its invoice (not to be trusted for a spot check), or by staff registering the debtor.' });

@ObjectType('Debtor', { description: 'Who must pay; may be shared by many clients.' })
export class DebtorType {
  @Field(() => ID) id!: string;
  @Field(() => Country) country!: Country;
  @Field(() => DebtorKind) kind!: DebtorKind;
  @Field() identityNumber!: string;
  @Field() name!: string;
  @Field(() => AddressType) address!: AddressType;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'The e-invoice address, a Peppol participant id scheme:identifier (e.g. 0007:5567123400).' }) peppolId!: string | null;
  @Field(() => DebtorContactGivenBy, { nullable: true, description: 'Who gave the e-mail and phone above; null when there are none.' }) contactGivenBy!: DebtorContactGivenBy | null;
  @Field() currency!: string;
  @Field(() => DecimalString) creditLimit!: string;
  @Field(() => TemporaryRaiseType, { nullable: true }) temporaryRaise!: TemporaryRaiseType | null;
  @Field(() => DecimalString, { description: 'Limit in force today, raise included.' }) effectiveLimit!: string;
  @Field(() => DecimalString) exposure!: string;
  @Field(() => DecimalString, { description: 'Effective limit less exposure (negative when over).' }) available!: string;
  @Field(() => PaymentHistoryType) paymentHistory!: PaymentHistoryType;
  @Field() createdAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('DebtorPage')
export class DebtorPageType {
  @Field(() => [DebtorType]) items!: DebtorType[];
  @Field(() => Int) total!: number;
}

@InputType()
export class RegisterDebtorInput {
  @Field(() => Country) @IsEnum(Country, { message: 'country must be SE or NO' }) country!: Country;
  @Field(() => DebtorKind) @IsEnum(DebtorKind) kind!: DebtorKind;
  @Field({ description: 'Organisation number for a company, personal identity number for a person.' }) @IsString() @MaxLength(30) identityNumber!: string;
  @Field() @Transform(trim) @IsString() @Length(1, 200, { message: 'name must be between 1 and 200 characters' }) name!: string;
  @Field(() => AddressInput) @ValidateNested() @Type(() => AddressInput) address!: AddressInput;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsEmail({}, { message: 'email must be an e-mail address such as name@example.com' }) email?: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a telephone number such as +46 8 123 456' }) phone?: string;
  @Field({ nullable: true, description: 'The e-invoice address, a Peppol participant id: 0007 (Swedish organisation number), 0192 (Norwegian organisation number) or 0088 (GLN), e.g. 0192:923456783.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  peppolId?: string;
  @DecimalField('LIMIT', { nullable: true, description: 'Defaults to 0: nothing is bought until an analyst sets a limit.' }) creditLimit?: string;
}

@ArgsType()
export class RegisterDebtorArgs {
  @Field(() => RegisterDebtorInput) @ValidateNested() @Type(() => RegisterDebtorInput) input!: RegisterDebtorInput;
}

@ArgsType()
export class DebtorIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a debtor id (a UUID)' }) id!: string;
}

@ArgsType()
export class SetDebtorLimitArgs extends DebtorIdArgs {
  @DecimalField('LIMIT') creditLimit!: string;
  @Field(() => TemporaryRaiseInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => TemporaryRaiseInput) temporaryRaise?: TemporaryRaiseInput;
  @Field({ nullable: true, description: 'Required when the new limit is below the current exposure.' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) reason?: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
}

@ArgsType()
export class SetClientDebtorTermsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'clientId must be a UUID' }) clientId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'debtorId must be a UUID' }) debtorId!: string;
  @DecimalField('LIMIT', { nullable: true, description: 'None removes the pair limit.' }) creditLimit?: string;
  @Field(() => TemporaryRaiseInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => TemporaryRaiseInput) temporaryRaise?: TemporaryRaiseInput;
  @Field(() => DeliveryChannel, { nullable: true }) @IsOptional() @IsEnum(DeliveryChannel) deliveryChannel?: DeliveryChannel;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) reason?: string;
}

@ArgsType()
export class MarkRelationArgs {
  @Field(() => ID) @IsUUID('all', { message: 'clientId must be a UUID' }) clientId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'debtorId must be a UUID' }) debtorId!: string;
  @Field(() => DebtorRelation, { nullable: true, description: 'None clears the mark.' }) @IsOptional() @IsEnum(DebtorRelation) relation?: DebtorRelation;
  @Field() @Transform(trim) @IsString() @Length(3, 1000, { message: 'note must be between 3 and 1000 characters' }) note!: string;
}

@InputType()
export class DebtorFilter {
  @Field({ nullable: true, description: 'Matches name or identity number.' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => Country, { nullable: true }) @IsOptional() @IsEnum(Country) country?: Country;
  @Field(() => DebtorKind, { nullable: true }) @IsOptional() @IsEnum(DebtorKind) kind?: DebtorKind;
  @Field(() => ID, { nullable: true, description: 'Only debtors of this client.' }) @IsOptional() @IsUUID() clientId?: string;
}

@ArgsType()
export class DebtorsArgs extends PageArgs {
  @Field(() => DebtorFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => DebtorFilter) filter?: DebtorFilter;
}

/** Where an analyst found a contact it verified (issue 9 h); the detail says exactly where. */
export enum VerifiedContactSource {
  PUBLIC_REGISTRY = 'PUBLIC_REGISTRY',
  COMPANY_WEBSITE = 'COMPANY_WEBSITE',
  DIRECTORY_SERVICE = 'DIRECTORY_SERVICE',
  DEBTOR_DOCUMENT = 'DEBTOR_DOCUMENT',
  OTHER = 'OTHER',
}
registerEnumType(VerifiedContactSource, {
  name: 'VerifiedContactSource',
  description: 'A public registry (Bolagsverket, Brønnøysundregistrene), the company\'s own website, a directory service (Eniro, 1881), a document from the debtor itself, or other.',
});

@ObjectType('VerifiedDebtorContact', { description: 'A debtor contact an analyst found and checked, and where it came from: a spot check is confirmed on one of these.' })
export class VerifiedDebtorContactType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => VerifiedContactSource) source!: VerifiedContactSource;
  @Field() sourceDetail!: string;
  @Field(() => StaffRefType) recordedBy!: StaffRefType;
  @Field() recordedAt!: Date;
}

@ArgsType()
export class RecordVerifiedContactArgs {
  @Field(() => ID) @IsUUID('all', { message: 'debtorId must be a debtor id (a UUID)' }) debtorId!: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a telephone number such as +46 8 123 456' }) phone?: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsEmail({}, { message: 'email must be an e-mail address such as name@example.com' }) email?: string;
  @Field(() => VerifiedContactSource) @IsEnum(VerifiedContactSource, { message: 'source must be one of PUBLIC_REGISTRY, COMPANY_WEBSITE, DIRECTORY_SERVICE, DEBTOR_DOCUMENT, OTHER' }) source!: VerifiedContactSource;
  @Field({ description: 'Exactly where: the registry, the web address, the document.' })
  @Transform(trim)
  @IsString()
  @Length(1, 500, { message: 'sourceDetail must say where the contact came from (1 to 500 characters)' })
  sourceDetail!: string;
}
