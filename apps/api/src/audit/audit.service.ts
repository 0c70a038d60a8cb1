import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditOutcomeValue } from './audit-entry.entity';

export interface AuditRecord {
  actorId?: string | null;
  actorEmail?: string | null;
  operation: string;
  operationType: 'mutation' | 'query' | 'job';
  targetType?: string | null;
  targetId?: string | null;
  input?: Record<string, unknown> | null;
  outcome: AuditOutcomeValue;
  errorCode?: string | null;
  requestId?: string | null;
}

const SECRET_KEY = /pass(word)?|token|secret|api.?key|authorization/i;
const MAX_STRING = 500;

/**
 * jsonb cannot hold NUL or a lone UTF-16 surrogate; the attempt that carried one must still be
 * recorded (issue 10), so the summary shows U+FFFD in their place.
 */
/** A URL's user name and password never reach the trail, even in a refused attempt. */
function withoutCredentials(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1[REDACTED]@');
}

export function storable(text: string): string {
  return text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Summarises an operation's input for the audit trail: secrets replaced, long strings cut. */
export function summariseInput(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (depth > 5) return '[…]';
  if (typeof value === 'string') return storable(withoutCredentials(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value));
  if (typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => summariseInput(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) ? '[REDACTED]' : summariseInput(item, depth + 1),
    ]),
  );
}

/** Text from the caller (an e-mail signing in, an id) as the trail can store it, cut to a sane length. */
const text = (value: string | null | undefined) => (value == null ? null : storable(value.slice(0, MAX_STRING)));

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends one entry; pass the transaction's manager to make it part of the change it records. */
  async record(entry: AuditRecord, manager: EntityManager = this.db.manager): Promise<void> {
    try {
      await manager.query(
        `INSERT INTO audit_entry (actor_id, actor_email, operation, operation_type, target_type, target_id,
                                  input_summary, outcome, error_code, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          entry.actorId ?? null,
          text(entry.actorEmail),
          entry.operation,
          entry.operationType,
          entry.targetType ?? null,
          text(entry.targetId),
          entry.input ? summariseInput(entry.input) : null,
          entry.outcome,
          entry.errorCode ?? null,
          entry.requestId ?? null,
        ],
      );
    } catch (error) {
      // An action must never pass unrecorded without a trace: shout in the log.
      this.logger.error({ err: error, entry: { ...entry, input: undefined } }, 'Could not write the audit entry');
      throw error;
    }
  }
}
