import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
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

  @Mutation(() => RecourseInvoiceType)
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('RECOURSE_INVOICE')
  claimRecourseInvoice(@Args() { id }: RecourseInvoiceIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.recourse.claim(id, me);
  }

  @Mutation(() => RecourseInvoiceType)
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('RECOURSE_INVOICE')
  releaseRecourseInvoice(@Args() { id }: RecourseInvoiceIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.recourse.release(id, me);
  }
}
