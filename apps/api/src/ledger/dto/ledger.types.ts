import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { DecimalString } from '../../common/decimal.scalar';
import { Country } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('LedgerAccountBalance', { description: 'An account of the book with its debits, credits and balance at a date (debit positive).' })
export class LedgerAccountBalanceType {
  @Field() account!: string;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field() kind!: string;
  @Field() nameEn!: string;
  @Field() nameSv!: string;
  @Field() nameNb!: string;
  @Field(() => DecimalString) debit!: string;
  @Field(() => DecimalString) credit!: string;
  @Field(() => DecimalString) balance!: string;
}

@ObjectType('TrialBalance')
export class TrialBalanceType {
  @Field(() => Country) book!: Country;
  @Field() currency!: string;
  @Field() date!: string;
  @Field(() => [LedgerAccountBalanceType]) accounts!: LedgerAccountBalanceType[];
  @Field(() => DecimalString, { description: 'Debits less credits over every account: always 0.00.' }) difference!: string;
}

@ObjectType('LedgerAccount')
export class LedgerAccountType {
  @Field() account!: string;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field() kind!: string;
  @Field() nameEn!: string;
  @Field() nameSv!: string;
  @Field() nameNb!: string;
  @Field() validFrom!: string;
  @Field() source!: string;
}

@ObjectType('JournalPosting')
export class JournalPostingType {
  @Field() account!: string;
  @Field(() => DecimalString) amount!: string;
  @Field(() => ID, { nullable: true }) clientId!: string | null;
  @Field(() => ID, { nullable: true }) invoiceId!: string | null;
}

@ObjectType('JournalEntry')
export class JournalEntryType {
  @Field(() => ID) id!: string;
  @Field() entryDate!: string;
  @Field() causeType!: string;
  @Field(() => ID) causeId!: string;
  @Field() event!: string;
  @Field() attempt!: string;
  @Field() description!: string;
  @Field() postedAt!: Date;
  @Field(() => [JournalPostingType]) postings!: JournalPostingType[];
}

@ObjectType('JournalEntryPage')
export class JournalEntryPageType {
  @Field(() => [JournalEntryType]) items!: JournalEntryType[];
  @Field(() => Int) total!: number;
}

@ArgsType()
export class BookDateArgs {
  @Field(() => Country) @IsEnum(Country) book!: Country;
  @Field({ nullable: true, description: 'The day (YYYY-MM-DD); today when left out.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'date must be a day such as 2026-11-30' })
  date?: string;
  @Field(() => ID, { nullable: true, description: 'Only this client\'s postings (its payables and receivables).' })
  @IsOptional()
  @IsUUID()
  clientId?: string;
}

@ArgsType()
export class JournalEntriesArgs extends PageArgs {
  @Field(() => Country) @IsEnum(Country) book!: Country;
  @Field() @Matches(ISO_DATE, { message: 'from must be a day such as 2026-11-01' }) from!: string;
  @Field() @Matches(ISO_DATE, { message: 'to must be a day such as 2026-11-30' }) to!: string;
}
