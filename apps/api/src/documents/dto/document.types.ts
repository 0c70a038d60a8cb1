import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';

export enum DocumentLanguageEnum {
  SV = 'sv',
  NB = 'nb',
  EN = 'en',
}
registerEnumType(DocumentLanguageEnum, { name: 'DocumentLanguage', description: 'Swedish, Norwegian (bokmål) or English.' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A document as the staff see it: what it is of, whose, its hash and template version. */
@ObjectType('Document', { description: 'A PDF the factor made, kept once with the hash of its bytes; a correction is a new document.' })
export class DocumentType {
  @Field(() => ID) id!: string;
  @Field({ description: 'SOLD_INVOICE, INVOICE_RECEIPT, SALES_REPORT, ACCOUNT_STATEMENT, and the kinds later issues add.' }) kind!: string;
  @Field({ description: 'INVOICE or CLIENT.' }) subjectType!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { nullable: true }) invoiceId!: string | null;
  @Field(() => String, { nullable: true }) periodFrom!: string | null;
  @Field(() => String, { nullable: true }) periodTo!: string | null;
  @Field(() => DocumentLanguageEnum) language!: DocumentLanguageEnum;
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field(() => Int) byteSize!: number;
  @Field({ description: 'SHA-256 of the bytes, hex.' }) sha256!: string;
  @Field(() => Int) templateVersion!: number;
  @Field(() => Date) createdAt!: Date;
}

/** A document as the client's key reads it: its own, with nothing of the back office's. */
@ObjectType('ClientDocument', { description: 'One of your documents: the invoice sent to your customer, a receipt, a sales report, an account statement.' })
export class ClientDocumentType {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field(() => ID, { nullable: true }) invoiceId!: string | null;
  @Field(() => String, { nullable: true }) periodFrom!: string | null;
  @Field(() => String, { nullable: true }) periodTo!: string | null;
  @Field(() => DocumentLanguageEnum) language!: DocumentLanguageEnum;
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field(() => Int) byteSize!: number;
  @Field({ description: 'SHA-256 of the bytes, hex.' }) sha256!: string;
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class IssueMyDocumentInput {
  @Field({ description: 'SOLD_INVOICE or INVOICE_RECEIPT (of an invoice), SALES_REPORT or ACCOUNT_STATEMENT (of a period).' })
  @IsString()
  @MaxLength(64)
  kind!: string;
  @Field(() => ID, { nullable: true, description: 'The invoice, for an invoice\'s document.' }) @IsOptional() @IsUUID('all', { message: 'invoiceId must be an invoice id (a UUID)' }) invoiceId?: string;
  @Field({ nullable: true, description: 'First day of the period (inclusive), for a report or statement.' }) @IsOptional() @Matches(DATE, { message: 'periodFrom must be a date such as 2026-01-01' }) periodFrom?: string;
  @Field({ nullable: true, description: 'Last day of the period (inclusive).' }) @IsOptional() @Matches(DATE, { message: 'periodTo must be a date such as 2026-01-31' }) periodTo?: string;
  @Field(() => DocumentLanguageEnum, { nullable: true, description: 'By default the debtor\'s language (the invoice) or yours (receipts, reports).' })
  @IsOptional()
  @IsEnum(DocumentLanguageEnum)
  language?: DocumentLanguageEnum;
}

@InputType()
export class IssueDocumentInput extends IssueMyDocumentInput {
  @Field(() => ID, { nullable: true, description: 'The client, for a report or statement.' }) @IsOptional() @IsUUID('all', { message: 'clientId must be a client id (a UUID)' }) clientId?: string;
}

@ArgsType()
export class IssueDocumentArgs {
  @Field(() => IssueDocumentInput) @ValidateNested() @Type(() => IssueDocumentInput) input!: IssueDocumentInput;
}

@ArgsType()
export class IssueMyDocumentArgs {
  @Field(() => IssueMyDocumentInput) @ValidateNested() @Type(() => IssueMyDocumentInput) input!: IssueMyDocumentInput;
}

@ArgsType()
export class DocumentsArgs {
  @Field(() => ID, { nullable: true, description: 'The documents of this invoice.' }) @IsOptional() @IsUUID('all', { message: 'invoiceId must be an invoice id (a UUID)' }) invoiceId?: string;
  @Field(() => ID, { nullable: true, description: 'Every document of this client (its invoices\' too).' }) @IsOptional() @IsUUID('all', { message: 'clientId must be a client id (a UUID)' }) clientId?: string;
}

@ArgsType()
export class MyDocumentsArgs {
  @Field(() => ID, { nullable: true, description: 'Only this invoice\'s documents.' }) @IsOptional() @IsUUID('all', { message: 'invoiceId must be an invoice id (a UUID)' }) invoiceId?: string;
}

@ArgsType()
export class DocumentIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a document id (a UUID)' }) id!: string;
}
