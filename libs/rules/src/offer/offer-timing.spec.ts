import fc from 'fast-check';
import { BusinessCalendar, LocalDate } from '@factoring/domain';
import { errorOf } from '../onboarding/spec-helpers';
import {
  DEFAULT_OFFER_SETTINGS,
  localDateTimeAt,
  OfferSettings,
  offerExpiresAt,
  offerSettingsInForce,
  plannedPayout,
  plannedPayoutDate,
  validateOfferSettings,
} from './offer-timing';

const SE = DEFAULT_OFFER_SETTINGS.SE[0].value;
const NO = DEFAULT_OFFER_SETTINGS.NO[0].value;
const at = (iso: string) => new Date(iso);

describe('offer settings', () => {
  it.each([
    ['SE', { validityHours: 72, payoutCutOff: '14:00', timeZone: 'Europe/Stockholm' }],
    ['NO', { validityHours: 72, payoutCutOff: '14:00', timeZone: 'Europe/Oslo' }],
  ] as const)('in force in %s', (country, expected) => {
    expect(offerSettingsInForce(country, LocalDate.parse('2026-06-15')).value).toEqual(expected);
  });

  it('the defaults are valid', () => {
    expect(validateOfferSettings(SE)).toEqual({ valid: true, problems: [] });
    expect(validateOfferSettings(NO)).toEqual({ valid: true, problems: [] });
  });

  it.each([
    [{ validityHours: 0 }, 'validityHours', 'OFFER_SETTINGS_VALIDITY_OUT_OF_RANGE'],
    [{ validityHours: 721 }, 'validityHours', 'OFFER_SETTINGS_VALIDITY_OUT_OF_RANGE'],
    [{ validityHours: 1.5 }, 'validityHours', 'OFFER_SETTINGS_VALIDITY_NOT_WHOLE'],
    [{ payoutCutOff: '24:00' }, 'payoutCutOff', 'OFFER_SETTINGS_CUT_OFF_FORMAT'],
    [{ payoutCutOff: '9:00' }, 'payoutCutOff', 'OFFER_SETTINGS_CUT_OFF_FORMAT'],
    [{ payoutCutOff: '14.00' }, 'payoutCutOff', 'OFFER_SETTINGS_CUT_OFF_FORMAT'],
    [{ timeZone: 'Europe/Stockholmm' }, 'timeZone', 'OFFER_SETTINGS_TIME_ZONE_UNKNOWN'],
    [{ timeZone: '' }, 'timeZone', 'OFFER_SETTINGS_TIME_ZONE_UNKNOWN'],
  ])('refuses %j', (changes, field, code) => {
    const check = validateOfferSettings({ ...SE, ...changes } as OfferSettings);
    expect(check.problems.map((p) => [p.field, p.code])).toEqual([[field, code]]);
    expect(new Set(Object.values(check.problems[0].message)).size).toBe(3);
  });

  it('throws on invalid settings when they are used', () => {
    const error = errorOf(() => plannedPayoutDate(at('2026-06-15T10:00:00Z'), 'SE', { ...SE, payoutCutOff: '2 pm' }));
    expect([error.code, error.field]).toEqual(['OFFER_SETTINGS_CUT_OFF_FORMAT', 'settings.payoutCutOff']);
    expect(errorOf(() => offerExpiresAt(new Date('nonsense'), SE)).code).toBe('INSTANT_INVALID');
  });
});

describe('offerExpiresAt', () => {
  it('is 72 hours of elapsed time later', () => {
    expect(offerExpiresAt(at('2026-06-15T10:00:00.000Z'), SE).toISOString()).toBe('2026-06-18T10:00:00.000Z');
  });

  it('stays 72 elapsed hours across the change to summer time, so the local clock shows an hour later', () => {
    // Friday 27 March 2026, 10:00 CET; the clocks go forward on Sunday 29 March.
    const expires = offerExpiresAt(at('2026-03-27T09:00:00Z'), SE);
    expect(expires.toISOString()).toBe('2026-03-30T09:00:00.000Z');
    expect(localDateTimeAt(expires, 'Europe/Stockholm').time).toBe('11:00:00');
  });

  it('is always exactly validityHours later', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 720 }), (created, hours) => {
        expect(offerExpiresAt(created, { ...SE, validityHours: hours }).getTime() - created.getTime()).toBe(hours * 3_600_000);
      }),
    );
  });
});

