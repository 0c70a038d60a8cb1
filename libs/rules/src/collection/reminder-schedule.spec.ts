import fc from 'fast-check';
import { LocalDate } from '@factoring/domain';
import { COLLECTION_STEPS, DEFAULT_COLLECTION_ROUTINES, nextCollectionStep, ScheduleInput, StepTaken, validateCollectionRoutine } from './reminder-schedule';

const base: ScheduleInput = { country: 'SE', dueDate: '2026-03-02', routine: DEFAULT_COLLECTION_ROUTINES.SE, taken: [], today: '2026-03-02' };
const plus = (date: string, days: number) => LocalDate.parse(date).plusDays(days).toString();

describe('nextCollectionStep', () => {
  it('waits until the routine\'s day, then acts on it (SE defaults: 10, 24, 38 days)', () => {
    expect(nextCollectionStep({ ...base, today: '2026-03-11' })).toMatchObject({ action: 'WAIT', step: 'REMINDER', plannedOn: '2026-03-12' });
    expect(nextCollectionStep({ ...base, today: '2026-03-12' })).toMatchObject({ action: 'ACT_TODAY', step: 'REMINDER', caughtUp: false, reasons: [{ code: 'STEP_DUE_TODAY' }] });
    const afterFirst = { ...base, taken: [{ step: 'REMINDER', on: '2026-03-12' }] as StepTaken[] };
    expect(nextCollectionStep({ ...afterFirst, today: '2026-03-13' })).toMatchObject({ action: 'WAIT', step: 'SECOND_REMINDER', plannedOn: '2026-03-26' });
  });

  it('acts once a day: run twice, act once', () => {
    const taken: StepTaken[] = [{ step: 'REMINDER', on: '2026-03-12' }];
    expect(nextCollectionStep({ ...base, taken, today: '2026-03-12' })).toMatchObject({ action: 'NONE', reasons: [{ code: 'STEP_ALREADY_TAKEN_TODAY' }] });
  });

  it('catches up after the workers were down: the first missed step today, once, the next after the gap', () => {
    // Nothing ran from the due date until day 40: all three steps are overdue.
    const today = plus(base.dueDate, 40);
    const decision = nextCollectionStep({ ...base, today });
    expect(decision).toMatchObject({ action: 'ACT_TODAY', step: 'REMINDER', fellDueOn: '2026-03-12', caughtUp: true, alsoOverdue: ['SECOND_REMINDER', 'COLLECTION'] });
    expect(decision.reasons[0].code).toBe('STEP_CAUGHT_UP');
    const next = nextCollectionStep({ ...base, taken: [{ step: 'REMINDER', on: today }], today: plus(today, 1) });
    expect(next).toMatchObject({ action: 'WAIT', step: 'SECOND_REMINDER', fellDueOn: '2026-03-26', plannedOn: plus(today, 10) });
  });

  it('in Norway starts collection no sooner than 14 days after the inkassovarsel (inkassoloven § 9)', () => {
    const routine = { ...DEFAULT_COLLECTION_ROUTINES.NO, minDaysBetweenSteps: 3 };
    const taken: StepTaken[] = [
      { step: 'REMINDER', on: '2026-03-16' },
      { step: 'COLLECTION_WARNING', on: '2026-04-10' },
    ];
    expect(nextCollectionStep({ country: 'NO', dueDate: '2026-03-02', routine, taken, today: '2026-04-15' })).toMatchObject({ action: 'WAIT', step: 'COLLECTION', plannedOn: '2026-04-24' });
    expect(validateCollectionRoutine({ ...routine, collectionDays: 35 }, 'NO').map((p) => p.code)).toEqual(['ROUTINE_TOO_SHORT_FOR_COLLECTION_WARNING']);
    expect(validateCollectionRoutine({ ...routine, collectionDays: 35 }, 'SE')).toEqual([]);
  });

  it('sends nothing while disputed or paid, and nothing after the last step', () => {
    expect(nextCollectionStep({ ...base, today: '2026-06-01', hold: 'DISPUTED' }).reasons[0].code).toBe('SCHEDULE_HELD_DISPUTED');
    expect(nextCollectionStep({ ...base, today: '2026-06-01', hold: 'PAID' }).reasons[0].code).toBe('SCHEDULE_HELD_PAID');
    const taken = COLLECTION_STEPS.SE.map((step, i) => ({ step, on: plus(base.dueDate, 10 + 14 * i) }));
    expect(nextCollectionStep({ ...base, taken, today: '2026-06-01' }).reasons[0].code).toBe('SCHEDULE_COMPLETE');
  });

  it('refuses a routine out of order', () => {
    expect(validateCollectionRoutine({ firstReminderDays: 10, secondStepDays: 5, collectionDays: 30, minDaysBetweenSteps: 0 }, 'SE').map((p) => [p.code, p.field])).toEqual([
      ['ROUTINE_DAYS_INVALID', 'minDaysBetweenSteps'],
    ]);
    expect(validateCollectionRoutine({ firstReminderDays: 10, secondStepDays: 5, collectionDays: 30, minDaysBetweenSteps: 5 }, 'SE').map((p) => p.field)).toEqual(['secondStepDays']);
  });

  it('acts once per step and once per day however the workers run, in order and spaced (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('SE' as const, 'NO' as const),
        // Each day: 0 = workers down, 1 = one run, 2 = the run repeated.
        fc.array(fc.constantFrom(0, 1, 1, 2), { minLength: 120, maxLength: 120 }),
        (country, runs) => {
          const routine = DEFAULT_COLLECTION_ROUTINES[country];
          const dueDate = '2026-01-15';
          const taken: StepTaken[] = [];
          runs.forEach((count, offset) => {
            const today = plus(dueDate, offset);
            const actsToday = [];
            for (let run = 0; run < count; run++) {
              const decision = nextCollectionStep({ country, dueDate, routine, taken, today });
              if (decision.action === 'ACT_TODAY') {
                expect(new Date(decision.plannedOn) <= new Date(today)).toBe(true);
                taken.push({ step: decision.step, on: today });
                actsToday.push(decision.step);
              }
            }
            expect(actsToday.length).toBeLessThanOrEqual(1);
          });
          const steps = taken.map((t) => t.step);
          expect(steps).toEqual(COLLECTION_STEPS[country].slice(0, steps.length));
          for (let i = 1; i < taken.length; i++) {
            const gap = LocalDate.parse(taken[i - 1].on).daysUntil(LocalDate.parse(taken[i].on));
            expect(gap).toBeGreaterThanOrEqual(country === 'NO' && taken[i].step === 'COLLECTION' ? 14 : routine.minDaysBetweenSteps);
          }
          taken.forEach((t, i) => expect(LocalDate.parse(dueDate).daysUntil(LocalDate.parse(t.on))).toBeGreaterThanOrEqual([routine.firstReminderDays, routine.secondStepDays, routine.collectionDays][i]));
        },
      ),
      { numRuns: 150 },
    );
  });
});
