import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { Reason } from '@factoring/rules';

export enum Country {
  SE = 'SE',
  NO = 'NO',
}
registerEnumType(Country, { name: 'Country', description: 'Sweden or Norway.' });

export enum BankAccountKind {
  SE_BANKGIRO = 'SE_BANKGIRO',
  SE_PLUSGIRO = 'SE_PLUSGIRO',
  SE_BANK_ACCOUNT = 'SE_BANK_ACCOUNT',
  NO_BANK_ACCOUNT = 'NO_BANK_ACCOUNT',
  IBAN = 'IBAN',
}
registerEnumType(BankAccountKind, { name: 'BankAccountKind' });

export enum DeliveryChannel {
  EMAIL = 'EMAIL',
  E_INVOICE = 'E_INVOICE',
  POST = 'POST',
  KIVRA = 'KIVRA',
}
registerEnumType(DeliveryChannel, { name: 'DeliveryChannel', description: 'How the factor sends the invoice to the debtor.' });

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ObjectType('Address')
export class AddressType {
  @Field() street!: string;
  @Field() postalCode!: string;
  @Field() city!: string;
  @Field({ description: 'ISO 3166 alpha-2 country code.' }) country!: string;
}

@InputType()
export class AddressInput {
  @Field() @Transform(trim) @IsString() @Length(1, 200, { message: 'street must be between 1 and 200 characters' }) street!: string;
  @Field() @Transform(trim) @IsString() @Length(1, 20, { message: 'postalCode must be between 1 and 20 characters' }) postalCode!: string;
  @Field() @Transform(trim) @IsString() @Length(1, 100, { message: 'city must be between 1 and 100 characters' }) city!: string;
  @Field({ description: 'ISO 3166 alpha-2, e.g. SE or NO.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code such as SE or NO' })
  country!: string;
}

@ObjectType('Contact')
export class ContactType {
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@InputType()
export class ContactInput {
  @Field() @Transform(trim) @IsString() @Length(1, 200, { message: 'name must be between 1 and 200 characters' }) name!: string;
  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address such as name@example.com' })
  email!: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a telephone number such as +46 8 123 456' })
  phone?: string;
}

@ObjectType('BankAccount')
export class BankAccountType {
  @Field(() => BankAccountKind) kind!: BankAccountKind;
  @Field({ description: 'Canonical form: digits (IBAN without spaces).' }) value!: string;
  @Field({ description: 'As people write it.' }) display!: string;
}

@InputType()
export class BankAccountInput {
  @Field(() => BankAccountKind) @IsEnum(BankAccountKind) kind!: BankAccountKind;
  @Field() @IsString() @MaxLength(60) value!: string;
}

@ObjectType('Reason', { description: 'A machine-readable code with a sentence in English, Swedish and Norwegian.' })
export class ReasonType {
  @Field() code!: string;
  @Field() en!: string;
  @Field() sv!: string;
  @Field() nb!: string;
}

export function reasonView(reason: Pick<Reason, 'code' | 'message'>): ReasonType {
  return { code: reason.code, ...reason.message };
}

@ObjectType('StaffRef', { description: 'A member of staff, as named on a record.' })
export class StaffRefType {
  @Field() id!: string;
  @Field() name!: string;
}
