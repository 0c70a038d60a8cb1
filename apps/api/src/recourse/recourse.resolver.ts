import { Args, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { Role } from '../auth/role';
import { RecourseInvoiceIdArgs, RecourseInvoicePageType, RecourseInvoicesArgs, RecourseInvoiceType } from './dto/recourse.types';
import { RecourseService } from './recourse.service';

/** The recourse-invoice queue (staff only): collection works it, finance and admins read it. */
@Resolver(() => RecourseInvoiceType)
export class RecourseResolver {
  constructor(private readonly recourse: RecourseService) {}

  @Query(() => RecourseInvoicePageType, { description: 'Recourse invoices, open ones by default, the earliest due first.' })
  @AllowRoles(Role.COLLECTION, Role.FINANCE, Role.ADMIN)
  recourseInvoices(@Args() args: RecourseInvoicesArgs) {
    return this.recourse.page(args);
  }

  @Query(() => RecourseInvoiceType)
  @AllowRoles(Role.COLLECTION, Role.FINANCE, Role.ADMIN)
  recourseInvoice(@Args() { id }: RecourseInvoiceIdArgs) {
    return this.recourse.one(id);
  }
}
