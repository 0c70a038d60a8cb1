/**
 * The follow-up of one overdue invoice (issue 15 s.1, s.2): given its due date, the client's
 * routine, what was already sent and today, what is done today and what comes next, and when.
 *
 * Steps: Sweden a reminder, a second reminder, then collection (inkassokrav); Norway a reminder
 * (purring), an inkassovarsel, then collection. The routine counts days from the due date; the
 * client chooses it (seed 003: "the client decides payment terms and routines"), within the law:
 *  - Norway, inkassoloven (lov 13. mai 1988 nr. 26) § 9: collection may start only when an
 *    inkassovarsel has given the debtor at least 14 days to pay, so collection is never planned
 *    earlier than 14 days after the varsel was sent, whatever the routine says;
 *  - Sweden: the law sets no waiting time between a reminder and an inkassokrav; the defaults
 *    are the factor's (policy, dated with the client's agreement).
 * Between two steps at least `minDaysBetweenSteps` pass, so the debtor has time to pay each
 * letter.
 *
 * Catch-up and idempotency ("run twice, act once"; "a day missed while the workers were down is
 * caught up: what should have happened is done once, dated today"):
 *  - at most one step per invoice per day: when a step was already taken today, nothing is due;
 *  - when several steps are overdue (the workers were down), only the first not yet taken is
 *    done, today, once; the next one is planned from it (its own date from the due date, but
 *    not before the minimum gap after the step really sent). `fellDueOn` is the day the step
 *    should have happened, so interest and deadlines can be computed from it.
 * A disputed or paid invoice gets no step (issue 15 s.4; the payments issue).
 */
import { CountryCode, LocalDate } from '@factoring/domain';
import { reason, Reason } from '../reason';
import { CollectionStep } from './collection-fees';

export type ScheduledStep = Exclude<CollectionStep, 'PAYMENT_PLAN'>;

export const COLLECTION_STEPS: Readonly<Record<CountryCode, readonly ScheduledStep[]>> = Object.freeze({
  SE: ['REMINDER', 'SECOND_REMINDER', 'COLLECTION'],
  NO: ['REMINDER', 'COLLECTION_WARNING', 'COLLECTION'],
});

/** Inkassoloven § 9: the inkassovarsel gives at least 14 days to pay before collection. */
export const NO_COLLECTION_WARNING_DAYS = 14;

export interface CollectionRoutine {
  /** Days after the due date for the first reminder. */
  firstReminderDays: number;
  /** Days after the due date for the second step (SE second reminder, NO inkassovarsel). */
  secondStepDays: number;
  /** Days after the due date for collection. */
  collectionDays: number;
  /** Days at least between two letters. */
  minDaysBetweenSteps: number;
}

/** The factor's defaults, used when the client's agreement names no routine. */
export const DEFAULT_COLLECTION_ROUTINES: Readonly<Record<CountryCode, CollectionRoutine>> = Object.freeze({
  SE: { firstReminderDays: 10, secondStepDays: 24, collectionDays: 38, minDaysBetweenSteps: 10 },
  NO: { firstReminderDays: 14, secondStepDays: 28, collectionDays: 42, minDaysBetweenSteps: 14 },
});

export interface RoutineProblem {
  code: 'ROUTINE_DAYS_INVALID' | 'ROUTINE_ORDER' | 'ROUTINE_TOO_SHORT_FOR_COLLECTION_WARNING';
  field: keyof CollectionRoutine;
  message: { en: string };
}

/** A client's routine within the law (Norway: collection at least 14 days after the inkassovarsel). */
export function validateCollectionRoutine(routine: CollectionRoutine, country: CountryCode): RoutineProblem[] {
  const problems: RoutineProblem[] = [];
  for (const field of ['firstReminderDays', 'secondStepDays', 'collectionDays', 'minDaysBetweenSteps'] as const) {
    const value = routine[field];
    if (!Number.isInteger(value) || value < 1 || value > 365) {
      problems.push({ code: 'ROUTINE_DAYS_INVALID', field, message: { en: `${field} must be a whole number of days from 1 to 365, not ${value}.` } });
    }
  }
  if (problems.length) return problems;
  if (routine.secondStepDays <= routine.firstReminderDays) {
    problems.push({ code: 'ROUTINE_ORDER', field: 'secondStepDays', message: { en: 'The second step must come after the first reminder.' } });
  }
  if (routine.collectionDays <= routine.secondStepDays) {
    problems.push({ code: 'ROUTINE_ORDER', field: 'collectionDays', message: { en: 'Collection must come after the second step.' } });
  }
  if (country === 'NO' && routine.collectionDays - routine.secondStepDays < NO_COLLECTION_WARNING_DAYS) {
    problems.push({
      code: 'ROUTINE_TOO_SHORT_FOR_COLLECTION_WARNING',
      field: 'collectionDays',
      message: { en: `In Norway collection comes at least ${NO_COLLECTION_WARNING_DAYS} days after the inkassovarsel (inkassoloven § 9).` },
    });
  }
  return problems;
}

export interface StepTaken {
  step: ScheduledStep;
  /** The day the letter was sent (YYYY-MM-DD). */
  on: string;
}

export interface ScheduleInput {
  country: CountryCode;
  dueDate: string;
  routine: CollectionRoutine;
  taken: readonly StepTaken[];
  today: string;
  /** Nothing is sent while the invoice is disputed or paid. */
  hold?: 'DISPUTED' | 'PAID' | null;
}

