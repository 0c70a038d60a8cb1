import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DecimalString } from '../../common/decimal.scalar';
import { Country, ReasonType } from '../../common/dto/common.types';
import { RecourseMode } from '../../clients/dto/client.types';
import { DeductionKind, InvoiceStatusEnum } from './invoice.inputs';

import { ClientInvoiceStatus } from './client-invoice-status';

export { ClientInvoiceStatus };

@ObjectType('InvoiceLine')
export class InvoiceLineType {
  @Field(() => Int) lineNumber!: number;
  @Field() description!: string;
  @Field(() => DecimalString) quantity!: string;
  @Field(() => DecimalString) unitPrice!: string;
  @Field(() => DecimalString) vatRatePercent!: string;
  @Field() reverseCharge!: boolean;
  @Field(() => DecimalString) net!: string;
}

@ObjectType('Offer', { description: 'Fee, VAT on the fee and what will be paid out.' })
export class OfferType {
  @Field(() => DecimalString) amount!: string;
  @Field(() => DecimalString) fee!: string;
  @Field(() => DecimalString) vatOnFee!: string;
  @Field(() => DecimalString) payout!: string;
  @Field() currency!: string;
  @Field(() => [RecourseMode], { description: 'The recourse modes the agreement allows; choose one on acceptance.' }) recourseModes!: RecourseMode[];
  @Field({ description: 'If accepted now, paid out on this day (same or next business day).' }) plannedPayoutDate!: string;
  @Field() expiresAt!: Date;
  @Field(() => GraphQLJSON, { description: 'The agreement terms and figures used.' }) terms!: unknown;
}

@ObjectType('PaymentInstructions', { description: 'What to print on the invoice once the offer is accepted: the factor’s account and OCR or KID reference, with the assignment notice.' })
export class PaymentInstructionsType {
  @Field({ description: 'OCR (Sweden) or KID (Norway).' }) reference!: string;
  @Field() referenceKind!: string;
  @Field({ description: "The factor's account the debtor pays to." }) account!: string;
  @Field() accountKind!: string;
}

@ObjectType('SuspectedDuplicate')
export class SuspectedDuplicateType {
  @Field(() => ID) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field() sameClient!: boolean;
  @Field() kind!: string;
}

/**
 * The facts of an invoice both a client and staff may read: what was offered for sale and the
 * money on it. The staff's `Invoice` and the client's `ClientInvoice` each add what only its
 * reader may see (issue 9 c); neither is built from the other.
 */
@ObjectType({ isAbstract: true })
export abstract class InvoiceFactsType {
  @Field(() => ID) id!: string;
  @Field() debtorName!: string;
  @Field(() => GraphQLJSON, { description: 'The debtor as submitted on the invoice.' }) debtor!: unknown;
  @Field() invoiceNumber!: string;
  @Field(() => Country) country!: Country;
  @Field() currency!: string;
  @Field() invoiceDate!: string;
  @Field() deliveryDate!: string;
  @Field() dueDate!: string;
  @Field(() => DecimalString) net!: string;
  @Field(() => DecimalString) vat!: string;
  @Field(() => DecimalString) rounding!: string;
  @Field(() => DecimalString) gross!: string;
  @Field(() => DeductionKind, { nullable: true }) deductionKind!: DeductionKind | null;
  @Field(() => DecimalString, { nullable: true }) deductionAmount!: string | null;
  @Field(() => DecimalString) payable!: string;
  @Field({ description: 'A reminder fee was agreed with the debtor when the debt arose (as submitted).' }) reminderFeeAgreed!: boolean;
  @Field(() => RecourseMode, { nullable: true }) recourseMode!: RecourseMode | null;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => PaymentInstructionsType, { nullable: true }) paymentInstructions!: PaymentInstructionsType | null;
  @Field(() => DecimalString) creditedAmount!: string;
  @Field(() => [InvoiceLineType]) lines!: InvoiceLineType[];
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('Invoice', { description: 'An invoice a client offered to sell.' })
export class InvoiceType extends InvoiceFactsType {
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field(() => ID, { nullable: true }) debtorId!: string | null;
  @Field(() => InvoiceStatusEnum, { description: 'The back office status.' }) status!: string;
  @Field(() => ClientInvoiceStatus, { description: 'The status as the client sees it.' }) clientStatus!: ClientInvoiceStatus;
  @Field(() => [ReasonType], { description: 'Why it was denied or sent for manual assessment; every reason, not just the first.' }) reasons!: ReasonType[];
  @Field(() => [SuspectedDuplicateType]) suspectedDuplicates!: SuspectedDuplicateType[];
  @Field(() => OfferType, { nullable: true }) offer!: OfferType | null;
}

@ObjectType('InvoicePage')
export class InvoicePageType {
  @Field(() => [InvoiceType]) items!: InvoiceType[];
  @Field(() => Int) total!: number;
}

@ObjectType('InvoiceTimelineEntry', { description: 'One thing that happened to an invoice, as the client may see it.' })
export class InvoiceTimelineEntryType {
  @Field() occurredAt!: Date;
  @Field(() => String, { nullable: true }) fromState!: string | null;
  @Field() toState!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('CreditNote')
export class CreditNoteType {
  @Field(() => ID) id!: string;
  @Field() creditNumber!: string;
  @Field(() => DecimalString) amount!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() createdAt!: Date;
}
