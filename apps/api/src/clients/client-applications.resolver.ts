import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { ClientApplicationsService } from './client-applications.service';
import {
  ApplicationIdArgs,
  ApproveApplicationArgs,
  ClaimNextArgs,
  ClientApplicationPageType,
  ClientApplicationsArgs,
  ClientApplicationType,
  RefuseApplicationArgs,
  SubmitApplicationArgs,
} from './dto/client.types';

@Resolver(() => ClientApplicationType)
export class ClientApplicationsResolver {
  constructor(private readonly applications: ClientApplicationsService) {}

  @Query(() => ClientApplicationPageType, { description: 'The applications queue, oldest first.' })
  @AllowRoles(Role.CREDIT_ANALYST, Role.ADMIN)
  clientApplications(@Args() args: ClientApplicationsArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.applications.applications(args, me.id, new Date());
  }

  @Query(() => ClientApplicationType)
  @AllowRoles(Role.CREDIT_ANALYST, Role.ADMIN)
  clientApplication(@Args() { id }: ApplicationIdArgs) {
    return this.applications.application(id, new Date());
  }

  @Mutation(() => ClientApplicationType, { description: 'Registers a company\'s application (e.g. taken by phone or from a partner form).' })
  @AllowRoles(Role.CREDIT_ANALYST, Role.ADMIN)
  @AuditTarget('CLIENT_APPLICATION')
  submitClientApplication(@Args() { input }: SubmitApplicationArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.applications.submit(input, me);
  }

  @Mutation(() => ClientApplicationType)
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CLIENT_APPLICATION')
  claimClientApplication(@Args() { id }: ApplicationIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.applications.claim(id, me);
  }

  @Mutation(() => ClientApplicationType, { nullable: true, description: 'Claims the oldest unclaimed pending application; none left answers null.' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CLIENT_APPLICATION')
  claimNextClientApplication(@Args() { country }: ClaimNextArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.applications.claimNext(country, me);
  }

  @Mutation(() => ClientApplicationType)
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CLIENT_APPLICATION')
  releaseClientApplication(@Args() { id }: ApplicationIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.applications.release(id, me);
  }

  @Mutation(() => ClientApplicationType, { description: 'Approves and makes the first agreement.' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CLIENT_APPLICATION')
  approveClientApplication(@Args() { id, terms, note }: ApproveApplicationArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.applications.approve(id, terms, note, me);
  }

  @Mutation(() => ClientApplicationType)
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CLIENT_APPLICATION')
  refuseClientApplication(@Args() { id, reasons, note }: RefuseApplicationArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.applications.refuse(id, reasons, note, me);
  }
}
