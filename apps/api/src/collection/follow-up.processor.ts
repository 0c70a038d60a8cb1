import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { BUSINESS_TIME_ZONES, CountryCode, isCountryCode, SUPPORTED_COUNTRIES } from '@factoring/domain';
import { Job, Queue } from 'bullmq';
import { QUEUES } from '../queues/queues.module';
import { RecourseFollowUp } from '../recourse/recourse-follow-up.service';
import { FollowUpRun, FollowUpService } from './follow-up.service';

export const FOLLOW_UP_JOB = 'follow-up';

/**
 * When each country's daily follow-up runs, in its business time zone: after the day's bank
 * files are in (the morning's camt.054/BgMax/OCR files), so what was paid yesterday is booked
 * before anyone is reminded. A cron pattern (second minute hour day month weekday); every day,
 * weekends too: a day missed is caught up anyway, and letters dated a Saturday are lawful.
 */
export const FOLLOW_UP_SCHEDULE: Readonly<Record<CountryCode, { pattern: string; tz: string }>> = Object.freeze({
  SE: { pattern: '0 30 10 * * *', tz: BUSINESS_TIME_ZONES.SE },
  NO: { pattern: '0 30 10 * * *', tz: BUSINESS_TIME_ZONES.NO },
});

export const followUpSchedulerId = (country: CountryCode) => `follow-up-${country}`;

/**
 * The daily follow-up per country (issue 15 s.1): one BullMQ job scheduler per country, upserted
 * at start (so restarting the workers never doubles it). The job runs FollowUpService for the
 * clock's today; running it twice on one day acts once (the steps are unique rows), and a day
 * the workers were down is caught up by the next run.
 */
@Processor(QUEUES.collection)
export class FollowUpProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly followUp: FollowUpService,
    private readonly recourse: RecourseFollowUp,
    @InjectQueue(QUEUES.collection) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const country of SUPPORTED_COUNTRIES) {
      const { pattern, tz } = FOLLOW_UP_SCHEDULE[country];
      await this.queue.upsertJobScheduler(followUpSchedulerId(country), { pattern, tz }, { name: FOLLOW_UP_JOB, data: { country } });
    }
  }

  async process(job: Job<{ country: CountryCode }>): Promise<Omit<FollowUpRun, 'outcomes'> & { outcomes: number; recourse: { boughtBack: number; reminded: number; blocked: number; failed: number } }> {
    if (job.name !== FOLLOW_UP_JOB) throw new Error(`Unknown collection job ${job.name}`);
    const country = job.data.country;
    if (!isCountryCode(country)) throw new Error(`A follow-up job for an unknown country: ${String(country)}`);
    const run = await this.followUp.run(country);
    // Then recourse (issue 15 s.3): invoices unpaid the agreement's days after due bought back, late recourse invoices reminded and their clients blocked.
    const recourse = await this.recourse.run(country);
    // The job's result stays small (a queue board shows it); the steps themselves are rows.
    return {
      ...run,
      outcomes: run.outcomes.length,
      recourse: { boughtBack: recourse.boughtBack.length, reminded: recourse.reminded.length, blocked: recourse.blocked.length, failed: recourse.failed.length },
    };
  }
}
