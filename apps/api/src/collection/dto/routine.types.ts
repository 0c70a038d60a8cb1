import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../../common/calendar-day';
import { Country } from '../../common/dto/common.types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The days of a client's follow-up (staff only). */
@ObjectType('CollectionRoutine', { description: "The follow-up's days in force for a client: its own (seed 003: the client decides its routines) or the factor's default." })
export class CollectionRoutineType {
  @Field(() => ID, { nullable: true, description: 'Null for the factor\'s default.' }) clientId!: string | null;
  @Field(() => Country) country!: Country;
  @Field({ description: 'True when the client has no routine of its own in force.' }) isDefault!: boolean;
  @Field({ description: 'YYYY-MM-DD.' }) validFrom!: string;
  @Field(() => Int, { description: 'Days after the due date for the first reminder.' }) firstReminderDays!: number;
  @Field(() => Int, { description: 'Days after the due date for the second step (SE second reminder, NO inkassovarsel).' }) secondStepDays!: number;
  @Field(() => Int, { description: 'Days after the due date for collection.' }) collectionDays!: number;
  @Field(() => Int, { description: 'Days at least between two letters.' }) minDaysBetweenSteps!: number;
  @Field(() => Int, { description: 'Bank days after the due date before the first letter, for payments on their way.' }) graceBankDays!: number;
  @Field({ description: 'Where it comes from: the client\'s choice as recorded, or the factor\'s policy.' }) source!: string;
}

@ArgsType()
export class CollectionRoutineArgs {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => Country) @IsIn(Object.values(Country)) country!: Country;
}

/** Checked against the law by the rules (validateCollectionRoutine), each problem naming its field. */
@InputType()
export class SetCollectionRoutineInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => Country) @IsIn(Object.values(Country)) country!: Country;
  @Field({ description: 'YYYY-MM-DD, today or later: a routine never changes the past.' }) @IsCalendarDay() validFrom!: string;
  @Field(() => Int) @IsInt() firstReminderDays!: number;
  @Field(() => Int) @IsInt() secondStepDays!: number;
  @Field(() => Int) @IsInt() collectionDays!: number;
  @Field(() => Int) @IsInt() minDaysBetweenSteps!: number;
  @Field(() => Int) @IsInt() graceBankDays!: number;
  @Field({ description: 'How the client decided it (its agreement, a letter, a call), kept as the source.' })
  @Transform(trim)
  @IsString()
  @Length(1, 500, { message: 'source must be between 1 and 500 characters' })
  source!: string;
}

@ArgsType()
export class SetCollectionRoutineArgs {
  @Field(() => SetCollectionRoutineInput) @ValidateNested() @Type(() => SetCollectionRoutineInput) input!: SetCollectionRoutineInput;
}
