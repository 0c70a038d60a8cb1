import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CreditOutcome, WhatIfResult } from '@factoring/rules';
import { IsEnum, IsInt, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Country, StaffRefType } from '../common/dto/common.types';
import { DecimalString } from '../common/decimal.scalar';

export enum CreditWhatIfRunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(CreditWhatIfRunStatus, { name: 'CreditWhatIfRunStatus', description: 'Where a what-if run is: waiting for the worker, being replayed, done, or failed.' });

@ArgsType()
export class StartCreditWhatIfArgs {
  @Field(() => Country) @IsEnum(Country) country!: Country;
  @Field(() => GraphQLJSON, { description: 'The candidate credit settings (the shape of a rule setting "credit").' }) @IsObject({ message: 'value must be an object with the settings' }) value!: Record<string, unknown>;
  @Field(() => Int, { defaultValue: 90 }) @IsInt() @Min(1) @Max(730, { message: 'days must be between 1 and 730' }) days = 90;
}

@ArgsType()
export class CreditWhatIfRunArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a what-if run id (a UUID)' }) id!: string;
}

@ArgsType()
export class CreditWhatIfRunsArgs {
  @Field(() => Country, { nullable: true, description: 'Only the runs for this country.' }) @IsOptional() @IsEnum(Country) country?: Country;
}

@ObjectType('CreditWhatIf', { description: 'How recorded automatic decisions would have come out under candidate settings.' })
export class CreditWhatIfType {
  @Field(() => Int) decisions!: number;
  @Field({ description: 'More decisions fell in the window than the bound: only the most recent `bound` were replayed.' }) truncated!: boolean;
  @Field(() => Int, { description: 'The most decisions one run replays.' }) bound!: number;
  @Field(() => GraphQLJSON, { description: 'moved[recorded][replayed] = count.' }) moved!: WhatIfResult['moved'];
  @Field(() => GraphQLJSON) before!: Record<CreditOutcome, number>;
  @Field(() => GraphQLJSON) after!: Record<CreditOutcome, number>;
  @Field(() => DecimalString) exposureTakenBefore!: string;
  @Field(() => DecimalString) exposureTakenAfter!: string;
}

@ObjectType('CreditWhatIfRun', { description: "An admin's what-if, replayed by the worker in chunks: its progress and, once done, its result." })
export class CreditWhatIfRunType {
  @Field(() => ID) id!: string;
  @Field(() => CreditWhatIfRunStatus) status!: CreditWhatIfRunStatus;
  @Field(() => Country) country!: Country;
  @Field(() => Int) days!: number;
  @Field(() => Int, { description: 'The most decisions this run replays (the newest ones).' }) bound!: number;
  @Field(() => Int, { nullable: true, description: 'The decisions it replays; null until the worker has counted them.' }) total!: number | null;
  @Field(() => Int, { description: 'The decisions replayed so far.' }) replayed!: number;
  @Field(() => Boolean, { nullable: true, description: 'The window held more decisions than the bound; null until counted.' }) truncated!: boolean | null;
  @Field(() => CreditWhatIfType, { nullable: true, description: 'Once DONE.' }) result!: CreditWhatIfType | null;
  @Field(() => String, { nullable: true, description: 'Why a FAILED run failed: REPLAY_FAILED, QUEUE_UNAVAILABLE or ABANDONED.' }) failure!: string | null;
  @Field(() => StaffRefType) startedBy!: StaffRefType;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}
