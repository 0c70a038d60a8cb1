import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { numberEventFeed } from '../outbox/outbox.service';
import { QUEUES } from '../queues/queues.module';

/**
 * Moves outbox rows to the webhook queue. The job id is the event id, so an event enqueued
 * twice (a relay killed between enqueue and marking) is one job: BullMQ ignores the second add.
 * Rows are claimed with SKIP LOCKED, so several workers can relay side by side.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
    @InjectQueue(QUEUES.credit) private readonly creditQueue: Queue,
    @InjectQueue(QUEUES.delivery) private readonly deliveryQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.OUTBOX_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.relayBatch();
    try {
      await this.running;
    } catch (error) {
      this.logger.error({ err: error }, 'Outbox relay failed; will retry');
    } finally {
      this.running = undefined;
    }
  }

  /** Relays up to 500 client events and 500 internal jobs; returns how many. */
  async relayBatch(): Promise<number> {
    // The polling feed's positions keep up even when nobody polls (issue 9 d).
    await numberEventFeed(this.db);
    return (await this.relayClientEvents()) + (await this.relayJobs());
  }

  private async relayJobs(): Promise<number> {
    const queues: Record<string, Queue> = { [QUEUES.credit]: this.creditQueue, [QUEUES.delivery]: this.deliveryQueue };
    return this.db.transaction(async (tx) => {
      const jobs: Array<{ id: string; queue: string; job_name: string; job_id: string; data: Record<string, unknown> }> = await tx.query(
        `SELECT id, queue, job_name, job_id, data FROM job_outbox WHERE published_at IS NULL ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED`,
      );
      if (jobs.length === 0) return 0;
      for (const [name, queue] of Object.entries(queues)) {
        const batch = jobs.filter((job) => job.queue === name);
        if (batch.length) await queue.addBulk(batch.map((job) => ({ name: job.job_name, data: job.data, opts: { jobId: job.job_id } })));
      }
      const unknown = jobs.filter((job) => !queues[job.queue]);
      if (unknown.length) this.logger.error({ queues: [...new Set(unknown.map((j) => j.queue))] }, 'Outbox jobs for unknown queues');
      await tx.query(`UPDATE job_outbox SET published_at = now() WHERE id = ANY($1)`, [jobs.filter((j) => queues[j.queue]).map((j) => j.id)]);
      return jobs.length;
    });
  }

  /**
   * Events of clients with a webhook become delivery jobs; the others are only marked
   * published (their programs read the same events from the myEvents feed), which spares a
   * job and a lookup per event for the many clients that poll.
   */
  private async relayClientEvents(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const events: Array<{ event_id: string; has_webhook: boolean }> = await tx.query(
        `SELECT e.event_id, EXISTS (SELECT 1 FROM webhook_endpoint w WHERE w.client_id = e.client_id) AS has_webhook
           FROM outbox_event e WHERE e.published_at IS NULL ORDER BY e.id LIMIT 500 FOR UPDATE OF e SKIP LOCKED`,
      );
      if (events.length === 0) return 0;
      const deliveries = events.filter((e) => e.has_webhook);
      if (deliveries.length) {
        await this.queue.addBulk(deliveries.map((e) => ({ name: 'deliver', data: { eventId: e.event_id }, opts: { jobId: e.event_id } })));
      }
      await tx.query(`UPDATE outbox_event SET published_at = now() WHERE event_id = ANY($1)`, [events.map((e) => e.event_id)]);
      return events.length;
    });
  }
}
