import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { PageArgs, SortOrder } from '../../common/paging';

export enum AuditOutcome {
  SUCCEEDED = 'SUCCEEDED',
  REFUSED = 'REFUSED',
  FAILED = 'FAILED',
}
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

@ObjectType('AuditEntry', { description: 'One staff action or refused attempt. It cannot be edited or deleted.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field() occurredAt!: Date;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorEmail!: string | null;
  @Field() operation!: string;
  @Field() operationType!: string;
  @Field(() => String, { nullable: true }) targetType!: string | null;
  @Field(() => String, { nullable: true }) targetId!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The input, with secrets replaced by [REDACTED].' })
  inputSummary!: unknown;
  @Field(() => AuditOutcome) outcome!: AuditOutcome;
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

@ObjectType('AuditEntryPage')
export class AuditEntryPageType {
  @Field(() => [AuditEntryType]) items!: AuditEntryType[];
  @Field(() => Int) total!: number;
}

@InputType()
export class AuditEntryFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a staff member id (a UUID)' })
  actorId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  operation?: string;

  @Field(() => AuditOutcome, { nullable: true })
  @IsOptional()
  @IsEnum(AuditOutcome)
  outcome?: AuditOutcome;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate({ message: 'from must be a date and time' })
  from?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate({ message: 'to must be a date and time' })
  to?: Date;
}

@ArgsType()
export class AuditEntriesArgs extends PageArgs {
  @Field(() => SortOrder, { defaultValue: SortOrder.DESC })
  @IsEnum(SortOrder)
  sortOrder: SortOrder = SortOrder.DESC;

  @Field(() => AuditEntryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEntryFilter)
  filter?: AuditEntryFilter;
}

@ArgsType()
export class AuditEntryIdArgs {
  /** Audit entries are numbered (bigint), not UUIDs: the edge-input pipe lets such an id through. */
  static readonly numericId = true;

  @Field(() => ID)
  @IsString()
  @Length(1, 20)
  id!: string;
}

export const TIMELINE_ENTITY_TYPES = ['STAFF_MEMBER', 'CLIENT', 'CLIENT_APPLICATION', 'DEBTOR', 'INVOICE', 'PAYOUT_BATCH', 'CASE'] as const;

@ArgsType()
export class TimelineArgs {
  @Field({ description: `One of ${TIMELINE_ENTITY_TYPES.join(', ')}.` })
  @IsIn(TIMELINE_ENTITY_TYPES, { message: `entityType must be one of ${TIMELINE_ENTITY_TYPES.join(', ')}` })
  entityType!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'entityId must be a UUID' })
  entityId!: string;
}

@ObjectType('TimelineEvent', { description: 'One state change: who, when, from, to, why.' })
export class TimelineEventType {
  @Field(() => ID) id!: string;
  @Field() entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field() occurredAt!: Date;
  @Field({ description: 'STAFF, CLIENT or SYSTEM' }) actorType!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field(() => String, { nullable: true }) fromState!: string | null;
  @Field() toState!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) details!: unknown;
}
