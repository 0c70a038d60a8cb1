import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { DecimalField } from '../../common/decimal-field';
import { DecimalString } from '../../common/decimal.scalar';
import {
  AddressInput,
  AddressType,
  BankAccountInput,
  BankAccountType,
  ContactInput,
  ContactType,
  Country,
  DeliveryChannel,
  ReasonType,
  StaffRefType,
  trim,
} from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

export enum ClientStateEnum {
  APPLIED = 'APPLIED',
  ACTIVE = 'ACTIVE',
  BLOCKED = 'BLOCKED',
  REFUSED = 'REFUSED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ClientStateEnum, { name: 'ClientState' });

export enum ApplicationState {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}
registerEnumType(ApplicationState, { name: 'ApplicationState' });

export enum RegistryStatus {
  ACTIVE = 'ACTIVE',
  BANKRUPT = 'BANKRUPT',
  IN_LIQUIDATION = 'IN_LIQUIDATION',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(RegistryStatus, { name: 'RegistryStatus', description: 'What the company register says of the applicant.' });

export enum RecourseMode {
  WITH_RECOURSE = 'WITH_RECOURSE',
  WITHOUT_RECOURSE = 'WITHOUT_RECOURSE',
}
registerEnumType(RecourseMode, { name: 'RecourseMode', description: 'With recourse the client keeps the credit risk.' });

export enum SpotCheckIntensity {
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}
registerEnumType(SpotCheckIntensity, { name: 'SpotCheckIntensity' });

export enum FeesAfterRecourseTo {
  FACTOR = 'FACTOR',
  CLIENT = 'CLIENT',
}
registerEnumType(FeesAfterRecourseTo, { name: 'FeesAfterRecourseTo', description: 'Who keeps the fees and late interest a debtor pays after recourse.' });

@ObjectType('ClientAgreement', { description: 'One version of a client agreement; changes add a version.' })
export class ClientAgreementType {
  @Field(() => Int) version!: number;
  @Field() validFrom!: Date;
  @Field(() => DecimalString, { description: 'Per cent of the invoice amount.' }) feePercent!: string;
  @Field(() => DecimalString) feeFixed!: string;
  @Field(() => DecimalString) feeMinimum!: string;
  @Field(() => DecimalString) vatRateOnFeePercent!: string;
  @Field(() => [RecourseMode]) recourseModes!: RecourseMode[];
  @Field(() => DecimalString) creditLimit!: string;
  @Field(() => SpotCheckIntensity) spotCheckIntensity!: SpotCheckIntensity;
  @Field(() => DeliveryChannel) deliveryChannel!: DeliveryChannel;
  @Field(() => BankAccountType) payoutAccount!: BankAccountType;
  @Field(() => BankAccountType) repaymentAccount!: BankAccountType;
  @Field(() => Int, { description: 'Days after the due date before an unpaid invoice bought with recourse becomes a recourse invoice (seed 000: 30).' }) recourseAfterDays!: number;
  @Field(() => Int, { description: 'Days the client has to pay a recourse invoice.' }) recourseInvoiceDaysToPay!: number;
  @Field(() => FeesAfterRecourseTo) feesAfterRecourseTo!: FeesAfterRecourseTo;
  @Field({ description: 'A late-interest invoice waits for the client\'s approval (seed 003); none is needed unless agreed.' }) lateInterestInvoiceNeedsClientApproval!: boolean;
  @Field({ description: 'A handoff to collection waits for the client\'s approval (seed 003); none is needed unless agreed.' }) collectionHandoffNeedsClientApproval!: boolean;
  @Field(() => StaffRefType, { nullable: true }) changedBy!: StaffRefType | null;
  @Field() changeReason!: string;
}

@ObjectType('ClientApplication', { description: 'One application of a company to sell invoices; refused ones stay as history.' })
export class ClientApplicationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => Country) country!: Country;
  @Field() organisationNumber!: string;
  @Field() legalName!: string;
  @Field() companyForm!: string;
  @Field() submittedAt!: Date;
  @Field({ description: 'The answer is promised within one business day.' }) answerDueOn!: string;
  @Field() overdue!: boolean;
  @Field(() => Int, { description: 'Whole hours since submission.' }) ageHours!: number;
  @Field(() => ApplicationState) state!: ApplicationState;
  @Field(() => GraphQLJSON, { description: 'What the company gave: address, contact, accounts, registry status.' }) details!: unknown;
  @Field(() => [ReasonType], { description: 'What the rules found at submission.' }) automaticReasons!: ReasonType[];
  @Field(() => StaffRefType, { nullable: true }) claimedBy!: StaffRefType | null;
  @Field(() => Date, { nullable: true }) claimedAt!: Date | null;
  @Field(() => StaffRefType, { nullable: true }) decidedBy!: StaffRefType | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => [ReasonType]) refusalReasons!: ReasonType[];
  @Field(() => String, { nullable: true }) decisionNote!: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('ClientApplicationPage')