export type ScheduleCode =
  | 'STEP_DUE_TODAY'
  | 'STEP_CAUGHT_UP'
  | 'STEP_PLANNED'
  | 'STEP_ALREADY_TAKEN_TODAY'
  | 'SCHEDULE_COMPLETE'
  | 'SCHEDULE_HELD_DISPUTED'
  | 'SCHEDULE_HELD_PAID';

export type ScheduleDecision =
  | {
      action: 'ACT_TODAY';
      step: ScheduledStep;
      /** The day the step should have happened by the routine (from the due date). */
      fellDueOn: string;
      /** The day it was planned for (the routine, held back by the gap after the last letter). */
      plannedOn: string;
      /** Planned before today: the workers missed it and it is done now, once. */
      caughtUp: boolean;
      /** Later steps whose routine day has also passed: not done today. */
      alsoOverdue: ScheduledStep[];
      reasons: Reason<ScheduleCode>[];
    }
  | { action: 'WAIT'; step: ScheduledStep; fellDueOn: string; plannedOn: string; reasons: Reason<ScheduleCode>[] }
  | { action: 'NONE'; reasons: Reason<ScheduleCode>[] };

function routineDays(routine: CollectionRoutine, index: number): number {
  return [routine.firstReminderDays, routine.secondStepDays, routine.collectionDays][index];
}

export function nextCollectionStep(input: ScheduleInput): ScheduleDecision {
  const steps = COLLECTION_STEPS[input.country];
  const due = LocalDate.parse(input.dueDate, 'dueDate');
  const today = LocalDate.parse(input.today, 'today');
  const problems = validateCollectionRoutine(input.routine, input.country);
  if (problems.length) throw new RangeError(`Routine: ${problems.map((p) => p.message.en).join(' ')}`);

  if (input.hold === 'DISPUTED') {
    return { action: 'NONE', reasons: [reason('SCHEDULE_HELD_DISPUTED', { en: 'No letters while the invoice is disputed.', sv: 'Inga brev medan fakturan är bestridd.', nb: 'Ingen brev mens fakturaen er bestridt.' })] };
  }
  if (input.hold === 'PAID') {
    return { action: 'NONE', reasons: [reason('SCHEDULE_HELD_PAID', { en: 'No letters: the invoice is paid.', sv: 'Inga brev: fakturan är betald.', nb: 'Ingen brev: fakturaen er betalt.' })] };
  }
  const takenOn = new Map<ScheduledStep, LocalDate>();
  let last: LocalDate | null = null;
  for (const t of input.taken) {
    const on = LocalDate.parse(t.on, 'taken.on');
    takenOn.set(t.step, on);
    if (!last || on.isAfter(last)) last = on;
  }
  if (last && last.equals(today)) {
    return {
      action: 'NONE',
      reasons: [
        reason(
          'STEP_ALREADY_TAKEN_TODAY',
          { en: 'A letter was already sent today.', sv: 'Ett brev har redan skickats i dag.', nb: 'Et brev er allerede sendt i dag.' },
          { today: input.today },
        ),
      ],
    };
  }
  const index = steps.findIndex((step) => !takenOn.has(step));
  if (index < 0) {
    return { action: 'NONE', reasons: [reason('SCHEDULE_COMPLETE', { en: 'Every step has been taken.', sv: 'Alla steg är tagna.', nb: 'Alle steg er tatt.' })] };
  }
  const step = steps[index];
  const fellDue = due.plusDays(routineDays(input.routine, index));
  let planned = fellDue;
  const previous = index > 0 ? takenOn.get(steps[index - 1]) : undefined;
  if (previous) {
    const gap = input.country === 'NO' && step === 'COLLECTION' ? Math.max(input.routine.minDaysBetweenSteps, NO_COLLECTION_WARNING_DAYS) : input.routine.minDaysBetweenSteps;
    const earliest = previous.plusDays(gap);
    if (earliest.isAfter(planned)) planned = earliest;
  }
  if (planned.isAfter(today)) {
    return {
      action: 'WAIT',
      step,
      fellDueOn: fellDue.toString(),
      plannedOn: planned.toString(),
      reasons: [
        reason(
          'STEP_PLANNED',
          { en: `Next step on ${planned.toString()}.`, sv: `Nästa steg ${planned.toString()}.`, nb: `Neste steg ${planned.toString()}.` },
          { step, plannedOn: planned.toString() },
        ),
      ],
    };
  }
  const caughtUp = planned.isBefore(today);
  const alsoOverdue = steps.slice(index + 1).filter((_, i) => !due.plusDays(routineDays(input.routine, index + 1 + i)).isAfter(today));
  return {
    action: 'ACT_TODAY',
    step,
    fellDueOn: fellDue.toString(),
    plannedOn: planned.toString(),
    caughtUp,
    alsoOverdue,
    reasons: [
      caughtUp
        ? reason(
            'STEP_CAUGHT_UP',
            {
              en: `Planned for ${planned.toString()} and missed: done today, once.`,
              sv: `Planerat till ${planned.toString()} och missat: görs i dag, en gång.`,
              nb: `Planlagt til ${planned.toString()} og utelatt: gjøres i dag, én gang.`,
            },
            { step, plannedOn: planned.toString(), fellDueOn: fellDue.toString() },
          )
        : reason('STEP_DUE_TODAY', { en: 'The step is due today.', sv: 'Steget ska tas i dag.', nb: 'Steget skal tas i dag.' }, { step }),
    ],
  };
}
