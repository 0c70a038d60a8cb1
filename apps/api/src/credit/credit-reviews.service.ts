import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, LocalDate, NotFoundError } from '@factoring/domain';
import { achievedRate, clientStandingReason, creditDenialReasons, effectiveLimit, expectedSpotCheckRate } from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import { reasonView, ReasonType } from '../common/dto/common.types';
import { WorkQueueClaims } from '../common/work-queue-claims';
import { Exposure } from '../exposure/exposure.service';
import { analystActor, INVOICE, InvoiceLifecycle, LockedInvoice } from '../invoices/invoice-lifecycle';
import { InvoicesService } from '../invoices/invoices.service';
import { DebtorsService } from '../debtors/debtors.service';
import { RuleSettingsService } from '../rule-settings/rule-settings.service';
import { CreditService } from './credit.service';
import {
  CreditDecisionType,
  CreditReviewExposureNowType,
  CreditReviewLevelNowType,
  CreditReviewsArgs,
  CreditReviewStepType,
  CreditReviewStoryType,
  CreditReviewType,
  ReviewKind,
  SpotCheckOutcome,
} from './dto/review.types';
import { CreditError } from './credit-errors';

/** Unreachable this many times, a spot check goes to a manual assessment instead. */
const SPOT_CHECK_MAX_ATTEMPTS = 3;

interface LockedReview {
  id: string;
  invoice_id: string;
  kind: ReviewKind;
  state: string;
  claimed_by: string | null;
  attempts: number;
  paused_at: Date | null;
}

/**
 * The manual-assessment and spot-check queues. One owner at a time; two analysts on one item:
 * one wins, the other gets CONFLICT. Approving re-checks the limits under the same locks the
 * automatic decision takes, so a manual approval can never overrun a limit either.
 */
