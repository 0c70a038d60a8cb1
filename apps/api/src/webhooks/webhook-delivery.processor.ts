import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { QUEUES } from '../queues/queues.module';
import { signWebhook } from './webhook-signature';
import { postWebhook, webhookTargetPolicy } from './webhook-target';

export interface DeliverWebhook {
  eventId: string;
}

/**
 * POSTs one event to its client's webhook. A non-2xx answer or a network error fails the
 * job and BullMQ retries it with exponential backoff; the event id in the body and the
 * X-Factoring-Event-Id header let the receiver ignore a repeat. No webhook: the client polls.
 */
@Processor(QUEUES.webhooks, { concurrency: 8 })
export class WebhookDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<DeliverWebhook>): Promise<{ delivered: boolean; status?: number }> {
    const [event] = await this.db.query(
      `SELECT e.event_id, e.id AS cursor, e.topic, e.subject_type, e.subject_id, e.payload, e.created_at, e.client_id,
              w.url, w.secret, d.delivered_at
         FROM outbox_event e
         LEFT JOIN webhook_endpoint w ON w.client_id = e.client_id
         LEFT JOIN webhook_delivery d ON d.event_id = e.event_id
        WHERE e.event_id = $1`,
      [job.data.eventId],
    );
    if (!event || event.delivered_at) return { delivered: true };
    if (!event.url) return { delivered: false };

    const body = JSON.stringify({
      id: event.event_id,
      cursor: String(event.cursor),
      topic: event.topic,
      subject: { type: event.subject_type, id: event.subject_id },
      occurredAt: event.created_at,
      data: event.payload,
    });
    let status: number | undefined;
    let error: string | undefined;
    try {
      status = await postWebhook(
        new URL(event.url),
        {
          'content-type': 'application/json',
          'user-agent': 'factoring-back-office-webhooks/1',
          'x-factoring-event-id': event.event_id,
          'x-factoring-signature': signWebhook(event.secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        { timeoutMs: this.config.WEBHOOK_TIMEOUT_MS, policy: webhookTargetPolicy(this.config) },
      );
      if (status < 200 || status > 299) error = `HTTP ${status}`;
    } catch (e) {
      error = (e as Error).message;
    }
    await this.db.query(
      `INSERT INTO webhook_delivery (event_id, attempts, last_status, last_error, last_attempt_at, delivered_at)
       VALUES ($1, 1, $2, $3, now(), CASE WHEN $3::text IS NULL THEN now() END)
       ON CONFLICT (event_id) DO UPDATE SET attempts = webhook_delivery.attempts + 1, last_status = $2, last_error = $3,
         last_attempt_at = now(), delivered_at = coalesce(webhook_delivery.delivered_at, CASE WHEN $3::text IS NULL THEN now() END)`,
      [event.event_id, status ?? null, error ?? null],
    );
    if (error) {
      this.logger.warn({ eventId: event.event_id, attempt: job.attemptsMade + 1, error }, 'Webhook delivery failed; will retry');
      throw new Error(`Webhook delivery failed: ${error}`);
    }
    return { delivered: true, status };
  }
}
