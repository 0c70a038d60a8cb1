import fc from 'fast-check';
import { BusinessCalendar, CountryCode, LocalDate } from '@factoring/domain';
import { APPLICANT_TIME_ZONES, applicationAge, applicationAnswerDue, applicationSubmittedOn } from './application-deadline';
import { errorOf } from './spec-helpers';

const d = LocalDate.parse;

describe('applicationAnswerDue', () => {
  it.each([
    ['SE', '2026-06-15', '2026-06-16', 'Monday: due Tuesday'],
    ['SE', '2026-06-12', '2026-06-15', 'Friday: due Monday'],
    ['SE', '2026-06-13', '2026-06-15', 'Saturday: due Monday'],
    ['SE', '2026-06-18', '2026-06-22', 'the day before Midsummer Eve: due the Monday after'],
    ['NO', '2026-06-18', '2026-06-19', 'Thursday in Norway: due Friday, Midsummer Eve being a business day there'],
    ['NO', '2026-05-13', '2026-05-15', 'the day before Ascension Day'],
    ['SE', '2026-12-23', '2026-12-28', 'the day before Christmas Eve'],
    ['NO', '2026-04-01', '2026-04-07', 'before Easter, with Maundy Thursday closed in Norway'],
    ['SE', '2026-04-01', '2026-04-02', '... and open in Sweden'],
  ] as const)('%s, submitted %s: due by the end of %s (%s)', (country, submitted, due, _why) => {
    expect(applicationAnswerDue(d(submitted), country).toString()).toBe(due);
  });

  it('is always a business day after submission, with none between', () => {
    fc.assert(
      fc.property(fc.constantFrom<CountryCode>('SE', 'NO'), fc.integer({ min: d('2024-01-01').epochDay, max: d('2032-12-31').epochDay }), (country, day) => {
        const submitted = LocalDate.fromEpochDay(day);
        const due = applicationAnswerDue(submitted, country);
        const calendar = BusinessCalendar.for(country);
        expect(calendar.isBusinessDay(due)).toBe(true);
        expect(due.isAfter(submitted)).toBe(true);
        for (let between = submitted.plusDays(1); between.isBefore(due); between = between.plusDays(1)) expect(calendar.isBusinessDay(between)).toBe(false);
      }),
    );
  });
});

describe('applicationSubmittedOn', () => {
  it('takes the day in the applicant’s time zone, not UTC', () => {
    const lateEveningUtc = new Date('2026-06-11T22:30:00Z'); // 00:30 on Friday the 12th in Stockholm and Oslo
    expect(applicationSubmittedOn(lateEveningUtc, 'SE').toString()).toBe('2026-06-12');
    expect(applicationSubmittedOn(lateEveningUtc, 'NO').toString()).toBe('2026-06-12');
    expect(applicationAnswerDue(applicationSubmittedOn(lateEveningUtc, 'SE'), 'SE').toString()).toBe('2026-06-15');
  });
});

describe('applicationAge', () => {
  const submittedAt = new Date('2026-06-15T08:00:00Z'); // Monday 10:00 in Stockholm
  const dueOn = d('2026-06-16');
  const age = (now: string) => applicationAge({ submittedAt, now: new Date(now), dueOn, timeZone: APPLICANT_TIME_ZONES.SE });

  it.each([
    ['2026-06-15T08:00:00Z', 0, false, false],
    ['2026-06-15T21:59:59Z', 839, false, false], // 23:59:59 Monday in Stockholm
    ['2026-06-15T22:00:00Z', 840, true, false], // Tuesday has begun in Stockholm: the due day
    ['2026-06-16T21:59:00Z', 2279, true, false], // 23:59 on the due day: still in time
    ['2026-06-16T22:00:00Z', 2280, false, true], // midnight: the promise is broken
    ['2026-06-20T10:00:00Z', 7320, false, true],
  ])('at %s: %i minutes old, due today %p, overdue %p', (now, ageMinutes, dueToday, overdue) => {
    expect(age(now)).toEqual(expect.objectContaining({ ageMinutes, dueToday, overdue, dueOn }));
  });

  it('uses the time zone it is given', () => {
    const now = new Date('2026-06-16T22:30:00Z'); // after midnight in Stockholm, still the 16th in UTC
    expect(applicationAge({ submittedAt, now, dueOn, timeZone: 'Europe/Stockholm' }).overdue).toBe(true);
    expect(applicationAge({ submittedAt, now, dueOn, timeZone: 'UTC' }).overdue).toBe(false);
  });

  it.each([
    [{ now: new Date('2026-06-15T07:59:00Z') }, 'APPLICATION_TIME_ORDER', 'now'],
    [{ now: new Date('not a date') }, 'INSTANT_INVALID', 'now'],
    [{ submittedAt: new Date(Number.NaN) }, 'INSTANT_INVALID', 'submittedAt'],
    [{ timeZone: 'Europe/Stockholmm' }, 'TIME_ZONE_UNKNOWN', 'timeZone'],
  ])('refuses %p with %s', (override, code, field) => {
    const error = errorOf(() => applicationAge({ submittedAt, now: new Date('2026-06-15T09:00:00Z'), dueOn, timeZone: 'Europe/Stockholm', ...override }));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });
});
