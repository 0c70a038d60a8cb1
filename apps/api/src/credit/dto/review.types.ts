import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { DecimalString } from '../../common/decimal.scalar';
import { ReasonType, StaffRefType, trim } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

export enum ReviewKind {
  MANUAL_ASSESSMENT = 'MANUAL_ASSESSMENT',
  SPOT_CHECK = 'SPOT_CHECK',
}
registerEnumType(ReviewKind, { name: 'ReviewKind' });

export enum ReviewState {
  OPEN = 'OPEN',
  WAITING_FOR_CLIENT = 'WAITING_FOR_CLIENT',
  CLOSED = 'CLOSED',
}
registerEnumType(ReviewState, { name: 'ReviewState' });

export enum SpotCheckOutcome {
  CONFIRMED = 'CONFIRMED',
  NOT_CONFIRMED = 'NOT_CONFIRMED',
  UNREACHABLE = 'UNREACHABLE',
}
registerEnumType(SpotCheckOutcome, { name: 'SpotCheckOutcome', description: 'What the debtor said when called.' });

@ObjectType('CreditReview', { description: 'An invoice waiting for a person: a manual assessment or a spot check.' })
export class CreditReviewType {
  @Field(() => ID) id!: string;
  @Field(() => ReviewKind) kind!: ReviewKind;
  @Field(() => ReviewState) state!: ReviewState;
  @Field(() => ID) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field(() => ID, { nullable: true, description: 'None when the debtor\'s number on the invoice was not valid.' }) debtorId!: string | null;
  @Field() debtorName!: string;
  @Field(() => GraphQLJSON, { description: 'Whom to call for a spot check: the debtor as registered and as on the invoice.' }) debtorContact!: unknown;
  @Field(() => DecimalString) amount!: string;
  @Field() currency!: string;
  @Field() openedAt!: Date;
  @Field() dueAt!: Date;
  @Field({ description: 'Past its promised time while waiting for staff.' }) overdue!: boolean;
  @Field(() => Int) ageHours!: number;
  @Field(() => StaffRefType, { nullable: true }) claimedBy!: StaffRefType | null;
  @Field(() => Int, { description: 'Spot-check calls that reached no one.' }) attempts!: number;
  @Field(() => [ReasonType], { description: 'Why the rules sent it here.' }) reasons!: ReasonType[];
  @Field(() => GraphQLJSON, { nullable: true, description: 'Exposure before and after, limits, score inputs.' }) figures!: unknown;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('CreditReviewStep', { description: 'One thing people did on the item\'s invoice while it waited: a spot-check call, a question to the client, its answer. Staff only.' })
export class CreditReviewStepType {
  @Field({ description: 'SPOT_CHECK_UNREACHABLE_ATTEMPT, SPOT_CHECK_NOT_CONFIRMED, SPOT_CHECK_UNREACHABLE, QUESTION_TO_CLIENT or CLIENT_ANSWER.' }) code!: string;
  @Field() at!: Date;
  @Field(() => String, { nullable: true, description: 'Who did it.' }) by!: string | null;
  @Field(() => String, { nullable: true, description: 'What the person typed (a note, the question, the answer), as written.' }) text!: string | null;
  @Field(() => Int, { nullable: true, description: 'An unreachable call: which attempt it was.' }) attempt!: number | null;
}

@ObjectType('CreditReviewLevelNow', { description: 'One limit as it stands now, with this invoice on top: the same figures the rules used, measured today.' })
export class CreditReviewLevelNowType {
  @Field(() => DecimalString) limit!: string;
  @Field() raiseInForce!: boolean;
  @Field(() => DecimalString) exposureBefore!: string;
  @Field(() => DecimalString) exposureAfter!: string;
  @Field(() => DecimalString) headroomAfter!: string;
}

@ObjectType('CreditReviewExposureNow')
export class CreditReviewExposureNowType {
  @Field(() => CreditReviewLevelNowType, { nullable: true }) debtor!: CreditReviewLevelNowType | null;
  @Field(() => CreditReviewLevelNowType, { nullable: true }) client!: CreditReviewLevelNowType | null;
  @Field(() => CreditReviewLevelNowType, { nullable: true, description: 'Only when the pair has a limit of its own.' }) pair!: CreditReviewLevelNowType | null;
}

@ObjectType('CreditReviewStory', { description: 'Why the item is in its queue now and what happened since the rules sent it (issue 11 s.4). Staff only.' })
export class CreditReviewStoryType {
  @Field(() => ID, { nullable: true, description: 'A manual assessment a spot check sent here: that spot check.' }) cameFromReviewId!: string | null;
  @Field(() => String, { nullable: true, description: 'What that spot check found: NOT_CONFIRMED or UNREACHABLE.' }) cameFromOutcome!: string | null;
  @Field(() => ID, { nullable: true, description: 'A spot check sent on to manual assessment: the new item.' }) followUpReviewId!: string | null;
  @Field(() => [CreditReviewStepType], { description: 'Oldest first.' }) steps!: CreditReviewStepType[];
  @Field({ description: 'The promised time stands still: the item waits for the client\'s answer.' }) clockPaused!: boolean;
  @Field(() => Date, { nullable: true }) pausedAt!: Date | null;
  @Field(() => CreditReviewExposureNowType, { nullable: true, description: 'Exposure and limits now, beside the snapshot in `figures`; none once the item is closed.' })
  exposureNow!: CreditReviewExposureNowType | null;
}

@ObjectType('CreditReviewPage')
export class CreditReviewPageType {
  @Field(() => [CreditReviewType]) items!: CreditReviewType[];
  @Field(() => Int) total!: number;
}

@ObjectType('CreditDecisionRecord', { description: 'One decision on an invoice, with what it was based on.' })
export class CreditDecisionType {
  @Field() kind!: string;
  @Field() outcome!: string;
  @Field(() => [ReasonType]) reasons!: ReasonType[];
  @Field(() => GraphQLJSON) figures!: unknown;
  @Field(() => String, { nullable: true }) rulesVersion!: string | null;
  @Field(() => StaffRefType, { nullable: true }) decidedBy!: StaffRefType | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() decidedAt!: Date;
}

@InputType()
export class CreditReviewFilter {
  @Field(() => ReviewKind, { nullable: true }) @IsOptional() @IsEnum(ReviewKind) kind?: ReviewKind;
  @Field(() => ReviewState, { nullable: true, description: 'Default: everything not closed.' }) @IsOptional() @IsEnum(ReviewState) state?: ReviewState;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() mine?: boolean;
}

@ArgsType()
export class CreditReviewsArgs extends PageArgs {
  @Field(() => CreditReviewFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CreditReviewFilter) filter?: CreditReviewFilter;
}

@ArgsType()
export class ReviewIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a review id (a UUID)' }) id!: string;
}

