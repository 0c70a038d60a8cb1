import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { CollectionCasesService } from './collection-cases.service';
import {
  AgencyAnswerArgs,
  ApproveWriteOffArgs,
  CollectionCaseIdArgs,
  CollectionCasePageType,
  CollectionCasesArgs,
  CollectionCaseType,
  EscalateArgs,
  HandOffArgs,
  HandOffRecourseInvoiceArgs,
  WriteOffArgs,
} from './dto/collection-case.types';

/**
 * Collection cases (staff only). Collection staff hand off, escalate, record the agency's answers
 * and propose a write-off; finance approves or rejects it (four eyes); credit analysts and admins read.
 */
@Resolver(() => CollectionCaseType)
export class CollectionCasesResolver {
  constructor(private readonly service: CollectionCasesService) {}

  @Query(() => CollectionCasePageType, { description: 'Collection cases: the active ones (the handoff queue) by default, the oldest first. Steps are read on one case.' })
  @AllowRoles(Role.COLLECTION, Role.CREDIT_ANALYST, Role.FINANCE, Role.ADMIN)
  collectionCases(@Args() args: CollectionCasesArgs) {
    return this.service.page(args);
  }

  @Query(() => CollectionCaseType)
  @AllowRoles(Role.COLLECTION, Role.CREDIT_ANALYST, Role.FINANCE, Role.ADMIN)
  collectionCase(@Args() { id }: CollectionCaseIdArgs) {
    return this.service.one(id);
  }

  @Mutation(() => CollectionCaseType, { description: 'Hands a bought, unpaid, undisputed invoice to collection: the case with its claim, and the file for the agency.' })
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('COLLECTION_CASE')
  handOffToCollection(@Args() args: HandOffArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.handOff(args, me);
  }

  @Mutation(() => CollectionCaseType, { description: 'Hands a late, reminded recourse invoice to collection: a case against the client for what is still open of it, and the file for the agency.' })
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('COLLECTION_CASE')
  handOffRecourseInvoiceToCollection(@Args() args: HandOffRecourseInvoiceArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.handOffRecourseInvoice(args, me);
  }

  @Mutation(() => CollectionCaseType)
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('COLLECTION_CASE')
  claimCollectionCase(@Args() { id }: CollectionCaseIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.claim(id, me);
  }

  @Mutation(() => CollectionCaseType)
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('COLLECTION_CASE')
  releaseCollectionCase(@Args() { id }: CollectionCaseIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.release(id, me);
  }

  @Mutation(() => CollectionCaseType, { description: 'A payment order application (SE, Kronofogden), the forliksråd (NO), or enforcement, as a step with what it states.' })
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('COLLECTION_CASE')
  escalateCollectionCase(@Args() args: EscalateArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.escalate(args, me);
  }

  @Mutation(() => CollectionCaseType, { description: "Records the collection agency's answer as a step; the same reference twice is one step." })
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('COLLECTION_CASE')
  agencyAnswer(@Args() { input }: AgencyAnswerArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.agencyAnswer(input, me);
  }

  @Mutation(() => CollectionCaseType, { description: 'Collection gives up on an invoice bought without recourse: proposes the write-off for finance to approve.' })
  @AllowRoles(Role.COLLECTION)
  @AuditTarget('COLLECTION_CASE')
  proposeWriteOff(@Args() args: WriteOffArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.proposeWriteOff(args, me);
  }

  @Mutation(() => CollectionCaseType, { description: 'Finance approves a proposed write-off (never the proposer): the credit loss is booked and the exposure released.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('COLLECTION_CASE')
  approveWriteOff(@Args() args: ApproveWriteOffArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.approveWriteOff(args, me);
  }

  @Mutation(() => CollectionCaseType, { description: 'Finance sends a proposed write-off back to collection.' })
  @AllowRoles(Role.FINANCE)
  @AuditTarget('COLLECTION_CASE')
  rejectWriteOff(@Args() args: WriteOffArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.service.rejectWriteOff(args, me);
  }
}
