import { Inject, Injectable } from '@nestjs/common';
import { BusinessCalendar, Clock, CountryCode, LocalDate } from '@factoring/domain';
import { nextCollectionStep, ScheduledStep } from '@factoring/rules';
import { CLOCK } from './clock';
import { CollectionStepKind, OverdueAgingType, OverdueInvoicePageType, OverdueInvoicesArgs, OverdueInvoiceType, OverdueNextStep } from './dto/overdue.types';
import { OverdueRepository, OverdueRow, TakenStepRow } from './overdue.repository';
import { RemindersRepository, RoutineRow } from './reminders.repository';

/**
 * The collection queue (issue 15 s.8): overdue invoices by age bucket, what was last done and
 * what comes next, and when (the same rule as the daily follow-up, so the queue never promises
 * a step the follow-up would not take); the aging chart and the home card's counts.
 */
@Injectable()
export class OverdueService {
  constructor(
    private readonly repository: OverdueRepository,
    private readonly reminders: RemindersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today() {
    return { SE: this.clock.today('SE').toString(), NO: this.clock.today('NO').toString() };
  }

  async page(args: OverdueInvoicesArgs): Promise<OverdueInvoicePageType> {
    const today = this.today();
    const rows = await this.repository.page(today, args);
    const steps = await this.repository.steps(rows.map((r) => r.invoiceId));
    const byInvoice = new Map<string, TakenStepRow[]>();
    for (const s of steps) byInvoice.set(s.invoiceId, [...(byInvoice.get(s.invoiceId) ?? []), s]);
    const routines = new Map<CountryCode, Map<string, RoutineRow>>();
    for (const country of ['SE', 'NO'] as const) {
      const clients = [...new Set(rows.filter((r) => r.country === country).map((r) => r.clientId))];
      if (clients.length) routines.set(country, await this.reminders.routines(clients, country, today[country]));
    }
    const items = rows.map((row) => {
      const ofCountry = routines.get(row.country)!;
      const routine = ofCountry.get(row.clientId) ?? ofCountry.get('')!;
      return toItem(row, byInvoice.get(row.invoiceId) ?? [], routine, today[row.country]);
    });
    return { items, total: rows[0]?.total ?? 0, today: today.SE };
  }

  async aging(): Promise<OverdueAgingType> {
    const today = this.today();
    return { today: today.SE, buckets: await this.repository.aging(today) };
  }

  async counts() {
    return this.repository.counts(this.today());
  }
}

function toItem(row: OverdueRow, taken: TakenStepRow[], routine: RoutineRow, today: string): OverdueInvoiceType {
  const { total: _total, ...fields } = row;
  const last = taken.at(-1) ?? null;
  let nextStep: OverdueNextStep | null = null;
  let nextStepOn: string | null = null;
  if (row.collectionCaseId) {
    nextStep = OverdueNextStep.WITH_COLLECTION;
  } else if (row.disputed) {
    nextStep = OverdueNextStep.HELD_DISPUTED;
  } else if (taken.some((s) => s.step === 'COLLECTION')) {
    nextStep = OverdueNextStep.HANDOFF;
    nextStepOn = taken.find((s) => s.step === 'COLLECTION')!.on;
  } else {
    const decision = nextCollectionStep({
      country: row.country,
      dueDate: row.dueDate,
      routine,
      taken: taken.map((s) => ({ step: s.step as ScheduledStep, on: s.on })),
      today,
    });
    if (decision.action === 'ACT_TODAY') {
      nextStep = decision.step as OverdueNextStep;
      nextStepOn = today;
    } else if (decision.action === 'WAIT') {
      nextStep = decision.step as OverdueNextStep;
      nextStepOn = decision.plannedOn;
    } else if (decision.reasons[0]?.code === 'STEP_ALREADY_TAKEN_TODAY') {
      // A letter went today: the next one is at least the routine's gap away; the follow-up of tomorrow says when exactly.
      const tomorrow = LocalDate.parse(today, 'today').plusDays(1).toString();
      const again = nextCollectionStep({ country: row.country, dueDate: row.dueDate, routine, taken: taken.map((s) => ({ step: s.step as ScheduledStep, on: s.on })), today: tomorrow });
      if (again.action !== 'NONE') {
        nextStep = again.step as OverdueNextStep;
        nextStepOn = again.plannedOn;
      }
    }
    if (nextStepOn && !last) nextStepOn = notBeforeGrace(row, routine, nextStepOn);
  }
  return {
    ...fields,
    country: row.country as OverdueInvoiceType['country'],
    lastStep: (last?.step as CollectionStepKind) ?? null,
    lastStepOn: last?.on ?? null,
    nextStep,
    nextStepOn,
  };
}

/** The first letter waits for the grace in bank days after the due date (payments on their way). */
function notBeforeGrace(row: OverdueRow, routine: RoutineRow, planned: string): string {
  const calendar = BusinessCalendar.for(row.country);
  const due = calendar.sameOrNextBusinessDay(LocalDate.parse(row.dueDate, 'dueDate'));
  const firstDay = (routine.graceBankDays > 0 ? calendar.addBusinessDays(due, routine.graceBankDays) : due).plusDays(1);
  return firstDay.toString() > planned ? firstDay.toString() : planned;
}
