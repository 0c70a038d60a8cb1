import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidValueError } from '@factoring/domain';
import { refusedAtTheEdge } from './graphql-errors';
import { InputError } from './input-errors';

/**
 * Checks every argument of every operation before its resolver runs (issue 10), so nothing
 * that cannot be stored, or would be stored other than it was sent, reaches a service:
 * - text PostgreSQL cannot store (NUL, a lone UTF-16 surrogate), and text longer than any field;
 * - ids that are not ids.
 * Numbers are checked by the validation pipe that runs next, against the column each decimal
 * field declares (`DecimalField`, common/decimal-field.ts). Both run inside the audit
 * interceptor, so a refused mutation is still recorded, and both answer HTTP 400.
 */

/** The longest text any field takes; a file sent as text (a bank status report) has its own bound. */
const MAX_TEXT = 10_000;
const LONG_TEXT_FIELDS: Record<string, number> = { content: 1_000_000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Id-like arguments that are not our row ids (an audit target may name anything; a Peppol participant id is "scheme:value", checked by its own rule). */
const NOT_ROW_IDS = new Set(['targetId', 'peppolId']);
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

@Injectable()
export class EdgeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    try {
      // Args whose `id` is a bigint row id (the audit trail's) say so; every other id is a UUID.
      check(value, metadata.data ?? '', 0, (metadata.metatype as { numericId?: boolean } | undefined)?.numericId === true);
    } catch (error) {
      throw error instanceof InvalidValueError ? refusedAtTheEdge(error) : error;
    }
    return value;
  }
}

function check(value: unknown, path: string, depth: number, numericId = false): void {
  if (depth > 10 || value === null || value === undefined) return;
  const key = path.split('.').pop() ?? '';
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) throw new InvalidValueError(InputError.TEXT_NOT_STORABLE, 'The text holds a character that cannot be stored (NUL, or half of a surrogate pair).', path || undefined);
    if (value.length > (LONG_TEXT_FIELDS[key] ?? MAX_TEXT)) {
      throw new InvalidValueError(InputError.TEXT_TOO_LONG, `The text is longer than ${LONG_TEXT_FIELDS[key] ?? MAX_TEXT} characters.`, path || undefined);
    }
    if (numericId && key === 'id' && /^[1-9]\d{0,18}$/.test(value)) return;
    if ((key === 'id' || (key.endsWith('Id') && !NOT_ROW_IDS.has(key))) && !UUID.test(value)) {
      throw new InvalidValueError(InputError.ID_INVALID, `"${value.slice(0, 40)}" is not an id.`, path || undefined);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => check(item, path ? `${path}.${index}` : String(index), depth + 1, numericId));
    return;
  }
  if (typeof value === 'object') {
    for (const [k, item] of Object.entries(value as Record<string, unknown>)) check(item, path ? `${path}.${k}` : k, depth + 1, numericId);
  }
}