export class ClientApplicationPageType {
  @Field(() => [ClientApplicationType]) items!: ClientApplicationType[];
  @Field(() => Int) total!: number;
}

@ObjectType('Client', { description: 'A company that sells its invoices to the factor.' })
export class ClientType {
  @Field(() => ID) id!: string;
  @Field(() => Country) country!: Country;
  @Field() currency!: string;
  @Field() organisationNumber!: string;
  @Field() legalName!: string;
  @Field() companyForm!: string;
  @Field(() => AddressType) address!: AddressType;
  @Field(() => ContactType) contact!: ContactType;
  @Field(() => String, { nullable: true }) accountingProgram!: string | null;
  @Field(() => ClientStateEnum) state!: ClientStateEnum;
  @Field(() => String, { nullable: true, description: 'Why the client is in its state (e.g. why blocked).' }) stateReason!: string | null;
  @Field(() => [String], { description: 'Every reason the client is blocked for, lifted one by one (empty unless blocked).' }) blockReasons!: string[];
  @Field(() => DecimalString, { description: 'Unpaid purchased amount, in the client currency.' }) exposure!: string;
  @Field(() => DecimalString, { nullable: true, description: 'From the agreement in force.' }) creditLimit!: string | null;
  @Field(() => ClientAgreementType, { nullable: true }) agreement!: ClientAgreementType | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('ClientPage')
export class ClientPageType {
  @Field(() => [ClientType]) items!: ClientType[];
  @Field(() => Int) total!: number;
}

@InputType()
export class ClientApplicationInput {
  @Field(() => Country) @IsEnum(Country, { message: 'country must be SE or NO' }) country!: Country;
  @Field({ description: 'Any usual spelling; stored in one canonical form.' }) @IsString() @MaxLength(30) organisationNumber!: string;
  @Field() @Transform(trim) @IsString() @Length(1, 200, { message: 'legalName must be between 1 and 200 characters' }) legalName!: string;
  @Field({ description: 'SE: AB, EF, HB, KB. NO: ENK, AS, ASA, DA, ANS.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @MaxLength(10)
  companyForm!: string;
  @Field(() => RegistryStatus, { defaultValue: RegistryStatus.ACTIVE }) @IsEnum(RegistryStatus) registryStatus: RegistryStatus = RegistryStatus.ACTIVE;
  @Field(() => AddressInput) @ValidateNested() @Type(() => AddressInput) address!: AddressInput;
  @Field(() => ContactInput) @ValidateNested() @Type(() => ContactInput) contact!: ContactInput;
  @Field(() => BankAccountInput, { description: 'Where payouts go.' }) @ValidateNested() @Type(() => BankAccountInput) payoutAccount!: BankAccountInput;
  @Field(() => BankAccountInput, { description: 'Where the factor pays back.' })
  @ValidateNested()
  @Type(() => BankAccountInput)
  repaymentAccount!: BankAccountInput;
  @Field({ nullable: true, description: 'e.g. Fortnox, Visma eEkonomi, Fiken.' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) accountingProgram?: string;
}

@InputType()
export class AgreementTermsInput {
  @DecimalField('FEE_PERCENT', { description: 'Per cent of the invoice amount, e.g. "2.5".' }) feePercent!: string;
  @DecimalField('MONEY', { nullable: true }) feeFixed?: string;
  @DecimalField('MONEY', { nullable: true }) feeMinimum?: string;
  @DecimalField('PERCENT', { nullable: true, description: 'Defaults to the policy rate (25 %).' }) vatRateOnFeePercent?: string;
  @Field(() => [RecourseMode]) @ArrayMinSize(1, { message: 'recourseModes needs at least one mode' }) @ArrayUnique() @IsEnum(RecourseMode, { each: true }) recourseModes!: RecourseMode[];
  @DecimalField('LIMIT') creditLimit!: string;
  @Field(() => SpotCheckIntensity, { defaultValue: SpotCheckIntensity.HIGH }) @IsEnum(SpotCheckIntensity) spotCheckIntensity: SpotCheckIntensity = SpotCheckIntensity.HIGH;
  @Field(() => DeliveryChannel, { defaultValue: DeliveryChannel.EMAIL }) @IsEnum(DeliveryChannel) deliveryChannel: DeliveryChannel = DeliveryChannel.EMAIL;
  @Field(() => BankAccountInput, { nullable: true, description: 'Defaults to the account in the application.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BankAccountInput)
  payoutAccount?: BankAccountInput;
  @Field(() => BankAccountInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => BankAccountInput) repaymentAccount?: BankAccountInput;
  @Field(() => Int, { nullable: true, description: 'Days after the due date before recourse (1-365); defaults to the current version\'s, else 30.' }) @IsOptional() @IsInt() recourseAfterDays?: number;
  @Field(() => Int, { nullable: true, description: 'Days to pay a recourse invoice (1-90); defaults to the current version\'s, else 10.' }) @IsOptional() @IsInt() recourseInvoiceDaysToPay?: number;
  @Field(() => FeesAfterRecourseTo, { nullable: true, description: 'Defaults to the current version\'s, else FACTOR.' }) @IsOptional() @IsEnum(FeesAfterRecourseTo) feesAfterRecourseTo?: FeesAfterRecourseTo;
  @Field({ nullable: true, description: 'Late interest is charged only once the client approves it; defaults to the current version\'s, else false.' }) @IsOptional() @IsBoolean() lateInterestInvoiceNeedsClientApproval?: boolean;
  @Field({ nullable: true, description: 'A handoff to collection needs the client\'s approval; defaults to the current version\'s, else false.' }) @IsOptional() @IsBoolean() collectionHandoffNeedsClientApproval?: boolean;
}

@ArgsType()
export class SubmitApplicationArgs {
  @Field(() => ClientApplicationInput) @ValidateNested() @Type(() => ClientApplicationInput) input!: ClientApplicationInput;
}

@ArgsType()
export class ApplicationIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an application id (a UUID)' }) id!: string;
}

@ArgsType()
export class ClaimNextArgs {
  @Field(() => Country, { nullable: true }) @IsOptional() @IsEnum(Country) country?: Country;
}

@ArgsType()
export class ApproveApplicationArgs extends ApplicationIdArgs {
  @Field(() => AgreementTermsInput) @ValidateNested() @Type(() => AgreementTermsInput) terms!: AgreementTermsInput;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

@ArgsType()
export class RefuseApplicationArgs extends ApplicationIdArgs {
  @Field(() => [String], { description: 'UNPAID_PUBLIC_FEES, SIGNIFICANT_PAYMENT_REMARKS, KEY_RATIOS, INCOMPLETE_INFORMATION, OTHER.' })
  @ArrayMaxSize(10)
  reasons!: string[];
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

@InputType()
export class ClientApplicationFilter {
  @Field(() => ApplicationState, { nullable: true }) @IsOptional() @IsEnum(ApplicationState) state?: ApplicationState;
  @Field(() => Country, { nullable: true }) @IsOptional() @IsEnum(Country) country?: Country;
  @Field({ nullable: true, description: 'Only those I have claimed.' }) @IsOptional() @IsBoolean() mine?: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
}

@ArgsType()
export class ClientApplicationsArgs extends PageArgs {
  @Field(() => ClientApplicationFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ClientApplicationFilter) filter?: ClientApplicationFilter;
}

@InputType()
export class ClientFilter {
  @Field({ nullable: true, description: 'Matches name or organisation number.' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => ClientStateEnum, { nullable: true }) @IsOptional() @IsEnum(ClientStateEnum) state?: ClientStateEnum;
  @Field(() => Country, { nullable: true }) @IsOptional() @IsEnum(Country) country?: Country;
}

export const CLIENT_SORT_FIELDS = ['legalName', 'createdAt', 'exposure', 'state'] as const;

@ArgsType()
export class ClientsArgs extends PageArgs {
  @Field(() => String, { defaultValue: 'legalName' })
  @IsIn(CLIENT_SORT_FIELDS, { message: `sortField must be one of ${CLIENT_SORT_FIELDS.join(', ')}` })
  sortField: (typeof CLIENT_SORT_FIELDS)[number] = 'legalName';
  @Field(() => String, { defaultValue: 'ASC' }) @IsIn(['ASC', 'DESC'], { message: 'sortOrder must be ASC or DESC' }) sortOrder: 'ASC' | 'DESC' = 'ASC';
  @Field(() => ClientFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ClientFilter) filter?: ClientFilter;
}

@ArgsType()
export class ClientIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a client id (a UUID)' }) id!: string;
}

@ArgsType()
export class ClientReasonArgs extends ClientIdArgs {
  @Field() @Transform(trim) @IsString() @Length(3, 1000, { message: 'reason must be between 3 and 1000 characters' }) reason!: string;
}

@ArgsType()
export class UpdateAgreementArgs extends ClientIdArgs {
  @Field(() => AgreementTermsInput) @ValidateNested() @Type(() => AgreementTermsInput) terms!: AgreementTermsInput;
  @Field(() => Int, { description: 'The agreement version you edited; CONFLICT if someone changed it since.' }) @IsInt() @Min(1) expectedVersion!: number;
  @Field({ description: 'Why the agreement changes; kept in its history.' }) @Transform(trim) @IsString() @Length(3, 1000, { message: 'reason must be between 3 and 1000 characters' }) reason!: string;
}
