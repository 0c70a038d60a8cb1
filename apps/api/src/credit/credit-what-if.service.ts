import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InvalidValueError } from '@factoring/domain';
import { CreditSettings, reviveCreditInput, validateCreditSettings, whatIf } from '@factoring/rules';
import { isDeepStrictEqual } from 'node:util';
import { Queue } from 'bullmq';
import { StaffPrincipal } from '../auth/principal';
import { UnitOfWork } from '../audit/unit-of-work';
import { QUEUES } from '../queues/queues.module';
import { whatIfAlreadyRunning, whatIfRunNotFound } from './credit-what-if.errors';
import { CreditWhatIfRepository, RunView } from './credit-what-if.repository';
import { addTallies, candidateVersion, emptyTally } from './credit-what-if';

/**
 * The most decisions one what-if replays: the newest ones of the window. Chunking keeps the
 * memory small whatever the history (one chunk of inputs, about 600 bytes of JSON each, plus a
 * tally of a few counts), so the bound is about time: measured on the 2-core development
 * machine, 50 000 decisions take about 10 s of one worker slot (100 chunks of about 100 ms,
 * each a short query, so no snapshot is held and credit decisions go on beside it). That is
 * long enough to wait for with a progress bar, and more automatic decisions than the product
 * makes in months today; the newest 50 000 say what a rule change does. Beyond it the answer
 * is cut and says so (`truncated`, `bound`), rather than growing with the whole history.
 */
export const WHAT_IF_DECISION_BOUND = 50_000;
/** Decisions read and replayed per step; the progress is saved after each. */
export const WHAT_IF_CHUNK_SIZE = 500;
const RECENT_RUNS = 10;

export interface StartOptions {
  /** For tests of the bound; the API always uses WHAT_IF_DECISION_BOUND. */
  bound?: number;
}

export interface ReplayOptions {
  chunkSize?: number;
  /** After each chunk is saved: the worker reports it to the job (Bull Board shows it). */
  onProgress?: (replayed: number, total: number) => unknown;
}

/** The what-if job of the worker queue; its id is the run's, so a second enqueue is the same job. */
export const whatIfJob = (runId: string) => ({ name: 'replay', data: { runId }, opts: { jobId: runId } });

/**
 * What-if before a rule change (issue 9 i): an admin's run is recorded and queued here; the
 * worker replays it in chunks (one worker slot: CreditWhatIfProcessor), so the API process
 * never holds a replay and one admin's question cannot stall everyone else's requests.
 *
 * One run at a time per admin. Starting the same what-if again (country, settings, days)
 * while it is queued or running answers the running one, so a second click or a reopened
 * dialog follows it; starting another is a CONFLICT until it is done (or has not moved for
 * STALE_AFTER_MINUTES, when its job is taken for lost and it is marked FAILED: ABANDONED).
 */
@Injectable()
export class CreditWhatIfService {
  private readonly logger = new Logger(CreditWhatIfService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly runs: CreditWhatIfRepository,
    @InjectQueue(QUEUES.creditWhatIf) private readonly queue: Queue,
  ) {}

  async start(me: Pick<StaffPrincipal, 'id'>, args: { country: 'SE' | 'NO'; value: unknown; days: number }, options: StartOptions = {}): Promise<RunView> {
    const { problems } = validateCreditSettings(args.value as CreditSettings);
    if (problems.length) throw new InvalidValueError(problems[0].code, problems[0].message.en, `value.${problems[0].field}`);
    const bound = options.bound ?? WHAT_IF_DECISION_BOUND;

    const run = await this.uow.transaction(async (tx) => {
      const active = await this.runs.activeOf(tx, me.id);
      if (active && !active.stale) {
        const same = active.country === args.country && active.days === args.days && isDeepStrictEqual(active.settings, args.value);
        if (!same) throw whatIfAlreadyRunning(active.id);
        return (await this.runs.view(active.id, tx))!;
      }
      if (active) await this.runs.fail(active.id, 'ABANDONED', `No progress for a while; replaced by a new run`, tx);
      const id = await this.runs.insert(tx, { staffId: me.id, country: args.country, settings: args.value, days: args.days, bound });
      if (!id) throw whatIfAlreadyRunning(null);
      return (await this.runs.view(id, tx))!;
    });

    // Queued after the commit, so the worker never looks for a run that is not there yet. A
    // run that is answered again is queued again too: the job id makes that the same job, and
    // it finds again a job lost between a commit and its enqueue.
    if (run.status === 'QUEUED' || run.status === 'RUNNING') {
      const job = whatIfJob(run.id);
      try {
        await this.queue.add(job.name, job.data, job.opts);
      } catch (error) {
        this.logger.error({ err: error, runId: run.id }, 'Could not queue a what-if run');
        await this.runs.fail(run.id, 'QUEUE_UNAVAILABLE', (error as Error).message);
        return (await this.runs.view(run.id))!;
      }
    }
    return run;
  }

  async get(id: string): Promise<RunView> {
    const run = await this.runs.view(id);
    if (!run) throw whatIfRunNotFound(id);
    return run;
  }

  latest(country?: 'SE' | 'NO'): Promise<RunView[]> {
    return this.runs.latest(country ?? null, RECENT_RUNS);
  }

  /**
   * The worker's replay. Safe to run twice and to resume: the set is fixed on the first
   * attempt (window, newest and oldest decision id), and each chunk saves its tally with the
   * last decision id it covered, only if that is still where the run stood. A worker killed
   * mid-run resumes after the last saved chunk; two executions at once move each chunk once,
   * the loser stops. A run already done or failed is left as it is.
   */
  async replay(runId: string, { chunkSize = WHAT_IF_CHUNK_SIZE, onProgress }: ReplayOptions = {}): Promise<void> {
    let run = await this.runs.begin(runId);
    if (!run) return;
    if (run.total === null) {
      const { found, oldest } = await this.runs.count(run);
      await this.runs.fixSet(runId, { total: Math.min(found, run.bound), truncated: found > run.bound, oldest, tally: emptyTally(run.settings) });
      run = await this.runs.state(runId);
      if (!run) return;
    }
    const candidate = candidateVersion(run.settings);
    let { lastDecisionId: after, replayed } = run;
    let tally = run.tally ?? emptyTally(run.settings);
    // At most `total` rows: a decision that commits late with an id inside the range does not push the progress past it.
    while (replayed < run.total!) {
      const rows = await this.runs.chunk(run, after, Math.min(chunkSize, run.total! - replayed));
      if (rows.length === 0) break;
      const last = rows[rows.length - 1].id;
      tally = addTallies(tally, whatIf(rows.map((row) => ({ input: reviveCreditInput(row.input), outcome: row.outcome })), candidate));
      replayed += rows.length;
      if (!(await this.runs.saveChunk(runId, after, last, replayed, tally))) return; // another execution is ahead
      after = last;
      await onProgress?.(replayed, run.total!);
    }
    // Recorded decisions are append-only, so the counted set cannot shrink; if it did, the job fails where admins see it.
    if (replayed < run.total!) throw new Error(`What-if ${runId}: ${run.total} decisions counted but ${replayed} found`);
    await this.runs.finish(runId, after, { ...tally, truncated: run.truncated!, bound: run.bound });
  }

  /** A job that failed its last attempt: the run says so (the detail stays in the row and the log). */
  async failed(runId: string, why: string): Promise<void> {
    await this.runs.fail(runId, 'REPLAY_FAILED', why);
  }
}
