/**
 * Rates, fees and thresholds set by law or policy are data with a valid-from date and a
 * source, never constants in code. A setting has versions; the one in force on a day is the
 * latest whose validFrom is on or before that day.
 */
export interface DatedVersion<T> {
  /** ISO calendar date (YYYY-MM-DD) from which this version applies. */
  validFrom: string;
  value: T;
  /** Where the value comes from: a law, a regulation, a policy decision. */
  source: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class NoVersionInForceError extends Error {
  constructor(readonly setting: string, readonly on: string) {
    super(`No version of ${setting} is in force on ${on}.`);
  }
}

/** The version in force on `on` (YYYY-MM-DD). Throws when none is, rather than guessing. */
export function versionInForce<T>(setting: string, versions: readonly DatedVersion<T>[], on: string): DatedVersion<T> {
  if (!ISO_DATE.test(on)) throw new Error(`"${on}" is not a YYYY-MM-DD date`);
  let best: DatedVersion<T> | undefined;
  for (const version of versions) {
    if (!ISO_DATE.test(version.validFrom)) throw new Error(`${setting}: "${version.validFrom}" is not a YYYY-MM-DD date`);
    // ISO dates compare correctly as strings.
    if (version.validFrom <= on && (!best || version.validFrom > best.validFrom)) best = version;
  }
  if (!best) throw new NoVersionInForceError(setting, on);
  return best;
}
