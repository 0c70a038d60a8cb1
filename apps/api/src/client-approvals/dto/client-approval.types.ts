import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { StaffRefType } from '../../common/dto/common.types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export enum ClientApprovalKind {
  LATE_INTEREST_INVOICE = 'LATE_INTEREST_INVOICE',
  COLLECTION_HANDOFF = 'COLLECTION_HANDOFF',
}
registerEnumType(ClientApprovalKind, {
  name: 'ClientApprovalKind',
  description: "What the client's agreement makes wait for its approval (seed 003): LATE_INTEREST_INVOICE, charging the debtor late interest; COLLECTION_HANDOFF, handing the invoice to collection.",
});

export enum ClientApprovalState {
  ASKED = 'ASKED',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}
registerEnumType(ClientApprovalState, { name: 'ClientApprovalState', description: 'ASKED: waiting for the client since askedOn; APPROVED or DECLINED: answered, for good.' });

export enum ClientApprovalAnsweredBy {
  CLIENT = 'CLIENT',
  STAFF = 'STAFF',
}
registerEnumType(ClientApprovalAnsweredBy, { name: 'ClientApprovalAnsweredBy', description: "CLIENT: through the integration API; STAFF: an answer the client gave by phone, recorded by collection staff." });

@ObjectType('ClientApprovalRequest', { description: 'Something on one of your invoices that waits for your approval, by your agreement (seed 003), and your answer.' })
export class ClientApprovalRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field(() => ClientApprovalKind) kind!: ClientApprovalKind;
  @Field(() => ClientApprovalState) state!: ClientApprovalState;
  @Field({ description: 'The day it was asked (YYYY-MM-DD).' }) askedOn!: string;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
  @Field(() => ClientApprovalAnsweredBy, { nullable: true }) answeredBy!: ClientApprovalAnsweredBy | null;
}

@ObjectType('ClientApproval', { description: "An approval the client's agreement asks for on one invoice, as collection staff see it: waiting since when, or the answer." })
export class ClientApprovalType {
  @Field(() => ID) id!: string;
  @Field(() => ID) invoiceId!: string;
  @Field(() => ClientApprovalKind) kind!: ClientApprovalKind;
  @Field(() => ClientApprovalState) state!: ClientApprovalState;
  @Field(() => Int, { description: 'The agreement version that asked for it.' }) agreementVersion!: number;
  @Field({ description: 'Waiting for the client since (YYYY-MM-DD).' }) askedOn!: string;
  @Field() askedAt!: Date;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
  @Field(() => ClientApprovalAnsweredBy, { nullable: true }) answeredBy!: ClientApprovalAnsweredBy | null;
  @Field(() => StaffRefType, { nullable: true, description: 'Who recorded an answer given by phone.' }) recordedBy!: StaffRefType | null;
  @Field(() => String, { nullable: true, description: 'How the client answered, as recorded (staff only).' }) note!: string | null;
  @Field(() => Int) version!: number;
}

@ArgsType()
export class AnswerMyApprovalArgs {
  @Field(() => ID) @IsUUID('all', { message: 'invoiceId must be an invoice id (a UUID)' }) invoiceId!: string;
  @Field(() => ClientApprovalKind) @IsIn(Object.values(ClientApprovalKind)) kind!: ClientApprovalKind;
  @Field({ description: 'true approves, false declines; an answer is final.' }) @IsBoolean() approve!: boolean;
}

@ArgsType()
export class RecordClientApprovalArgs {
  @Field(() => ID) @IsUUID('all', { message: 'invoiceId must be an invoice id (a UUID)' }) invoiceId!: string;
  @Field(() => ClientApprovalKind) @IsIn(Object.values(ClientApprovalKind)) kind!: ClientApprovalKind;
  @Field({ description: 'true: the client approved; false: it declined.' }) @IsBoolean() approve!: boolean;
  @Field({ description: 'How and by whom the client answered (e.g. "By phone, Anna Berg, 29 Nov 10:12").' }) @Transform(trim) @IsString() @Length(0, 2000) note!: string;
}

@ArgsType()
export class MyApprovalsArgs {
  @Field(() => ClientApprovalState, { nullable: true, description: 'Only these (ASKED: what waits for you).' }) @IsIn([...Object.values(ClientApprovalState), undefined, null]) state?: ClientApprovalState | null;
}
