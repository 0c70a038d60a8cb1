import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length } from 'class-validator';
import { BankAccountType, Country, StaffRefType, trim } from '../common/dto/common.types';
import { DecimalString } from '../common/decimal.scalar';
import { ClientStateEnum, RecourseMode } from '../clients/dto/client.types';

@ObjectType('IntegrationKey', { description: 'A key for the client\'s accounting program; the secret itself is shown only once.' })
export class IntegrationKeyType {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field() label!: string;
  @Field({ description: 'The first characters, to tell keys apart.' }) keyPrefix!: string;
  @Field() createdAt!: Date;
  @Field(() => StaffRefType, { nullable: true }) createdBy!: StaffRefType | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => StaffRefType, { nullable: true }) revokedBy!: StaffRefType | null;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
}

@ObjectType('IssuedIntegrationKey')
export class IssuedIntegrationKeyType {
  @Field({ description: 'The secret. It is not stored and cannot be shown again.' }) key!: string;
  @Field(() => IntegrationKeyType) integrationKey!: IntegrationKeyType;
}

@ArgsType()
export class IssueKeyArgs {
  @Field(() => ID) @IsUUID('all', { message: 'clientId must be a client id (a UUID)' }) clientId!: string;
  @Field({ description: 'e.g. "Fortnox production".' }) @Transform(trim) @IsString() @Length(1, 100, { message: 'label must be between 1 and 100 characters' }) label!: string;
}

@ArgsType()
export class RevokeKeyArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an integration key id (a UUID)' }) id!: string;
  @Field() @Transform(trim) @IsString() @Length(3, 500, { message: 'reason must be between 3 and 500 characters' }) reason!: string;
}

@ObjectType('IntegrationClient', { description: 'What a client\'s accounting program may see of its own client record.' })
export class IntegrationClientType {
  @Field(() => ID) id!: string;
  @Field(() => Country) country!: Country;
  @Field() currency!: string;
  @Field() organisationNumber!: string;
  @Field() legalName!: string;
  @Field(() => ClientStateEnum) state!: ClientStateEnum;
  @Field() canSellInvoices!: boolean;
  @Field(() => DecimalString, { nullable: true }) feePercent!: string | null;
  @Field(() => DecimalString, { nullable: true }) feeFixed!: string | null;
  @Field(() => DecimalString, { nullable: true }) feeMinimum!: string | null;
  @Field(() => DecimalString, { nullable: true }) vatRateOnFeePercent!: string | null;
  @Field(() => [RecourseMode]) recourseModes!: RecourseMode[];
  @Field(() => BankAccountType, { nullable: true }) payoutAccount!: BankAccountType | null;
}
