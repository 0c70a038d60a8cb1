import { CreditSettings, whatIf, WhatIfResult } from '@factoring/rules';
import Decimal from 'decimal.js';

/**
 * The what-if's running tally (issue 9 i). The worker replays recorded decisions a chunk at a
 * time (libs/rules' `whatIf` on each chunk) and adds the chunks up here: every figure of a
 * `WhatIfResult` is a count or a sum, so the chunks' tallies add up to the whole replay's.
 */
export const candidateVersion = (value: unknown) => ({ validFrom: 'what-if', source: 'candidate', value: value as CreditSettings });

/** The tally of nothing replayed yet. */
export const emptyTally = (value: unknown): WhatIfResult => whatIf([], candidateVersion(value));

export function addTallies(a: WhatIfResult, b: WhatIfResult): WhatIfResult {
  const sum = (x: Record<string, number>, y: Record<string, number>) =>
    Object.fromEntries([...new Set([...Object.keys(x), ...Object.keys(y)])].map((k) => [k, (x[k] ?? 0) + (y[k] ?? 0)]));
  const moved = Object.fromEntries(
    [...new Set([...Object.keys(a.moved), ...Object.keys(b.moved)])].map((from) => [
      from,
      sum(a.moved[from as keyof WhatIfResult['moved']] ?? {}, b.moved[from as keyof WhatIfResult['moved']] ?? {}),
    ]),
  );
  return {
    decisions: a.decisions + b.decisions,
    moved: moved as WhatIfResult['moved'],
    before: sum(a.before, b.before) as WhatIfResult['before'],
    after: sum(a.after, b.after) as WhatIfResult['after'],
    exposureTakenBefore: new Decimal(a.exposureTakenBefore).plus(b.exposureTakenBefore).toFixed(2),
    exposureTakenAfter: new Decimal(a.exposureTakenAfter).plus(b.exposureTakenAfter).toFixed(2),
  };
}
