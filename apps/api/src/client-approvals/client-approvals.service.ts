import { Inject, Injectable } from '@nestjs/common';
import { Clock, ConflictError, CountryCode, InvalidValueError, NotFoundError } from '@factoring/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineActor } from '../audit/timeline.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import { CLOCK } from '../collection/clock';
import { recordClientSteps } from '../invoices/client-steps';
import { ClientApprovalError } from './client-approval-errors';
import { APPROVAL_COLUMNS, ApprovalRow, ClientApprovals } from './client-approvals';
import {
  AnswerMyApprovalArgs,
  ClientApprovalAnsweredBy,
  ClientApprovalKind,
  ClientApprovalRequestType,
  ClientApprovalState,
  ClientApprovalType,
  RecordClientApprovalArgs,
} from './dto/client-approval.types';

interface ApprovalInvoiceRow {
  id: string;
  client_id: string;
  invoice_number: string;
  country: CountryCode;
}

const KIND_WORDS: Record<ClientApprovalKind, string> = { LATE_INTEREST_INVOICE: 'late-interest invoice', COLLECTION_HANDOFF: 'collection handoff' };

/**
 * The answers to the client's approvals: the client's own through the integration API (its
 * invoice only: another client's is as unknown as a missing one), or one the client gave by
 * phone, recorded by collection staff with how it was given. An answer is final; two answers
 * at once: the first wins, the other is a CONFLICT. Each answer is a step the client reads and
 * an event (`invoice.approval_answered`); the follow-up or the handoff acts on it at its next step.
 */
