import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { DecimalString } from '../common/decimal.scalar';

@ObjectType('DebtorPaymentStatistics', {
  description:
    'How a debtor pays, from the payments placed on its bought invoices (current as of the last match): days late are after the due date moved to the next business day, to the value date.',
})
export class DebtorPaymentStatisticsType {
  @Field(() => ID) debtorId!: string;
  @Field() currency!: string;
  @Field(() => Int, { description: 'Bought invoices fully paid.' }) invoicesPaid!: number;
  @Field(() => Int, { description: 'Of those, paid after the due date.' }) invoicesPaidLate!: number;
  @Field(() => DecimalString, { description: 'Share of the paid invoices paid late, in per cent (one decimal); 0 when none is paid.' }) sharePaidLatePercent!: string;
  @Field(() => DecimalString, { description: 'Average days late of the invoices paid late (one decimal).' }) averageDaysLate!: string;
  @Field(() => Int) maxDaysLate!: number;
  @Field(() => DecimalString, { nullable: true, description: 'Average days from the invoice date to the last payment (one decimal); null before the first paid invoice.' })
  averageDaysToPay!: string | null;
  @Field(() => DecimalString, { description: 'What is still open on its bought invoices.' }) outstanding!: string;
}

@ObjectType('IncomingPaymentsDay', { description: 'The incoming payments of one value day in one currency (notifications; statement entries are reconciled, not counted twice).' })
export class IncomingPaymentsDayType {
  @Field() day!: string;
  @Field() currency!: string;
  @Field(() => Int) count!: number;
  @Field(() => DecimalString) amount!: string;
  @Field(() => DecimalString, { description: 'Of the amount, what is still unplaced.' }) unplaced!: string;
}

@ArgsType()
export class DebtorPaymentStatisticsArgs {
  @Field(() => ID) @IsUUID() debtorId!: string;
}

@ArgsType()
export class IncomingPaymentsPerDayArgs {
  @Field(() => Int, { defaultValue: 30, description: 'How many days back from today (1 to 366).' }) @IsInt() @Min(1) @Max(366) days = 30;
}
