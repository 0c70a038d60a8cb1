import { Scalar, CustomScalar } from '@nestjs/graphql';
import { InvalidValueError } from '@factoring/domain';
import Decimal from 'decimal.js';
import { Kind, ValueNode } from 'graphql';
import { InputError } from './input-errors';

const PLAIN_DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * Amounts and rates travel as strings ("1500.00", "2.5"): a JSON number would pass through
 * binary floating point on the way. Numbers are refused with a sentence saying so.
 */
@Scalar('Decimal', () => DecimalString)
export class DecimalString implements CustomScalar<string, string> {
  description = 'A decimal number as a string, e.g. "1500.00". Never a JSON number.';

  parseValue(value: unknown): string {
    if (typeof value !== 'string') {
      throw new InvalidValueError(InputError.DECIMAL_NOT_A_STRING, 'Amounts and rates are sent as strings such as "1500.00", not as numbers.');
    }
    const trimmed = value.trim();
    if (!PLAIN_DECIMAL.test(trimmed)) {
      throw new InvalidValueError(InputError.DECIMAL_FORMAT, `"${value.slice(0, 40)}" is not a decimal number such as "1500.00" (a point, no spaces, at most 6 decimals).`);
    }
    return new Decimal(trimmed).toFixed();
  }

  serialize(value: unknown): string {
    if (value instanceof Decimal) return value.toFixed();
    if (typeof value === 'string') return value;
    throw new Error('Decimal fields must be strings or Decimals internally');
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind === Kind.STRING) return this.parseValue(ast.value);
    throw new InvalidValueError(InputError.DECIMAL_NOT_A_STRING, 'Amounts and rates are sent as strings such as "1500.00", not as numbers.');
  }
}
