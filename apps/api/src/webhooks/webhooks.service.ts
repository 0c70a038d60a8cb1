import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvalidValueError } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { numberEventFeed } from '../outbox/outbox.service';
import { assertAllowedTarget, WebhookTargetRefused, webhookTargetPolicy } from './webhook-target';
import { WebhookError } from './webhook-errors';

export interface ClientEventView {
  id: string;
  cursor: string;
  topic: string;
  subjectType: string;
  subjectId: string;
  occurredAt: Date;
  data: unknown;
}

/** A client's webhook and its event feed (the same events, for programs that poll). */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sets (or replaces) the client's webhook; the signing secret is returned once. */
  async register(clientId: string, url: string): Promise<{ url: string; secret: string }> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InvalidValueError(WebhookError.WEBHOOK_URL_INVALID, 'The webhook address must be a full URL such as https://example.com/hooks/factoring.', 'url');
    }
    // A password in the address would travel in every delivery and sit in our logs: refused (issue 10).
    if (parsed.username || parsed.password) {
      throw new InvalidValueError(WebhookError.WEBHOOK_URL_HAS_CREDENTIALS, 'The webhook address must not hold a user name or password; verify our signature instead.', 'url');
    }
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    // Plain http only to this machine (development and tests); anything else must be https.
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local && this.config.NODE_ENV !== 'production')) {
      throw new InvalidValueError(WebhookError.WEBHOOK_URL_NOT_HTTPS, 'The webhook address must use https.', 'url');
    }
    try {
      await assertAllowedTarget(parsed, webhookTargetPolicy(this.config));
    } catch (error) {
      if (error instanceof WebhookTargetRefused) {
        throw new InvalidValueError(WebhookError.WEBHOOK_URL_NOT_PUBLIC, `${error.message} Webhooks are delivered only to public internet addresses.`, 'url');
      }
      throw new InvalidValueError(WebhookError.WEBHOOK_HOST_UNKNOWN, `The webhook host ${parsed.hostname} could not be resolved; check the address.`, 'url');
    }
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    await this.db.query(
      `INSERT INTO webhook_endpoint (client_id, url, secret) VALUES ($1, $2, $3)
       ON CONFLICT (client_id) DO UPDATE SET url = $2, secret = $3, updated_at = now()`,
      [clientId, parsed.toString(), secret],
    );
    return { url: parsed.toString(), secret };
  }

  /** Events after `cursor` (exclusive), oldest first. Cursors are opaque strings of the feed's order. */
  async eventsSince(clientId: string, cursor: string | null | undefined, limit: number): Promise<{ events: ClientEventView[]; cursor: string | null }> {
    // No cursor (left out or null) reads from the start.
    if (cursor != null && !/^\d{1,18}$/.test(cursor)) {
      throw new InvalidValueError(WebhookError.EVENT_CURSOR_INVALID, 'The cursor must be one returned by this feed.', 'after');
    }
    // Positions are given after commit, so an event committed late is never behind a cursor already handed out.
    await numberEventFeed(this.db);
    const rows = await this.db.query(
      `SELECT feed_position, event_id, topic, subject_type, subject_id, created_at, payload FROM outbox_event
        WHERE client_id = $1 AND feed_position > $2 ORDER BY feed_position LIMIT $3`,
      [clientId, cursor ?? '0', limit],
    );
    const events = rows.map((row: Record<string, unknown>) => ({
      id: row.event_id as string,
      cursor: String(row.feed_position),
      topic: row.topic as string,
      subjectType: row.subject_type as string,
      subjectId: row.subject_id as string,
      occurredAt: row.created_at as Date,
      data: row.payload,
    }));
    return { events, cursor: events.length ? events[events.length - 1].cursor : (cursor ?? null) };
  }
}
