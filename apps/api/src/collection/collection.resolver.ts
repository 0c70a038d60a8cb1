import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuditTarget } from '../audit/audit.interceptor';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { OverdueAgingType, OverdueInvoicePageType, OverdueInvoicesArgs } from './dto/overdue.types';
import { CollectionRoutineArgs, CollectionRoutineType, SetCollectionRoutineArgs } from './dto/routine.types';
import { OverdueService } from './overdue.service';
import { RoutinesService } from './routines.service';

/**
 * Collection's reads (issue 15 s.8, staff only: the client never reads these types). Collection
 * staff work the queue; finance and admins read it (overdue receivables weigh on the books).
 */
@Resolver()
export class CollectionResolver {
  constructor(
    private readonly overdue: OverdueService,
    private readonly routines: RoutinesService,
  ) {}

  @Query(() => OverdueInvoicePageType, { description: 'The collection queue: bought invoices past their due date with something owed, the longest overdue first.' })
  @AllowRoles(Role.COLLECTION, Role.FINANCE, Role.ADMIN)
  overdueInvoices(@Args() args: OverdueInvoicesArgs) {
    return this.overdue.page(args);
  }

  @Query(() => OverdueAgingType, { description: 'The aging chart: what is owed on bought invoices by days past due (current, 1-30, 31-60, 61-90, over 90), per currency.' })
  @AllowRoles(Role.COLLECTION, Role.FINANCE, Role.ADMIN)
  overdueAging() {
    return this.overdue.aging();
  }

  @Query(() => CollectionRoutineType, { description: "The follow-up's days in force today for a client in a country: its own, else the factor's default." })
  @AllowRoles(Role.COLLECTION, Role.FINANCE, Role.ADMIN)
  collectionRoutine(@Args() { clientId, country }: CollectionRoutineArgs) {
    return this.routines.inForce(clientId, country);
  }

  @Mutation(() => CollectionRoutineType, { description: "Records the client's own collection routine from a day (seed 003: the client decides its routines), checked against the law." })
  @AllowRoles(Role.COLLECTION, Role.ADMIN)
  @AuditTarget('CLIENT')
  setCollectionRoutine(@Args() { input }: SetCollectionRoutineArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.routines.set(input, me);
  }
}
