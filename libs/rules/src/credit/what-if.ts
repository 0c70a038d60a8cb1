/**
 * What-if before a rule change: replays recorded decision inputs under candidate settings and
 * counts what would have moved. Each input is replayed as it was recorded (the exposure the
 * invoice met then), so the answer reads "had these rules applied to each of these decisions";
 * it does not follow how one different decision would have changed the exposure the next met.
 */
import { LocalDate } from '@factoring/domain';
import Decimal from 'decimal.js';
import { DatedVersion } from '../policy/dated-setting';
import { CreditSettings } from './credit-settings';
import { CREDIT_OUTCOMES, CreditInput, CreditOutcome, decideCredit } from './decide-credit';

export interface RecordedDecision {
  input: CreditInput;
  outcome: CreditOutcome;
}

export interface WhatIfResult {
  decisions: number;
  /** moved[from][to]: how many decisions went from the recorded outcome to the replayed one (the diagonal is "unchanged"). */
  moved: Record<CreditOutcome, Record<CreditOutcome, number>>;
  before: Record<CreditOutcome, number>;
  after: Record<CreditOutcome, number>;
  /** The amounts approved automatically, as recorded and as replayed. */
  exposureTakenBefore: string;
  exposureTakenAfter: string;
}

const zeroes = () => Object.fromEntries(CREDIT_OUTCOMES.map((o) => [o, 0])) as Record<CreditOutcome, number>;

export function whatIf(records: readonly RecordedDecision[], candidate: DatedVersion<CreditSettings>): WhatIfResult {
  const moved = Object.fromEntries(CREDIT_OUTCOMES.map((o) => [o, zeroes()])) as WhatIfResult['moved'];
  const before = zeroes();
  const after = zeroes();
  let takenBefore = new Decimal(0);
  let takenAfter = new Decimal(0);
  for (const record of records) {
    const replayed = decideCredit(record.input, candidate).outcome;
    moved[record.outcome][replayed] += 1;
    before[record.outcome] += 1;
    after[replayed] += 1;
    if (record.outcome === 'APPROVE') takenBefore = takenBefore.plus(record.input.invoice.amount);
    if (replayed === 'APPROVE') takenAfter = takenAfter.plus(record.input.invoice.amount);
  }
  return { decisions: records.length, moved, before, after, exposureTakenBefore: takenBefore.toFixed(2), exposureTakenAfter: takenAfter.toFixed(2) };
}

/** A decision input as stored (JSON): dates come back as YYYY-MM-DD strings and become LocalDates again. */
export function reviveCreditInput(json: unknown): CreditInput {
  const date = (value: unknown) => LocalDate.parse(String(value));
  const limit = (l: { limit: string; temporaryRaise?: { amount: string; expiresOn: unknown } | null } | null) =>
    l && { limit: l.limit, temporaryRaise: l.temporaryRaise ? { amount: l.temporaryRaise.amount, expiresOn: date(l.temporaryRaise.expiresOn) } : undefined };
  const input = json as CreditInput & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    ...input,
    today: date(input.today),
    invoice: { ...input.invoice, dueDate: date(input.invoice.dueDate) },
    debtor: { ...input.debtor, limit: limit(input.debtor.limit)! },
    client: { ...input.client, creditLimit: limit(input.client.creditLimit)! },
    pair: { ...input.pair, limit: limit(input.pair.limit) },
  };
}
