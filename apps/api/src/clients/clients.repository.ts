import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LocalDate, NotFoundError } from '@factoring/domain';
import { ANALYST_REFUSAL_REASONS, APPLICANT_TIME_ZONES, applicationAge } from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { ReasonType, reasonView } from '../common/dto/common.types';
import {
  ClientAgreementType,
  ClientApplicationsArgs,
  ClientApplicationType,
  ClientsArgs,
  ClientType,
} from './dto/client.types';
import { ClientError } from './client-errors';

export interface ClientRow {
  id: string;
  country: 'SE' | 'NO';
  currency: string;
  organisation_number: string;
  legal_name: string;
  company_form: string;
  address: ClientType['address'];
  contact: ClientType['contact'];
  accounting_program: string | null;
  state: ClientType['state'];
  state_reason: string | null;
  block_reasons: string[];
  exposure: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface ApplicationRow {
  id: string;
  client_id: string;
  submitted_at: Date;
  answer_due_on: string;
  details: Record<string, unknown>;
  automatic_reasons: ReasonType[];
  state: ClientApplicationType['state'];
  claimed_by: string | null;
  claimed_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  refusal_reasons: string[] | null;
  decision_note: string | null;
  version: number;
}

const CLIENT_SORT: Record<ClientsArgs['sortField'], string> = {
  legalName: 'c.legal_name',
  createdAt: 'c.created_at',
  exposure: 'c.exposure',
  state: 'c.state',
};

const AGREEMENT_COLUMNS = `a.version, a.valid_from, a.fee_percent::text, a.fee_fixed::text, a.fee_minimum::text,
  a.vat_rate_on_fee_percent::text, a.recourse_modes, a.credit_limit::text, a.spot_check_intensity, a.delivery_channel,
  a.payout_account, a.repayment_account, a.change_reason, s.id AS changed_by_id, s.name AS changed_by_name,
  a.recourse_after_days, a.recourse_invoice_days_to_pay, a.fees_after_recourse_to,
  a.late_interest_needs_client_approval, a.collection_handoff_needs_client_approval`;

/** SQL for clients, their applications and agreements; maps rows to the GraphQL views. */
@Injectable()
export class ClientsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async lockClient(tx: EntityManager, id: string): Promise<ClientRow> {
    const [row] = await tx.query(`SELECT * , exposure::text FROM client WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new NotFoundError(ClientError.CLIENT_NOT_FOUND, `No client has the id ${id}.`);
    return row;
  }

  async lockApplication(tx: EntityManager, id: string): Promise<ApplicationRow> {
    const [row] = await tx.query(`SELECT *, answer_due_on::text FROM client_application WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new NotFoundError(ClientError.CLIENT_APPLICATION_NOT_FOUND, `No client application has the id ${id}.`);
    return row;
  }

  async client(id: string, manager: EntityManager = this.db.manager): Promise<ClientType> {
    const [row] = await manager.query(`SELECT *, exposure::text FROM client WHERE id = $1`, [id]);
    if (!row) throw new NotFoundError(ClientError.CLIENT_NOT_FOUND, `No client has the id ${id}.`);
    const agreements = await this.agreements([id], manager, true);
    return toClient(row, agreements.get(id)?.[0] ?? null);
  }

  async clients(args: ClientsArgs): Promise<{ items: ClientType[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const f = args.filter ?? {};
    if (f.q) {
      params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, f.q.replace(/[\s-]/g, ''));
      where.push(`(c.legal_name ILIKE $${params.length - 1} OR replace(c.organisation_number, '-', '') LIKE '%' || $${params.length} || '%')`);
    }
    if (f.state) where.push(`c.state = $${params.push(f.state)}`);
    if (f.country) where.push(`c.country = $${params.push(f.country)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM client c ${clause}`, params);
    const rows: ClientRow[] = await this.db.query(
      `SELECT c.*, c.exposure::text FROM client c ${clause}
       ORDER BY ${CLIENT_SORT[args.sortField]} ${args.sortOrder === 'DESC' ? 'DESC' : 'ASC'}, c.id
       LIMIT ${args.perPage} OFFSET ${args.page * args.perPage}`,
      params,
    );
    const agreements = await this.agreements(rows.map((r) => r.id), this.db.manager, true);
    return { items: rows.map((row) => toClient(row, agreements.get(row.id)?.[0] ?? null)), total };
  }

