import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DecimalString } from '../../common/decimal.scalar';
import { ReasonType } from '../../common/dto/common.types';
import { RecourseMode } from '../../clients/dto/client.types';
import { ClientInvoiceStatus, CreditNoteType, InvoiceFactsType } from './invoice.types';

/*
 * What a client's accounting program reads (issue 9 c). These types are built from the same
 * facts as the staff's `Invoice` but hold only what the client may know: its own invoice, its
 * own agreement's terms, and sentences written for it (the plain facts are the shared
 * InvoiceFactsType). Credit decisions, figures behind them,
 * notes, staff names, the back office's status and other clients' invoices have no field here,
 * so no query can reach them; invoices.confidentiality.spec.ts walks every field to prove it.
 */

@ObjectType('ClientOfferTerms', { description: 'The terms of your agreement the offer was priced with.' })
export class ClientOfferTermsType {
  @Field(() => Int) agreementVersion!: number;
  @Field(() => DecimalString) feePercent!: string;
  @Field(() => DecimalString, { nullable: true }) feeFixed!: string | null;
  @Field(() => DecimalString, { nullable: true }) feeMinimum!: string | null;
  @Field(() => DecimalString) vatRateOnFeePercent!: string;
}

@ObjectType('ClientOffer', { description: 'Fee, VAT on the fee and what will be paid out.' })
export class ClientOfferType {
  @Field(() => DecimalString) amount!: string;
  @Field(() => DecimalString) fee!: string;
  @Field(() => DecimalString) vatOnFee!: string;
  @Field(() => DecimalString) payout!: string;
  @Field() currency!: string;
  @Field(() => [RecourseMode], { description: 'The recourse modes the agreement allows; choose one on acceptance.' }) recourseModes!: RecourseMode[];
  @Field({ description: 'If accepted now, paid out on this day (same or next business day).' }) plannedPayoutDate!: string;
  @Field() expiresAt!: Date;
  @Field(() => ClientOfferTermsType) terms!: ClientOfferTermsType;
}

@ObjectType('ClientInvoiceStep', { description: 'One step of the invoice\'s life, in the words written for you.' })
export class ClientInvoiceStepType {
  @Field() occurredAt!: Date;
  @Field({ description: 'What happened, as a name your program can switch on (OFFER_MADE, ACCEPT, PURCHASE, ...).' }) step!: string;
  @Field(() => ClientInvoiceStatus, { description: 'The status the step left the invoice in.' }) status!: ClientInvoiceStatus;
  @Field() en!: string;
  @Field() sv!: string;
  @Field() nb!: string;
  @Field(() => [ReasonType], { description: 'Why, when the step has reasons (a refusal, a denial).' }) reasons!: ReasonType[];
  @Field(() => String, { nullable: true, description: 'The factor\'s question, when the step asks you for information.' }) question!: string | null;
  // The facts of a step after the sale (issue 15 s.7): only your own invoice's, never the factor's figures.
  @Field(() => DecimalString, { nullable: true, description: 'An amount the step is about: a partial payment, a payment to you, a recourse invoice, a disputed amount.' }) amount?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => String, { nullable: true, description: 'The day it happened (YYYY-MM-DD), e.g. the day a reminder was sent.' }) on?: string | null;
  @Field(() => String, { nullable: true, description: 'By when: the debtor\'s new pay-by day after a reminder, or your recourse invoice\'s due date (YYYY-MM-DD).' }) dueDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Your recourse invoice\'s OCR (Sweden) or KID (Norway).' }) reference?: string | null;
  @Field(() => String, { nullable: true, description: 'Which approval the step asks or answers: LATE_INTEREST_INVOICE or COLLECTION_HANDOFF.' }) approvalKind?: string | null;
}

@ObjectType('ClientInvoice', { description: 'One of your invoices, as you offered it, with where it is now.' })
export class ClientInvoiceType extends InvoiceFactsType {
  @Field(() => ClientInvoiceStatus) status!: ClientInvoiceStatus;
  @Field(() => [ReasonType], { description: 'Why the invoice is where it is (every reason, not just the first): a refusal, a denial, a check before the offer.' })
  reasons!: ReasonType[];
  @Field(() => ClientOfferType, { nullable: true }) offer!: ClientOfferType | null;
  @Field(() => ID, { nullable: true, description: 'The earlier attempt to sell this invoice number, when this one corrects it.' }) previousAttemptId!: string | null;
}

@ObjectType('ClientInvoicePage')
export class ClientInvoicePageType {
  @Field(() => [ClientInvoiceType]) items!: ClientInvoiceType[];
  @Field(() => Int) total!: number;
}

/** Kept with the client types: the credit note is the client's own document. */
export { CreditNoteType };
