import { Field, FieldOptions } from '@nestjs/graphql';
import { DECIMAL_BOUNDS, DecimalBound, DecimalBoundCode, decimalBoundProblem, DecimalKind, largestStorable, lineNetProblem } from '@factoring/domain';
import { IsOptional, IsString, registerDecorator, ValidationArguments } from 'class-validator';
import { DecimalString } from './decimal.scalar';

/**
 * A decimal input field, declared with the kind of column that keeps it (issue 10): the value
 * is refused at the edge, naming the field, when it has more decimals than the column keeps
 * (it would be rounded), more digits than it holds (it would overflow mid-transaction) or is
 * above the business ceiling. The bounds themselves live in libs/domain (amount-bounds.ts).
 *
 *   @DecimalField('QUANTITY') quantity!: string;
 *   @DecimalField('LIMIT', { nullable: true }) creditLimit?: string;
 *
 * Each refusal is its own constraint named by its reason (DECIMAL_TOO_PRECISE, ...), checked so
 * that at most one fails; the validation pipe turns the name into `extensions.reason`.
 */
export function DecimalField(kind: DecimalKind, options: Omit<FieldOptions, 'name'> = {}): PropertyDecorator {
  const bound: DecimalBound = DECIMAL_BOUNDS[kind];
  const limits = `At most ${bound.scale} decimals and ${largestStorable(bound).toFixed()}${bound.max ? ` (${bound.max} as a business ceiling)` : ''}.`;
  return (target, propertyKey) => {
    Field(() => DecimalString, { ...options, description: options.description ? `${options.description} ${limits}` : limits })(target, propertyKey);
    if (options.nullable) IsOptional()(target, propertyKey);
    IsString()(target, propertyKey);
    for (const code of [DecimalBoundCode.TOO_PRECISE, DecimalBoundCode.TOO_LARGE, DecimalBoundCode.ABOVE_CEILING]) {
      registerDecorator({
        name: code,
        target: target.constructor,
        propertyName: propertyKey as string,
        options: { context: contextOf(code, bound) },
        validator: {
          validate: (value: unknown) => problemOf(value, bound)?.code !== code,
          defaultMessage: (args: ValidationArguments) => `${args.property}: ${problemOf(args.value, bound)?.message ?? 'out of bounds'}`,
        },
      });
    }
  };
}

/**
 * On an invoice line's unit price: quantity x unit price must fit the line's net column
 * (numeric(18,2)), although each fits its own.
 */
export function LineNetWithinBounds(quantityProperty = 'quantity'): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: DecimalBoundCode.LINE_NET_TOO_LARGE,
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { context: { max: largestStorable(DECIMAL_BOUNDS.MONEY).toFixed() } },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const quantity = (args.object as Record<string, unknown>)[quantityProperty];
          // A factor that is no number is refused by its own checks.
          if (!PLAIN.test(String(value)) || !PLAIN.test(String(quantity))) return true;
          // A factor beyond its own column is refused for that, by its own field.
          if (problemOf(value, DECIMAL_BOUNDS.UNIT_PRICE) || problemOf(quantity, DECIMAL_BOUNDS.QUANTITY)) return true;
          return lineNetProblem(String(quantity), String(value)) === null;
        },
        defaultMessage: (args: ValidationArguments) =>
          lineNetProblem((args.object as Record<string, string>)[quantityProperty], args.value as string)?.message ?? 'The line is larger than can be kept.',
      },
    });
}

const PLAIN = /^-?\d+(\.\d+)?$/;

/** The scalar lets only plain decimals through; anything else is its refusal to make, not ours. */
function problemOf(value: unknown, bound: DecimalBound) {
  return typeof value === 'string' && PLAIN.test(value) ? decimalBoundProblem(value, bound) : null;
}

function contextOf(code: string, bound: DecimalBound): Record<string, unknown> {
  if (code === DecimalBoundCode.TOO_PRECISE) return { scale: bound.scale };
  if (code === DecimalBoundCode.TOO_LARGE) return { max: largestStorable(bound).toFixed() };
  return { max: bound.max };
}