describe('plannedPayoutDate', () => {
  it.each([
    // accepted at (UTC), country, payout date, why
    ['2026-06-15T11:59:59.999Z', 'SE', '2026-06-15', 'Monday 13:59:59.999 summer time: before the cut-off, same day'],
    ['2026-06-15T12:00:00.000Z', 'SE', '2026-06-16', 'Monday 14:00 summer time: at the cut-off, next day'],
    ['2026-01-12T12:59:00Z', 'SE', '2026-01-12', 'Monday 13:59 winter time: same day'],
    ['2026-01-12T13:00:00Z', 'SE', '2026-01-13', 'Monday 14:00 winter time: next day'],
    ['2026-01-12T12:30:00Z', 'SE', '2026-01-12', '12:30 UTC is 13:30 in winter: before the cut-off'],
    ['2026-06-15T12:30:00Z', 'SE', '2026-06-16', '12:30 UTC is 14:30 in summer: after the cut-off'],
    ['2026-06-14T22:30:00Z', 'SE', '2026-06-15', 'Sunday 22:30 UTC is Monday 00:30 in Stockholm: same (Monday) day'],
    ['2026-06-15T21:59:59Z', 'SE', '2026-06-16', 'Monday 23:59:59 local: next day'],
    ['2026-06-12T09:00:00Z', 'SE', '2026-06-12', 'Friday morning: same day'],
    ['2026-06-12T13:00:00Z', 'SE', '2026-06-15', 'Friday afternoon: Monday'],
    ['2026-06-13T08:00:00Z', 'SE', '2026-06-15', 'Saturday morning: Monday'],
    ['2026-06-14T08:00:00Z', 'SE', '2026-06-15', 'Sunday morning: Monday'],
    // Swedish Midsummer Eve, Friday 19 June 2026: banks closed in Sweden, open in Norway.
    ['2026-06-18T10:00:00Z', 'SE', '2026-06-18', 'Thursday before Midsummer Eve, morning: same day'],
    ['2026-06-18T13:00:00Z', 'SE', '2026-06-22', 'Thursday before Midsummer Eve, afternoon: Monday after Midsummer'],
    ['2026-06-19T07:00:00Z', 'SE', '2026-06-22', 'Midsummer Eve morning: Monday'],
    ['2026-06-19T07:00:00Z', 'NO', '2026-06-19', 'the same morning in Norway: same day'],
    // Norway's Constitution Day, 17 May: Wednesday in 2028.
    ['2028-05-16T13:00:00Z', 'NO', '2028-05-18', 'Tuesday 16 May afternoon: Thursday 18 May, past the 17th'],
    ['2028-05-17T08:00:00Z', 'NO', '2028-05-18', '17 May morning: next day'],
    ['2028-05-17T08:00:00Z', 'SE', '2028-05-17', 'the same morning in Sweden: same day'],
    // Daylight saving time: 29 March 2026 (forward) and 25 October 2026 (back) are Sundays.
    ['2026-03-27T12:59:00Z', 'SE', '2026-03-27', 'Friday before the change, 13:59 CET: same day'],
    ['2026-03-30T12:30:00Z', 'SE', '2026-03-31', 'Monday after the change, 14:30 CEST: next day'],
    ['2026-03-30T11:30:00Z', 'SE', '2026-03-30', 'Monday after the change, 13:30 CEST: same day'],
    ['2026-03-29T01:30:00Z', 'SE', '2026-03-30', 'during the change itself (03:30 CEST, Sunday): Monday'],
    ['2026-10-23T11:59:00Z', 'NO', '2026-10-23', 'Friday before the change back, 13:59 CEST: same day'],
    ['2026-10-26T12:30:00Z', 'NO', '2026-10-26', 'Monday after the change back, 13:30 CET: same day'],
    ['2026-10-26T13:00:00Z', 'NO', '2026-10-27', 'Monday after the change back, 14:00 CET: next day'],
    ['2026-10-25T00:30:00Z', 'NO', '2026-10-26', 'the repeated hour (02:30 CEST, Sunday): Monday'],
    // Christmas and New Year: Christmas Eve and New Year's Eve close the banks.
    ['2026-12-23T13:30:00Z', 'SE', '2026-12-28', 'Wednesday 23 December after the cut-off: Monday 28th'],
    ['2026-12-30T12:00:00Z', 'NO', '2026-12-30', 'Wednesday 30 December 13:00: same day'],
    ['2026-12-30T13:00:00Z', 'NO', '2027-01-04', "Wednesday 30 December 14:00: past New Year's Eve, New Year's Day and the weekend"],
  ] as const)('%s in %s: paid %s (%s)', (acceptedAt, country, expected, _why) => {
    expect(plannedPayoutDate(at(acceptedAt), country, country === 'SE' ? SE : NO).toString()).toBe(expected);
  });

  it('explains the day, in three languages', () => {
    const same = plannedPayout(at('2026-06-15T08:15:00Z'), 'SE', SE);
    expect(same.explanation.code).toBe('PAYOUT_SAME_DAY');
    expect(same.explanation.message.en).toBe('Accepted on 2026-06-15 at 10:15:00, before the 14:00 cut-off on a business day: the payout is planned for the same day, 2026-06-15.');
    const late = plannedPayout(at('2026-06-15T12:00:00Z'), 'SE', SE);
    expect(late.explanation.code).toBe('PAYOUT_NEXT_BUSINESS_DAY_AFTER_CUT_OFF');
    expect(late.explanation.message.sv).toBe('Accepterad 2026-06-15 kl. 14:00:00, vid eller efter brytpunkten kl. 14:00: utbetalningen planeras till nästa bankdag, 2026-06-16.');
    const closed = plannedPayout(at('2026-06-19T07:00:00Z'), 'SE', SE);
    expect(closed.explanation.code).toBe('PAYOUT_NEXT_BUSINESS_DAY_CLOSED');
    expect(closed.explanation.message.en).toBe('Accepted on 2026-06-19, which is a bank holiday (Midsummer Eve): the payout is planned for the next business day, 2026-06-22.');
    expect(closed.explanation.figures).toMatchObject({ acceptedAt: '2026-06-19T07:00:00.000Z', acceptedOn: '2026-06-19', timeZone: 'Europe/Stockholm', closedDay: 'Midsummer Eve', payoutDate: '2026-06-22' });
    expect(plannedPayout(at('2026-06-13T08:00:00Z'), 'NO', NO).explanation.message.nb).toBe('Akseptert 2026-06-13, som er en lørdag: utbetalingen planlegges til neste virkedag, 2026-06-15.');
  });

  it('follows the cut-off setting', () => {
    expect(plannedPayoutDate(at('2026-06-15T07:59:00Z'), 'SE', { ...SE, payoutCutOff: '10:00' }).toString()).toBe('2026-06-15');
    expect(plannedPayoutDate(at('2026-06-15T08:00:00Z'), 'SE', { ...SE, payoutCutOff: '10:00' }).toString()).toBe('2026-06-16');
    expect(plannedPayoutDate(at('2026-06-15T21:59:00Z'), 'SE', { ...SE, payoutCutOff: '00:00' }).toString()).toBe('2026-06-16');
  });

  it('always pays on a business day, the same day or the next one, never before acceptance', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.constantFrom('SE' as const, 'NO' as const),
        fc.constantFrom('00:00', '09:30', '14:00', '23:59'),
        (accepted, country, cutOff) => {
          const settings = { ...(country === 'SE' ? SE : NO), payoutCutOff: cutOff };
          const calendar = BusinessCalendar.for(country);
          const local = localDateTimeAt(accepted, settings.timeZone);
          const payout = plannedPayoutDate(accepted, country, settings);
          expect(calendar.isBusinessDay(payout)).toBe(true);
          expect(payout.isBefore(local.date)).toBe(false);
          // Nothing is skipped: it is the first business day on or after the acceptance day, or the one after that.
          const first = calendar.sameOrNextBusinessDay(local.date);
          expect([first.toString(), calendar.nextBusinessDay(first).toString()]).toContain(payout.toString());
          const before = local.time.slice(0, 5) < cutOff;
          expect(payout.equals(local.date)).toBe(before && calendar.isBusinessDay(local.date));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('localDateTimeAt', () => {
  it.each([
    ['2026-01-15T23:30:00Z', 'Europe/Stockholm', '2026-01-16', '00:30:00'],
    ['2026-07-15T22:00:00Z', 'Europe/Oslo', '2026-07-16', '00:00:00'],
    ['2026-03-29T00:59:59Z', 'Europe/Stockholm', '2026-03-29', '01:59:59'],
    ['2026-03-29T01:00:00Z', 'Europe/Stockholm', '2026-03-29', '03:00:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Oslo', '2026-10-25', '02:30:00'],
    ['2026-10-25T01:30:00Z', 'Europe/Oslo', '2026-10-25', '02:30:00'],
  ])('%s in %s is %s %s', (instant, zone, date, time) => {
    const local = localDateTimeAt(at(instant), zone);
    expect([local.date.toString(), local.time]).toEqual([date, time]);
  });

  it('refuses an unknown zone', () => {
    expect(errorOf(() => localDateTimeAt(at('2026-01-01T00:00:00Z'), 'Mars/Olympus')).code).toBe('OFFER_SETTINGS_TIME_ZONE_UNKNOWN');
  });
});
