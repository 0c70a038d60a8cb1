import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowRoles, AnyStaff } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { ClientsService } from './clients.service';
import { ClientBlockArgs } from './dto/client-block.args';
import { ClientAgreementType, ClientIdArgs, ClientPageType, ClientReasonArgs, ClientsArgs, ClientType, UpdateAgreementArgs } from './dto/client.types';

@Resolver(() => ClientType)
export class ClientsResolver {
  constructor(private readonly service: ClientsService) {}

  @Query(() => ClientPageType)
  @AnyStaff()
  clients(@Args() args: ClientsArgs) {
    return this.service.clients(args);
  }

  @Query(() => ClientType)
  @AnyStaff()
  client(@Args() { id }: ClientIdArgs) {
    return this.service.client(id);
  }

  @ResolveField(() => [ClientAgreementType], { description: 'Every agreement version, newest first.' })
  async agreementHistory(@Parent() client: ClientType) {
    return this.service.agreementHistory(client.id);
  }

  @Mutation(() => ClientType, { description: 'Stops the client from selling invoices until unblocked.' })
  @AllowRoles(Role.CREDIT_ANALYST, Role.ADMIN)
  @AuditTarget('CLIENT')
  blockClient(@Args() { id, reason, blockReason }: ClientBlockArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.block(id, blockReason ?? 'OTHER', reason, me);
  }

  @Mutation(() => ClientType, { description: 'Lifts one block reason; the client sells again once none is left.' })
  @AllowRoles(Role.CREDIT_ANALYST, Role.ADMIN)
  @AuditTarget('CLIENT')
  unblockClient(@Args() { id, reason, blockReason }: ClientBlockArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.unblock(id, blockReason, reason, me);
  }

  @Mutation(() => ClientType)
  @AllowRoles(Role.ADMIN)
  @AuditTarget('CLIENT')
  terminateClient(@Args() { id, reason }: ClientReasonArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.terminate(id, reason, me);
  }

  @Mutation(() => ClientType, { description: 'Adds an agreement version (fees, limit, accounts, preferences).' })
  @AllowRoles(Role.ADMIN)
  @AuditTarget('CLIENT')
  updateClientAgreement(@Args() { id, terms, expectedVersion, reason }: UpdateAgreementArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.updateAgreement(id, terms, expectedVersion, reason, me);
  }
}
