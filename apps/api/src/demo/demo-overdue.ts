import { Clock, CountryCode, SUPPORTED_COUNTRIES } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { FollowUpRun, FollowUpService } from '../collection/follow-up.service';
import { INVOICE } from '../invoices/invoice-lifecycle';

/**
 * DEMO DATA ONLY (issue 11 s.5): the overdue queue is empty on a fresh start, because the rules
 * refuse to buy an invoice already due. So, after the demo's accounting program has sold its
 * invoices and they are bought, this step moves the due dates of a few of them into the past
 * and runs the day's collection follow-up, so the reminders, the overdue queue and its aging
 * chart have something to show. Only `demo-accounting-program.main.ts` (npm start, the browser
 * stack) calls it: no resolver, worker or service reaches it.
 *
 * Only the invoice's own dates move (its invoice and delivery date by the same days, so its
 * terms stay as the client wrote them); the purchase stays booked as it was (the day it was
 * bought, its amounts, its ledger entry and the debtor's exposure): nothing of those depends on
 * the due date. Each move is a timeline step DEMO_DUE_DATE_MOVED on the invoice, which is also
 * what makes it happen once: an invoice that has the step is never moved again, so a second
 * start (or one a week later) changes nothing; the follow-up itself acts once per day and step.
 */
export interface DemoOverdueInvoice {
  country: CountryCode;
  /** The demo client's organisation number (seed/demo-clients.ts): no other client's invoice is touched. */
  clientOrganisationNumber: string;
  invoiceNumber: string;
  /** Days past due on the day moved. */
  daysPastDue: number;
}

/**
 * Three ages the aging chart tells apart: a Swedish invoice 12 days late (bought with recourse:
 * the agreement's 30 days before the client buys it back are not yet up), two Norwegian ones
 * 40 and 75 days late (bought without recourse, so they stay with collection); and the two the
 * demo then hands to collection, 50 and 120 days late.
 */
export const DEMO_OVERDUE: readonly DemoOverdueInvoice[] = [
  { country: 'SE', clientOrganisationNumber: '556712-3400', invoiceNumber: 'DEMO-SE-1001', daysPastDue: 12 },
  { country: 'NO', clientOrganisationNumber: '923456783', invoiceNumber: 'DEMO-NO-1010', daysPastDue: 40 },
  { country: 'NO', clientOrganisationNumber: '923456783', invoiceNumber: 'DEMO-NO-1011', daysPastDue: 75 },
  // Handed to collection by the demo once overdue and reminded (demo-accounting-program.ts: HANDOFF, WRITE_OFF).
  { country: 'NO', clientOrganisationNumber: '923456783', invoiceNumber: 'DEMO-NO-1008', daysPastDue: 50 },
  { country: 'NO', clientOrganisationNumber: '923456783', invoiceNumber: 'DEMO-NO-1009', daysPastDue: 120 },
];

export const DEMO_DUE_DATE_MOVED = 'DEMO_DUE_DATE_MOVED';

export interface DemoOverdueResult {
  moved: Array<{ invoiceNumber: string; dueDate: string }>;
  followUp: FollowUpRun[];
}

export async function moveDemoInvoicesOverdue(
  deps: { db: DataSource; timeline: TimelineService; followUp: FollowUpService; clock: Clock },
  invoices: readonly DemoOverdueInvoice[] = DEMO_OVERDUE,
): Promise<DemoOverdueResult> {
  const moved: DemoOverdueResult['moved'] = [];
  for (const demo of invoices) {
    const today = deps.clock.today(demo.country);
    const dueDate = today.plusDays(-demo.daysPastDue).toString();
    const done = await deps.db.transaction(async (tx) => {
      // Bought, not yet moved, and the demo client's own (the organisation number is stored without its hyphen or with it).
      const [invoice] = await tx.query(
        `SELECT i.id, i.status, to_char(i.due_date, 'YYYY-MM-DD') AS due_date, (i.due_date - $4::date)::int AS shift
           FROM invoice i JOIN client c ON c.id = i.client_id
          WHERE i.country = $1 AND i.invoice_number = $2 AND replace(c.organisation_number, '-', '') = replace($3, '-', '') AND i.status = 'PURCHASED'
            AND NOT EXISTS (SELECT 1 FROM timeline_event t WHERE t.entity_type = $5 AND t.entity_id = i.id AND t.details->>'step' = $6)
          FOR UPDATE OF i`,
        [demo.country, demo.invoiceNumber, demo.clientOrganisationNumber, dueDate, INVOICE, DEMO_DUE_DATE_MOVED],
      );
      if (!invoice) return false;
      await tx.query(
        `UPDATE invoice SET due_date = $2::date, invoice_date = invoice_date - $3::int, delivery_date = delivery_date - $3::int, updated_at = now() WHERE id = $1`,
        [invoice.id, dueDate, invoice.shift],
      );
      await deps.timeline.record(tx, {
        entityType: INVOICE,
        entityId: invoice.id,
        actor: { type: 'SYSTEM', name: null },
        fromState: invoice.status,
        toState: invoice.status,
        reason: `Demo data: due date moved from ${invoice.due_date} to ${dueDate}, so the overdue queue has work`,
        details: { step: DEMO_DUE_DATE_MOVED, clientVisible: false, dueDate },
      });
      return true;
    });
    if (done) moved.push({ invoiceNumber: demo.invoiceNumber, dueDate });
  }
  // The day's follow-up, as the worker runs it each morning: reminders for what is past its grace.
  const countries = SUPPORTED_COUNTRIES.filter((country) => invoices.some((demo) => demo.country === country));
  const followUp: FollowUpRun[] = [];
  for (const country of countries) followUp.push(await deps.followUp.run(country));
  return { moved, followUp };
}
