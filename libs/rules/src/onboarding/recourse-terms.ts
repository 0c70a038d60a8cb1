import { DatedVersion, versionInForce } from '../policy/dated-setting';

/**
 * The recourse terms of a client agreement (issue 15 s.3, seed 000), each agreement version
 * carrying its own values; these are the defaults a version gets when the person writing it
 * gives none, and the bounds a value must keep.
 */
export interface RecourseTerms {
  /** Days after the due date an unpaid invoice bought with recourse becomes a recourse invoice. */
  recourseAfterDays: number;
  /** Days the client has to pay a recourse invoice. */
  recourseInvoiceDaysToPay: number;
  /** Who keeps the fees and late interest the debtor pays after the recourse. */
  feesAfterRecourseTo: 'FACTOR' | 'CLIENT';
}

export const RECOURSE_TERM_BOUNDS = Object.freeze({
  recourseAfterDays: { min: 1, max: 365 },
  recourseInvoiceDaysToPay: { min: 1, max: 90 },
});

export const DEFAULT_RECOURSE_TERMS: readonly DatedVersion<RecourseTerms>[] = Object.freeze([
  {
    validFrom: '2024-01-01',
    value: { recourseAfterDays: 30, recourseInvoiceDaysToPay: 10, feesAfterRecourseTo: 'FACTOR' },
    source:
      'Seed 000 ("30 dagar efter förfallodagen" for recourse); days to pay: the factor\'s policy (seed 000 says "så snart som möjligt"); fees and interest after recourse: the factor\'s policy (they were its receivables when charged)',
  },
]);

export function defaultRecourseTermsOn(on: string): DatedVersion<RecourseTerms> {
  return versionInForce('recourse terms', DEFAULT_RECOURSE_TERMS, on);
}

export type RecourseTermsProblem = { field: 'recourseAfterDays' | 'recourseInvoiceDaysToPay'; code: 'AGREEMENT_RECOURSE_AFTER_DAYS' | 'AGREEMENT_RECOURSE_DAYS_TO_PAY'; message: string };

/** Whole days within the bounds; refused, never rounded. */
export function checkRecourseTerms(terms: RecourseTerms): RecourseTermsProblem[] {
  const problems: RecourseTermsProblem[] = [];
  const check = (field: RecourseTermsProblem['field'], code: RecourseTermsProblem['code'], what: string) => {
    const value = terms[field];
    const { min, max } = RECOURSE_TERM_BOUNDS[field];
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ field, code, message: `${what} is a whole number of days from ${min} to ${max}, not ${value}.` });
  };
  check('recourseAfterDays', 'AGREEMENT_RECOURSE_AFTER_DAYS', 'The days after the due date before recourse');
  check('recourseInvoiceDaysToPay', 'AGREEMENT_RECOURSE_DAYS_TO_PAY', 'The days the client has to pay a recourse invoice');
  return problems;
}
