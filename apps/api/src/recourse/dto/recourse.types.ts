import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DecimalString } from '../../common/decimal.scalar';
import { Country, StaffRefType } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

/** A recourse invoice (regressfaktura) as staff see it. */
@ObjectType('RecourseInvoice', { description: 'What a client pays to buy (part of) a sold invoice back (seed 000).' })
export class RecourseInvoiceType {
  @Field(() => ID) id!: string;
  @Field(() => ID) invoiceId!: string;
  @Field({ description: 'The original invoice\'s number.' }) invoiceNumber!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field() debtorName!: string;
  @Field(() => ID, { nullable: true }) disputeId!: string | null;
  @Field({ description: 'DISPUTE, CREDIT_NOTE or UNPAID.' }) cause!: string;
  @Field(() => Country) country!: Country;
  @Field() currency!: string;
  @Field(() => DecimalString) amount!: string;
  @Field(() => DecimalString) paidAmount!: string;
  @Field() issueDate!: string;
  @Field() dueDate!: string;
  @Field({ description: 'The OCR/KID the client pays it with.' }) reference!: string;
  @Field({ description: 'OPEN, PAID or CANCELLED.' }) status!: string;
  @Field() overdue!: boolean;
  @Field(() => String, { nullable: true, description: 'The day the client was reminded of it (YYYY-MM-DD), once late.' }) remindedOn!: string | null;
  @Field(() => ID, { nullable: true, description: 'The collection case collecting it from the client, while one is open.' }) collectionCaseId!: string | null;
  @Field(() => Int, { description: 'Whole days since it was issued.' }) ageDays!: number;
  @Field(() => StaffRefType, { nullable: true }) claimedBy!: StaffRefType | null;
  @Field() createdAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('RecourseInvoicePage')
export class RecourseInvoicePageType {
  @Field(() => [RecourseInvoiceType]) items!: RecourseInvoiceType[];
  @Field(() => Int) total!: number;
}

@ArgsType()
export class RecourseInvoicesArgs extends PageArgs {
  @Field({ nullable: true, description: 'OPEN by default (the queue).' }) @IsOptional() @IsIn(['OPEN', 'PAID', 'CANCELLED']) status?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() invoiceId?: string;
}

@ArgsType()
export class RecourseInvoiceIdArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

export { DecimalString, StaffRefType };
