import { Inject, Injectable } from '@nestjs/common';
import {
  assertWriteOffFourEyes,
  clientStepDetails,
  Clock,
  CollectionCaseEvent,
  CollectionCaseState,
  ConflictError,
  CountryCode,
  InvoiceStatus,
  isActiveCollectionCase,
  isClientStep,
  nextCollectionCaseState,
  NotFoundError,
} from '@factoring/domain';
import { creditLossPostings, lateInterest } from '@factoring/rules';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { TimelineActor, TimelineService } from '../audit/timeline.service';
import { RefusedAfterCommit, UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import { ClientApprovals } from '../client-approvals/client-approvals';
import { ClientApprovalKind } from '../client-approvals/dto/client-approval.types';
import { CLOCK } from '../collection/clock';
import { CollectionRatesRepository } from '../collection/collection-rates.repository';
import { principalFromDueDate } from '../collection/follow-up.service';
import { RemindersRepository } from '../collection/reminders.repository';
import { WorkQueueClaims } from '../common/work-queue-claims';
import { Exposure } from '../exposure/exposure.service';
import { tellClient } from '../invoices/client-steps';
import { INVOICE } from '../invoices/invoice-lifecycle';
import { Ledger } from '../ledger/ledger.service';
import { RECOURSE_INVOICE } from '../recourse/recourse-invoices';
import { CollectionCaseError } from './collection-case-errors';
import { CollectionCasesRepository } from './collection-cases.repository';
import { AgencyAnswerInput, CollectionCasesArgs, CollectionCaseType, CollectionEscalation, EscalateArgs, HandOffArgs, HandOffRecourseInvoiceArgs, WriteOffArgs, ApproveWriteOffArgs } from './dto/collection-case.types';

export const COLLECTION_CASE = 'COLLECTION_CASE';

const staffActor = (staff: StaffPrincipal): TimelineActor => ({ type: 'STAFF', id: staff.id, name: staff.name });

/** The invoice a case works on, held FOR UPDATE. */
interface CaseInvoice {
  id: string;
  client_id: string;
  debtor_id: string;
  country: CountryCode;
  currency: string;
  status: InvoiceStatus;
  invoice_number: string;
  due_date: string;
  recourse_mode: string | null;
  payable: string;
  credited_amount: string;
  recourse_amount: string;
  paid_amount: string;
  paid_to_client_amount: string;
  open_dispute_id: string | null;
}

interface CaseRow {
  id: string;
  invoice_id: string;
  client_id: string;
  country: CountryCode;
  currency: string;
  state: CollectionCaseState;
  principal: string;
  fees: string;
  interest: string;
  interest_from: string;
  interest_rate: string | null;
  claim_as_of: string;
  write_off_proposed_by: string | null;
  claimed_by: string | null;
  recourse_invoice_id: string | null;
  version: number;
}

/** What each escalation is, by law: the authority, the statute, and the case's event. */
const ESCALATIONS: Record<CollectionEscalation, { event: CollectionCaseEvent; step: string; authority: Record<CountryCode, string>; law: Record<CountryCode, string> }> = {
  PAYMENT_ORDER: {
    event: 'APPLY_PAYMENT_ORDER',
    step: 'PAYMENT_ORDER_APPLIED',
    authority: { SE: 'Kronofogdemyndigheten', NO: '' },
    law: { SE: 'Lag (1990:746) om betalningsföreläggande och handräckning (SFS 1990:746), 2 § och 9-10 §§', NO: '' },
  },
  CONCILIATION_BOARD: {
    event: 'CONCILIATION_BOARD',
    step: 'CONCILIATION_BOARD',
    authority: { SE: '', NO: 'Forliksrådet' },
    law: { SE: '', NO: 'Lov om mekling og rettergang i sivile tvister (tvisteloven, LOV-2005-06-17-90) kapittel 6' },
  },
  ENFORCEMENT: {
    event: 'ENFORCEMENT',
    step: 'ENFORCEMENT',
    authority: { SE: 'Kronofogdemyndigheten', NO: 'Namsmannen (politiet)' },
    law: { SE: 'Utsökningsbalken (1981:774)', NO: 'Lov om tvangsfullbyrdelse (tvangsfullbyrdelsesloven, LOV-1992-06-26-86)' },
  },
};

/**
 * Collection cases (issue 15 s.5-6, seeds 002, 003): the handoff of an overdue invoice to
 * collection, its steps (the agency's answers, a payment order application in Sweden, the
 * forliksråd and the namsmann in Norway) and its end; a credit loss proposed by collection and
 * approved by finance (four eyes). The one seam that applies libs/domain's collection-case table.
 *
 * Lock order: the client, then the invoice, then the case (as disputes and the credit service do).
 * Two people on one case: a claim (WorkQueueClaims) and the version looked at; the loser gets a CONFLICT.
 */
@Injectable()
export class CollectionCasesService {
  constructor(
    private readonly repository: CollectionCasesRepository,
    private readonly uow: UnitOfWork,
    private readonly timeline: TimelineService,
    private readonly ledger: Ledger,
    private readonly exposure: Exposure,
    private readonly rates: CollectionRatesRepository,
    private readonly reminders: RemindersRepository,
    private readonly approvals: ClientApprovals,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private readonly claims = new WorkQueueClaims<CaseRow>({
    table: 'collection_case',
    codePrefix: 'COLLECTION_CASE',
    noun: 'collection case',
    record: (tx, item, by, reason, step) => this.step(tx, item.id, step, this.today(item.country), staffActor(by), reason, {}),
  });

  private today(country: CountryCode = 'SE'): string {
    return this.clock.today(country).toString();
  }

  page(args: CollectionCasesArgs) {
    return this.repository.page(args, this.today());
  }

  one(id: string) {
    return this.repository.one(id, this.today());
  }

  /**
   * Hands an invoice to collection: the case with its claim as of the clock's today (the
   * principal still open, the fees and late interest still owed by the invoice's postings, and
   * the interest accrued since the last letter), the case's steps, a step on the invoice's
   * timeline, the debtor marked "unpaid before", and the agency's outbox row, in one transaction.
   */
  async handOff(args: HandOffArgs, by: StaffPrincipal): Promise<CollectionCaseType> {
    const id = await this.uow.transaction(async (tx) => {
      const invoice = await this.lockInvoice(tx, args.invoiceId);
      const today = this.today(invoice.country);
      const open = openAmount(invoice);
      if (invoice.status === 'FULLY_PAID' || (invoice.status === 'PURCHASED' && open.lte(0))) {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_INVOICE_PAID, `Invoice ${invoice.invoice_number} is paid: there is nothing to collect.`, { invoiceId: invoice.id, invoiceNumber: invoice.invoice_number });
      }
      if (invoice.status !== 'PURCHASED') {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_INVOICE_NOT_BOUGHT, `Invoice ${invoice.invoice_number} is not a bought invoice still open (${invoice.status.toLowerCase().replace('_', ' ')}).`, { invoiceId: invoice.id, invoiceNumber: invoice.invoice_number, status: invoice.status });
      }
      // Only an overdue claim goes to collection: on or before its due date the debtor owes nothing yet (and late interest would run from a day to come).
      if (today <= invoice.due_date) {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_INVOICE_NOT_DUE, `Invoice ${invoice.invoice_number} is not overdue: it falls due on ${invoice.due_date}.`, { invoiceId: invoice.id, invoiceNumber: invoice.invoice_number, dueDate: invoice.due_date });
      }
      if (invoice.open_dispute_id) {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_INVOICE_DISPUTED, `Invoice ${invoice.invoice_number} is disputed: end the dispute before collection.`, { invoiceId: invoice.id, invoiceNumber: invoice.invoice_number, disputeId: invoice.open_dispute_id });
      }
      // The debtor's case: a recourse invoice's case of the same invoice (against the client) is another.
      const [active] = await tx.query(`SELECT id FROM collection_case WHERE invoice_id = $1 AND recourse_invoice_id IS NULL AND state NOT IN ('PAID','WRITTEN_OFF','CLOSED')`, [invoice.id]);
      if (active) {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_ALREADY_HANDED_OFF, `Invoice ${invoice.invoice_number} is already with collection: work that case.`, { invoiceId: invoice.id, invoiceNumber: invoice.invoice_number, caseId: active.id });
      }
      // Seed 003: where the client's agreement asks for it, the client approves the handoff first. The follow-up asks when the
      // reminders are done; asked here if not yet, and that question stands (commits) although the handoff is refused.
      const approval = await this.approvals.ask(tx, invoice, ClientApprovalKind.COLLECTION_HANDOFF);
      try {
        this.approvals.assertHandoffApproved(approval, invoice.invoice_number);
      } catch (refusal) {
        throw refusal instanceof ConflictError ? new RefusedAfterCommit(refusal) : refusal;
      }
      const owed = await this.owedOnPostings(tx, invoice.id);
      const accrued = await this.interestTo(tx, invoice, today);
      // Seed 003: late interest the client has not approved (where its agreement asks) is not claimed: none was charged either.
      const interestWaits = !(await this.approvals.lateInterestApproved(tx, invoice, today));
      const interest = interestWaits ? new Decimal(0) : Decimal.max(owed.interest, accrued.interest);
      const ready = await tx.query(`SELECT taken_on::text FROM collection_step WHERE invoice_id = $1 AND step = 'COLLECTION'`, [invoice.id]);
      const [row] = await tx.query(
        `INSERT INTO collection_case (invoice_id, client_id, debtor_id, country, currency, state, claim_as_of, principal, fees, interest, interest_from, interest_rate,
                                      recourse_mode, approval_needed, opened_by, opened_at)
         VALUES ($1, $2, $3, $4, $5, 'HANDED_OFF', $6, $7, $8, $9, $10, $11, $12, $15, $13, $14) RETURNING id`,
        [invoice.id, invoice.client_id, invoice.debtor_id, invoice.country, invoice.currency, today, open.toFixed(2), owed.fees.toFixed(2), interest.toFixed(2),
          invoice.due_date, accrued.ratePercent, invoice.recourse_mode, by.id, this.clock.now(), approval !== null],
      );
      const claim = { principal: open.toFixed(2), fees: owed.fees.toFixed(2), interest: interest.toFixed(2), currency: invoice.currency, asOf: today };
      await this.step(tx, row.id, 'OPENED', today, staffActor(by), args.note ?? null, { claim, collectionReadyOn: ready[0]?.taken_on ?? null });
      // The case says whether the client's approval was needed, and how it was given.
      if (approval) {
        await this.step(tx, row.id, 'CLIENT_APPROVED', today, { type: 'SYSTEM' }, `The client approved the handoff${approval.answered_by_type === 'STAFF' ? ' by phone (recorded by staff)' : ' through its program'}.`, {
          askedOn: approval.asked_on,
          answeredAt: approval.answered_at,
          answeredBy: approval.answered_by_type,
          agreementVersion: approval.agreement_version,
        });
      } else {
        await this.step(tx, row.id, 'CLIENT_APPROVAL_NOT_NEEDED', today, { type: 'SYSTEM' }, 'The client\'s agreement asks for no approval of a handoff.', {});
      }
      await this.step(tx, row.id, 'HANDED_OFF', today, staffActor(by), null, { claim });
      const fileName = agencyFileName(row.id, invoice.invoice_number);
      await tx.query(`INSERT INTO collection_agency_outbox (case_id, file_name) VALUES ($1, $2)`, [row.id, fileName]);
      // The case of the invoice (migration 1764300017100): paying the invoice in full ends the case PAID in the same transaction.
      await tx.query(`UPDATE invoice SET collection_case_id = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [invoice.id, row.id]);
      // Issue 15 s.4: an invoice that goes to collection marks its debtor "unpaid before" for the credit and eligibility rules.
      if (invoice.debtor_id) await tx.query(`UPDATE debtor SET has_unpaid_before = true, updated_at = now() WHERE id = $1 AND NOT has_unpaid_before`, [invoice.debtor_id]);
      await this.invoiceStep(tx, invoice, by, 'HANDED_TO_COLLECTION', `Handed to collection: ${new Decimal(claim.principal).plus(claim.fees).plus(claim.interest).toFixed(2)} ${invoice.currency}`, { caseId: row.id, ...claim });
      return row.id as string;
    });
    return this.one(id);
  }

  /**
   * Hands an unpaid recourse invoice to collection (issue 15 s.3: it "goes through reminders and
   * collection itself"; seed 000: "om du inte betalar din regressfaktura så kommer den att hanteras
   * på samma vis som om din kund inte betalat fakturan"): once late and reminded, a case against
   * the client whose claim is what is still open of the recourse invoice. No fee or late interest
   * is added: the client's agreement charges none on a recourse invoice (RecourseFollowUp), so
   * none is claimed. The debtor's own case of the invoice, if any, goes on beside it (seed 000:
   * the factor keeps collecting from the debtor). Paying the recourse invoice ends the case PAID
   * (trigger, migration 1764300024000). The case, its steps, the recourse invoice's timeline step
   * and the agency's outbox row in one transaction.
   */
  async handOffRecourseInvoice(args: HandOffRecourseInvoiceArgs, by: StaffPrincipal): Promise<CollectionCaseType> {
    const id = await this.uow.transaction(async (tx) => {
      const [peek] = await tx.query(`SELECT client_id FROM recourse_invoice WHERE id = $1`, [args.recourseInvoiceId]);
      if (!peek) throw new NotFoundError(CollectionCaseError.COLLECTION_CASE_RECOURSE_INVOICE_NOT_FOUND, `No recourse invoice has the id ${args.recourseInvoiceId}.`);
      // Lock order: the client (as the recourse follow-up and payments take it), then the recourse invoice.
      await tx.query(`SELECT 1 FROM client WHERE id = $1 FOR UPDATE`, [peek.client_id]);
      const [r] = await tx.query(
        `SELECT r.id, r.invoice_id, r.client_id, r.country, r.currency, r.status, r.reference, r.amount::text, r.paid_amount::text, r.issue_date::text, r.due_date::text,
                r.reminded_on::text, i.invoice_number
           FROM recourse_invoice r JOIN invoice i ON i.id = r.invoice_id WHERE r.id = $1 FOR UPDATE OF r`,
        [args.recourseInvoiceId],
      );
      const facts = { recourseInvoiceId: r.id, reference: r.reference };
      if (r.status !== 'OPEN') {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_RECOURSE_INVOICE_NOT_OPEN, `Recourse invoice ${r.reference} is ${String(r.status).toLowerCase()}: there is nothing to collect.`, { ...facts, status: r.status });
      }
      const today = this.today(r.country);
      if (today <= r.due_date) {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_INVOICE_NOT_DUE, `Recourse invoice ${r.reference} is not overdue: it falls due on ${r.due_date}.`, { ...facts, dueDate: r.due_date });
      }
      if (!r.reminded_on) {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_RECOURSE_INVOICE_NOT_REMINDED, `Recourse invoice ${r.reference} has not been reminded yet: the client is reminded before collection.`, facts);
      }
      const [active] = await tx.query(`SELECT id FROM collection_case WHERE recourse_invoice_id = $1 AND state NOT IN ('PAID','WRITTEN_OFF','CLOSED')`, [r.id]);
      if (active) {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_ALREADY_HANDED_OFF, `Recourse invoice ${r.reference} is already with collection: work that case.`, { ...facts, caseId: active.id });
      }
      const open = new Decimal(r.amount).minus(r.paid_amount);
      const [row] = await tx.query(
        `INSERT INTO collection_case (invoice_id, client_id, debtor_id, recourse_invoice_id, country, currency, state, claim_as_of, principal, fees, interest, interest_from, interest_rate,
                                      recourse_mode, approval_needed, opened_by, opened_at)
         VALUES ($1, $2, NULL, $3, $4, $5, 'HANDED_OFF', $6, $7, 0, 0, $8, NULL, NULL, false, $9, $10) RETURNING id`,
        [r.invoice_id, r.client_id, r.id, r.country, r.currency, today, open.toFixed(2), r.due_date, by.id, this.clock.now()],
      );
      const claim = { principal: open.toFixed(2), fees: '0.00', interest: '0.00', currency: r.currency, asOf: today, recourseInvoice: r.reference };
      await this.step(tx, row.id, 'OPENED', today, staffActor(by), args.note ?? null, { claim, remindedOn: r.reminded_on });
      await this.step(tx, row.id, 'HANDED_OFF', today, staffActor(by), null, { claim });
      await tx.query(`INSERT INTO collection_agency_outbox (case_id, file_name) VALUES ($1, $2)`, [row.id, agencyFileName(row.id, `RECOURSE-${r.reference}`)]);
      await this.timeline.record(tx, {
        entityType: RECOURSE_INVOICE,
        entityId: r.id,
        actor: staffActor(by),
        fromState: 'OPEN',
        toState: 'OPEN',
        reason: `Handed to collection: ${open.toFixed(2)} ${r.currency}`,
        details: { step: 'RECOURSE_INVOICE_HANDED_TO_COLLECTION', caseId: row.id, open: { amount: open.toFixed(2) }, currency: r.currency },
      });
      return row.id as string;
    });
    return this.one(id);
  }

  async claim(id: string, by: StaffPrincipal): Promise<CollectionCaseType> {
    await this.uow.transaction(async (tx) => this.claims.claim(tx, await this.lockActive(tx, id), by));
    return this.one(id);
  }

  async release(id: string, by: StaffPrincipal): Promise<CollectionCaseType> {
    await this.uow.transaction(async (tx) => this.claims.release(tx, await this.lockActive(tx, id), by));
    return this.one(id);
  }

  /**
   * Escalates: in Sweden an application for a payment order at Kronofogden, in Norway the
   * forliksråd; then enforcement. The step records what the application needs: the parties,
   * the claim, the fees, the interest from which day at which rate (and by which law).
   */
  async escalate(args: EscalateArgs, by: StaffPrincipal): Promise<CollectionCaseType> {
    await this.uow.transaction(async (tx) => {
      const c = await this.lockActive(tx, args.id);
      await this.claims.assertFreeOrMine(tx, c, by);
      assertVersion(c, args.expectedVersion);
      const what = ESCALATIONS[args.escalation];
      const state = nextCollectionCaseState(c.state, what.event, c.country);
      const today = this.today(c.country);
      const [parties] = await tx.query(
        `SELECT i.invoice_number AS "invoiceNumber", i.due_date::text AS "dueDate", i.invoice_date::text AS "invoiceDate", coalesce(d.name, i.debtor->>'name') AS "debtorName",
                d.identity_number AS "debtorIdentityNumber", d.kind AS "debtorKind", d.address AS "debtorAddress", i.debtor AS "debtorAsInvoiced", c.legal_name AS "clientName"
           FROM invoice i JOIN client c ON c.id = i.client_id LEFT JOIN debtor d ON d.id = i.debtor_id WHERE i.id = $1`,
        [c.invoice_id],
      );
      const recourse = c.recourse_invoice_id ? await this.recourseParties(tx, c.recourse_invoice_id) : null;
      const details = {
        authority: what.authority[c.country],
        law: what.law[c.country],
        ...(recourse
          ? {
              // The client owes the factor its recourse invoice under the factoring agreement: the factor's own claim.
              applicant: 'The factor, as creditor of the recourse invoice under its factoring agreement with the client',
              debtor: recourse.client,
            }
          : {
              applicant: 'The factor, as assignee of the claim (the invoice was bought from the client)',
              assignor: parties.clientName,
              debtor: { name: parties.debtorName, identityNumber: parties.debtorIdentityNumber ?? null, kind: parties.debtorKind ?? null, address: parties.debtorAddress ?? null, asInvoiced: parties.debtorAsInvoiced },
            }),
        claim: {
          basis: recourse
            ? `Recourse invoice ${recourse.reference} dated ${recourse.issueDate}, due ${recourse.dueDate}, buying back invoice ${parties.invoiceNumber}`
            : `Invoice ${parties.invoiceNumber} dated ${parties.invoiceDate ?? 'unknown'}, due ${parties.dueDate}`,
          principal: c.principal,
          fees: c.fees,
          interestAccruedTo: { amount: c.interest, asOf: c.claim_as_of },
          currency: c.currency,
        },
        // A recourse invoice's claim carries no late interest (the agreement charges none on it): none is applied for.
        interest: recourse
          ? null
          : {
              fromDay: nextDay(c.interest_from),
              ratePercent: c.interest_rate,
              basis: c.country === 'SE' ? 'Räntelagen (1975:635) 6 §: the reference rate + 8 points, per half-year' : 'Forsinkelsesrenteloven (LOV-1976-12-17-100) § 3: the rate set per half-year',
            },
      };
      await tx.query(`UPDATE collection_case SET state = $2, version = version + 1 WHERE id = $1`, [c.id, state]);
      await this.step(tx, c.id, what.step, today, staffActor(by), args.note, details);
      const reason = `Collection: ${what.step.toLowerCase().replace(/_/g, ' ')}`;
      if (recourse) {
        // The step belongs to the recourse invoice (the bought-back invoice is the debtor's story).
        await this.timeline.record(tx, { entityType: RECOURSE_INVOICE, entityId: c.recourse_invoice_id!, actor: staffActor(by), toState: 'OPEN', fromState: 'OPEN', reason, details: { step: `RECOURSE_INVOICE_COLLECTION_${what.step}`, caseId: c.id } });
      } else {
        await this.timeline.record(tx, { entityType: INVOICE, entityId: c.invoice_id, actor: staffActor(by), toState: 'PURCHASED', fromState: 'PURCHASED', reason, details: { event: `COLLECTION_${what.step}`, step: `COLLECTION_${what.step}`, clientVisible: false, caseId: c.id } });
      }
    });
    return this.one(args.id);
  }

  /**
   * The agency's answer, as a step of the case: idempotent by the agency's reference (the same
   * answer recorded twice, or read twice from its file, is one step).
   */
  async agencyAnswer(input: AgencyAnswerInput, by: StaffPrincipal): Promise<CollectionCaseType> {
    await this.uow.transaction(async (tx) => {
      const c = await this.lockCase(tx, input.caseId);
      const [seen] = await tx.query(`SELECT 1 FROM collection_case_step WHERE case_id = $1 AND external_ref = $2`, [c.id, input.reference]);
      if (seen) return;
      if (!isActiveCollectionCase(c.state)) {
        throw new ConflictError(CollectionCaseError.COLLECTION_CASE_ANSWER_ON_ENDED_CASE, `This case has ended (${c.state.toLowerCase().replace(/_/g, ' ')}); the answer was not recorded.`, { state: c.state });
      }
      await tx.query(
        `INSERT INTO collection_case_step (case_id, step, on_date, actor_type, actor_id, actor_name, note, external_ref, details) VALUES ($1, $2, $3, 'AGENCY', $4, $5, $6, $7, $8)`,
        [c.id, `AGENCY_${input.kind}`, input.answeredOn, by.id, `Collection agency (recorded by ${by.name})`, input.note ?? null, input.reference, { kind: input.kind }],
      );
      await tx.query(`UPDATE collection_case SET version = version + 1 WHERE id = $1`, [c.id]);
    });
    return this.one(input.caseId);
  }

  /** Collection gives up: proposes a write-off (only for an invoice bought without recourse). Finance approves. */
  async proposeWriteOff(args: WriteOffArgs, by: StaffPrincipal): Promise<CollectionCaseType> {
    await this.uow.transaction(async (tx) => {
      const c = await this.lockActive(tx, args.id);
      await this.claims.assertFreeOrMine(tx, c, by);
      assertVersion(c, args.expectedVersion);
      assertNotRecourseCase(c);
      const [invoice] = await tx.query(`SELECT recourse_mode, invoice_number FROM invoice WHERE id = $1`, [c.invoice_id]);
      assertWithoutRecourse(invoice);
      const state = nextCollectionCaseState(c.state, 'PROPOSE_WRITE_OFF', c.country);
      await tx.query(`UPDATE collection_case SET state = $2, write_off_proposed_by = $3, write_off_proposed_at = $4, write_off_reason = $5, version = version + 1 WHERE id = $1`, [c.id, state, by.id, this.clock.now(), args.note]);
      await this.step(tx, c.id, 'WRITE_OFF_PROPOSED', this.today(c.country), staffActor(by), args.note, { previousState: c.state });
    });
    return this.one(args.id);
  }

  /**
   * Finance approves a proposed write-off (four eyes: never the proposer): the balanced entry
   * writing off what is still owed on the invoice's receivables (principal incl. the client's
   * VAT, fees, interest; no VAT: see credit-loss-postings.ts), the exposure released, the case
   * WRITTEN_OFF, a step on the invoice. The invoice's status is not changed: the lifecycle has no
   * write-off transition (the loss is the factor's; the client sold without recourse).
   */
  async approveWriteOff(args: ApproveWriteOffArgs, by: StaffPrincipal): Promise<CollectionCaseType> {
    await this.uow.transaction(async (tx) => {
      const [peek] = await tx.query(`SELECT client_id, invoice_id FROM collection_case WHERE id = $1`, [args.id]);
      if (!peek) throw new NotFoundError(CollectionCaseError.COLLECTION_CASE_NOT_FOUND, `No collection case has the id ${args.id}.`);
      await tx.query(`SELECT 1 FROM client WHERE id = $1 FOR UPDATE`, [peek.client_id]);
      const invoice = await this.lockInvoice(tx, peek.invoice_id);
      const c = await this.lockCase(tx, args.id);
      assertVersion(c, args.expectedVersion);
      const state = nextCollectionCaseState(c.state, 'APPROVE_WRITE_OFF', c.country);
      assertWriteOffFourEyes(c.write_off_proposed_by, by.id);
      assertNotRecourseCase(c);
      assertWithoutRecourse(invoice);
      const today = this.today(c.country);
      const owed = await this.owedOnPostings(tx, invoice.id);
      const total = owed.principal.plus(owed.fees).plus(owed.interest);
      if (total.lte(0)) throw new ConflictError(CollectionCaseError.COLLECTION_CASE_NOTHING_TO_WRITE_OFF, `Nothing is owed on invoice ${invoice.invoice_number} any more: there is no loss to book.`, { invoiceNumber: invoice.invoice_number });
      const entry = await this.ledger.post(tx, {
        book: c.country,
        date: today,
        causeType: COLLECTION_CASE,
        causeId: c.id,
        event: 'CREDIT_LOSS',
        description: `Credit loss on invoice ${invoice.invoice_number}: ${total.toFixed(2)} ${c.currency} (written off; no VAT: the output VAT was the client's)`,
        lines: creditLossPostings({ principal: owed.principal.toFixed(2), fees: owed.fees.toFixed(2), interest: owed.interest.toFixed(2) }).map((line) => ({
          ...line,
          clientId: invoice.client_id,
          invoiceId: invoice.id,
        })),
      });
      const released = await this.exposure.release(tx, invoice);
      await tx.query(
        `UPDATE collection_case SET state = $2, written_off_by = $3, written_off_at = $4, write_off_amount = $5, write_off_entry_id = $6, claimed_by = NULL, claimed_at = NULL, version = version + 1 WHERE id = $1`,
        [c.id, state, by.id, this.clock.now(), total.toFixed(2), entry.id],
      );
      const amounts = { principal: owed.principal.toFixed(2), fees: owed.fees.toFixed(2), interest: owed.interest.toFixed(2), total: total.toFixed(2), exposureReleased: released };
      await this.step(tx, c.id, 'WRITTEN_OFF', today, staffActor(by), null, { ...amounts, entryId: entry.id });
      if (invoice.debtor_id) await tx.query(`UPDATE debtor SET has_unpaid_before = true, updated_at = now() WHERE id = $1 AND NOT has_unpaid_before`, [invoice.debtor_id]);
      await this.invoiceStep(tx, invoice, by, 'WRITTEN_OFF', `Written off as a credit loss: ${total.toFixed(2)} ${c.currency}`, { caseId: c.id, ...amounts });
    });
    return this.one(args.id);
  }

  /** Finance sends a proposed write-off back: the case is worked again. */
  async rejectWriteOff(args: WriteOffArgs, by: StaffPrincipal): Promise<CollectionCaseType> {
    await this.uow.transaction(async (tx) => {
      const c = await this.lockCase(tx, args.id);
      assertVersion(c, args.expectedVersion);
      const state = nextCollectionCaseState(c.state, 'REJECT_WRITE_OFF', c.country);
      await tx.query(`UPDATE collection_case SET state = $2, write_off_proposed_by = NULL, write_off_proposed_at = NULL, write_off_reason = NULL, version = version + 1 WHERE id = $1`, [c.id, state]);
      await this.step(tx, c.id, 'WRITE_OFF_REJECTED', this.today(c.country), staffActor(by), args.note, {});
    });
    return this.one(args.id);
  }

  /** A recourse invoice's case: the client as the party that owes, and the recourse invoice as the basis of the claim. */
  private async recourseParties(tx: EntityManager, recourseInvoiceId: string) {
    const [row] = await tx.query(
      `SELECT r.reference, r.issue_date::text AS "issueDate", r.due_date::text AS "dueDate", c.legal_name AS name, c.organisation_number AS "organisationNumber", c.address
         FROM recourse_invoice r JOIN client c ON c.id = r.client_id WHERE r.id = $1`,
      [recourseInvoiceId],
    );
    return {
      reference: row.reference as string,
      issueDate: row.issueDate as string,
      dueDate: row.dueDate as string,
      client: { name: row.name as string, identityNumber: row.organisationNumber as string, kind: 'COMPANY', address: row.address ?? null },
    };
  }

  /** What the invoice's postings say is still owed: the purchased receivable, the fees and the late interest. */
  private async owedOnPostings(tx: EntityManager, invoiceId: string): Promise<{ principal: Decimal; fees: Decimal; interest: Decimal }> {
    const rows: Array<{ role: string; amount: string }> = await tx.query(
      `SELECT a.role, sum(p.amount)::text AS amount FROM journal_posting p
         JOIN (SELECT DISTINCT book, number, role FROM ledger_account WHERE role IN ('PURCHASED_RECEIVABLES','COLLECTION_FEE_RECEIVABLES','LATE_INTEREST_RECEIVABLES')) a
           ON a.book = p.book AND a.number = p.account
        WHERE p.invoice_id = $1 GROUP BY a.role`,
      [invoiceId],
    );
    const of = (role: string) => Decimal.max(new Decimal(rows.find((r) => r.role === role)?.amount ?? 0), 0);
    return { principal: of('PURCHASED_RECEIVABLES'), fees: of('COLLECTION_FEE_RECEIVABLES'), interest: of('LATE_INTEREST_RECEIVABLES') };
  }

  /**
   * Late interest accrued from the due date to `today` on what was owed (the follow-up's own
   * computation: per half-year segment, payments lowering the balance from their day), and the
   * rate in force today. Less what was paid of interest is not subtracted here: the case keeps
   * the larger of this and what the postings still hold.
   */
  private async interestTo(tx: EntityManager, invoice: CaseInvoice, today: string): Promise<{ interest: Decimal; ratePercent: string | null }> {
    if (today <= invoice.due_date) return { interest: new Decimal(0), ratePercent: null };
    const movements = await this.reminders.principalMovements(tx, invoice.id);
    const result = lateInterest({
      ...principalFromDueDate(movements, invoice.due_date, today),
      from: invoice.due_date,
      to: today,
      rates: await this.rates.lateInterestRates(invoice.country, tx),
      rateName: invoice.country === 'SE' ? 'Swedish late interest (reference rate + 8)' : 'Norwegian forsinkelsesrente',
    });
    const [paid] = await tx.query(
      `SELECT coalesce(sum(-p.amount), 0)::text AS paid FROM journal_posting p
         JOIN (SELECT DISTINCT book, number FROM ledger_account WHERE role = 'LATE_INTEREST_RECEIVABLES') a ON a.book = p.book AND a.number = p.account
        WHERE p.invoice_id = $1 AND p.amount < 0`,
      [invoice.id],
    );
    return { interest: Decimal.max(new Decimal(result.interest).minus(paid.paid), 0), ratePercent: result.segments.at(-1)?.ratePercent ?? null };
  }

  private async step(tx: EntityManager, caseId: string, step: string, onDate: string, actor: TimelineActor, note: string | null, details: Record<string, unknown>) {
    await tx.query(
      `INSERT INTO collection_case_step (case_id, step, on_date, actor_type, actor_id, actor_name, note, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [caseId, step, onDate, actor.type === 'STAFF' ? 'STAFF' : 'SYSTEM', actor.id ?? null, actor.name ?? 'System', note, details],
    );
  }

  /** A step on the invoice's timeline that changes no status (staff's; not shown to the client). */
  private async invoiceStep(tx: EntityManager, invoice: CaseInvoice, by: StaffPrincipal, step: string, reason: string, details: Record<string, unknown>) {
    // The handoff and the write-off are the client's steps too (issue 15 s.7): the day only, none of the case's figures.
    const forClient = isClientStep(step) ? clientStepDetails(step, { on: this.today(invoice.country) }) : {};
    await this.timeline.record(tx, { entityType: INVOICE, entityId: invoice.id, actor: staffActor(by), fromState: invoice.status, toState: invoice.status, reason, details: { event: step, step, clientVisible: false, ...details, ...forClient } });
    if (isClientStep(step)) await tellClient(tx, invoice, step === 'WRITTEN_OFF' ? 'invoice.written_off' : 'invoice.handed_to_collection', step, { on: this.today(invoice.country) });
  }

  private async lockInvoice(tx: EntityManager, invoiceId: string): Promise<CaseInvoice> {
    const [invoice] = await tx.query(
      `SELECT id, client_id, debtor_id, country, currency, status, invoice_number, due_date::text, recourse_mode, payable::text, credited_amount::text,
              recourse_amount::text, paid_amount::text, paid_to_client_amount::text, open_dispute_id
         FROM invoice WHERE id = $1 FOR UPDATE`,
      [invoiceId],
    );
    if (!invoice) throw new NotFoundError(CollectionCaseError.COLLECTION_CASE_INVOICE_NOT_FOUND, `No invoice has the id ${invoiceId}.`);
    return invoice;
  }

  private async lockCase(tx: EntityManager, id: string): Promise<CaseRow> {
    const [row] = await tx.query(
      `SELECT id, invoice_id, client_id, country, currency, state, principal::text, fees::text, interest::text, interest_from::text, interest_rate::text,
              claim_as_of::text, write_off_proposed_by, claimed_by, recourse_invoice_id, version
         FROM collection_case WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError(CollectionCaseError.COLLECTION_CASE_NOT_FOUND, `No collection case has the id ${id}.`);
    return row;
  }

  private async lockActive(tx: EntityManager, id: string): Promise<CaseRow> {
    const c = await this.lockCase(tx, id);
    if (!isActiveCollectionCase(c.state)) {
      throw new ConflictError(CollectionCaseError.COLLECTION_CASE_ENDED, `This collection case has ended (${c.state.toLowerCase().replace(/_/g, ' ')}).`, { state: c.state });
    }
    return c;
  }
}

