import { Inject, Injectable } from '@nestjs/common';
import { Args, ArgsType, Field, ID, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@factoring/domain';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { ForIntegration } from '../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey } from '../auth/principal';
import { CLOCK } from '../collection/clock';
import { DecimalString } from '../common/decimal.scalar';

export enum ClientRecourseInvoiceStatus {
  OPEN = 'OPEN',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ClientRecourseInvoiceStatus, { name: 'ClientRecourseInvoiceStatus', description: 'OPEN: to be paid by its due date; PAID; CANCELLED.' });

export enum ClientRecourseCause {
  DISPUTE = 'DISPUTE',
  CREDIT_NOTE = 'CREDIT_NOTE',
  UNPAID = 'UNPAID',
}
registerEnumType(ClientRecourseCause, {
  name: 'ClientRecourseCause',
  description: 'Why the invoice is bought back (seed 000): DISPUTE, the debtor disputed it; CREDIT_NOTE, you credited it after the payout; UNPAID, unpaid the agreed days after its due date.',
});

@ObjectType('ClientRecourseInvoice', { description: 'A recourse invoice (regressfaktura) to you: what you owe the factor for a bought-back invoice, by when, and the OCR (Sweden) or KID (Norway) to pay it with.' })
export class ClientRecourseInvoiceType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'Your invoice it buys back.' }) invoiceId!: string;
  @Field() invoiceNumber!: string;
  @Field(() => ClientRecourseCause) cause!: ClientRecourseCause;
  @Field(() => DecimalString) amount!: string;
  @Field(() => DecimalString, { description: 'What of it is paid.' }) paidAmount!: string;
  @Field() currency!: string;
  @Field({ description: 'YYYY-MM-DD.' }) issueDate!: string;
  @Field({ description: 'YYYY-MM-DD.' }) dueDate!: string;
  @Field({ description: 'The OCR (Sweden) or KID (Norway) to pay it with.' }) reference!: string;
  @Field(() => ClientRecourseInvoiceStatus) status!: ClientRecourseInvoiceStatus;
  @Field({ description: 'Open and past its due date, on the factor\'s today: paying late blocks selling (seed 000).' }) overdue!: boolean;
  @Field(() => String, { nullable: true, description: 'The day it was handed to collection (YYYY-MM-DD), while a collection case is open on it: pay it, or answer the collection agency.' })
  handedToCollectionOn!: string | null;
}

@ArgsType()
export class MyRecourseInvoicesArgs {
  @Field(() => ClientRecourseInvoiceStatus, { nullable: true }) @IsOptional() @IsIn(Object.values(ClientRecourseInvoiceStatus)) status?: ClientRecourseInvoiceStatus;
}

/** The client's own recourse invoices (issue 15 s.7): amount, due date, OCR/KID, status; never another client's, never the factor's figures. */
@Injectable()
export class MyRecourseInvoices {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(clientId: string, status?: ClientRecourseInvoiceStatus): Promise<ClientRecourseInvoiceType[]> {
    const params: unknown[] = [clientId, this.clock.today('SE').toString(), this.clock.today('NO').toString()];
    const byStatus = status ? ` AND r.status = $${params.push(status)}` : '';
    return this.db.query(
      `SELECT r.id, r.invoice_id AS "invoiceId", i.invoice_number AS "invoiceNumber", r.cause, r.amount::text, r.paid_amount::text AS "paidAmount", r.currency,
              r.issue_date::text AS "issueDate", r.due_date::text AS "dueDate", r.reference, r.status,
              (r.status = 'OPEN' AND r.due_date < CASE r.country WHEN 'SE' THEN $2::date ELSE $3::date END) AS overdue,
              -- The day only: nothing of the case (its staff, notes or the agency's answers) reaches the client.
              (SELECT k.claim_as_of::text FROM collection_case k WHERE k.recourse_invoice_id = r.id AND k.state NOT IN ('PAID','WRITTEN_OFF','CLOSED')) AS "handedToCollectionOn"
         FROM recourse_invoice r JOIN invoice i ON i.id = r.invoice_id
        WHERE r.client_id = $1${byStatus} ORDER BY r.issue_date DESC, r.created_at DESC, r.id LIMIT 500`,
      params,
    );
  }
}

@Resolver(() => ClientRecourseInvoiceType)
export class MyRecourseInvoicesResolver {
  constructor(private readonly recourse: MyRecourseInvoices) {}

  @Query(() => [ClientRecourseInvoiceType], { description: 'Your recourse invoices, newest first: amount, due date, OCR/KID and status.' })
  @ForIntegration()
  myRecourseInvoices(@Args() { status }: MyRecourseInvoicesArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.recourse.list(key.clientId, status);
  }
}
