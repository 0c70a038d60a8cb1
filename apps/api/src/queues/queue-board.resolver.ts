import { Mutation, Resolver } from '@nestjs/graphql';
import { AuditTarget } from '../audit/audit.interceptor';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { QueueBoardService } from './queue-board.service';
import { QueueBoardLinkType } from './queue-board.types';

@Resolver()
export class QueueBoardResolver {
  constructor(private readonly board: QueueBoardService) {}

  @Mutation(() => QueueBoardLinkType, { description: 'A one-time link that signs you in to Bull Board (read-only) for 15 minutes.' })
  @AllowRoles(Role.ADMIN)
  @AuditTarget('QUEUE_BOARD_SESSION')
  openQueueBoard(@CurrentStaff() me: StaffPrincipal) {
    return this.board.openLink(me);
  }
}