/** The agency file's name: the case's id and the invoice's number, nothing that changes on a rerun. */
export function agencyFileName(caseId: string, invoiceNumber: string): string {
  return `collection-case-${caseId}-${invoiceNumber.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60)}.json`;
}

function openAmount(invoice: Pick<CaseInvoice, 'payable' | 'credited_amount' | 'recourse_amount' | 'paid_amount' | 'paid_to_client_amount'>): Decimal {
  return new Decimal(invoice.payable).minus(invoice.credited_amount).minus(invoice.recourse_amount).minus(invoice.paid_amount).minus(invoice.paid_to_client_amount);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function assertVersion(c: CaseRow, expected: number): void {
  if (c.version !== expected) {
    throw new ConflictError(CollectionCaseError.COLLECTION_CASE_CHANGED, `Someone changed this collection case since you opened it (version ${expected}, now ${c.version}). Reload and try again.`, { currentVersion: c.version });
  }
}

/** A recourse invoice's case is the client's debt to the factor: no credit loss on the debtor's invoice is booked from it (not built yet). */
function assertNotRecourseCase(c: Pick<CaseRow, 'recourse_invoice_id'>): void {
  if (c.recourse_invoice_id) {
    throw new ConflictError(
      CollectionCaseError.COLLECTION_CASE_RECOURSE_NO_WRITE_OFF,
      'This case collects a recourse invoice from the client: a write-off of it is not booked from a collection case.',
      { recourseInvoiceId: c.recourse_invoice_id },
    );
  }
}

function assertWithoutRecourse(invoice: { recourse_mode: string | null; invoice_number: string }): void {
  if (invoice.recourse_mode !== 'WITHOUT_RECOURSE') {
    throw new ConflictError(
      CollectionCaseError.COLLECTION_CASE_WITH_RECOURSE,
      `Invoice ${invoice.invoice_number} was bought with recourse: the client buys it back (a recourse invoice); the factor books no credit loss.`,
      { invoiceNumber: invoice.invoice_number, recourseMode: invoice.recourse_mode },
    );
  }
}
