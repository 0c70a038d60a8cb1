import { Args, Context, Field, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { batchLoader } from '../common/batch-loader';
import { ClientType } from '../clients/dto/client.types';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { InvoiceType } from '../invoices/dto/invoice.types';
import { VerifiedDebtorContactType } from '../debtors/dto/debtor.types';
import { CreditReviewsService } from './credit-reviews.service';
import {
  ClaimNextReviewArgs,
  CreditDecisionType,
  CreditReviewPageType,
  CreditReviewsArgs,
  CreditReviewStoryType,
  CreditReviewType,
  DenyReviewArgs,
  ReviewIdArgs,
  ReviewNoteArgs,
  ReviewRequiredNoteArgs,
  SpotCheckOutcomeArgs,
} from './dto/review.types';

@Resolver(() => CreditReviewType)
export class CreditReviewsResolver {
  constructor(private readonly reviews: CreditReviewsService) {}

  @Query(() => CreditReviewPageType, { description: 'The manual-assessment and spot-check queues, oldest first.' })
  @AllowRoles(Role.CREDIT_ANALYST, Role.ADMIN)
  creditReviews(@Args() args: CreditReviewsArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.reviews.list(args, me);
  }

  @ResolveField(() => [VerifiedDebtorContactType], { description: 'Contacts of the debtor an analyst verified, newest first: a spot check is confirmed on one of these.' })
  verifiedContacts(@Parent() review: CreditReviewType, @Context() context: object) {
    if (!review.debtorId) return [];
    return batchLoader(context, 'debtor.verifiedContacts', (ids) => this.reviews.verifiedContacts(ids), []).load(review.debtorId);
  }

  @ResolveField(() => CreditReviewStoryType, {
    description: 'Why the item is here now and what happened since: the spot check before it or the item after it, calls, question and answer, a paused clock, the exposure now. Ask it of one item, not a list.',
  })
  story(@Parent() review: CreditReviewType) {
    return this.reviews.story(review.id);
  }

  @Query(() => CreditReviewType)
  @AllowRoles(Role.CREDIT_ANALYST, Role.ADMIN)
  creditReview(@Args() { id }: ReviewIdArgs) {
    return this.reviews.get(id);
  }

  @Mutation(() => CreditReviewType)
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CREDIT_REVIEW')
  claimCreditReview(@Args() { id }: ReviewIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.reviews.claim(id, me);
  }

  @Mutation(() => CreditReviewType, { nullable: true, description: 'The oldest unclaimed item of the queue; null when none is left.' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CREDIT_REVIEW')
  claimNextCreditReview(@Args() { kind }: ClaimNextReviewArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.reviews.claimNext(kind, me);
  }

  @Mutation(() => CreditReviewType, { description: 'Gives the item back to the queue.' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CREDIT_REVIEW')
  releaseCreditReview(@Args() { id }: ReviewIdArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.reviews.release(id, me);
  }

  @Mutation(() => CreditReviewType, { description: 'Buys the invoice, if the limits allow it.' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CREDIT_REVIEW')
  approveCreditReview(@Args() { id, note }: ReviewNoteArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.reviews.approve(id, note, me);
  }

  @Mutation(() => CreditReviewType)
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CREDIT_REVIEW')
  denyCreditReview(@Args() { id, note, reasons }: DenyReviewArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.reviews.deny(id, note, reasons, me);
  }

  @Mutation(() => CreditReviewType, { description: 'Stops the clock until the client answers.' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CREDIT_REVIEW')
  askClientForInformation(@Args() { id, note }: ReviewRequiredNoteArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.reviews.askClient(id, note, me);
  }

  @Mutation(() => CreditReviewType)
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CREDIT_REVIEW')
  resumeCreditReview(@Args() { id, note }: ReviewRequiredNoteArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.reviews.resume(id, note, me);
  }

  @Mutation(() => CreditReviewType, { description: 'What the debtor said on the spot-check call.' })
  @AllowRoles(Role.CREDIT_ANALYST)
  @AuditTarget('CREDIT_REVIEW')
  recordSpotCheckOutcome(@Args() { id, outcome, note, deny }: SpotCheckOutcomeArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.reviews.recordSpotCheck(id, outcome, note, deny, me);
  }
}

@ObjectType('SpotCheckRate', { description: "A client's spot checks: how many of its automatic decisions were picked." })
class SpotCheckRateType {
  @Field(() => Int) decisions!: number;
  @Field(() => Int) selected!: number;
  @Field(() => String, { nullable: true, description: 'selected / decisions, 6 decimals; null before the first decision.' }) achieved!: string | null;
  @Field({ description: 'The rate the rules give its next invoice.' }) expectedNext!: string;
}

@Resolver(() => ClientType)
export class ClientSpotCheckResolver {
  constructor(private readonly reviews: CreditReviewsService) {}

  @ResolveField(() => SpotCheckRateType)
  spotCheckRate(@Parent() client: ClientType) {
    return this.reviews.spotCheckRate(client.id, client.country, client.agreement?.spotCheckIntensity ?? 'NORMAL');
  }
}

@Resolver(() => InvoiceType)
export class InvoiceCreditResolver {
  constructor(private readonly reviews: CreditReviewsService) {}

  @ResolveField(() => [CreditDecisionType], { description: 'Every credit decision on the invoice, with its reasons and figures.' })
  creditDecisions(@Parent() invoice: InvoiceType, @Context() context: object) {
    return batchLoader(context, 'invoice.creditDecisions', (ids) => this.reviews.decisions(ids), []).load(invoice.id);
  }
}


