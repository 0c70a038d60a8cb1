import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { CreditWhatIfService } from './credit-what-if.service';
import { CreditWhatIfRunArgs, CreditWhatIfRunsArgs, CreditWhatIfRunType, StartCreditWhatIfArgs } from './credit-what-if.types';

/** Before publishing credit settings: how the recorded decisions would have come out (issue 9 i: a job of the worker). */
@Resolver(() => CreditWhatIfRunType)
export class CreditWhatIfResolver {
  constructor(private readonly whatIfs: CreditWhatIfService) {}

  @Mutation(() => CreditWhatIfRunType, {
    description:
      'Queues a replay of the most recent automatic decisions (at most 50 000) under candidate credit settings; follow it with creditWhatIfRun. ' +
      'The same what-if while it runs answers the running one; another one is a CONFLICT until it is done.',
  })
  @AllowRoles(Role.ADMIN)
  @AuditTarget('CREDIT_WHAT_IF_RUN')
  startCreditWhatIf(@Args() { country, value, days }: StartCreditWhatIfArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.whatIfs.start(me, { country, value, days });
  }

  @Query(() => CreditWhatIfRunType, { description: 'A what-if run: its status, progress and, once done, its result.' })
  @AllowRoles(Role.ADMIN)
  creditWhatIfRun(@Args() { id }: CreditWhatIfRunArgs) {
    return this.whatIfs.get(id);
  }

  @Query(() => [CreditWhatIfRunType], { description: 'The latest what-if runs, newest first.' })
  @AllowRoles(Role.ADMIN)
  creditWhatIfRuns(@Args() { country }: CreditWhatIfRunsArgs) {
    return this.whatIfs.latest(country);
  }
}
