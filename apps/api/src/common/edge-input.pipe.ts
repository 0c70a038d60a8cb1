import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidValueError } from '@factoring/domain';
import Decimal from 'decimal.js';

/**
 * Checks every argument of every operation before its resolver runs (issue 10), so nothing
 * that cannot be stored, or would be stored other than it was sent, reaches a service:
 * - text PostgreSQL cannot store (NUL, a lone UTF-16 surrogate), and text longer than any field;
 * - ids that are not ids;
 * - numbers with more decimals or digits than the column that keeps them (refused, never
 *   rounded), and limits above the business ceiling.
 * It runs inside the audit interceptor, so a refused mutation is still recorded.
 */

/** The longest text any field takes; a file sent as text (a bank status report) has its own bound. */
const MAX_TEXT = 10_000;
const LONG_TEXT_FIELDS: Record<string, number> = { content: 1_000_000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Id-like arguments that are not our row ids (an audit target may name anything). */
const NOT_ROW_IDS = new Set(['targetId']);
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How each decimal input is stored: the column's scale and integer digits, and a business ceiling. One place for all. */
interface DecimalBound {
  scale: number;
  integerDigits: number;
  max?: string;
}
const MONEY: DecimalBound = { scale: 2, integerDigits: 16 };
/** No limit the factor sets is above a billion in the currency. */
const LIMIT: DecimalBound = { scale: 2, integerDigits: 16, max: '1000000000' };
export const DECIMAL_BOUNDS: Record<string, DecimalBound> = {
  payable: MONEY,
  net: MONEY,
  vat: MONEY,
  gross: MONEY,
  rounding: MONEY,
  amount: MONEY,
  amountFrom: MONEY,
  amountTo: MONEY,
  feeFixed: MONEY,
  feeMinimum: MONEY,
  creditLimit: LIMIT,
  limit: LIMIT,
  quantity: { scale: 4, integerDigits: 14 },
  unitPrice: { scale: 4, integerDigits: 14 },
  vatRatePercent: { scale: 2, integerDigits: 3 },
  vatRateOnFeePercent: { scale: 2, integerDigits: 3 },
  feePercent: { scale: 4, integerDigits: 3 },
};
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

@Injectable()
export class EdgeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    check(value, metadata.data ?? '', 0);
    return value;
  }
}

function check(value: unknown, path: string, depth: number): void {
  if (depth > 10 || value === null || value === undefined) return;
  const key = path.split('.').pop() ?? '';
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) throw new InvalidValueError('TEXT_NOT_STORABLE', 'The text holds a character that cannot be stored (NUL, or half of a surrogate pair).', path || undefined);
    if (value.length > (LONG_TEXT_FIELDS[key] ?? MAX_TEXT)) {
      throw new InvalidValueError('TEXT_TOO_LONG', `The text is longer than ${LONG_TEXT_FIELDS[key] ?? MAX_TEXT} characters.`, path || undefined);
    }
    if ((key === 'id' || (key.endsWith('Id') && !NOT_ROW_IDS.has(key))) && !UUID.test(value)) {
      throw new InvalidValueError('ID_INVALID', `"${value.slice(0, 40)}" is not an id.`, path || undefined);
    }
    const bound = DECIMAL_BOUNDS[key];
    if (bound && DECIMAL_TEXT.test(value)) checkDecimal(new Decimal(value), bound, path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => check(item, path ? `${path}.${index}` : String(index), depth + 1));
    return;
  }
  if (typeof value === 'object') {
    for (const [k, item] of Object.entries(value as Record<string, unknown>)) check(item, path ? `${path}.${k}` : k, depth + 1);
  }
}

function checkDecimal(value: Decimal, bound: DecimalBound, field: string): void {
  if (value.decimalPlaces() > bound.scale) {
    throw new InvalidValueError('DECIMAL_TOO_PRECISE', `At most ${bound.scale} decimals are kept here; ${value.toFixed()} would be rounded.`, field, { scale: bound.scale });
  }
  if (value.abs().truncated().toFixed().replace(/^0$/, '').length > bound.integerDigits) {
    throw new InvalidValueError('DECIMAL_TOO_LARGE', `${value.toFixed()} is larger than can be kept here.`, field);
  }
  if (bound.max && value.gt(bound.max)) {
    throw new InvalidValueError('AMOUNT_ABOVE_CEILING', `At most ${new Decimal(bound.max).toFixed()} can be set here.`, field, { max: bound.max });
  }
}