@ArgsType()
export class ClaimNextReviewArgs {
  @Field(() => ReviewKind) @IsEnum(ReviewKind) kind!: ReviewKind;
}

@ArgsType()
export class ReviewNoteArgs extends ReviewIdArgs {
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

@ArgsType()
export class ReviewRequiredNoteArgs extends ReviewIdArgs {
  @Field() @Transform(trim) @IsString() @Length(3, 2000, { message: 'note must be between 3 and 2000 characters' }) note!: string;
}

@ArgsType()
export class DenyReviewArgs extends ReviewRequiredNoteArgs {
  @Field(() => [String], { nullable: true, description: 'DENIAL_DEBTOR_CREDITWORTHINESS, DENIAL_NOT_CONFIRMED_BY_DEBTOR, DENIAL_DOCUMENTATION_MISSING, DENIAL_LIMIT_EXHAUSTED, DENIAL_OTHER (the default).' })
  @IsOptional()
  @IsString({ each: true })
  reasons?: string[];
}

@ArgsType()
export class SpotCheckOutcomeArgs extends ReviewIdArgs {
  @Field(() => SpotCheckOutcome) @IsEnum(SpotCheckOutcome) outcome!: SpotCheckOutcome;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
  @Field({ defaultValue: false, description: 'NOT_CONFIRMED: deny at once instead of a manual assessment.' }) @IsBoolean() deny: boolean = false;
}
