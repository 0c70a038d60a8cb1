import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConflictError,
  InvalidValueError,
  LocalDate,
  NotFoundError,
  parseOrganisationNumber,
  parsePersonalIdentityNumber,
  PeppolParticipantId,
} from '@factoring/domain';
import { averageDaysLate, checkLimitChange, effectiveLimit } from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import {
  ClientDebtorType,
  DebtorContactGivenBy,
  DebtorsArgs,
  DebtorType,
  MarkRelationArgs,
  RecordVerifiedContactArgs,
  RegisterDebtorInput,
  SetClientDebtorTermsArgs,
  SetDebtorLimitArgs,
  VerifiedContactSource,
  VerifiedDebtorContactType,
} from './dto/debtor.types';
import { DebtorError } from './debtor-errors';

export const DEBTOR = 'DEBTOR';

const actor = (by: StaffPrincipal) => ({ type: 'STAFF' as const, id: by.id, name: by.name });

/**
 * Debtors and their limits: a limit per debtor, and per client and debtor pair, each with
 * an optional temporary raise that expires. A limit below what is already outstanding is
 * allowed only with a reason (it stops new purchases; it does not undo old ones).
 */
@Injectable()
export class DebtorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly timeline: TimelineService,
    private readonly uow: UnitOfWork,
  ) {}

  async register(input: RegisterDebtorInput, by: StaffPrincipal): Promise<DebtorType> {
    const identityNumber = canonicalIdentity(input.country, input.kind, input.identityNumber);
    const creditLimit = nonNegative(input.creditLimit ?? '0', 'input.creditLimit');
    // The e-invoice address: only a scheme we deliver to, with a valid identifier (issue 13, bad input).
    const peppolId = input.peppolId ? PeppolParticipantId.parse(input.peppolId, 'input.peppolId').toString() : null;
    const id = await this.uow.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO debtor (country, kind, identity_number, name, address, email, phone, credit_limit, peppol_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (country, identity_number) DO NOTHING RETURNING id`,
        [input.country, input.kind, identityNumber, input.name, input.address, input.email ?? null, input.phone ?? null, creditLimit, peppolId],
      );
      if (!rows.length) throw new ConflictError(DebtorError.DEBTOR_EXISTS, `A debtor with the number ${identityNumber} is already registered.`);
      await this.timeline.record(tx, { entityType: DEBTOR, entityId: rows[0].id, actor: actor(by), toState: 'REGISTERED', details: { step: 'DEBTOR_REGISTERED', creditLimit } });
      return rows[0].id as string;
    });
    return this.debtor(id);
  }

  async setLimit(args: SetDebtorLimitArgs, by: StaffPrincipal): Promise<DebtorType> {
    await this.uow.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT version, exposure::text, credit_limit::text FROM debtor WHERE id = $1 FOR UPDATE`, [args.id]);
      if (!row) throw notFound(args.id);
      if (row.version !== args.expectedVersion) {
        throw new ConflictError(DebtorError.DEBTOR_CHANGED, `Someone changed this debtor since you opened it (version ${args.expectedVersion}, now ${row.version}). Reload and try again.`);
      }
      const limit = nonNegative(args.creditLimit, 'creditLimit');
      const raise = args.temporaryRaise ? validRaise(args.temporaryRaise, 'temporaryRaise') : null;
      const check = checkLimitChange({ newLimit: limit, exposure: row.exposure, reason: args.reason });
      await tx.query(
        `UPDATE debtor SET credit_limit = $2, temporary_raise = $3, temporary_raise_until = $4, updated_at = now(), version = version + 1 WHERE id = $1`,
        [args.id, limit, raise?.amount ?? null, raise?.until ?? null],
      );
      await this.timeline.record(tx, {
        entityType: DEBTOR,
        entityId: args.id,
        actor: actor(by),
        fromState: 'REGISTERED',
        toState: 'REGISTERED',
        reason: args.reason ?? 'Limit changed',
        details: { step: 'LIMIT_CHANGED', typed: args.reason ?? null, creditLimit: { from: row.credit_limit, to: limit }, temporaryRaise: raise, exposure: row.exposure, warnings: check.warnings.map((w) => w.code) },
      });
    });
    return this.debtor(args.id);
  }

  async setClientDebtorTerms(args: SetClientDebtorTermsArgs, by: StaffPrincipal): Promise<ClientDebtorType> {
    await this.uow.transaction(async (tx) => {
      const pair = await this.lockPair(tx, args.clientId, args.debtorId);
      const limit = args.creditLimit === undefined || args.creditLimit === null ? null : nonNegative(args.creditLimit, 'creditLimit');
      const raise = args.temporaryRaise ? validRaise(args.temporaryRaise, 'temporaryRaise') : null;
      if (raise && limit === null) throw new InvalidValueError(DebtorError.RAISE_WITHOUT_LIMIT, 'A temporary raise needs a pair limit to raise.', 'temporaryRaise');
      const check = limit === null ? { warnings: [] } : checkLimitChange({ newLimit: limit, exposure: pair.exposure, reason: args.reason });
      await tx.query(
        `UPDATE client_debtor SET credit_limit = $3, temporary_raise = $4, temporary_raise_until = $5, delivery_channel = $6, updated_at = now(), version = version + 1
          WHERE client_id = $1 AND debtor_id = $2`,
        [args.clientId, args.debtorId, limit, raise?.amount ?? null, raise?.until ?? null, args.deliveryChannel ?? null],
      );
      await this.timeline.record(tx, {
        entityType: DEBTOR,
        entityId: args.debtorId,
        actor: actor(by),
        fromState: 'REGISTERED',
        toState: 'REGISTERED',
        reason: args.reason ?? 'Client and debtor terms changed',
        details: {
          step: 'PAIR_TERMS_CHANGED',
          typed: args.reason ?? null,
          clientId: args.clientId,
          creditLimit: { from: pair.credit_limit, to: limit },
          temporaryRaise: raise,
          deliveryChannel: args.deliveryChannel ?? null,
          warnings: check.warnings.map((w) => w.code),
        },
      });
    });
    return this.pair(args.clientId, args.debtorId);
  }

  async markRelation(args: MarkRelationArgs, by: StaffPrincipal): Promise<ClientDebtorType> {
    await this.uow.transaction(async (tx) => {
      const pair = await this.lockPair(tx, args.clientId, args.debtorId);
      await tx.query(
        `UPDATE client_debtor SET relation = $3, relation_note = $4, updated_at = now(), version = version + 1 WHERE client_id = $1 AND debtor_id = $2`,
        [args.clientId, args.debtorId, args.relation ?? null, args.relation ? args.note : null],
      );
      await this.timeline.record(tx, {
        entityType: DEBTOR,
        entityId: args.debtorId,
        actor: actor(by),
        fromState: 'REGISTERED',
        toState: 'REGISTERED',
        reason: args.note,
        details: { step: 'RELATION_MARKED', typed: args.note ?? null, clientId: args.clientId, relation: { from: pair.relation, to: args.relation ?? null } },
      });
    });
    return this.pair(args.clientId, args.debtorId);
  }

  /**
   * A contact an analyst found and checked, with where it came from (issue 9 h): a spot check is
   * confirmed on such a contact, never on one the seller typed on its own invoice.
   */
  async recordVerifiedContact(args: RecordVerifiedContactArgs, by: StaffPrincipal): Promise<VerifiedDebtorContactType> {
    if (!args.phone && !args.email) throw new InvalidValueError(DebtorError.VERIFIED_CONTACT_EMPTY, 'Give the telephone number or the e-mail address you verified.', 'phone');
    const id = await this.uow.transaction(async (tx) => {
      const [debtor] = await tx.query(`SELECT id FROM debtor WHERE id = $1 FOR UPDATE`, [args.debtorId]);
      if (!debtor) throw new NotFoundError(DebtorError.DEBTOR_NOT_FOUND, `No debtor has the id ${args.debtorId}.`);
      const [row] = await tx.query(
        `INSERT INTO debtor_verified_contact (debtor_id, phone, email, source, source_detail, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [args.debtorId, args.phone ?? null, args.email ?? null, args.source, args.sourceDetail, by.id],
      );
      await this.timeline.record(tx, {
        entityType: DEBTOR,
        entityId: args.debtorId,
        actor: actor(by),
        toState: 'CONTACT_VERIFIED',
        reason: `Contact verified (${args.source}): ${args.sourceDetail}`,
        details: { step: 'CONTACT_VERIFIED', typed: args.sourceDetail, verifiedContactId: row.id, source: args.source },
      });
      return row.id as string;
    });
    return (await this.verifiedContacts(args.debtorId)).find((contact) => contact.id === id)!;
  }

  /** The debtor's verified contacts, newest first; `tx` to read them under the caller's locks. */
  async verifiedContacts(debtorId: string, tx: EntityManager = this.db.manager): Promise<VerifiedDebtorContactType[]> {
    return (await this.verifiedContactsOf([debtorId], tx)).get(debtorId) ?? [];
  }

  /** Verified contacts of many debtors in one query (a page of debtors or review items). */
  async verifiedContactsOf(debtorIds: readonly string[], tx: EntityManager = this.db.manager): Promise<Map<string, VerifiedDebtorContactType[]>> {
    const rows: Array<{
      debtor_id: string;
      id: string;
      phone: string | null;
      email: string | null;
      source: VerifiedContactSource;
      source_detail: string;
      recorded_by: string;
      recorded_by_name: string;
      recorded_at: Date;
    }> = await tx.query(
      `SELECT v.debtor_id, v.id, v.phone, v.email, v.source, v.source_detail, v.recorded_by, s.name AS recorded_by_name, v.recorded_at
         FROM debtor_verified_contact v JOIN staff_member s ON s.id = v.recorded_by
        WHERE v.debtor_id = ANY($1) ORDER BY v.debtor_id, v.recorded_at DESC, v.id`,
      [debtorIds],
    );
    const contacts = new Map<string, VerifiedDebtorContactType[]>();
    for (const row of rows) {
      const list = contacts.get(row.debtor_id) ?? [];
      list.push({
        id: row.id,
        phone: row.phone,
        email: row.email,
        source: row.source,
        sourceDetail: row.source_detail,
        recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
        recordedAt: row.recorded_at,
      });
      contacts.set(row.debtor_id, list);
    }
    return contacts;
  }

  async debtors(args: DebtorsArgs): Promise<{ items: DebtorType[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const f = args.filter ?? {};
    if (f.q) {
      params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, f.q.replace(/[\s-]/g, ''));
      where.push(`(d.name ILIKE $${params.length - 1} OR replace(d.identity_number, '-', '') LIKE '%' || $${params.length} || '%')`);
    }
    if (f.country) where.push(`d.country = $${params.push(f.country)}`);
    if (f.kind) where.push(`d.kind = $${params.push(f.kind)}`);
    if (f.clientId) where.push(`EXISTS (SELECT 1 FROM client_debtor cd WHERE cd.debtor_id = d.id AND cd.client_id = $${params.push(f.clientId)})`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM debtor d ${clause}`, params);
    const rows = await this.db.query(`${DEBTOR_SELECT} ${clause} ORDER BY d.name, d.id LIMIT ${args.perPage} OFFSET ${args.page * args.perPage}`, params);
    const today = LocalDate.today();
    return { items: rows.map((row: DebtorRow) => toDebtor(row, today)), total };
  }

  async debtor(id: string): Promise<DebtorType> {
    const [row] = await this.db.query(`${DEBTOR_SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw notFound(id);
    // The payment history from the payments placed on its invoices (issue 14 s.5): what the credit rules read too.
    const [paid] = await this.db.query(`SELECT invoices_paid, invoices_paid_late, days_late_total, max_days_late FROM debtor_payment_statistics WHERE debtor_id = $1`, [id]);
    return toDebtor({ ...row, ...paid }, LocalDate.today());
  }

  async pairsOfDebtor(debtorId: string): Promise<ClientDebtorType[]> {
    return this.pairs(`cd.debtor_id = $1`, [debtorId]);
  }

  async pairsOfClient(clientId: string): Promise<ClientDebtorType[]> {
    return this.pairs(`cd.client_id = $1`, [clientId]);
  }

  private async pair(clientId: string, debtorId: string): Promise<ClientDebtorType> {
    const [pair] = await this.pairs(`cd.client_id = $1 AND cd.debtor_id = $2`, [clientId, debtorId]);
    return pair;
  }

  private async pairs(condition: string, params: unknown[]): Promise<ClientDebtorType[]> {
    const rows = await this.db.query(
      `SELECT cd.*, cd.credit_limit::text, cd.temporary_raise::text, cd.temporary_raise_until::text, cd.exposure::text,
              c.legal_name AS client_name, d.name AS debtor_name
         FROM client_debtor cd JOIN client c ON c.id = cd.client_id JOIN debtor d ON d.id = cd.debtor_id
        WHERE ${condition} ORDER BY c.legal_name, d.name`,
      params,
    );
    const today = LocalDate.today();
    return rows.map((row: ClientDebtorRow) => ({
      clientId: row.client_id,
      clientName: row.client_name,
      debtorId: row.debtor_id,
      debtorName: row.debtor_name,
      creditLimit: row.credit_limit,
      temporaryRaise: raiseView(row),
      effectiveLimit: row.credit_limit === null ? null : limitInForce({ ...row, credit_limit: row.credit_limit }, today),
      exposure: row.exposure,
      deliveryChannel: row.delivery_channel,
      relation: row.relation,
      relationNote: row.relation_note,
      version: row.version,
    }));
  }

  /** The pair row, created on first use: a client and a debtor meet when terms are first set. */
  private async lockPair(tx: EntityManager, clientId: string, debtorId: string) {
    const [client] = await tx.query(`SELECT country FROM client WHERE id = $1`, [clientId]);
    if (!client) throw new NotFoundError(DebtorError.CLIENT_NOT_FOUND, `No client has the id ${clientId}.`);
    const [debtor] = await tx.query(`SELECT country FROM debtor WHERE id = $1`, [debtorId]);
    if (!debtor) throw notFound(debtorId);
    await tx.query(`INSERT INTO client_debtor (client_id, debtor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [clientId, debtorId]);
    const [pair] = await tx.query(
      `SELECT credit_limit::text, exposure::text, relation FROM client_debtor WHERE client_id = $1 AND debtor_id = $2 FOR UPDATE`,
      [clientId, debtorId],
    );
    return pair as { credit_limit: string | null; exposure: string; relation: string | null };
  }
}

/** Amounts come back as text (numeric::text) so they never pass through a float. */
interface LimitColumns {
  credit_limit: string | null;
  temporary_raise: string | null;
  temporary_raise_until: string | null;
  exposure: string;
}

interface DebtorRow extends LimitColumns {
  id: string;
  country: DebtorType['country'];
  kind: DebtorType['kind'];
  identity_number: string;
  name: string;
  address: DebtorType['address'];
  email: string | null;
  phone: string | null;
  peppol_id: string | null;
  contact_given_by_client_id: string | null;
  currency: string;
  credit_limit: string;
  invoices_paid: number;
  invoices_paid_late: number;
  days_late_total: number;
  max_days_late: number;
  has_unpaid_before: boolean;
  has_disputed_before: boolean;
  created_at: Date;
  version: number;
}

interface ClientDebtorRow extends LimitColumns {
  client_id: string;
  debtor_id: string;
  client_name: string;
  debtor_name: string;
  delivery_channel: ClientDebtorType['deliveryChannel'];
  relation: ClientDebtorType['relation'];
  relation_note: string | null;
  version: number;
}

const DEBTOR_SELECT = `
  SELECT d.*, d.credit_limit::text, d.temporary_raise::text, d.temporary_raise_until::text, d.exposure::text,
         CASE d.country WHEN 'SE' THEN 'SEK' ELSE 'NOK' END AS currency
    FROM debtor d`;

function toDebtor(row: DebtorRow, today: LocalDate): DebtorType {
  const limit = limitInForce(row, today);
  return {
    id: row.id,
    country: row.country,
    kind: row.kind,
    identityNumber: row.identity_number,
    name: row.name,
    address: row.address,
    email: row.email,
    phone: row.phone,
    peppolId: row.peppol_id,
    contactGivenBy: row.email || row.phone ? (row.contact_given_by_client_id ? DebtorContactGivenBy.CLIENT_INVOICE : DebtorContactGivenBy.STAFF) : null,
    currency: row.currency,
    creditLimit: row.credit_limit,
    temporaryRaise: raiseView(row),
    effectiveLimit: limit,
    exposure: row.exposure,
    available: new Decimal(limit).minus(row.exposure).toFixed(2),
    paymentHistory: {
      invoicesPaid: row.invoices_paid,
      invoicesPaidLate: row.invoices_paid_late,
      averageDaysLate: averageDaysLate(row.days_late_total, row.invoices_paid_late),
      maxDaysLate: row.max_days_late,
      hasUnpaidBefore: row.has_unpaid_before,
      hasDisputedBefore: row.has_disputed_before,
    },
    createdAt: row.created_at,
    version: row.version,
  };
}

function raiseView(row: LimitColumns) {
  return row.temporary_raise && row.temporary_raise_until ? { amount: row.temporary_raise, until: row.temporary_raise_until } : null;
}

function limitInForce(row: LimitColumns & { credit_limit: string }, today: LocalDate): string {
  const raise = raiseView(row);
  return effectiveLimit(
    { limit: row.credit_limit, temporaryRaise: raise ? { amount: raise.amount, expiresOn: LocalDate.parse(raise.until) } : undefined },
    today,
  ).amount;
}

function canonicalIdentity(country: 'SE' | 'NO', kind: 'COMPANY' | 'PERSON', input: string): string {
  const field = 'input.identityNumber';
  return kind === 'COMPANY'
    ? parseOrganisationNumber(country, input, { allowPersonalIdentityNumber: true, field } as never).value
    : parsePersonalIdentityNumber(country, input, { field } as never).value;
}

function nonNegative(value: string, field: string): string {
  const amount = new Decimal(value);
  if (amount.isNegative()) throw new InvalidValueError(DebtorError.LIMIT_NEGATIVE, 'A limit cannot be negative.', field);
  return amount.toFixed(2);
}

function validRaise(raise: { amount: string; until: string }, field: string) {
  if (!new Decimal(raise.amount).isPositive() || new Decimal(raise.amount).isZero()) {
    throw new InvalidValueError(DebtorError.RAISE_NOT_POSITIVE, 'A temporary raise must be more than 0.', `${field}.amount`);
  }
  let until: LocalDate;
  try {
    until = LocalDate.parse(raise.until);
  } catch {
    throw new InvalidValueError(DebtorError.DATE_INVALID, `${raise.until} is not a day that exists.`, `${field}.until`);
  }
  if (until.isBefore(LocalDate.today())) throw new InvalidValueError(DebtorError.RAISE_IN_THE_PAST, 'A temporary raise must last until today or later.', `${field}.until`);
  return { amount: new Decimal(raise.amount).toFixed(2), until: until.toString() };
}

function notFound(id: string) {
  return new NotFoundError(DebtorError.DEBTOR_NOT_FOUND, `No debtor has the id ${id}.`);
}
