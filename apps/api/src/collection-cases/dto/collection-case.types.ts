import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { COLLECTION_CASE_STATES } from '@factoring/domain';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../../common/calendar-day';
import { DecimalString } from '../../common/decimal.scalar';
import { Country, StaffRefType } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

export const CollectionCaseStateEnum = Object.fromEntries(COLLECTION_CASE_STATES.map((s) => [s, s])) as { [K in (typeof COLLECTION_CASE_STATES)[number]]: K };
registerEnumType(CollectionCaseStateEnum, { name: 'CollectionCaseState', description: 'Where a collection case is: handed off, escalated (payment order, forliksråd, enforcement), or how it ended.' });

export enum CollectionEscalation {
  PAYMENT_ORDER = 'PAYMENT_ORDER',
  CONCILIATION_BOARD = 'CONCILIATION_BOARD',
  ENFORCEMENT = 'ENFORCEMENT',
}
registerEnumType(CollectionEscalation, {
  name: 'CollectionEscalation',
  description: 'PAYMENT_ORDER: Sweden, an application for a betalningsföreläggande at Kronofogden (lag 1990:746); CONCILIATION_BOARD: Norway, the forliksråd (tvisteloven kap. 6); ENFORCEMENT: Kronofogden (utsökningsbalken) or the namsmann (tvangsfullbyrdelsesloven).',
});

export enum AgencyAnswerKind {
  RECEIVED = 'RECEIVED',
  DEBTOR_CONTACTED = 'DEBTOR_CONTACTED',
  PAYMENT_PLAN = 'PAYMENT_PLAN',
  DEBTOR_DISPUTES = 'DEBTOR_DISPUTES',
  NO_ASSETS = 'NO_ASSETS',
  PAID_TO_AGENCY = 'PAID_TO_AGENCY',
  RETURNED = 'RETURNED',
  OTHER = 'OTHER',
}
registerEnumType(AgencyAnswerKind, { name: 'AgencyAnswerKind', description: "The collection agency's answer, recorded as a step of the case." });

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ObjectType('CollectionCaseStep')
export class CollectionCaseStepType {
  @Field(() => ID) id!: string;
  @Field() step!: string;
  @Field({ description: 'YYYY-MM-DD.' }) onDate!: string;
  @Field() actorType!: string;
  @Field() actorName!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true, description: "The agency's own reference of an answer." }) externalRef!: string | null;
  @Field(() => String, { description: 'The step\'s data as JSON (e.g. what a payment order application states).' }) details!: string;
  @Field() createdAt!: Date;
}

