import { LocalDate } from '@factoring/domain';
import { registerDecorator, ValidationArguments } from 'class-validator';

/**
 * A day that exists on the calendar, written YYYY-MM-DD: "2030-02-30" is refused at the edge as
 * DATE_INVALID naming the field (e.g. `temporaryRaise.until`), before any service runs (issue 10).
 */
export function IsCalendarDay(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'DATE_INVALID',
      target: target.constructor,
      propertyName: propertyKey as string,
      validator: {
        validate: (value: unknown) => {
          const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
          return match !== null && LocalDate.isValid(Number(match[1]), Number(match[2]), Number(match[3]));
        },
        defaultMessage: (args: ValidationArguments) => `${args.property}: ${String(args.value).slice(0, 40)} is not a day that exists (YYYY-MM-DD, e.g. 2026-12-31).`,
      },
    });
}
