import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowRoles, AnyStaff } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { DeliveryService } from './delivery.service';
import {
  DeliveriesArgs,
  DeliveryActionArgs,
  DeliveryPageType,
  DeliveryType,
  FailedDeliveriesArgs,
  MarkPrintedArgs,
  PrintBatchArgs,
  PrintBatchType,
  PrintDayArgs,
  PrintDayType,
} from './dto/delivery.types';

/**
 * Deliveries of documents (staff only; a client reads its documents, not our mail log). Any member
 * of staff reads them; finance and collection send a failed one again or clear it from the queue;
 * finance makes the day's print batch and marks it printed.
 */
@Resolver(() => DeliveryType)
export class DeliveryResolver {
  constructor(private readonly service: DeliveryService) {}

  @Query(() => [DeliveryType], { description: 'The deliveries of an invoice or of a client, oldest first.' })
  @AnyStaff()
  deliveries(@Args() args: DeliveriesArgs) {
    return this.service.deliveries(args);
  }

  @Query(() => DeliveryPageType, { description: 'The failed-deliveries queue: e-mails refused and sent by post instead, and deliveries that failed; the oldest first.' })
  @AllowRoles(Role.FINANCE, Role.COLLECTION, Role.ADMIN)
  failedDeliveries(@Args() { page, perPage }: FailedDeliveriesArgs) {
    return this.service.failedDeliveries(page, perPage);
  }

  @Mutation(() => DeliveryType, { description: 'Sends a failed delivery again by its own channel (a new round of attempts) and takes it off the queue.' })
  @AllowRoles(Role.FINANCE, Role.COLLECTION)
  @AuditTarget('DOCUMENT_DELIVERY')
  retryDelivery(@Args() { id, version }: DeliveryActionArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.retry(id, version, me);
  }

  @Mutation(() => DeliveryType, { description: 'Takes a failed delivery off the queue: it has been seen to.' })
  @AllowRoles(Role.FINANCE, Role.COLLECTION)
  @AuditTarget('DOCUMENT_DELIVERY')
  clearDeliveryFlag(@Args() { id, version }: DeliveryActionArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.clearFlag(id, version, me);
  }
}

@Resolver(() => PrintBatchType)
export class PrintBatchResolver {
  constructor(private readonly service: DeliveryService) {}

  @Query(() => PrintDayType, { description: "A day's post: the letters waiting for a batch, and the day's print batches." })
  @AllowRoles(Role.FINANCE, Role.COLLECTION, Role.ADMIN)
  printDay(@Args() { day }: PrintDayArgs) {
    return this.service.printDay(day);
  }

  @Query(() => PrintBatchType)
  @AllowRoles(Role.FINANCE, Role.COLLECTION, Role.ADMIN)
  printBatch(@Args() { id }: PrintBatchArgs) {
    return this.service.printBatch(id);
  }

  @Mutation(() => PrintBatchType, { description: "Puts the day's waiting letters into one PDF to print (a new batch each time letters are waiting)." })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('PRINT_BATCH')
  makePrintBatch(@Args() { day }: PrintDayArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.makePrintBatch(day, me);
  }

  @Mutation(() => PrintBatchType, { description: 'The batch is printed and posted: its letters are marked printed.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('PRINT_BATCH')
  markPrintBatchPrinted(@Args() { id, version }: MarkPrintedArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.markPrinted(id, version, me);
  }

  @ResolveField(() => String, { description: 'The PDF, base64.' })
  contentBase64(@Parent() batch: PrintBatchType) {
    return this.service.printBatchContent(batch.id);
  }
}
