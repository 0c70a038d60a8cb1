import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { DisputesService } from './disputes.service';
import { DisputeIdArgs, DisputePageType, DisputesArgs, DisputeType, RegisterDisputeArgs, ResolveDisputeArgs, UpdateDisputeStepArgs } from './dto/dispute.types';

/**
 * The dispute queue (staff only; the client hears of a dispute through its invoice's events).
 * Collection staff act; credit analysts, finance and admins read (a dispute weighs on credit
 * decisions and on the books).
 */
@Resolver(() => DisputeType)
export class DisputesResolver {
  constructor(private readonly service: DisputesService) {}

  @Query(() => DisputePageType, { description: 'Disputes: the open ones (the queue) by default, the oldest first.' })
  @AllowRoles(Role.COLLECTION, Role.CREDIT_ANALYST, Role.FINANCE, Role.ADMIN)
  disputes(@Args() args: DisputesArgs) {
    return this.service.page(args);
  }

  @Query(() => DisputeType)
  @AllowRoles(Role.COLLECTION, Role.CREDIT_ANALYST, Role.FINANCE, Role.ADMIN)
  dispute(@Args() { id }: DisputeIdArgs) {
    return this.service.one(id);
  }

  @Mutation(() => DisputeType, { description: 'Registers a debtor\'s dispute (by phone, e-mail or letter) of a bought invoice: no reminders while it is open.' })
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('DISPUTE')
  registerDispute(@Args() { input }: RegisterDisputeArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.register(input, me);
  }

  @Mutation(() => DisputeType)
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('DISPUTE')
  claimDispute(@Args() { id }: DisputeIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.claim(id, me);
  }

  @Mutation(() => DisputeType)
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('DISPUTE')
  releaseDispute(@Args() { id }: DisputeIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.release(id, me);
  }

  @Mutation(() => DisputeType, { description: 'Sets the next step of an open dispute and when it is due.' })
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('DISPUTE')
  updateDisputeStep(@Args() args: UpdateDisputeStepArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.updateStep(args, me);
  }

  @Mutation(() => DisputeType, { description: 'Ends a dispute: withdrawn by the debtor, credited by the client, or bought back by the client (recourse).' })
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('DISPUTE')
  resolveDispute(@Args() args: ResolveDisputeArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.resolve(args, me);
  }
}
