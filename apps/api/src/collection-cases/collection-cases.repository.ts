import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@factoring/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CollectionCaseError } from './collection-case-errors';
import { CollectionCasesArgs, CollectionCaseType } from './dto/collection-case.types';

const staffRef = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;

const COLUMNS = `x.id, x.invoice_id AS "invoiceId", i.invoice_number AS "invoiceNumber", x.client_id AS "clientId", c.legal_name AS "clientName",
  x.debtor_id AS "debtorId", CASE WHEN x.recourse_invoice_id IS NULL THEN coalesce(d.name, i.debtor->>'name') ELSE c.legal_name END AS "debtorName",
  x.recourse_invoice_id AS "recourseInvoiceId", r.reference AS "recourseReference", x.country, x.state, x.currency, x.claim_as_of::text AS "claimAsOf",
  x.principal::text, x.fees::text, x.interest::text, (x.principal + x.fees + x.interest)::text AS claim,
  x.interest_from::text AS "interestFrom", x.interest_rate::text AS "interestRate", x.recourse_mode AS "recourseMode", x.approval_needed AS "approvalNeeded",
  greatest(0, $1::date - (x.opened_at AT TIME ZONE 'Europe/Stockholm')::date) AS "ageDays",
  x.opened_at AS "openedAt", ${staffRef('ob')} AS "openedBy", ${staffRef('pb')} AS "writeOffProposedBy", x.write_off_reason AS "writeOffReason",
  ${staffRef('wb')} AS "writtenOffBy", x.write_off_amount::text AS "writeOffAmount",
  (SELECT o.file_name FROM collection_agency_outbox o WHERE o.case_id = x.id AND o.written_at IS NOT NULL) AS "agencyFile",
  (SELECT o.written_at FROM collection_agency_outbox o WHERE o.case_id = x.id) AS "agencyFileWrittenAt",
  ${staffRef('cb')} AS "claimedBy", x.version`;
const FROM = `FROM collection_case x JOIN invoice i ON i.id = x.invoice_id JOIN client c ON c.id = x.client_id LEFT JOIN debtor d ON d.id = x.debtor_id
  LEFT JOIN recourse_invoice r ON r.id = x.recourse_invoice_id
  JOIN staff_member ob ON ob.id = x.opened_by LEFT JOIN staff_member pb ON pb.id = x.write_off_proposed_by
  LEFT JOIN staff_member wb ON wb.id = x.written_off_by LEFT JOIN staff_member cb ON cb.id = x.claimed_by`;

const STEPS = `SELECT id::text, step, on_date::text AS "onDate", actor_type AS "actorType", actor_name AS "actorName", note, external_ref AS "externalRef",
  details::text AS details, created_at AS "createdAt" FROM collection_case_step WHERE case_id = $1 ORDER BY id`;

/** What comes next on a case, as a code the console words. */
function nextStep(state: string, country: string): string | null {
  switch (state) {
    case 'OPEN':
      return 'HAND_OFF';
    case 'HANDED_OFF':
      return country === 'SE' ? 'AGENCY_ANSWER_OR_PAYMENT_ORDER' : 'AGENCY_ANSWER_OR_CONCILIATION_BOARD';
    case 'PAYMENT_ORDER_APPLIED':
    case 'CONCILIATION_BOARD':
      return 'DECISION_OR_ENFORCEMENT';
    case 'ENFORCEMENT':
      return 'ENFORCEMENT_RESULT';
    case 'WRITE_OFF_PROPOSED':
      return 'FINANCE_APPROVAL';
    default:
      return null;
  }
}

/** The collection-handoff queue's reads: age, claim, client, debtor, next step; a case with its steps. */
@Injectable()
export class CollectionCasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(args: CollectionCasesArgs, today: string): Promise<{ items: CollectionCaseType[]; total: number }> {
    const params = [today, args.state ?? null, args.invoiceId ?? null];
    const where = `WHERE ($2::text IS NULL AND x.state NOT IN ('PAID','WRITTEN_OFF','CLOSED') OR x.state = $2) AND ($3::uuid IS NULL OR x.invoice_id = $3) AND $1::date IS NOT NULL`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM collection_case x ${where}`, params);
    const rows = await this.db.query(`SELECT ${COLUMNS} ${FROM} ${where} ORDER BY x.opened_at, x.id LIMIT $4 OFFSET $5`, [...params, args.perPage, args.page * args.perPage]);
    return { items: rows.map((r: CollectionCaseType) => ({ ...r, nextStep: nextStep(r.state, r.country), steps: [] })), total };
  }

  async one(id: string, today: string, manager: EntityManager = this.db.manager): Promise<CollectionCaseType> {
    const [row] = await manager.query(`SELECT ${COLUMNS} ${FROM} WHERE x.id = $2`, [today, id]);
    if (!row) throw new NotFoundError(CollectionCaseError.COLLECTION_CASE_NOT_FOUND, `No collection case has the id ${id}.`);
    return { ...row, nextStep: nextStep(row.state, row.country), steps: await manager.query(STEPS, [id]) };
  }
}
