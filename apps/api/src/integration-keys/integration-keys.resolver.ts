import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowRoles, ForIntegration } from '../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey, CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { ClientsService } from '../clients/clients.service';
import { ClientType } from '../clients/dto/client.types';
import { IntegrationKeysService } from './integration-keys.service';
import { IntegrationClientType, IntegrationKeyType, IssuedIntegrationKeyType, IssueKeyArgs, RevokeKeyArgs } from './integration-key.types';

@Resolver(() => ClientType)
export class IntegrationKeysResolver {
  constructor(
    private readonly keys: IntegrationKeysService,
    private readonly clients: ClientsService,
  ) {}

  @ResolveField(() => [IntegrationKeyType], { description: 'Keys issued to this client, newest first.' })
  integrationKeys(@Parent() client: ClientType) {
    return this.keys.keysOfClient(client.id);
  }

  @Mutation(() => IssuedIntegrationKeyType, { description: 'The key is in the answer once; only its hash is stored.' })
  @AllowRoles(Role.ADMIN)
  @AuditTarget('CLIENT')
  issueIntegrationKey(@Args() { clientId, label }: IssueKeyArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.keys.issue(clientId, label, me);
  }

  @Mutation(() => IntegrationKeyType)
  @AllowRoles(Role.ADMIN)
  @AuditTarget('INTEGRATION_KEY')
  revokeIntegrationKey(@Args() { id, reason }: RevokeKeyArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.keys.revoke(id, reason, me);
  }

  /** For the client's accounting program: its own client record, as the client may see it. */
  @Query(() => IntegrationClientType)
  @ForIntegration()
  async myClient(@CurrentClientKey() key: ClientKeyPrincipal): Promise<IntegrationClientType> {
    const client = await this.clients.client(key.clientId);
    return {
      id: client.id,
      country: client.country,
      currency: client.currency,
      organisationNumber: client.organisationNumber,
      legalName: client.legalName,
      state: client.state,
      canSellInvoices: client.state === 'ACTIVE',
      feePercent: client.agreement?.feePercent ?? null,
      feeFixed: client.agreement?.feeFixed ?? null,
      feeMinimum: client.agreement?.feeMinimum ?? null,
      vatRateOnFeePercent: client.agreement?.vatRateOnFeePercent ?? null,
      recourseModes: client.agreement?.recourseModes ?? [],
      payoutAccount: client.agreement?.payoutAccount ?? null,
    };
  }
}