/** A collection case as staff see it (staff only). */
@ObjectType('CollectionCase', { description: 'An invoice handed to collection: its claim, steps and outcome.' })
export class CollectionCaseType {
  @Field(() => ID) id!: string;
  @Field(() => ID) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field(() => ID, { nullable: true }) debtorId!: string | null;
  @Field({ description: 'Who owes the claim: the debtor of the invoice, or (a recourse invoice\'s case) the client.' }) debtorName!: string;
  @Field(() => ID, { nullable: true, description: 'Set when the claim is a recourse invoice (issue 15 s.3): the case is against the client.' }) recourseInvoiceId!: string | null;
  @Field(() => String, { nullable: true, description: "The recourse invoice's OCR/KID reference, on a recourse invoice's case." }) recourseReference!: string | null;
  @Field(() => Country) country!: Country;
  @Field(() => CollectionCaseStateEnum) state!: string;
  @Field() currency!: string;
  @Field({ description: 'The day the claim was stated (the clock\'s today at the handoff).' }) claimAsOf!: string;
  @Field(() => DecimalString) principal!: string;
  @Field(() => DecimalString) fees!: string;
  @Field(() => DecimalString) interest!: string;
  @Field(() => DecimalString) claim!: string;
  @Field({ description: 'Late interest runs from the day after this day (the due date).' }) interestFrom!: string;
  @Field(() => DecimalString, { nullable: true, description: 'The yearly late-interest rate in percent in force at the handoff.' }) interestRate!: string | null;
  @Field(() => String, { nullable: true }) recourseMode!: string | null;
  @Field({ description: "The client's approval of the handoff is needed (seed 003); no agreement term records it yet." }) approvalNeeded!: boolean;
  @Field(() => Int) ageDays!: number;
  @Field(() => String, { nullable: true, description: 'The next step, as a code the console words.' }) nextStep!: string | null;
  @Field() openedAt!: Date;
  @Field(() => StaffRefType) openedBy!: StaffRefType;
  @Field(() => StaffRefType, { nullable: true }) writeOffProposedBy!: StaffRefType | null;
  @Field(() => String, { nullable: true }) writeOffReason!: string | null;
  @Field(() => StaffRefType, { nullable: true }) writtenOffBy!: StaffRefType | null;
  @Field(() => DecimalString, { nullable: true }) writeOffAmount!: string | null;
  @Field(() => String, { nullable: true, description: 'The file handed to the agency, once written.' }) agencyFile!: string | null;
  @Field(() => Date, { nullable: true }) agencyFileWrittenAt!: Date | null;
  @Field(() => StaffRefType, { nullable: true }) claimedBy!: StaffRefType | null;
  @Field(() => Int, { description: 'Act on the version you looked at: a case changed since is a CONFLICT.' }) version!: number;
  @Field(() => [CollectionCaseStepType]) steps!: CollectionCaseStepType[];
}

@ObjectType('CollectionCasePage')
export class CollectionCasePageType {
  @Field(() => [CollectionCaseType]) items!: CollectionCaseType[];
  @Field(() => Int) total!: number;
}

@ArgsType()
export class CollectionCasesArgs extends PageArgs {
  @Field(() => CollectionCaseStateEnum, { nullable: true, description: 'Every active case when omitted (the queue), the oldest first.' }) @IsOptional() @IsIn(COLLECTION_CASE_STATES) state?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() invoiceId?: string;
}

@ArgsType()
export class CollectionCaseIdArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

@ArgsType()
export class HandOffArgs {
  @Field(() => ID) @IsUUID() invoiceId!: string;
  @Field({ nullable: true, description: 'Why, in a sentence (staff only).' }) @IsOptional() @Transform(trim) @IsString() @Length(0, 2000) note?: string;
}

@ArgsType()
export class HandOffRecourseInvoiceArgs {
  @Field(() => ID) @IsUUID() recourseInvoiceId!: string;
  @Field({ nullable: true, description: 'Why, in a sentence (staff only).' }) @IsOptional() @Transform(trim) @IsString() @Length(0, 2000) note?: string;
}

@ArgsType()
export class EscalateArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => CollectionEscalation) @IsIn(Object.values(CollectionEscalation)) escalation!: CollectionEscalation;
  @Field() @Transform(trim) @IsString() @Length(1, 2000, { message: 'note must be between 1 and 2000 characters' }) note!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
}

@InputType()
export class AgencyAnswerInput {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field({ description: "The agency's own reference of this answer: the same reference twice is one step." }) @Transform(trim) @IsString() @Length(1, 200, { message: 'reference must be between 1 and 200 characters' }) reference!: string;
  @Field(() => AgencyAnswerKind) @IsIn(Object.values(AgencyAnswerKind)) kind!: AgencyAnswerKind;
  @Field({ description: 'YYYY-MM-DD: the day the agency answered.' }) @IsCalendarDay() answeredOn!: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(0, 2000) note?: string;
}

@ArgsType()
export class AgencyAnswerArgs {
  @Field(() => AgencyAnswerInput) @ValidateNested() @Type(() => AgencyAnswerInput) input!: AgencyAnswerInput;
}

@ArgsType()
export class WriteOffArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field() @Transform(trim) @IsString() @Length(1, 2000, { message: 'note must be between 1 and 2000 characters' }) note!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
}

@ArgsType()
export class ApproveWriteOffArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
}
