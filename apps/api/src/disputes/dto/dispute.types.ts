import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DISPUTE_CHANNELS, DISPUTE_STATES } from '@factoring/domain';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../../common/calendar-day';
import { DecimalField } from '../../common/decimal-field';
import { DecimalString } from '../../common/decimal.scalar';
import { Country, StaffRefType } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

export const DisputeStateEnum = Object.fromEntries(DISPUTE_STATES.map((s) => [s, s])) as { [K in (typeof DISPUTE_STATES)[number]]: K };
registerEnumType(DisputeStateEnum, { name: 'DisputeState', description: 'Open, or how it ended: withdrawn by the debtor, credited by the client, or bought back (recourse).' });

export const DisputeChannelEnum = Object.fromEntries(DISPUTE_CHANNELS.map((s) => [s, s])) as { [K in (typeof DISPUTE_CHANNELS)[number]]: K };
registerEnumType(DisputeChannelEnum, { name: 'DisputeChannel', description: 'How the debtor disputed: by phone, e-mail or letter.' });

export enum DisputeEnding {
  WITHDRAW = 'WITHDRAW',
  CREDIT = 'CREDIT',
  RECOURSE = 'RECOURSE',
}
registerEnumType(DisputeEnding, { name: 'DisputeEnding', description: 'WITHDRAW: the debtor withdrew (collection resumes); CREDIT: the client credited (recourse of the credited amount after payout); RECOURSE: the client buys back the disputed amount.' });

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A dispute case as staff see it (staff only: the client never reads this type). */
@ObjectType('Dispute', { description: 'A debtor\'s dispute (bestridande) of a bought invoice, worked by collection staff.' })
export class DisputeType {
  @Field(() => ID) id!: string;
  @Field(() => ID) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field(() => ID, { nullable: true }) debtorId!: string | null;
  @Field() debtorName!: string;
  @Field(() => Country) country!: Country;
  @Field(() => DisputeStateEnum) state!: string;
  @Field(() => DisputeChannelEnum) channel!: string;
  @Field(() => DecimalString, { description: 'The disputed amount.' }) amount!: string;
  @Field() currency!: string;
  @Field({ description: 'Why the debtor disputes, as staff wrote it down.' }) reason!: string;
  @Field() nextStep!: string;
  @Field({ description: 'When the next step is due (YYYY-MM-DD).' }) nextStepDue!: string;
  @Field({ description: 'The next step\'s day has passed.' }) overdue!: boolean;
  @Field(() => Int, { description: 'Whole days since it was registered.' }) ageDays!: number;
  @Field() registeredAt!: Date;
  @Field(() => StaffRefType) registeredBy!: StaffRefType;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => StaffRefType, { nullable: true }) resolvedBy!: StaffRefType | null;
  @Field(() => String, { nullable: true }) resolutionNote!: string | null;
  @Field(() => DecimalString, { nullable: true, description: 'What the client credited, when it ended CREDITED.' }) creditedAmount!: string | null;
  @Field(() => ID, { nullable: true, description: 'The recourse invoice it made, if any.' }) recourseInvoiceId!: string | null;
  @Field(() => StaffRefType, { nullable: true }) claimedBy!: StaffRefType | null;
  @Field(() => Int, { description: 'Act on the version you looked at: a case changed since is a CONFLICT.' }) version!: number;
}

@ObjectType('DisputePage')
export class DisputePageType {
  @Field(() => [DisputeType]) items!: DisputeType[];
  @Field(() => Int) total!: number;
}

@ArgsType()
export class DisputesArgs extends PageArgs {
  @Field(() => DisputeStateEnum, { nullable: true, description: 'OPEN by default (the queue).' }) @IsOptional() @IsIn(DISPUTE_STATES) state?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() invoiceId?: string;
}

@ArgsType()
export class DisputeIdArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

@InputType()
export class RegisterDisputeInput {
  @Field(() => ID) @IsUUID() invoiceId!: string;
  @Field(() => DisputeChannelEnum) @IsIn(DISPUTE_CHANNELS) channel!: string;
  @DecimalField('MONEY', { description: 'The disputed amount: above 0 and at most what is open on the invoice.' }) amount!: string;
  @Field() @Transform(trim) @IsString() @Length(1, 2000, { message: 'reason must be between 1 and 2000 characters' }) reason!: string;
  @Field() @Transform(trim) @IsString() @Length(1, 500, { message: 'nextStep must be between 1 and 500 characters' }) nextStep!: string;
  @Field({ description: 'YYYY-MM-DD.' }) @IsCalendarDay() nextStepDue!: string;
}

@ArgsType()
export class RegisterDisputeArgs {
  @Field(() => RegisterDisputeInput) @ValidateNested() @Type(() => RegisterDisputeInput) input!: RegisterDisputeInput;
}

@ArgsType()
export class ResolveDisputeArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => DisputeEnding) @IsIn(Object.values(DisputeEnding)) ending!: DisputeEnding;
  @Field({ description: 'Why, in a sentence (staff only).' }) @Transform(trim) @IsString() @Length(1, 2000, { message: 'note must be between 1 and 2000 characters' }) note!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
  @Field({ nullable: true, description: 'CREDIT: the client\'s credit note number.' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(60) creditNumber?: string;
  @DecimalField('MONEY', { nullable: true, description: 'CREDIT: the credited amount, at most the disputed amount.' }) creditedAmount?: string;
}

@ArgsType()
export class UpdateDisputeStepArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field() @Transform(trim) @IsString() @Length(1, 500, { message: 'nextStep must be between 1 and 500 characters' }) nextStep!: string;
  @Field({ description: 'YYYY-MM-DD.' }) @IsCalendarDay() nextStepDue!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
}
