import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLIENT_STEPS, ClientStepFacts, InvoiceEvent, invoiceTransition, isClientStep, NotFoundError } from '@factoring/domain';
import { DataSource, EntityManager } from 'typeorm';
import { groupBy } from '../common/batch-loader';
import { ReasonType } from '../common/dto/common.types';
import { ClientInvoiceStatus, CreditNoteType, InvoiceTimelineEntryType, InvoiceType } from './dto/invoice.types';
import { ClientInvoiceStepType, ClientInvoiceType } from './dto/client-invoice.types';
import { ClientInvoicesArgs, InvoicesArgs } from './dto/invoice.inputs';
import { CLIENT_STATUS } from './invoice-status';
import { InvoiceError } from './invoice-errors';

/** Amounts are read as text (numeric::text) so they never pass through a float. */
const SELECT = `
  SELECT i.id, i.client_id, c.legal_name AS client_name, i.debtor_id, i.debtor, i.invoice_number, i.country, i.currency,
         i.invoice_date::text, i.delivery_date::text, i.due_date::text,
         i.net::text, i.vat::text, i.rounding::text, i.gross::text, i.deduction_kind, i.deduction_amount::text, i.payable::text, i.reminder_fee_agreed,
         i.status, i.eligibility, i.fee::text, i.vat_on_fee::text, i.payout::text, i.offer_terms, i.offer_expires_at,
         i.recourse_mode, i.accepted_at, i.planned_payout_date::text, i.payment_reference, i.credited_amount::text,
         i.previous_attempt_id, i.created_at, i.updated_at, i.version
    FROM invoice i JOIN client c ON c.id = i.client_id`;

/**
 * The client's reasons are those of the newest step that gave it some (written for the client by
 * the step's author: the rules, the credit decision, an analyst's chosen denial reasons).
 */
const CLIENT_SELECT = SELECT.replace(
  '    FROM invoice i',
  `, (SELECT t.details->'forClient'->'reasons' FROM timeline_event t
            WHERE t.entity_type = 'INVOICE' AND t.entity_id = i.id AND t.details->'forClient' ? 'reasons' ORDER BY t.id DESC LIMIT 1) AS client_reasons
    FROM invoice i`,
);

const SORT: Record<string, string> = { createdAt: 'i.created_at', invoiceDate: 'i.invoice_date', dueDate: 'i.due_date', payable: 'i.payable' };

