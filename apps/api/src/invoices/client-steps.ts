import { CLIENT_STATUS_OF, CLIENT_STEPS, ClientStepCode, ClientStepFacts, clientStepDetails, InvoiceStatus } from '@factoring/domain';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { TimelineActor } from '../audit/timeline.service';

/** A step of an invoice's life the client hears of (issue 15 s.7): see libs/domain's CLIENT_STEPS. */
export interface ClientStep {
  invoiceId: string;
  code: ClientStepCode;
  /** What the client may read of it (amount, day, due date, reference...). */
  facts?: ClientStepFacts;
  /** For staff: the timeline's reason column (never shown to the client). */
  reason: string;
  /** Staff-only facts kept beside it on the timeline. */
  details?: Record<string, unknown>;
}

/** The client's event of a step: its invoice number and status, the step's code and words, its facts. */
export function clientStepPayload(invoiceNumber: string, status: InvoiceStatus, code: ClientStepCode, facts: ClientStepFacts = {}) {
  return { invoiceNumber, status: CLIENT_STATUS_OF[status], step: code, text: CLIENT_STEPS[code], ...clientStepDetails(code, facts).forClient };
}

/**
 * Writes the client's steps that change no status: each a timeline step on the invoice (with
 * `clientStep` and `forClient`, which the client's timeline reads) and an event in the outbox
 * under `topic`, in the caller's transaction; set-based, one statement for many invoices. The
 * invoice's status and number are read in the statement, so the caller need not hold them.
 */
export async function recordClientSteps(tx: EntityManager, topic: string | null, actor: TimelineActor, steps: ClientStep[]): Promise<void> {
  if (!steps.length) return;
  // No topic: the caller writes the step's event itself (its payload is older than these steps); only the timeline row here.
  const event = topic
    ? `INSERT INTO outbox_event (client_id, topic, subject_type, subject_id, payload)
     SELECT i.client_id, $9, 'INVOICE', i.invoice_id,
            jsonb_build_object('invoiceNumber', i.invoice_number, 'status', ($10::jsonb)->>i.status, 'step', i.code, 'text', ($11::jsonb)->i.code) || i.facts
       FROM i ORDER BY i.ord`
    : `SELECT $9::text, $10::jsonb, $11::jsonb`;
  await tx.query(
    `WITH s AS (SELECT u.invoice_id, u.code, u.reason, u.details, u.facts, u.ord FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS u(invoice_id, code, reason, details, facts, ord)),
          i AS (SELECT s.*, inv.client_id, inv.invoice_number, inv.status FROM s JOIN invoice inv ON inv.id = s.invoice_id),
          step AS (INSERT INTO timeline_event (entity_type, entity_id, actor_type, actor_id, actor_name, from_state, to_state, reason, details)
                   SELECT 'INVOICE', i.invoice_id, $6, $7::uuid, $8, i.status, i.status, i.reason,
                          i.details || jsonb_build_object('step', i.code, 'clientStep', i.code, 'forClient', i.facts, 'clientVisible', false)
                     FROM i ORDER BY i.ord)
     ${event}`,
    [
      steps.map((s) => s.invoiceId),
      steps.map((s) => s.code),
      steps.map((s) => s.reason),
      steps.map((s) => JSON.stringify(s.details ?? {})),
      steps.map((s) => JSON.stringify(clientStepDetails(s.code, s.facts).forClient)),
      actor.type,
      actor.id ?? null,
      actor.name ?? null,
      topic,
      JSON.stringify(CLIENT_STATUS_OF),
      JSON.stringify(CLIENT_STEPS),
    ],
  );
}

/**
 * The client's event of a step whose timeline row the caller writes itself (with
 * `clientStepDetails` in its details): the same payload as recordClientSteps', in the caller's transaction.
 */
export async function tellClient(
  tx: EntityManager,
  invoice: { id: string; client_id: string; invoice_number: string; status: InvoiceStatus },
  topic: string,
  code: ClientStepCode,
  facts: ClientStepFacts = {},
): Promise<void> {
  await tx.query(`INSERT INTO outbox_event (client_id, topic, subject_type, subject_id, payload) VALUES ($1, $2, 'INVOICE', $3, $4)`, [
    invoice.client_id,
    topic,
    invoice.id,
    clientStepPayload(invoice.invoice_number, invoice.status, code, facts),
  ]);
}

/**
 * The client's PARTLY_PAID steps of a settlement (issue 15 s.7): per invoice not paid off, what
 * came in (fees, interest and principal together, as the debtor paid it) and the last value day.
 */
export function partlyPaidSteps(paid: Array<{ invoice: { id: string; currency: string }; amount: Decimal; valueDate: string }>, paidOff: ReadonlySet<string>): ClientStep[] {
  const per = new Map<string, { currency: string; amount: Decimal; on: string }>();
  for (const p of paid) {
    if (paidOff.has(p.invoice.id) || p.amount.lte(0)) continue;
    const seen = per.get(p.invoice.id);
    if (seen) {
      seen.amount = seen.amount.plus(p.amount);
      if (p.valueDate > seen.on) seen.on = p.valueDate;
    } else per.set(p.invoice.id, { currency: p.invoice.currency, amount: p.amount, on: p.valueDate });
  }
  return [...per].map(([invoiceId, p]) => ({
    invoiceId,
    code: 'PARTLY_PAID' as const,
    facts: { amount: p.amount.toFixed(2), currency: p.currency, on: p.on },
    reason: `Partly paid: ${p.amount.toFixed(2)} ${p.currency} (value day ${p.on})`,
  }));
}
