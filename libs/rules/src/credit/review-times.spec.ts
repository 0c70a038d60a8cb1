import {
  DEFAULT_REVIEW_TIME_SETTINGS,
  REVIEW_TIME_BOUNDS,
  reviewDueAt,
  ReviewTimeSettingsCode,
  reviewTimeSettingsInForce,
  validateReviewTimeSettings,
} from './review-times';

describe('review times', () => {
  it('promises a manual assessment within 8 hours and a spot check within a day (seed 004: "about a day"), in both countries', () => {
    for (const country of ['SE', 'NO'] as const) {
      const inForce = reviewTimeSettingsInForce(country, '2026-11-23');
      expect(inForce.value).toEqual({ manualAssessmentHours: 8, spotCheckHours: 24 });
      expect(inForce.source).toContain('Fortnox');
    }
  });

  it('is due the promised hours of elapsed time after the item opened', () => {
    const opened = new Date('2026-03-28T22:30:00Z'); // the night Swedish summer time begins: elapsed hours, not clock hours
    const settings = DEFAULT_REVIEW_TIME_SETTINGS.SE[0].value;
    expect(reviewDueAt(opened, 'MANUAL_ASSESSMENT', settings).toISOString()).toBe('2026-03-29T06:30:00.000Z');
    expect(reviewDueAt(opened, 'SPOT_CHECK', settings).toISOString()).toBe('2026-03-29T22:30:00.000Z');
  });

  it('uses the version in force on the day', () => {
    const versions = {
      SE: [...DEFAULT_REVIEW_TIME_SETTINGS.SE, { validFrom: '2027-01-01', value: { manualAssessmentHours: 4, spotCheckHours: 12 }, source: 'Faster from 2027' }],
      NO: DEFAULT_REVIEW_TIME_SETTINGS.NO,
    };
    expect(reviewTimeSettingsInForce('SE', '2026-12-31', versions).value.manualAssessmentHours).toBe(8);
    expect(reviewTimeSettingsInForce('SE', '2027-01-01', versions).value.manualAssessmentHours).toBe(4);
  });

  it('accepts whole hours within bounds and names every field that is not, in three languages', () => {
    expect(validateReviewTimeSettings({ manualAssessmentHours: 1, spotCheckHours: REVIEW_TIME_BOUNDS.maxHours }).valid).toBe(true);
    const check = validateReviewTimeSettings({ manualAssessmentHours: 2.5, spotCheckHours: 0 });
    expect(check.valid).toBe(false);
    expect(check.problems.map((p) => [p.field, p.code])).toEqual([
      ['manualAssessmentHours', ReviewTimeSettingsCode.HOURS_NOT_WHOLE],
      ['spotCheckHours', ReviewTimeSettingsCode.HOURS_OUT_OF_RANGE],
    ]);
    expect(check.problems[1].message.en).toBe('The time for a spot check must be between 1 and 336 hours; 0 is outside it.');
    expect(check.problems[1].message.sv).toContain('stickprovskontroll');
    expect(check.problems[1].message.nb).toContain('stikkprøvekontroll');
    expect(validateReviewTimeSettings({ manualAssessmentHours: '8', spotCheckHours: 24 } as never).problems[0].code).toBe(ReviewTimeSettingsCode.HOURS_NOT_WHOLE);
  });
});
