import { Args, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { Role } from '../auth/role';
import { OverdueAgingType, OverdueInvoicePageType, OverdueInvoicesArgs } from './dto/overdue.types';
import { OverdueService } from './overdue.service';

/**
 * Collection's reads (issue 15 s.8, staff only: the client never reads these types). Collection
 * staff work the queue; finance and admins read it (overdue receivables weigh on the books).
 */
@Resolver()
export class CollectionResolver {
  constructor(private readonly overdue: OverdueService) {}

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
}