@Injectable()
export class CreditReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly credit: CreditService,
    private readonly timeline: TimelineService,
    private readonly lifecycle: InvoiceLifecycle,
    private readonly exposure: Exposure,
    private readonly settings: RuleSettingsService,
    private readonly invoices: InvoicesService,
    private readonly debtors: DebtorsService,
  ) {}

  /** The contacts analysts verified for each debtor (issue 9 h): one query for a page of items. */
  verifiedContacts(debtorIds: readonly string[]) {
    return this.debtors.verifiedContactsOf(debtorIds);
  }

  private readonly claims = new WorkQueueClaims<Pick<LockedReview, 'id' | 'invoice_id' | 'kind' | 'claimed_by'>>({
    table: 'credit_review',
    codePrefix: 'CREDIT_REVIEW',
    noun: 'item',
    record: (tx, review, by, reason, step) => this.timeline.record(tx, { entityType: INVOICE, entityId: review.invoice_id, actor: actor(by), toState: review.kind, reason, details: { step } }),
  });

  async list(args: CreditReviewsArgs, me: StaffPrincipal, now = new Date()): Promise<{ items: CreditReviewType[]; total: number }> {
    const where = [`r.state ${args.filter?.state ? '= $1' : "<> 'CLOSED' AND $1::text IS NULL"}`];
    const params: unknown[] = [args.filter?.state ?? null];
    if (args.filter?.kind) where.push(`r.kind = $${params.push(args.filter.kind)}`);
    if (args.filter?.mine) where.push(`r.claimed_by = $${params.push(me.id)}`);
    const clause = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM credit_review r ${clause}`, params);
    const rows = await this.db.query(`${REVIEW_SELECT} ${clause} ORDER BY r.opened_at, r.id LIMIT ${args.perPage} OFFSET ${args.page * args.perPage}`, params);
    return { items: rows.map((row: ReviewRow) => toReview(row, now)), total };
  }

  async get(id: string, now = new Date()): Promise<CreditReviewType> {
    const [row] = await this.db.query(`${REVIEW_SELECT} WHERE r.id = $1`, [id]);
    if (!row) throw new NotFoundError(CreditError.CREDIT_REVIEW_NOT_FOUND, `No review has the id ${id}.`);
    return toReview(row, now);
  }

  /**
   * The item's whole story (issue 11 s.4): the spot check that sent a manual assessment here (or the
   * manual assessment a spot check went on to), the calls, questions and answers on its invoice,
   * whether its clock is paused, and the exposure against each limit now, beside the rules' snapshot.
   */
  async story(id: string, today = LocalDate.today()): Promise<CreditReviewStoryType> {
    const [row] = await this.db.query(
      `SELECT r.kind, r.state, r.paused_at, r.invoice_id, i.client_id, i.debtor_id, (i.payable - i.credited_amount)::text AS open,
              came.id AS came_from_id, came.outcome AS came_from_outcome, next.id AS follow_up_id
         FROM credit_review r
         JOIN invoice i ON i.id = r.invoice_id
         LEFT JOIN LATERAL (SELECT s.id, s.outcome FROM credit_review s
                             WHERE r.kind = 'MANUAL_ASSESSMENT' AND s.invoice_id = r.invoice_id AND s.kind = 'SPOT_CHECK'
                               AND s.outcome IN ('NOT_CONFIRMED', 'UNREACHABLE') AND s.opened_at <= r.opened_at
                             ORDER BY s.opened_at DESC, s.id DESC LIMIT 1) came ON true
         LEFT JOIN LATERAL (SELECT m.id FROM credit_review m
                             WHERE r.kind = 'SPOT_CHECK' AND r.outcome IN ('NOT_CONFIRMED', 'UNREACHABLE') AND m.invoice_id = r.invoice_id
                               AND m.kind = 'MANUAL_ASSESSMENT' AND m.opened_at >= r.opened_at
                             ORDER BY m.opened_at, m.id LIMIT 1) next ON true
        WHERE r.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError(CreditError.CREDIT_REVIEW_NOT_FOUND, `No review has the id ${id}.`);
    const events: Array<{ occurred_at: Date; actor_name: string | null; details: Record<string, unknown> | null }> = await this.db.query(
      `SELECT occurred_at, actor_name, details FROM timeline_event
        WHERE entity_type = $1 AND entity_id = $2
          AND (details->>'step' IN ('DEBTOR_UNREACHABLE', 'CLIENT_ANSWERED')
               OR details->>'event' = 'INFORMATION_REQUESTED'
               OR (details->>'event' = 'SENT_TO_MANUAL_ASSESSMENT' AND details ? 'spotCheckOutcome'))
        ORDER BY id`,
      [INVOICE, row.invoice_id],
    );
    return {
      cameFromReviewId: row.came_from_id ?? null,
      cameFromOutcome: row.came_from_outcome ?? null,
      followUpReviewId: row.follow_up_id ?? null,
      steps: events.map((event) => storyStep(event)),
      clockPaused: row.state === 'WAITING_FOR_CLIENT',
      pausedAt: row.state === 'WAITING_FOR_CLIENT' ? row.paused_at : null,
      exposureNow: row.state === 'CLOSED' || !row.debtor_id ? null : await this.exposureNow(row.client_id, row.debtor_id, row.open, today),
    };
  }

  /** Each limit now with the invoice's open amount on top: read only, no lock (the decision checks again under lock). */
  private async exposureNow(clientId: string, debtorId: string, open: string, today: LocalDate): Promise<CreditReviewExposureNowType> {
    const [client] = await this.db.query(
      `SELECT c.exposure::text, a.credit_limit::text AS limit FROM client c
         LEFT JOIN LATERAL (SELECT credit_limit FROM client_agreement WHERE client_id = c.id ORDER BY version DESC LIMIT 1) a ON true
        WHERE c.id = $1`,
      [clientId],
    );
    const [debtor] = await this.db.query(`SELECT exposure::text, credit_limit::text AS limit, temporary_raise::text, temporary_raise_until::text FROM debtor WHERE id = $1`, [debtorId]);
    const [pair] = await this.db.query(
      `SELECT exposure::text, credit_limit::text AS limit, temporary_raise::text, temporary_raise_until::text FROM client_debtor WHERE client_id = $1 AND debtor_id = $2`,
      [clientId, debtorId],
    );
    const level = (r: LimitRow | undefined): CreditReviewLevelNowType | null => {
      if (!r || r.limit === null || r.limit === undefined) return null;
      const limit = effectiveLimit(
        { limit: r.limit, temporaryRaise: r.temporary_raise && r.temporary_raise_until ? { amount: r.temporary_raise, expiresOn: LocalDate.parse(r.temporary_raise_until) } : undefined },
        today,
      );
      const after = new Decimal(r.exposure).plus(open);
      return {
        limit: limit.amount,
        raiseInForce: limit.raiseInForce,
        exposureBefore: new Decimal(r.exposure).toFixed(2),
        exposureAfter: after.toFixed(2),
        headroomAfter: new Decimal(limit.amount).minus(after).toFixed(2),
      };
    };
    return { debtor: level(debtor), client: level(client), pair: level(pair) };
  }

  /** Every decision on each invoice, oldest first: one query for a page of invoices. */
  async decisions(invoiceIds: readonly string[]): Promise<Map<string, CreditDecisionType[]>> {
    const rows = await this.db.query(
      `SELECT d.invoice_id, d.kind, d.outcome, d.reasons, d.figures, d.rules_version, d.note, d.decided_at, s.id AS staff_id, s.name AS staff_name
         FROM credit_decision d LEFT JOIN staff_member s ON s.id = d.decided_by WHERE d.invoice_id = ANY($1) ORDER BY d.invoice_id, d.id`,
      [invoiceIds],
    );
    const decisions = new Map<string, CreditDecisionType[]>();
    for (const row of rows as Array<Record<string, unknown>>) {
      const list = decisions.get(row.invoice_id as string) ?? [];
      list.push({
        kind: row.kind as string,
        outcome: row.outcome as string,
        reasons: row.reasons as ReasonType[],
        figures: row.figures,
        rulesVersion: row.rules_version as string | null,
        decidedBy: row.staff_id ? { id: row.staff_id as string, name: row.staff_name as string } : null,
        note: row.note as string | null,
        decidedAt: row.decided_at as Date,
      });
      decisions.set(row.invoice_id as string, list);
    }
    return decisions;
  }

  /** The achieved spot-check rate over the client's automatic decisions, and the rate for its next invoice. */
  async spotCheckRate(clientId: string, country: 'SE' | 'NO', intensity: string) {
    const rows: Array<{ selected: boolean }> = await this.db.query(
      `SELECT coalesce((d.figures->'spotCheck'->>'selected')::boolean, false) AS selected
         FROM credit_decision d JOIN invoice i ON i.id = d.invoice_id WHERE i.client_id = $1 AND d.kind = 'AUTOMATIC'`,
      [clientId],
    );
    const achieved = achievedRate(rows);
    const settings = await this.settings.inForce('spotCheck', country, LocalDate.today());
    return {
      decisions: achieved.total,
      selected: achieved.selected,
      achieved: achieved.rate,
      expectedNext: expectedSpotCheckRate(achieved.total + 1, intensity as never, settings.value),
    };
  }

  async claim(id: string, by: StaffPrincipal): Promise<CreditReviewType> {
    await this.uow.transaction(async (tx) => this.claims.claim(tx, await this.lockOpen(tx, id, by), by));
    return this.get(id);
  }

  /** The oldest unclaimed item of a queue. */
  async claimNext(kind: ReviewKind, by: StaffPrincipal): Promise<CreditReviewType | null> {
    const next = await this.uow.transaction((tx) =>
      this.claims.claimNext(
        tx,
        `SELECT id, invoice_id, kind, claimed_by FROM credit_review WHERE kind = $1 AND state = 'OPEN' AND claimed_by IS NULL
          ORDER BY opened_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [kind],
        by,
      ),
    );
    return next ? this.get(next.id) : null;
  }

  /** Gives the item back to the queue; only its holder can. */
  async release(id: string, by: StaffPrincipal): Promise<CreditReviewType> {
    await this.uow.transaction(async (tx) => this.claims.release(tx, await this.lockOpen(tx, id, by), by));
    return this.get(id);
  }

  async approve(id: string, note: string | undefined, by: StaffPrincipal): Promise<CreditReviewType> {
    await this.uow.transaction(async (tx) => {
      const review = await this.lockOpen(tx, id, by);
      await this.approveInvoice(tx, review, note, by);
    });
    return this.get(id);
  }

  async deny(id: string, note: string, reasonCodes: string[] | undefined, by: StaffPrincipal): Promise<CreditReviewType> {
    const reasons = creditDenialReasons(reasonCodes);
    await this.uow.transaction(async (tx) => {
      const review = await this.lockOpen(tx, id, by);
      await this.denyInvoice(tx, review, note, by, reasons.map(reasonView));
    });
    return this.get(id);
  }

  /** Asks the client for information: the clock stops until someone resumes the item (seed 000's manual assessment on request). */
  async askClient(id: string, question: string, by: StaffPrincipal): Promise<CreditReviewType> {
    await this.uow.transaction(async (tx) => {
      const review = await this.lockOpen(tx, id, by);
      if (review.state !== 'OPEN') throw new ConflictError(CreditError.CREDIT_REVIEW_ALREADY_WAITING, 'This item is already waiting for the client.');
      await tx.query(`UPDATE credit_review SET state = 'WAITING_FOR_CLIENT', paused_at = now(), version = version + 1 WHERE id = $1`, [id]);
      // The question is written for the client: it goes in the client's event.
      await this.lifecycle.transition(tx, review.invoice_id, 'INFORMATION_REQUESTED', analystActor(by), { note: `Information requested from the client: ${question}`, typed: question, clientPayload: { question } });
    });
    return this.get(id);
  }

  /** The client answered: the clock runs again, with the waiting time added to the promised time. */
  async resume(id: string, note: string, by: StaffPrincipal): Promise<CreditReviewType> {
    await this.uow.transaction(async (tx) => {
      const review = await this.lockOpen(tx, id, by);
      if (review.state !== 'WAITING_FOR_CLIENT') throw new ConflictError(CreditError.CREDIT_REVIEW_NOT_WAITING, 'This item is not waiting for the client.');
      await tx.query(
        `UPDATE credit_review SET state = 'OPEN', due_at = due_at + (now() - paused_at), paused_at = NULL, version = version + 1 WHERE id = $1`,
        [id],
      );
      await this.timeline.record(tx, { entityType: INVOICE, entityId: review.invoice_id, actor: actor(by), fromState: review.kind, toState: review.kind, reason: `The client answered: ${note}`, details: { step: 'CLIENT_ANSWERED', typed: note } });
    });
    return this.get(id);
  }

  /** What the debtor said on the phone (seed 004): confirmed goes on to purchase; not confirmed to a person or a denial; unreachable is retried, then escalated. */
  async recordSpotCheck(id: string, outcome: SpotCheckOutcome, note: string | undefined, deny: boolean, by: StaffPrincipal): Promise<CreditReviewType> {
    await this.uow.transaction(async (tx) => {
      const review = await this.lockOpen(tx, id, by);
      if (review.kind !== ReviewKind.SPOT_CHECK) throw new ConflictError(CreditError.CREDIT_REVIEW_NOT_SPOT_CHECK, 'This item is a manual assessment, not a spot check.');
      const said = note ? `: ${note}` : '';
      if (outcome === SpotCheckOutcome.CONFIRMED) {
        // Confirmed on a contact the analyst found and checked, never on the one the seller typed (issue 9 h).
        const [{ debtor_id: debtorId }] = await tx.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [review.invoice_id]);
        const [verified] = debtorId ? await this.debtors.verifiedContacts(debtorId, tx) : [];
        if (!verified) {
          throw new ConflictError(
            CreditError.SPOT_CHECK_CONTACT_NOT_VERIFIED,
            'Record a contact for the debtor that you verified yourself, and where it came from, before recording that the debtor confirmed: the contact on the invoice was given by the client.',
          );
        }
        const where = verified.phone ?? verified.email;
        return this.approveInvoice(tx, review, `Debtor confirmed the invoice on ${where} (${verified.source}: ${verified.sourceDetail})${said}`, by, {
          verifiedContactId: verified.id,
          spotCheckOutcome: outcome,
          contact: where,
          contactSource: verified.source,
        }, note);
      }
      if (outcome === SpotCheckOutcome.NOT_CONFIRMED && deny) {
        return this.denyInvoice(tx, review, `Debtor did not confirm the invoice${said}`, by, creditDenialReasons(['DENIAL_NOT_CONFIRMED_BY_DEBTOR']).map(reasonView), note);
      }
      if (outcome === SpotCheckOutcome.UNREACHABLE && review.attempts + 1 < SPOT_CHECK_MAX_ATTEMPTS) {
        await tx.query(`UPDATE credit_review SET attempts = attempts + 1, version = version + 1 WHERE id = $1`, [id]);
        await this.timeline.record(tx, { entityType: INVOICE, entityId: review.invoice_id, actor: actor(by), fromState: 'SPOT_CHECK', toState: 'SPOT_CHECK', reason: `Debtor unreachable (attempt ${review.attempts + 1} of ${SPOT_CHECK_MAX_ATTEMPTS})${said}`, details: { step: 'DEBTOR_UNREACHABLE', attempt: review.attempts + 1, of: SPOT_CHECK_MAX_ATTEMPTS, typed: note ?? null } });
        return;
      }
      // Not confirmed, or unreachable too often: a person assesses it.
      const why = outcome === SpotCheckOutcome.UNREACHABLE ? `Debtor unreachable ${SPOT_CHECK_MAX_ATTEMPTS} times` : `Debtor did not confirm the invoice`;
      await this.close(tx, id, outcome);
      await this.lifecycle.transition(tx, review.invoice_id, 'SENT_TO_MANUAL_ASSESSMENT', analystActor(by), { note: `${why}${said}`, typed: note ?? null, details: { spotCheckOutcome: outcome, ...(outcome === SpotCheckOutcome.UNREACHABLE ? { attempts: SPOT_CHECK_MAX_ATTEMPTS } : {}) } });
      // A new promise from now: the person who picks it up starts afresh.
      const [{ country }] = await tx.query(`SELECT country FROM invoice WHERE id = $1`, [review.invoice_id]);
      await this.credit.openReview(tx, review.invoice_id, country, 'MANUAL_ASSESSMENT', new Date());
    });
    return this.get(id);
  }

  /** `typed`: the analyst's own words, when `note` is more than that (a spot check's sentence around them). */
  private async approveInvoice(tx: EntityManager, review: LockedReview, note: string | undefined, by: StaffPrincipal, details: Record<string, unknown> = {}, typed = note): Promise<void> {
    const invoice = await this.invoiceOf(tx, review.invoice_id);
    if (!invoice.accepted_at) {
      // Stopped before an offer was accepted (a suspected twin, or a refusal the client asked about): the client gets an offer.
      await this.invoices.openOffer(tx, invoice.id, analystActor(by), note, new Date());
      await tx.query(`INSERT INTO credit_decision (invoice_id, kind, outcome, reasons, decided_by, note) VALUES ($1, 'MANUAL', 'APPROVE', '[]', $2, $3)`, [invoice.id, by.id, note ?? null]);
      await this.close(tx, review.id, 'APPROVED');
      return;
    }
    // Every purchase re-checks the client's state in its own transaction (issue 9 b).
    const standing = clientStandingReason(invoice.client_state);
    if (standing) throw new ConflictError(standing.code, 'The client may not sell invoices now (blocked or no longer a client): deny the invoice instead.');
    await this.assertWithinLimits(tx, invoice);
    await this.lifecycle.transition(tx, invoice, 'PURCHASE', analystActor(by), { note: note ?? 'Approved after review', typed: typed ?? null, details, clientPayload: { reasons: [] } });
    // What is bought is what is left after any credit note (issue 9 e).
    await this.exposure.reserve(tx, invoice, invoice.open);
    await tx.query(`INSERT INTO credit_decision (invoice_id, kind, outcome, reasons, decided_by, note) VALUES ($1, $2, 'APPROVE', '[]', $3, $4)`, [
      invoice.id,
      review.kind === ReviewKind.SPOT_CHECK ? 'SPOT_CHECK' : 'MANUAL',
      by.id,
      // The decision keeps the person's own words; what the spot check found is on the timeline step.
      typed ?? null,
    ]);
    await this.close(tx, review.id, 'APPROVED');
  }

  private async denyInvoice(tx: EntityManager, review: LockedReview, note: string, by: StaffPrincipal, reasons: ReasonType[], typed: string | undefined = note): Promise<void> {
    const invoice = await this.invoiceOf(tx, review.invoice_id);
    await this.lifecycle.transition(tx, invoice, invoice.accepted_at ? 'DENY' : 'OFFER_REVIEW_DENIED', analystActor(by), {
      note,
      typed: typed ?? null,
      details: { reasons: reasons.map((r) => r.code) },
      // Denial reasons an analyst picks are written for the client (analyst-denial.ts); the note is not.
      clientPayload: { reasons },
    });
    await tx.query(`INSERT INTO credit_decision (invoice_id, kind, outcome, reasons, decided_by, note) VALUES ($1, $2, 'DENY', $3, $4, $5)`, [
      invoice.id,
      review.kind === ReviewKind.SPOT_CHECK ? 'SPOT_CHECK' : 'MANUAL',
      JSON.stringify(reasons),
      by.id,
      typed ?? null,
    ]);
    await this.close(tx, review.id, 'DENIED');
  }

  /** The same limits the automatic decision checks, under the same locks (client, debtor, pair). */
  private async assertWithinLimits(tx: EntityManager, invoice: { client_id: string; debtor_id: string; open: string }): Promise<void> {
    const today = LocalDate.today();
    const [client] = await tx.query(
      `SELECT c.exposure::text, a.credit_limit::text AS limit FROM client c
         JOIN LATERAL (SELECT credit_limit FROM client_agreement WHERE client_id = c.id ORDER BY version DESC LIMIT 1) a ON true
        WHERE c.id = $1 FOR UPDATE OF c`,
      [invoice.client_id],
    );
    const [debtor] = await tx.query(`SELECT exposure::text, credit_limit::text AS limit, temporary_raise::text, temporary_raise_until::text FROM debtor WHERE id = $1 FOR UPDATE`, [invoice.debtor_id]);
    const [pair] = await tx.query(
      `SELECT exposure::text, credit_limit::text AS limit, temporary_raise::text, temporary_raise_until::text FROM client_debtor WHERE client_id = $1 AND debtor_id = $2 FOR UPDATE`,
      [invoice.client_id, invoice.debtor_id],
    );
    const over = [
      ['client', client],
      ['debtor', debtor],
      ['client and debtor pair', pair],
    ].filter(([, row]) => {
      const r = row as { exposure: string; limit: string | null; temporary_raise?: string | null; temporary_raise_until?: string | null };
      if (r.limit === null) return false;
      const limit = effectiveLimit(
        { limit: r.limit, temporaryRaise: r.temporary_raise && r.temporary_raise_until ? { amount: r.temporary_raise, expiresOn: LocalDate.parse(r.temporary_raise_until) } : undefined },
        today,
      ).amount;
      return new Decimal(r.exposure).plus(invoice.open).gt(limit);
    });
    if (over.length) {
      throw new ConflictError(
        CreditError.CREDIT_LIMIT_WOULD_BE_EXCEEDED,
        `Buying this invoice would exceed the ${over.map(([name]) => name).join(' and the ')} limit. Raise the limit (a temporary raise will do) or deny the invoice.`,
      );
    }
  }

  private async lockOpen(tx: EntityManager, id: string, by: StaffPrincipal): Promise<LockedReview> {
    const [review] = await tx.query(`SELECT id, invoice_id, kind, state, claimed_by, attempts, paused_at FROM credit_review WHERE id = $1 FOR UPDATE`, [id]);
    if (!review) throw new NotFoundError(CreditError.CREDIT_REVIEW_NOT_FOUND, `No review has the id ${id}.`);
    if (review.state === 'CLOSED') throw new ConflictError(CreditError.CREDIT_REVIEW_CLOSED, 'This item has already been decided.');
    await this.claims.assertFreeOrMine(tx, review, by);
    return review;
  }

  private async invoiceOf(tx: EntityManager, invoiceId: string) {
    // Locks in the one order every invoice change takes: the client, then the invoice (then debtor and pair).
    await tx.query(`SELECT 1 FROM client WHERE id = (SELECT client_id FROM invoice WHERE id = $1) FOR UPDATE`, [invoiceId]);
    const [invoice] = await tx.query(
      `SELECT i.id, i.client_id, i.debtor_id, (i.payable - i.credited_amount)::text AS open, i.invoice_number, i.status, i.version, i.accepted_at, c.state AS client_state
         FROM invoice i JOIN client c ON c.id = i.client_id WHERE i.id = $1 FOR UPDATE OF i`,
      [invoiceId],
    );
    return invoice as LockedInvoice & { debtor_id: string; open: string; accepted_at: Date | null; client_state: string };
  }

  private async close(tx: EntityManager, id: string, outcome: string): Promise<void> {
    await tx.query(`UPDATE credit_review SET state = 'CLOSED', closed_at = now(), outcome = $2, paused_at = NULL, version = version + 1 WHERE id = $1`, [id, outcome]);
  }
}

const actor = (by: StaffPrincipal) => ({ type: 'STAFF' as const, id: by.id, name: by.name });

interface LimitRow {
  exposure: string;
  limit: string | null;
  temporary_raise?: string | null;
  temporary_raise_until?: string | null;
}

/** A timeline step of the invoice as a step of the item's story, by its code (the console words it). */
function storyStep(event: { occurred_at: Date; actor_name: string | null; details: Record<string, unknown> | null }): CreditReviewStepType {
  const details = event.details ?? {};
  const typed = typeof details.typed === 'string' ? details.typed : null;
  const code =
    details.step === 'DEBTOR_UNREACHABLE'
      ? 'SPOT_CHECK_UNREACHABLE_ATTEMPT'
      : details.step === 'CLIENT_ANSWERED'
        ? 'CLIENT_ANSWER'
        : details.event === 'INFORMATION_REQUESTED'
          ? 'QUESTION_TO_CLIENT'
          : `SPOT_CHECK_${String(details.spotCheckOutcome)}`;
  return {
    code,
    at: event.occurred_at,
    by: event.actor_name,
    text: typed,
    attempt: typeof details.attempt === 'number' ? details.attempt : null,
  };
}

const REVIEW_SELECT = `
  SELECT r.*, i.invoice_number, i.client_id, c.legal_name AS client_name, i.debtor_id, i.debtor AS debtor_snapshot,
         coalesce(d.name, i.debtor->>'name') AS debtor_name, d.email AS debtor_email, d.phone AS debtor_phone, d.contact_given_by_client_id, i.payable::text AS amount, i.currency,
         s.name AS claimed_by_name,
         (SELECT row_to_json(x) FROM (SELECT reasons, figures FROM credit_decision WHERE invoice_id = r.invoice_id AND kind = 'AUTOMATIC' ORDER BY id DESC LIMIT 1) x) AS decision
    FROM credit_review r
    JOIN invoice i ON i.id = r.invoice_id
    JOIN client c ON c.id = i.client_id
    -- An invoice whose debtor number was invalid has no debtor row: its item must still show (issue 9 j).
    LEFT JOIN debtor d ON d.id = i.debtor_id
    LEFT JOIN staff_member s ON s.id = r.claimed_by`;

interface ReviewRow {
  id: string;
  kind: ReviewKind;
  state: CreditReviewType['state'];
  invoice_id: string;
  invoice_number: string;
  client_id: string;
  client_name: string;
  debtor_id: string | null;
  debtor_name: string;
  debtor_email: string | null;
  debtor_phone: string | null;
  contact_given_by_client_id: string | null;
  debtor_snapshot: Record<string, unknown>;
  amount: string;
  currency: string;
  opened_at: Date;
  due_at: Date;
  claimed_by: string | null;
  claimed_by_name: string | null;
  attempts: number;
  outcome: string | null;
  version: number;
  decision: { reasons: ReasonType[]; figures: unknown } | null;
}

function toReview(row: ReviewRow, now: Date): CreditReviewType {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    clientId: row.client_id,
    clientName: row.client_name,
    debtorId: row.debtor_id,
    debtorName: row.debtor_name,
    debtorContact: {
      registered: {
        name: row.debtor_name,
        email: row.debtor_email,
        phone: row.debtor_phone,
        // A contact the client typed is its word, not a way to check its invoice (issue 9 h).
        givenBy: row.debtor_email || row.debtor_phone ? (row.contact_given_by_client_id ? 'CLIENT_INVOICE' : 'STAFF') : null,
      },
      onInvoice: row.debtor_snapshot,
    },
    amount: row.amount,
    currency: row.currency,
    openedAt: row.opened_at,
    dueAt: row.due_at,
    overdue: row.state === 'OPEN' && row.due_at < now,
    ageHours: Math.floor((now.getTime() - row.opened_at.getTime()) / 3_600_000),
    claimedBy: row.claimed_by ? { id: row.claimed_by, name: row.claimed_by_name ?? '' } : null,
    attempts: row.attempts,
    reasons: row.decision?.reasons ?? [],
    figures: row.decision?.figures ?? null,
    outcome: row.outcome,
    version: row.version,
  };
}
