import { Args, ArgsType, Field, ObjectType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { Country, StaffRefType } from '../common/dto/common.types';
import { LedgerPeriods } from './ledger-periods';

@ObjectType('LedgerPeriod', { description: 'A month of a book; once closed it takes no new entries.' })
class LedgerPeriodType {
  @Field(() => Country) book!: Country;
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => StaffRefType, { nullable: true }) closedBy!: StaffRefType | null;
}

@ArgsType()
class BookArgs {
  @Field(() => Country) @IsEnum(Country) book!: Country;
}

@ArgsType()
class ClosePeriodArgs extends BookArgs {
  @Field({ description: 'The month to close, YYYY-MM; it must have ended.' }) @IsString() month!: string;
}

@Resolver()
export class LedgerPeriodsResolver {
  constructor(private readonly periods: LedgerPeriods) {}

  @Query(() => [LedgerPeriodType], { description: 'The months of a book that finance has touched, newest first, with who closed them.' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  ledgerPeriods(@Args() { book }: BookArgs) {
    return this.periods.periods(book);
  }

  @Mutation(() => LedgerPeriodType, { description: 'Closes an ended month of a book once the accountant has it: no entry can be dated in it afterwards.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('LEDGER_PERIOD')
  closeLedgerPeriod(@Args() { book, month }: ClosePeriodArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.periods.close(book, month, me);
  }
}
