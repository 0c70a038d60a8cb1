import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { batchLoader } from '../common/batch-loader';
import { AllowRoles, AnyStaff } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { ClientType } from '../clients/dto/client.types';
import { DebtorsService } from './debtors.service';
import {
  ClientDebtorType,
  DebtorIdArgs,
  DebtorPageType,
  DebtorsArgs,
  DebtorType,
  MarkRelationArgs,
  RegisterDebtorArgs,
  SetClientDebtorTermsArgs,
  SetDebtorLimitArgs,
  RecordVerifiedContactArgs,
  VerifiedDebtorContactType,
} from './dto/debtor.types';

@Resolver(() => DebtorType)
export class DebtorsResolver {
  constructor(private readonly service: DebtorsService) {}

  @Query(() => DebtorPageType)
  @AnyStaff()
  debtors(@Args() args: DebtorsArgs) {
    return this.service.debtors(args);
  }

  @Query(() => DebtorType)
  @AnyStaff()
  debtor(@Args() { id }: DebtorIdArgs) {
    return this.service.debtor(id);
  }

  @ResolveField(() => [ClientDebtorType], { description: 'The clients that sell to this debtor, with the pair terms.' })
  clients(@Parent() debtor: DebtorType) {
    return this.service.pairsOfDebtor(debtor.id);
  }

  @Mutation(() => DebtorType)
  @AllowRoles(Role.CREDIT_ANALYST, Role.ADMIN)
  @AuditTarget('DEBTOR')
  registerDebtor(@Args() { input }: RegisterDebtorArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.register(input, me);
  }

  @ResolveField(() => [VerifiedDebtorContactType], { description: 'Contacts an analyst verified, newest first, with where each came from.' })
  verifiedContacts(@Parent() debtor: DebtorType, @Context() context: object) {
    return batchLoader(context, 'debtor.verifiedContacts', (ids) => this.service.verifiedContactsOf(ids), []).load(debtor.id);
  }

  @Mutation(() => VerifiedDebtorContactType, { description: 'Records a contact you found and checked yourself, and where it came from (before a spot check is confirmed on it).' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('DEBTOR')
  recordVerifiedDebtorContact(@Args() args: RecordVerifiedContactArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.recordVerifiedContact(args, me);
  }

  @Mutation(() => DebtorType, { description: 'Below the current exposure only with a reason.' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('DEBTOR')
  setDebtorLimit(@Args() args: SetDebtorLimitArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.setLimit(args, me);
  }

  @Mutation(() => ClientDebtorType)
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('DEBTOR')
  setClientDebtorTerms(@Args() args: SetClientDebtorTermsArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.setClientDebtorTerms(args, me);
  }

  @Mutation(() => ClientDebtorType, { description: 'Marks (or clears) a relation between client and debtor: their invoices are internal.' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('DEBTOR')
  markClientDebtorRelation(@Args() args: MarkRelationArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.markRelation(args, me);
  }
}

@Resolver(() => ClientType)
export class ClientDebtorsResolver {
  constructor(private readonly service: DebtorsService) {}

  @ResolveField(() => [ClientDebtorType], { description: 'The debtors this client sells to, with the pair terms.' })
  debtors(@Parent() client: ClientType) {
    return this.service.pairsOfClient(client.id);
  }
}