export interface InvoiceRow {
  id: string;
  client_id: string;
  client_name: string;
  debtor_id: string | null;
  debtor: { name: string } & Record<string, unknown>;
  invoice_number: string;
  country: InvoiceType['country'];
  currency: string;
  invoice_date: string;
  delivery_date: string;
  due_date: string;
  net: string;
  vat: string;
  rounding: string;
  gross: string;
  deduction_kind: InvoiceType['deductionKind'];
  deduction_amount: string | null;
  payable: string;
  reminder_fee_agreed: boolean;
  status: string;
  eligibility: { reasons: ReasonType[]; suspectedDuplicates: InvoiceType['suspectedDuplicates'] };
  fee: string | null;
  vat_on_fee: string | null;
  payout: string | null;
  offer_terms: { recourseModes: InvoiceType['recourseMode'][]; plannedPayoutDate: string; paymentAccount: { kind: string; account: string } } & Record<string, unknown>;
  offer_expires_at: Date | null;
  recourse_mode: InvoiceType['recourseMode'];
  accepted_at: Date | null;
  planned_payout_date: string | null;
  payment_reference: string | null;
  credited_amount: string;
  previous_attempt_id: string | null;
  client_reasons?: ReasonType[] | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

@Injectable()
export class InvoicesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One invoice; with `clientId`, only if it is that client's (a key never sees another client's invoice). */
  async invoice(id: string, clientId?: string, manager: EntityManager = this.db.manager): Promise<InvoiceType> {
    const rows: InvoiceRow[] = await manager.query(`${SELECT} WHERE i.id = $1 ${clientId ? 'AND i.client_id = $2' : ''}`, clientId ? [id, clientId] : [id]);
    if (!rows[0]) throw new NotFoundError(InvoiceError.INVOICE_NOT_FOUND, `No invoice has the id ${id}.`);
    const lines = await this.lines([id], manager);
    return toInvoice(rows[0], lines.get(id) ?? []);
  }

  async invoices(args: InvoicesArgs, clientId?: string): Promise<{ items: InvoiceType[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const f = args.filter ?? {};
    if (clientId) where.push(`i.client_id = $${params.push(clientId)}`);
    if (f.clientId) where.push(`i.client_id = $${params.push(f.clientId)}`);
    if (f.status) where.push(`i.status = $${params.push(f.status)}`);
    if (f.debtorId) where.push(`i.debtor_id = $${params.push(f.debtorId)}`);
    if (f.country) where.push(`i.country = $${params.push(f.country)}`);
    if (f.amountFrom) where.push(`i.payable >= $${params.push(f.amountFrom)}`);
    if (f.amountTo) where.push(`i.payable <= $${params.push(f.amountTo)}`);
    if (f.dateFrom) where.push(`i.invoice_date >= $${params.push(f.dateFrom)}`);
    if (f.dateTo) where.push(`i.invoice_date <= $${params.push(f.dateTo)}`);
    if (f.q) {
      const n = params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(i.invoice_number ILIKE $${n} OR c.legal_name ILIKE $${n} OR i.debtor->>'name' ILIKE $${n})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM invoice i JOIN client c ON c.id = i.client_id ${clause}`, params);
    const rows: InvoiceRow[] = await this.db.query(
      `${SELECT} ${clause} ORDER BY ${SORT[args.sortField] ?? 'i.created_at'} ${args.sortOrder === 'ASC' ? 'ASC' : 'DESC'}, i.id
       LIMIT ${args.perPage} OFFSET ${args.page * args.perPage}`,
      params,
    );
    const lines = await this.lines(rows.map((r) => r.id), this.db.manager);
    return { items: rows.map((row) => toInvoice(row, lines.get(row.id) ?? [])), total };
  }

  /** One of the client's invoices as the client sees it (issue 9 c); another client's is NOT_FOUND. */
  async clientInvoice(id: string, clientId: string): Promise<ClientInvoiceType> {
    const rows: InvoiceRow[] = await this.db.query(`${CLIENT_SELECT} WHERE i.id = $1 AND i.client_id = $2`, [id, clientId]);
    if (!rows[0]) throw new NotFoundError(InvoiceError.INVOICE_NOT_FOUND, `You have no invoice with the id ${id}.`);
    const lines = await this.lines([id], this.db.manager);
    return toClientInvoice(rows[0], lines.get(id) ?? []);
  }

  async clientInvoices(args: ClientInvoicesArgs, clientId: string): Promise<{ items: ClientInvoiceType[]; total: number }> {
    const where = [`i.client_id = $1`];
    const params: unknown[] = [clientId];
    const f = args.filter ?? {};
    if (f.status) where.push(`i.status = ANY($${params.push(statusesShownAs(f.status))})`);
    if (f.dateFrom) where.push(`i.invoice_date >= $${params.push(f.dateFrom)}`);
    if (f.dateTo) where.push(`i.invoice_date <= $${params.push(f.dateTo)}`);
    if (f.q) {
      const n = params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(i.invoice_number ILIKE $${n} OR i.debtor->>'name' ILIKE $${n})`);
    }
    const clause = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM invoice i ${clause}`, params);
    const rows: InvoiceRow[] = await this.db.query(
      `${CLIENT_SELECT} ${clause} ORDER BY ${SORT[args.sortField] ?? 'i.created_at'} ${args.sortOrder === 'ASC' ? 'ASC' : 'DESC'}, i.id
       LIMIT ${args.perPage} OFFSET ${args.page * args.perPage}`,
      params,
    );
    const lines = await this.lines(rows.map((r) => r.id), this.db.manager);
    return { items: rows.map((row) => toClientInvoice(row, lines.get(row.id) ?? [])), total };
  }

  /**
   * The steps the lifecycle marks as the client's, and the later steps written as the client's
   * (details.clientStep, issue 15 s.7: reminders, disputes, recourse invoices, collection,
   * payments, approvals), in the words written for the client with only the facts kept for it
   * (details.forClient); never the staff's note or figures. One query for many invoices.
   */
  async clientTimelines(invoiceIds: readonly string[]): Promise<Map<string, ClientInvoiceStepType[]>> {
    const rows: Array<{
      entity_id: string;
      occurred_at: Date;
      to_state: string;
      details: { event?: InvoiceEvent; clientStep?: string; forClient?: { reasons?: ReasonType[]; question?: string } & ClientStepFacts };
    }> = await this.db.query(
      `SELECT entity_id, occurred_at, to_state, details FROM timeline_event
        WHERE entity_type = 'INVOICE' AND entity_id = ANY($1) AND (details->>'clientVisible' = 'true' OR details ? 'clientStep') ORDER BY entity_id, id`,
      [invoiceIds],
    );
    const steps = rows.flatMap((row): Array<{ invoiceId: string; step: ClientInvoiceStepType }> => {
      const code = row.details.clientStep;
      if (code && isClientStep(code)) {
        const facts = row.details.forClient ?? {};
        const fact = (key: keyof ClientStepFacts) => (typeof facts[key] === 'string' ? (facts[key] as string) : null);
        return [
          {
            invoiceId: row.entity_id,
            step: {
              occurredAt: row.occurred_at,
              step: code,
              status: CLIENT_STATUS[row.to_state],
              ...CLIENT_STEPS[code],
              reasons: [],
              question: null,
              amount: fact('amount'),
              currency: fact('currency'),
              on: fact('on'),
              dueDate: fact('dueDate'),
              reference: fact('reference'),
              approvalKind: fact('approvalKind'),
            },
          },
        ];
      }
      const text = row.details.event ? invoiceTransition(row.details.event).clientText : null;
      if (!text || !row.details.event) return [];
      return [
        {
          invoiceId: row.entity_id,
          step: {
            occurredAt: row.occurred_at,
            step: row.details.event,
            status: CLIENT_STATUS[row.to_state],
            ...text,
            reasons: (row.details.forClient?.reasons ?? []).map(({ code, en, sv, nb }) => ({ code, en, sv, nb })),
            question: typeof row.details.forClient?.question === 'string' ? row.details.forClient.question : null,
          },
        },
      ];
    });
    return mapGroups(groupBy(steps, (s) => s.invoiceId), (s) => s.step);
  }

  async timelines(invoiceIds: readonly string[]): Promise<Map<string, InvoiceTimelineEntryType[]>> {
    const rows: Array<InvoiceTimelineEntryType & { entityId: string }> = await this.db.query(
      `SELECT entity_id AS "entityId", occurred_at AS "occurredAt", from_state AS "fromState", to_state AS "toState", reason
         FROM timeline_event WHERE entity_type = 'INVOICE' AND entity_id = ANY($1) ORDER BY entity_id, id`,
      [invoiceIds],
    );
    return mapGroups(groupBy(rows, (r) => r.entityId), ({ entityId: _, ...entry }) => entry);
  }

  async creditNotes(invoiceIds: readonly string[]): Promise<Map<string, CreditNoteType[]>> {
    const rows: Array<CreditNoteType & { invoiceId: string }> = await this.db.query(
      `SELECT invoice_id AS "invoiceId", id, credit_number AS "creditNumber", amount::text AS amount, reason, created_at AS "createdAt"
         FROM credit_note WHERE invoice_id = ANY($1) ORDER BY invoice_id, created_at`,
      [invoiceIds],
    );
    return mapGroups(groupBy(rows, (r) => r.invoiceId), ({ invoiceId: _, ...note }) => note);
  }

  private async lines(ids: string[], manager: EntityManager) {
    const result = new Map<string, InvoiceType['lines']>();
    if (!ids.length) return result;
    const rows = await manager.query(
      `SELECT invoice_id, line_number, description, quantity::text, unit_price::text, vat_rate_percent::text, reverse_charge, net::text
         FROM invoice_line WHERE invoice_id = ANY($1) ORDER BY invoice_id, line_number`,
      [ids],
    );
    for (const row of rows) {
      const list = result.get(row.invoice_id) ?? [];
      list.push({
        lineNumber: row.line_number,
        description: row.description,
        quantity: trimZeros(row.quantity),
        unitPrice: trimZeros(row.unit_price),
        vatRatePercent: trimZeros(row.vat_rate_percent),
        reverseCharge: row.reverse_charge,
        net: row.net,
      });
      result.set(row.invoice_id, list);
    }
    return result;
  }
}

function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** The client's view of a row: only its own facts and the words written for it. */
export function toClientInvoice(row: InvoiceRow, lines: InvoiceType['lines']): ClientInvoiceType {
  const staff = toInvoice(row, lines);
  const terms = row.offer_terms;
  const reasons = (row.client_reasons ?? row.eligibility.reasons ?? []).map(({ code, en, sv, nb }) => ({ code, en, sv, nb }));
  return {
    id: staff.id,
    invoiceNumber: staff.invoiceNumber,
    debtorName: staff.debtorName,
    debtor: staff.debtor,
    country: staff.country,
    currency: staff.currency,
    invoiceDate: staff.invoiceDate,
    deliveryDate: staff.deliveryDate,
    dueDate: staff.dueDate,
    net: staff.net,
    vat: staff.vat,
    rounding: staff.rounding,
    gross: staff.gross,
    deductionKind: staff.deductionKind,
    deductionAmount: staff.deductionAmount,
    payable: staff.payable,
    reminderFeeAgreed: staff.reminderFeeAgreed,
    status: staff.clientStatus,
    reasons,
    offer: staff.offer
      ? {
          amount: staff.offer.amount,
          fee: staff.offer.fee,
          vatOnFee: staff.offer.vatOnFee,
          payout: staff.offer.payout,
          currency: staff.offer.currency,
          recourseModes: staff.offer.recourseModes,
          plannedPayoutDate: staff.offer.plannedPayoutDate,
          expiresAt: staff.offer.expiresAt,
          terms: {
            agreementVersion: Number(terms.agreementVersion),
            feePercent: String(terms.feePercent),
            feeFixed: (terms.feeFixed as string | null) ?? null,
            feeMinimum: (terms.feeMinimum as string | null) ?? null,
            vatRateOnFeePercent: String(terms.vatRateOnFeePercent),
          },
        }
      : null,
    recourseMode: staff.recourseMode,
    acceptedAt: staff.acceptedAt,
    paymentInstructions: staff.paymentInstructions,
    creditedAmount: staff.creditedAmount,
    lines,
    previousAttemptId: row.previous_attempt_id,
    createdAt: staff.createdAt,
    updatedAt: staff.updatedAt,
    version: staff.version,
  };
}

export function toInvoice(row: InvoiceRow, lines: InvoiceType['lines']): InvoiceType {
  const terms = row.offer_terms;
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    debtorId: row.debtor_id,
    debtorName: row.debtor.name,
    debtor: row.debtor,
    invoiceNumber: row.invoice_number,
    country: row.country,
    currency: row.currency,
    invoiceDate: row.invoice_date,
    deliveryDate: row.delivery_date,
    dueDate: row.due_date,
    net: row.net,
    vat: row.vat,
    rounding: row.rounding,
    gross: row.gross,
    deductionKind: row.deduction_kind,
    deductionAmount: row.deduction_amount,
    payable: row.payable,
    reminderFeeAgreed: row.reminder_fee_agreed,
    status: row.status,
    clientStatus: CLIENT_STATUS[row.status],
    reasons: row.eligibility.reasons,
    suspectedDuplicates: row.eligibility.suspectedDuplicates ?? [],
    offer:
      row.payout && terms && row.fee && row.vat_on_fee && row.offer_expires_at
        ? {
            amount: row.payable,
            fee: row.fee,
            vatOnFee: row.vat_on_fee,
            payout: row.payout,
            currency: row.currency,
            recourseModes: terms.recourseModes as never,
            plannedPayoutDate: row.planned_payout_date ?? terms.plannedPayoutDate,
            expiresAt: row.offer_expires_at,
            terms,
          }
        : null,
    recourseMode: row.recourse_mode,
    acceptedAt: row.accepted_at,
    paymentInstructions: row.payment_reference
      ? {
          reference: row.payment_reference,
          referenceKind: row.country === 'SE' ? 'OCR' : 'KID',
          account: terms.paymentAccount.account,
          accountKind: terms.paymentAccount.kind,
        }
      : null,
    creditedAmount: row.credited_amount,
    lines,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The back-office statuses a client's status stands for. */
function statusesShownAs(status: ClientInvoiceStatus): string[] {
  return Object.entries(CLIENT_STATUS)
    .filter(([, shown]) => shown === status)
    .map(([backOffice]) => backOffice);
}

function mapGroups<T, U>(groups: Map<string, T[]>, f: (row: T) => U): Map<string, U[]> {
  return new Map([...groups].map(([key, rows]) => [key, rows.map(f)]));
}
