import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { DecimalString } from '../../common/decimal.scalar';
import { Country } from '../../common/dto/common.types';
import { PageArgs } from '../../common/paging';

/** How long an invoice has been past its due date, in the aging chart's buckets. */
export enum OverdueAgeBucket {
  CURRENT = 'CURRENT',
  DAYS_1_30 = 'DAYS_1_30',
  DAYS_31_60 = 'DAYS_31_60',
  DAYS_61_90 = 'DAYS_61_90',
  OVER_90 = 'OVER_90',
}
registerEnumType(OverdueAgeBucket, { name: 'OverdueAgeBucket', description: 'Not yet due (CURRENT), or days past the due date: 1-30, 31-60, 61-90, over 90.' });

/** What comes next for an overdue invoice. */
export enum OverdueNextStep {
  REMINDER = 'REMINDER',
  SECOND_REMINDER = 'SECOND_REMINDER',
  COLLECTION_WARNING = 'COLLECTION_WARNING',
  COLLECTION = 'COLLECTION',
  /** Collection-ready: staff hand it to collection (a later step of issue 15). */
  HANDOFF = 'HANDOFF',
  /** Disputed: no letters until the dispute ends. */
  HELD_DISPUTED = 'HELD_DISPUTED',
  /** Handed to collection: the case and the agency take over; the follow-up sends no more letters. */
  WITH_COLLECTION = 'WITH_COLLECTION',
}
registerEnumType(OverdueNextStep, { name: 'OverdueNextStep', description: 'The next step of the follow-up: a letter, collection-ready, the handoff, held while disputed, or with collection (its case).' });

export enum CollectionStepKind {
  REMINDER = 'REMINDER',
  SECOND_REMINDER = 'SECOND_REMINDER',
  COLLECTION_WARNING = 'COLLECTION_WARNING',
  COLLECTION = 'COLLECTION',
}
registerEnumType(CollectionStepKind, { name: 'CollectionStepKind', description: 'A step of the follow-up: a reminder, a second reminder (SE), an inkassovarsel (NO), collection-ready.' });

/** One overdue invoice in the collection queue (staff only). */
@ObjectType('OverdueInvoice', { description: 'A bought invoice past its due date with something still owed.' })
export class OverdueInvoiceType {
  @Field(() => ID) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field() debtorName!: string;
  @Field(() => Country) country!: Country;
  @Field() currency!: string;
  @Field({ description: 'YYYY-MM-DD.' }) dueDate!: string;
  @Field(() => Int, { description: 'Whole days past the due date, on the clock\'s today.' }) daysOverdue!: number;
  @Field(() => OverdueAgeBucket) ageBucket!: OverdueAgeBucket;
  @Field(() => DecimalString, { description: 'The principal still owed (from the ledger).' }) openPrincipal!: string;
  @Field(() => DecimalString, { description: 'Fees charged and still owed.' }) openFees!: string;
  @Field(() => DecimalString, { description: 'Late interest booked and still owed.' }) openInterest!: string;
  @Field(() => DecimalString, { description: 'Principal, fees and interest.' }) openTotal!: string;
  @Field(() => CollectionStepKind, { nullable: true, description: 'The last step taken, if any.' }) lastStep!: CollectionStepKind | null;
  @Field(() => String, { nullable: true, description: 'When it was taken (YYYY-MM-DD).' }) lastStepOn!: string | null;
  @Field(() => OverdueNextStep, { nullable: true }) nextStep!: OverdueNextStep | null;
  @Field(() => String, { nullable: true, description: 'When the next step is planned (YYYY-MM-DD); null while held.' }) nextStepOn!: string | null;
  @Field() disputed!: boolean;
  @Field(() => ID, { nullable: true, description: 'The collection case working the invoice, while one is open: no more letters come from the follow-up.' }) collectionCaseId!: string | null;
}

@ObjectType('OverdueInvoicePage')
export class OverdueInvoicePageType {
  @Field(() => [OverdueInvoiceType]) items!: OverdueInvoiceType[];
  @Field(() => Int) total!: number;
  @Field({ description: 'The day the queue was read for (the clock\'s today, YYYY-MM-DD).' }) today!: string;
}

@ArgsType()
export class OverdueInvoicesArgs extends PageArgs {
  @Field(() => OverdueAgeBucket, { nullable: true, description: 'Only this bucket (CURRENT is never in the queue).' })
  @IsOptional()
  @IsIn(Object.values(OverdueAgeBucket))
  bucket?: OverdueAgeBucket;

  @Field(() => Country, { nullable: true }) @IsOptional() @IsIn(Object.values(Country)) country?: Country;
}

/** One bar of the aging chart: a bucket in one currency (amounts in two currencies are never added). */
@ObjectType('OverdueAgingBucket')
export class OverdueAgingBucketType {
  @Field(() => OverdueAgeBucket) bucket!: OverdueAgeBucket;
  @Field() currency!: string;
  @Field(() => Int) count!: number;
  @Field(() => DecimalString, { description: 'The principal still owed in the bucket.' }) amount!: string;
}

@ObjectType('OverdueAging', { description: 'Bought invoices with something owed, by age past the due date, per currency; counted by the database.' })
export class OverdueAgingType {
  @Field() today!: string;
  @Field(() => [OverdueAgingBucketType], { description: 'Every bucket of every currency, in order, zeros included.' }) buckets!: OverdueAgingBucketType[];
}
