import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';

@ObjectType('ClientEvent', { description: 'Something the client should know about, e.g. invoice.offered.' })
export class ClientEventType {
  @Field(() => ID, { description: 'Unique; use it to ignore a repeated delivery.' }) id!: string;
  @Field({ description: 'Pass as `after` to read on from here.' }) cursor!: string;
  @Field() topic!: string;
  @Field() subjectType!: string;
  @Field(() => ID) subjectId!: string;
  @Field() occurredAt!: Date;
  @Field(() => GraphQLJSON) data!: unknown;
}

@ObjectType('ClientEventPage')
export class ClientEventPageType {
  @Field(() => [ClientEventType]) events!: ClientEventType[];
  @Field(() => String, { nullable: true, description: 'The cursor to read on from.' }) cursor!: string | null;
}

@ObjectType('WebhookRegistration')
export class WebhookRegistrationType {
  @Field() url!: string;
  @Field({ description: 'Verify X-Factoring-Signature with it. Shown once.' }) secret!: string;
}

@ArgsType()
export class EventsArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20) after?: string;
  @Field(() => Int, { defaultValue: 100 }) @IsInt() @Min(1) @Max(500, { message: 'limit must be between 1 and 500' }) limit = 100;
}

@ArgsType()
export class RegisterWebhookArgs {
  @Field() @IsString() @MaxLength(2000) url!: string;
}
