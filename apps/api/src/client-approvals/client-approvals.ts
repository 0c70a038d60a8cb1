import { Inject, Injectable } from '@nestjs/common';
import { Clock, ConflictError, CountryCode } from '@factoring/domain';
import { EntityManager } from 'typeorm';
import { CLOCK } from '../collection/clock';
import { recordClientSteps } from '../invoices/client-steps';
import { ClientApprovalError } from './client-approval-errors';
import { ClientApprovalKind, ClientApprovalState } from './dto/client-approval.types';

export interface ApprovalRow {
  id: string;
  invoice_id: string;
  client_id: string;
  kind: ClientApprovalKind;
  state: ClientApprovalState;
  agreement_version: number;
  asked_on: string;
  asked_at: Date;
  answered_at: Date | null;
  answered_by_type: 'CLIENT' | 'STAFF' | null;
  answered_by_staff: string | null;
  answer_note: string | null;
  version: number;
}

export const APPROVAL_COLUMNS = `a.id, a.invoice_id, a.client_id, a.kind, a.state, a.agreement_version, a.asked_on::text, a.asked_at, a.answered_at,
  a.answered_by_type, a.answered_by_staff, a.answer_note, a.version`;

const TERM_COLUMN: Record<ClientApprovalKind, string> = {
  LATE_INTEREST_INVOICE: 'late_interest_needs_client_approval',
  COLLECTION_HANDOFF: 'collection_handoff_needs_client_approval',
};

/** The invoice an approval is about (the caller holds it FOR UPDATE, or only reads). */
export interface ApprovalInvoice {
  id: string;
  client_id: string;
  country: CountryCode;
}

/**
 * The client's approvals its agreement asks for (issue 15 s.2 and s.5, seed 003): a late-interest
 * invoice and a collection handoff each wait for the client when its agreement version in force
 * says so. Asked once per invoice and kind (the follow-up may run twice: the second ask finds the
 * first), with a step on the invoice's timeline and an event telling the client there is
 * something to approve; answered once (ClientApprovalsService). Used inside the callers'
 * transactions: the follow-up's letter and the collection handoff.
 */
@Injectable()
export class ClientApprovals {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** Whether the agreement version in force on `on` asks for this approval, and which version that is. */
  async term(tx: EntityManager, clientId: string, kind: ClientApprovalKind, on: string): Promise<{ needed: boolean; agreementVersion: number | null }> {
    const [row] = await tx.query(
      `SELECT version, ${TERM_COLUMN[kind]} AS needed FROM client_agreement WHERE client_id = $1
        ORDER BY (valid_from::date <= $2::date) DESC, version DESC LIMIT 1`,
      [clientId, on],
    );
    return { needed: Boolean(row?.needed), agreementVersion: row?.version ?? null };
  }

  async find(tx: EntityManager, invoiceId: string, kind: ClientApprovalKind, lock = false): Promise<ApprovalRow | null> {
    const [row] = await tx.query(`SELECT ${APPROVAL_COLUMNS} FROM client_approval a WHERE a.invoice_id = $1 AND a.kind = $2${lock ? ' FOR UPDATE' : ''}`, [invoiceId, kind]);
    return row ?? null;
  }

  /**
   * Asks the client, when its agreement wants it and it has not been asked: the row, the
   * client's step (APPROVAL_ASKED) and its event `invoice.approval_requested`. Returns the
   * approval (new or earlier), or null when none is needed and none was asked before.
   */
  async ask(tx: EntityManager, invoice: ApprovalInvoice, kind: ClientApprovalKind): Promise<ApprovalRow | null> {
    const earlier = await this.find(tx, invoice.id, kind);
    if (earlier) return earlier;
    const today = this.clock.today(invoice.country).toString();
    const term = await this.term(tx, invoice.client_id, kind, today);
    if (!term.needed || term.agreementVersion === null) return null;
    const [inserted] = await tx.query(
      `INSERT INTO client_approval (invoice_id, client_id, kind, agreement_version, asked_on, asked_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (invoice_id, kind) DO NOTHING RETURNING id`,
      [invoice.id, invoice.client_id, kind, term.agreementVersion, today, this.clock.now()],
    );
    if (inserted) {
      await recordClientSteps(tx, 'invoice.approval_requested', { type: 'SYSTEM', name: null }, [
        {
          invoiceId: invoice.id,
          code: 'APPROVAL_ASKED',
          facts: { approvalKind: kind, on: today },
          reason: `Waiting for the client's approval (${kind === 'COLLECTION_HANDOFF' ? 'collection handoff' : 'late-interest invoice'}), as agreement version ${term.agreementVersion} asks`,
          details: { approvalKind: kind, agreementVersion: term.agreementVersion },
        },
      ]);
    }
    return this.find(tx, invoice.id, kind);
  }

  /**
   * The follow-up's question before it charges late interest: true when no approval is needed or
   * the client approved; otherwise the client is asked (once) and the interest waits. Interest is
   * computed from the due date each time, so an approval given later charges all of it then.
   */
  async lateInterestMayBeCharged(tx: EntityManager, invoice: ApprovalInvoice): Promise<boolean> {
    const approval = await this.ask(tx, invoice, ClientApprovalKind.LATE_INTEREST_INVOICE);
    return !approval || approval.state === ClientApprovalState.APPROVED;
  }

  /** Without asking: whether late interest may be claimed (no approval needed by the agreement in force, or the client approved). */
  async lateInterestApproved(tx: EntityManager, invoice: ApprovalInvoice, on: string): Promise<boolean> {
    const term = await this.term(tx, invoice.client_id, ClientApprovalKind.LATE_INTEREST_INVOICE, on);
    if (!term.needed) return true;
    return (await this.find(tx, invoice.id, ClientApprovalKind.LATE_INTEREST_INVOICE))?.state === ClientApprovalState.APPROVED;
  }

  /**
   * The collection handoff's check: an invoice whose agreement asks for the client's approval is
   * handed off only once approved. Missing: a CONFLICT naming since when it waits (the caller
   * asks first, so the question stands even though the handoff is refused); declined: a CONFLICT
   * saying so. Returns the approval used, or null when none is needed.
   */
  assertHandoffApproved(approval: ApprovalRow | null, invoiceNumber: string): ApprovalRow | null {
    if (!approval || approval.state === ClientApprovalState.APPROVED) return approval;
    if (approval.state === ClientApprovalState.DECLINED) {
      throw new ConflictError(ClientApprovalError.CLIENT_APPROVAL_DECLINED, `The client declined handing invoice ${invoiceNumber} to collection: it stays with the factor's follow-up.`, {
        invoiceNumber,
        answeredAt: approval.answered_at,
      });
    }
    throw new ConflictError(ClientApprovalError.CLIENT_APPROVAL_MISSING, `Invoice ${invoiceNumber} waits for the client's approval of the handoff (asked on ${approval.asked_on}); its agreement asks for it.`, {
      invoiceNumber,
      askedOn: approval.asked_on,
    });
  }
}
