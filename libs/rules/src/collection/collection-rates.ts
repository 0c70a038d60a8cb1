/**
 * The law's numbers for collection, as dated data with their source (issue 15 s.2). The rows
 * live in the database (table collection_law_rate, migration 1764300013000); the rules take
 * them as plain data and pick the one in force on a day.
 */
import Decimal from 'decimal.js';
import { CountryCode, DomainError } from '@factoring/domain';

/** Fees a debtor can be charged, in either country (which apply where: see collection-fees.ts). */
export type CollectionFeeKind =
  /** SE påminnelseavgift (lag 1981:739 2 §, 4 § 1) / NO purregebyr. */
  | 'REMINDER_FEE'
  /** SE ersättning för inkassokrav (lag 1981:739 3 § 1, 4 § 2). */
  | 'COLLECTION_DEMAND_FEE'
  /** SE ersättning för amorteringsplan (lag 1981:739 3 § 2, 4 § 3). */
  | 'PAYMENT_PLAN_FEE'
  /** NO gebyr for inkassovarsel. */
  | 'COLLECTION_WARNING_FEE'
  /** NO betalingsoppfordring (the collection agency's first demand). */
  | 'PAYMENT_DEMAND_FEE'
  /** SE förseningsersättning (lag 1981:739 4 a §) / NO standardkompensasjon (forsinkelsesrenteloven § 3a): business debtors. */
  | 'LATE_PAYMENT_COMPENSATION';

export type CollectionRateKind =
  | CollectionFeeKind
  /** SE the Riksbank's reference rate per half-year (räntelagen 9 §); late interest adds 8 points (6 §). */
  | 'REFERENCE_RATE'
  /** NO forsinkelsesrente per half-year, as set (already including the 8 points). */
  | 'LATE_INTEREST_RATE'
  /** NO inkassosats: the unit the Norwegian collection fees are fractions of. */
  | 'COLLECTION_RATE';

export const COLLECTION_RATE_KINDS: readonly CollectionRateKind[] = [
  'REMINDER_FEE',
  'COLLECTION_DEMAND_FEE',
  'PAYMENT_PLAN_FEE',
  'COLLECTION_WARNING_FEE',
  'PAYMENT_DEMAND_FEE',
  'LATE_PAYMENT_COMPENSATION',
  'REFERENCE_RATE',
  'LATE_INTEREST_RATE',
  'COLLECTION_RATE',
];

export type CollectionRateUnit = 'SEK' | 'NOK' | 'PERCENT_PER_YEAR';

export interface CollectionRate {
  country: CountryCode;
  kind: CollectionRateKind;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** Decimal string: an amount, or a yearly percentage. */
  value: string;
  unit: CollectionRateUnit;
  /** The law or regulation, its section, and the public page it was read from. */
  source: string;
}

/**
 * No rate or fee of this kind is in force on that day: the caller must not charge or compute
 * anything (issue 15, bad input: "a fee with no rule in force on that day: a specific error,
 * nothing changes").
 */
export class CollectionRateNotInForceError extends DomainError {
  static readonly CODE = 'COLLECTION_RATE_NOT_IN_FORCE';

  constructor(readonly country: CountryCode, readonly rateKind: CollectionRateKind, readonly on: string) {
    super('BAD_USER_INPUT', CollectionRateNotInForceError.CODE, `No ${rateKind} is in force in ${country} on ${on}.`, 'date', { country, kind: rateKind, on });
  }
}

/** The rate of `kind` in force in `country` on `on` (the latest valid_from on or before it). */
export function collectionRateInForce(rates: readonly CollectionRate[], country: CountryCode, kind: CollectionRateKind, on: string): CollectionRate {
  let best: CollectionRate | undefined;
  for (const rate of rates) {
    if (rate.country !== country || rate.kind !== kind || rate.validFrom > on) continue;
    if (!best || rate.validFrom > best.validFrom) best = rate;
  }
  if (!best) throw new CollectionRateNotInForceError(country, kind, on);
  return best;
}

/** Every version of one kind in one country, as dated versions (for late interest per segment). */
export function collectionRateVersions(rates: readonly CollectionRate[], country: CountryCode, kind: CollectionRateKind) {
  return rates
    .filter((rate) => rate.country === country && rate.kind === kind)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
    .map((rate) => ({ validFrom: rate.validFrom, value: new Decimal(rate.value).toString(), source: rate.source }));
}