@Injectable()
export class ClientApprovalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly approvals: ClientApprovals,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async answerByClient(clientId: string, args: AnswerMyApprovalArgs): Promise<ClientApprovalRequestType> {
    await this.uow.transaction(async (tx) => {
      const invoice = await this.lockInvoice(tx, args.invoiceId, clientId);
      const approval = await this.approvals.find(tx, invoice.id, args.kind, true);
      if (!approval) {
        throw new NotFoundError(ClientApprovalError.CLIENT_APPROVAL_NOT_FOUND, `Nothing on invoice ${invoice.invoice_number} waits for your approval of a ${KIND_WORDS[args.kind]}.`, { kind: args.kind });
      }
      await this.answer(tx, invoice, approval, args.approve, { type: 'CLIENT', id: clientId, name: null }, null);
      // The approval's id: the audit row's target (the unit of work records what the work returns).
      return approval.id;
    });
    const [row] = await this.myApprovals(clientId, { invoiceId: args.invoiceId, kind: args.kind });
    return row;
  }

  async recordByStaff(args: RecordClientApprovalArgs, by: StaffPrincipal): Promise<ClientApprovalType> {
    await this.uow.transaction(async (tx) => {
      if (!args.note?.trim()) throw new InvalidValueError(ClientApprovalError.CLIENT_APPROVAL_NOTE_EMPTY, 'Say how and by whom the client answered (e.g. by phone, with whom).', 'note');
      const invoice = await this.lockInvoice(tx, args.invoiceId, null);
      // Asked now if the follow-up has not asked yet (the client may call first); never where the agreement asks for none.
      const approval = await this.approvals.ask(tx, invoice, args.kind);
      if (!approval) {
        throw new ConflictError(ClientApprovalError.CLIENT_APPROVAL_NOT_NEEDED, `The agreement of invoice ${invoice.invoice_number}'s client asks for no approval of a ${KIND_WORDS[args.kind]}.`, { kind: args.kind });
      }
      const locked = (await this.approvals.find(tx, invoice.id, args.kind, true))!;
      await this.answer(tx, invoice, locked, args.approve, { type: 'STAFF', id: by.id, name: by.name }, args.note.trim());
      return locked.id;
    });
    return (await this.forInvoices([args.invoiceId])).get(args.invoiceId)!.find((a) => a.kind === args.kind)!;
  }

  /** The client's approvals, newest first: what waits for it (state ASKED) and what it answered. */
  async myApprovals(clientId: string, filter: { state?: ClientApprovalState | null; invoiceId?: string; kind?: ClientApprovalKind }): Promise<ClientApprovalRequestType[]> {
    const where = ['a.client_id = $1'];
    const params: unknown[] = [clientId];
    if (filter.state) where.push(`a.state = $${params.push(filter.state)}`);
    if (filter.invoiceId) where.push(`a.invoice_id = $${params.push(filter.invoiceId)}`);
    if (filter.kind) where.push(`a.kind = $${params.push(filter.kind)}`);
    return this.db.query(
      `SELECT a.id, a.invoice_id AS "invoiceId", i.invoice_number AS "invoiceNumber", a.kind, a.state, a.asked_on::text AS "askedOn",
              a.answered_at AS "answeredAt", a.answered_by_type AS "answeredBy"
         FROM client_approval a JOIN invoice i ON i.id = a.invoice_id
        WHERE ${where.join(' AND ')} ORDER BY a.asked_at DESC, a.id LIMIT 500`,
      params,
    );
  }

  /** The approvals of many invoices, for staff (one query per request: see common/batch-loader.ts). */
  async forInvoices(invoiceIds: readonly string[]): Promise<Map<string, ClientApprovalType[]>> {
    const rows: Array<ApprovalRow & { staff_name: string | null }> = await this.db.query(
      `SELECT ${APPROVAL_COLUMNS}, s.name AS staff_name FROM client_approval a LEFT JOIN staff_member s ON s.id = a.answered_by_staff
        WHERE a.invoice_id = ANY($1::uuid[]) ORDER BY a.asked_at, a.kind`,
      [invoiceIds],
    );
    const result = new Map<string, ClientApprovalType[]>();
    for (const row of rows) {
      const list = result.get(row.invoice_id) ?? [];
      list.push({
        id: row.id,
        invoiceId: row.invoice_id,
        kind: row.kind,
        state: row.state,
        agreementVersion: row.agreement_version,
        askedOn: row.asked_on,
        askedAt: row.asked_at,
        answeredAt: row.answered_at,
        answeredBy: row.answered_by_type as ClientApprovalAnsweredBy | null,
        recordedBy: row.answered_by_staff ? { id: row.answered_by_staff, name: row.staff_name ?? '' } : null,
        note: row.answer_note,
        version: row.version,
      });
      result.set(row.invoice_id, list);
    }
    return result;
  }

  private async answer(tx: EntityManager, invoice: ApprovalInvoiceRow, approval: ApprovalRow, approve: boolean, actor: TimelineActor, note: string | null): Promise<void> {
    if (approval.state !== ClientApprovalState.ASKED) {
      throw new ConflictError(ClientApprovalError.CLIENT_APPROVAL_ALREADY_ANSWERED, `The ${KIND_WORDS[approval.kind]} of invoice ${invoice.invoice_number} was already ${approval.state.toLowerCase()}; an answer is final.`, {
        state: approval.state,
      });
    }
    const state = approve ? ClientApprovalState.APPROVED : ClientApprovalState.DECLINED;
    await tx.query(
      `UPDATE client_approval SET state = $2, answered_at = $3, answered_by_type = $4, answered_by_staff = $5, answer_note = $6, version = version + 1 WHERE id = $1 AND state = 'ASKED'`,
      [approval.id, state, this.clock.now(), actor.type === 'STAFF' ? 'STAFF' : 'CLIENT', actor.type === 'STAFF' ? actor.id : null, note],
    );
    const how = actor.type === 'STAFF' ? ` (given by phone, recorded by ${actor.name})` : '';
    await recordClientSteps(tx, 'invoice.approval_answered', actor, [
      {
        invoiceId: invoice.id,
        code: approve ? 'APPROVAL_GIVEN' : 'APPROVAL_DECLINED',
        facts: { approvalKind: approval.kind, on: this.clock.today(invoice.country).toString() },
        reason: `The client ${approve ? 'approved' : 'declined'} the ${KIND_WORDS[approval.kind]}${how}`,
        details: { approvalKind: approval.kind, answeredBy: actor.type === 'STAFF' ? 'STAFF' : 'CLIENT', ...(note ? { typed: note } : {}) },
      },
    ]);
  }

  /** The invoice, locked; a client's key reaches only its own (another's reads as missing). */
  private async lockInvoice(tx: EntityManager, invoiceId: string, clientId: string | null): Promise<ApprovalInvoiceRow> {
    const [invoice] = await tx.query(`SELECT id, client_id, invoice_number, country FROM invoice WHERE id = $1 FOR UPDATE`, [invoiceId]);
    if (!invoice || (clientId !== null && invoice.client_id !== clientId)) {
      throw new NotFoundError(ClientApprovalError.CLIENT_APPROVAL_NOT_FOUND, `No invoice has the id ${invoiceId}.`);
    }
    return invoice;
  }
}
