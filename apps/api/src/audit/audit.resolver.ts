import { Args, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles, AnyStaff } from '../auth/access.decorators';
import { Role } from '../auth/role';
import { AuditQueries } from './audit.queries';
import { AuditEntriesArgs, AuditEntryIdArgs, AuditEntryPageType, AuditEntryType, TimelineArgs, TimelineEventType } from './dto/audit.types';
import { TimelineService } from './timeline.service';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly queries: AuditQueries,
    private readonly timelines: TimelineService,
  ) {}

  @Query(() => AuditEntryPageType, { description: 'The audit trail, newest first by default.' })
  @AllowRoles(Role.ADMIN)
  auditEntries(@Args() args: AuditEntriesArgs) {
    return this.queries.list(args);
  }

  @Query(() => AuditEntryType)
  @AllowRoles(Role.ADMIN)
  auditEntry(@Args() { id }: AuditEntryIdArgs) {
    return this.queries.get(id);
  }

  @Query(() => [TimelineEventType], { description: 'Every state change of one item, oldest first.' })
  @AnyStaff()
  timeline(@Args() { entityType, entityId }: TimelineArgs) {
    return this.timelines.history(entityType, entityId);
  }
}
