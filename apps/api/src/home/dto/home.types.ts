import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecimalString } from '../../common/decimal.scalar';
import { Country } from '../../common/dto/common.types';
import { Role } from '../../auth/role';

/** The queues the home counts. The ledger, payments and collection issues add theirs here. */
export enum HomeQueueKey {
  CLIENT_APPLICATIONS = 'CLIENT_APPLICATIONS',
  MANUAL_ASSESSMENT = 'MANUAL_ASSESSMENT',
  SPOT_CHECKS = 'SPOT_CHECKS',
  PAYOUT_BATCHES_TO_APPROVE = 'PAYOUT_BATCHES_TO_APPROVE',
  PAYOUT_BATCHES_TO_SEND = 'PAYOUT_BATCHES_TO_SEND',
  DISPUTES = 'DISPUTES',
  OVERDUE_INVOICES = 'OVERDUE_INVOICES',
  RECOURSE_INVOICES = 'RECOURSE_INVOICES',
  UNMATCHED_PAYMENTS = 'UNMATCHED_PAYMENTS',
  COLLECTION_CASES = 'COLLECTION_CASES',
  WRITE_OFFS_TO_APPROVE = 'WRITE_OFFS_TO_APPROVE',
  REFUNDS_DUE = 'REFUNDS_DUE',
  FAILED_DELIVERIES = 'FAILED_DELIVERIES',
  PRINT_BATCH = 'PRINT_BATCH',
}
registerEnumType(HomeQueueKey, { name: 'HomeQueueKey', description: 'A queue counted on the home page.' });

/** How long items have waited, in the buckets of the queue-age chart. */
export enum QueueAgeBucket {
  UNDER_4_HOURS = 'UNDER_4_HOURS',
  FROM_4_TO_24_HOURS = 'FROM_4_TO_24_HOURS',
  FROM_1_TO_3_DAYS = 'FROM_1_TO_3_DAYS',
  FROM_3_TO_7_DAYS = 'FROM_3_TO_7_DAYS',
  OVER_7_DAYS = 'OVER_7_DAYS',
}
registerEnumType(QueueAgeBucket, { name: 'QueueAgeBucket', description: 'How long an item has waited since it entered its queue.' });

/** What a credit decision came to (credit_decision.outcome). */
export enum CreditDecisionOutcome {
  APPROVE = 'APPROVE',
  DENY = 'DENY',
  MANUAL_ASSESSMENT = 'MANUAL_ASSESSMENT',
  SPOT_CHECK = 'SPOT_CHECK',
  ASK_CLIENT = 'ASK_CLIENT',
}
registerEnumType(CreditDecisionOutcome, { name: 'CreditDecisionOutcome' });

@ObjectType('HomeAgeCount')
export class HomeAgeCountType {
  @Field(() => QueueAgeBucket) bucket!: QueueAgeBucket;
  @Field(() => Int) count!: number;
}

@ObjectType('HomeQueue', { description: "One queue's work as the server counts it: every item, not a page of them." })
export class HomeQueueType {
  @Field(() => HomeQueueKey) key!: HomeQueueKey;
  @Field(() => Role, { description: 'The role whose work this is.' }) role!: Role;
  @Field(() => Int, { description: 'Items in the queue (waiting for the client included).' }) count!: number;
  @Field(() => Date, { nullable: true, description: 'When the oldest item entered the queue; null when it is empty.' }) oldestSince!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Whole hours the oldest item has waited.' }) oldestAgeHours!: number | null;
  @Field(() => Int, { description: 'Items past their promised time.' }) overdue!: number;
  @Field(() => Int, { description: 'Items whose promised time falls later today.' }) dueToday!: number;
  @Field(() => Int, { nullable: true, description: 'Items the caller holds; null for a queue without claims.' }) claimedByMe!: number | null;
  @Field(() => Int, { description: 'Items whose clock is stopped while the client is asked.' }) waitingForClient!: number;
  @Field(() => [HomeAgeCountType], { description: 'Every bucket, in order, zeros included.' }) ageBuckets!: HomeAgeCountType[];
}

@ObjectType('HomeSection', { description: "A role's part of the home: its queues (none yet for some roles)." })
export class HomeSectionType {
  @Field(() => Role) role!: Role;
  @Field(() => [HomeQueueType]) queues!: HomeQueueType[];
}

@ObjectType('HomePayoutsDue', { description: "What a book pays out on its next payment-file day: the day's work for finance." })
export class HomePayoutsDueType {
  @Field(() => Country) book!: Country;
  @Field() currency!: string;
  @Field({ description: 'The first day a payment file can still reach the bank for (today before the cut-off).' }) payoutDate!: string;
  @Field(() => Int, { description: 'Invoices that go in a batch.' }) count!: number;
  @Field(() => DecimalString) total!: string;
  @Field(() => Int, { description: 'Of these, planned for an earlier day: late already.' }) late!: number;
  @Field(() => Int, { description: 'Invoices held, with their reasons on the payout page.' }) held!: number;
  @Field(() => DecimalString) heldTotal!: string;
}

@ObjectType('HomeDecisionCount')
export class HomeDecisionCountType {
  @Field(() => CreditDecisionOutcome) outcome!: CreditDecisionOutcome;
  @Field(() => Int) count!: number;
}

@ObjectType('HomeDecisionDay', { description: "One day's credit decisions by outcome (the business day in Stockholm and Oslo)." })
export class HomeDecisionDayType {
  @Field({ description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => [HomeDecisionCountType], { description: 'Every outcome, zeros included.' }) outcomes!: HomeDecisionCountType[];
}

@ObjectType('HomeExposureDifference', { description: 'A debtor whose exposure differs from its open purchased receivables in the books.' })
export class HomeExposureDifferenceType {
  @Field(() => ID) debtorId!: string;
  @Field(() => DecimalString) exposure!: string;
  @Field(() => DecimalString) receivables!: string;
}

@ObjectType('HomeExposureCheck', { description: "The latest daily check of exposure against the books (issue 14): finance's card, empty differences when all agree." })
export class HomeExposureCheckType {
  @Field({ description: 'The day checked (YYYY-MM-DD, Stockholm).' }) runOn!: string;
  @Field() ranAt!: Date;
  @Field(() => Int) differenceCount!: number;
  @Field(() => [HomeExposureDifferenceType]) differences!: HomeExposureDifferenceType[];
}

@ObjectType('Home', { description: "The caller's work: the queues of their roles (every role's for an admin), what is due today, and the charts." })
export class HomeType {
  @Field({ description: 'The moment the counts were taken.' }) countedAt!: Date;
  @Field(() => [HomeSectionType]) sections!: HomeSectionType[];
  @Field(() => [HomePayoutsDueType], { description: 'Finance and admins; empty for the other roles.' }) payoutsDue!: HomePayoutsDueType[];
  @Field(() => HomeExposureCheckType, { nullable: true, description: 'Finance and admins: the latest daily exposure check; null before the first run and for the other roles.' }) exposureCheck!: HomeExposureCheckType | null;
  @Field(() => [HomeDecisionDayType], { description: 'The last 30 days, oldest first; credit analysts and admins, empty for the others.' }) decisionsPerDay!: HomeDecisionDayType[];
}
