import { gql } from '../graphql';
import type { Country, CreditWhatIf } from '../types';

/**
 * The API's what-if runs (issue 9 i): an admin starts one, the worker replays the recorded
 * decisions in chunks, and the panel follows its progress until the result is there.
 */
export type CreditWhatIfRunStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface CreditWhatIfRun {
  id: string;
  status: CreditWhatIfRunStatus;
  days: number;
  bound: number;
  /** Null until the worker has counted the decisions it replays. */
  total: number | null;
  replayed: number;
  truncated: boolean | null;
  /** Once DONE; `truncated` when the window held more than `bound` decisions. */
  result: (CreditWhatIf & { truncated: boolean; bound: number }) | null;
  /** Why it FAILED: REPLAY_FAILED, QUEUE_UNAVAILABLE or ABANDONED. */
  failure: string | null;
}

export const RUN_FINISHED: readonly CreditWhatIfRunStatus[] = ['DONE', 'FAILED'];

const RUN_FIELDS = `id status days bound total replayed truncated failure
  result { decisions truncated bound before after moved exposureTakenBefore exposureTakenAfter }`;

export const startCreditWhatIf = async (country: Country, value: Record<string, unknown>, days: number): Promise<CreditWhatIfRun> =>
  (
    await gql<{ startCreditWhatIf: CreditWhatIfRun }>(
      `mutation StartCreditWhatIf($country: Country!, $value: JSON!, $days: Int) {
        startCreditWhatIf(country: $country, value: $value, days: $days) { ${RUN_FIELDS} }
      }`,
      { country, value, days },
    )
  ).startCreditWhatIf;

export const creditWhatIfRun = async (id: string, signal?: AbortSignal): Promise<CreditWhatIfRun> =>
  (await gql<{ creditWhatIfRun: CreditWhatIfRun }>(`query CreditWhatIfRun($id: ID!) { creditWhatIfRun(id: $id) { ${RUN_FIELDS} } }`, { id }, { signal }))
    .creditWhatIfRun;