  /** Agreement versions per client, newest first; `currentOnly` keeps just the one in force. */
  async agreements(clientIds: string[], manager: EntityManager = this.db.manager, currentOnly = false): Promise<Map<string, ClientAgreementType[]>> {
    const result = new Map<string, ClientAgreementType[]>();
    if (clientIds.length === 0) return result;
    const rows: AgreementRow[] = await manager.query(
      `SELECT ${currentOnly ? 'DISTINCT ON (a.client_id)' : ''} a.client_id, ${AGREEMENT_COLUMNS}
         FROM client_agreement a LEFT JOIN staff_member s ON s.id = a.changed_by
        WHERE a.client_id = ANY($1)
        ORDER BY a.client_id, a.version DESC`,
      [clientIds],
    );
    for (const row of rows) {
      const list = result.get(row.client_id) ?? [];
      list.push(toAgreement(row));
      result.set(row.client_id, list);
    }
    return result;
  }

  async applications(args: ClientApplicationsArgs, me: string, now: Date): Promise<{ items: ClientApplicationType[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const f = args.filter ?? {};
    if (f.state) where.push(`a.state = $${params.push(f.state)}`);
    if (f.country) where.push(`c.country = $${params.push(f.country)}`);
    if (f.mine) where.push(`a.claimed_by = $${params.push(me)}`);
    if (f.clientId) where.push(`a.client_id = $${params.push(f.clientId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM client_application a JOIN client c ON c.id = a.client_id ${clause}`, params);
    // Oldest first: the queue is worked in the order companies applied.
    const rows = await this.db.query(
      `${APPLICATION_SELECT} ${clause} ORDER BY a.submitted_at, a.id LIMIT ${args.perPage} OFFSET ${args.page * args.perPage}`,
      params,
    );
    return { items: rows.map((row: ApplicationViewRow) => toApplication(row, now)), total };
  }

  async application(id: string, now: Date, manager: EntityManager = this.db.manager): Promise<ClientApplicationType> {
    const [row] = await manager.query(`${APPLICATION_SELECT} WHERE a.id = $1`, [id]);
    if (!row) throw new NotFoundError(ClientError.CLIENT_APPLICATION_NOT_FOUND, `No client application has the id ${id}.`);
    return toApplication(row, now);
  }
}

const APPLICATION_SELECT = `
  SELECT a.*, a.answer_due_on::text AS answer_due_on, c.country, c.organisation_number, c.legal_name, c.company_form,
         cb.name AS claimed_by_name, db.name AS decided_by_name
    FROM client_application a
    JOIN client c ON c.id = a.client_id
    LEFT JOIN staff_member cb ON cb.id = a.claimed_by
    LEFT JOIN staff_member db ON db.id = a.decided_by`;

type ApplicationViewRow = ApplicationRow & {
  country: ClientType['country'];
  organisation_number: string;
  legal_name: string;
  company_form: string;
  claimed_by_name: string | null;
  decided_by_name: string | null;
};

/** Analyst reasons are stored as codes and shown in every language from the rules' catalogue; automatic ones as stored. */
function refusalReasonView(code: string): ReasonType {
  const known = ANALYST_REFUSAL_REASONS.find((reason) => reason.code === code);
  return known ? reasonView(known) : { code, en: code, sv: code, nb: code };
}

export function toClient(row: ClientRow, agreement: ClientAgreementType | null): ClientType {
  return {
    id: row.id,
    country: row.country as ClientType['country'],
    currency: row.currency,
    organisationNumber: row.organisation_number,
    legalName: row.legal_name,
    companyForm: row.company_form,
    address: row.address,
    contact: { ...row.contact, phone: row.contact.phone ?? null },
    accountingProgram: row.accounting_program,
    state: row.state,
    stateReason: row.state_reason,
    blockReasons: row.block_reasons ?? [],
    exposure: row.exposure,
    creditLimit: agreement?.creditLimit ?? null,
    agreement,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

interface AgreementRow {
  client_id: string;
  version: number;
  valid_from: Date;
  fee_percent: string;
  fee_fixed: string;
  fee_minimum: string;
  vat_rate_on_fee_percent: string;
  recourse_modes: ClientAgreementType['recourseModes'];
  credit_limit: string;
  spot_check_intensity: ClientAgreementType['spotCheckIntensity'];
  delivery_channel: ClientAgreementType['deliveryChannel'];
  payout_account: ClientAgreementType['payoutAccount'];
  repayment_account: ClientAgreementType['repaymentAccount'];
  change_reason: string;
  changed_by_id: string | null;
  changed_by_name: string | null;
  recourse_after_days: number;
  recourse_invoice_days_to_pay: number;
  fees_after_recourse_to: ClientAgreementType['feesAfterRecourseTo'];
  late_interest_needs_client_approval: boolean;
  collection_handoff_needs_client_approval: boolean;
}

function toAgreement(row: AgreementRow): ClientAgreementType {
  return {
    version: row.version,
    validFrom: row.valid_from,
    feePercent: new Decimal(row.fee_percent).toFixed(),
    feeFixed: row.fee_fixed,
    feeMinimum: row.fee_minimum,
    vatRateOnFeePercent: new Decimal(row.vat_rate_on_fee_percent).toFixed(),
    recourseModes: row.recourse_modes,
    creditLimit: row.credit_limit,
    spotCheckIntensity: row.spot_check_intensity,
    deliveryChannel: row.delivery_channel,
    payoutAccount: row.payout_account,
    repaymentAccount: row.repayment_account,
    recourseAfterDays: row.recourse_after_days,
    recourseInvoiceDaysToPay: row.recourse_invoice_days_to_pay,
    feesAfterRecourseTo: row.fees_after_recourse_to,
    lateInterestInvoiceNeedsClientApproval: row.late_interest_needs_client_approval,
    collectionHandoffNeedsClientApproval: row.collection_handoff_needs_client_approval,
    changedBy: row.changed_by_id ? { id: row.changed_by_id, name: row.changed_by_name ?? '' } : null,
    changeReason: row.change_reason,
  };
}

function toApplication(row: ApplicationViewRow, now: Date): ClientApplicationType {
  // Overdue once the promised business day has ended in the applicant's country without an answer.
  const age = applicationAge({
    submittedAt: row.submitted_at,
    now: now < row.submitted_at ? row.submitted_at : now,
    dueOn: LocalDate.parse(row.answer_due_on),
    timeZone: APPLICANT_TIME_ZONES[row.country],
  });
  return {
    id: row.id,
    clientId: row.client_id,
    country: row.country,
    organisationNumber: row.organisation_number,
    legalName: row.legal_name,
    companyForm: row.company_form,
    submittedAt: row.submitted_at,
    answerDueOn: row.answer_due_on,
    overdue: row.state === 'PENDING' && age.overdue,
    ageHours: Math.floor(age.ageMinutes / 60),
    state: row.state,
    details: row.details,
    automaticReasons: row.automatic_reasons,
    claimedBy: row.claimed_by ? { id: row.claimed_by, name: row.claimed_by_name ?? '' } : null,
    claimedAt: row.claimed_at,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decidedAt: row.decided_at,
    refusalReasons: (row.refusal_reasons ?? []).map(refusalReasonView),
    decisionNote: row.decision_note,
    version: row.version,
  };
}
