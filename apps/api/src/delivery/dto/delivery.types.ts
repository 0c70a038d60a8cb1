import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export enum DeliveryChannelKind {
  EMAIL = 'EMAIL',
  PEPPOL = 'PEPPOL',
  POST = 'POST',
}
registerEnumType(DeliveryChannelKind, { name: 'DocumentDeliveryChannel', description: 'How a document goes out: e-mail, e-invoice through the Peppol access point, or a letter in the day\'s print batch.' });

export enum DeliveryStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  RETRYING = 'RETRYING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  FAILED_FELL_BACK_TO_POST = 'FAILED_FELL_BACK_TO_POST',
  AWAITING_PRINT = 'AWAITING_PRINT',
  PRINTED = 'PRINTED',
}
registerEnumType(DeliveryStatus, { name: 'DocumentDeliveryStatus' });

/** A document's way to one recipient by one channel (staff only). */
@ObjectType('DocumentDelivery')
export class DeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field({ description: 'SOLD_INVOICE (to the debtor) or INVOICE_RECEIPT (to the client).' }) documentKind!: string;
  @Field({ description: 'DEBTOR or CLIENT.' }) recipient!: string;
  @Field(() => DeliveryChannelKind) channel!: DeliveryChannelKind;
  @Field(() => String, { nullable: true, description: 'E-mail address or Peppol participant id; none for a letter.' }) address!: string | null;
  @Field(() => DeliveryStatus) status!: DeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Int, { nullable: true, description: 'The SMTP reply code of the last failure, when there was one.' }) lastCode!: number | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field({ description: 'Our Message-ID, the same on every attempt.' }) messageId!: string;
  @Field(() => ID, { nullable: true }) documentId!: string | null;
  @Field() flagged!: boolean;
  @Field(() => String, { nullable: true, description: 'REFUSED (SMTP 5xx), GAVE_UP (temporary failures until the last attempt), REJECTED (access point), ADDRESS_INVALID.' }) flagReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The delivery this letter replaces.' }) fallbackOf!: string | null;
  @Field(() => String, { nullable: true }) printDay!: string | null;
  @Field(() => ID, { nullable: true }) printBatchId!: string | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('DocumentDeliveryPage')
export class DeliveryPageType {
  @Field(() => [DeliveryType]) items!: DeliveryType[];
  @Field(() => Int) total!: number;
}

@ObjectType('PrintBatch')
export class PrintBatchType {
  @Field(() => ID) id!: string;
  @Field() printDay!: string;
  @Field(() => Int) sequence!: number;
  @Field() fileName!: string;
  @Field() sha256!: string;
  @Field(() => Int) pageCount!: number;
  @Field(() => Int) deliveryCount!: number;
  @Field(() => Date) madeAt!: Date;
  @Field(() => Date, { nullable: true }) printedAt!: Date | null;
  @Field(() => String, { nullable: true }) printedByName!: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('PrintDay')
export class PrintDayType {
  @Field() day!: string;
  @Field(() => [DeliveryType], { description: 'Letters of the day not yet in a batch.' }) waiting!: DeliveryType[];
  @Field(() => [PrintBatchType]) batches!: PrintBatchType[];
}

@ArgsType()
export class DeliveriesArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'invoiceId must be an id' }) invoiceId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'clientId must be an id' }) clientId?: string;
}

@ArgsType()
export class FailedDeliveriesArgs {
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) page: number = 0;
  @Field(() => Int, { defaultValue: 25 }) @IsInt() @Min(1) @Max(200) perPage: number = 25;
}

@ArgsType()
export class DeliveryActionArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id!: string;
  @Field(() => Int, { description: 'The version you looked at: a change since then is a CONFLICT.' }) @IsInt() version!: number;
}

@ArgsType()
export class PrintDayArgs {
  @Field({ description: 'YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a date such as 2026-12-31' }) day!: string;
}

@ArgsType()
export class PrintBatchArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id!: string;
}

@ArgsType()
export class MarkPrintedArgs extends PrintBatchArgs {
  @Field(() => Int) @IsInt() version!: number;
}
