import { HttpException, ValidationError, ValidationPipe } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, InvalidValueError } from '@factoring/domain';
import { Logger } from '@nestjs/common';

/** The error codes a caller ever sees in `extensions.code`. */
export type PublicErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

const STATUS_TO_CODE: Record<number, PublicErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
};

/** Public codes a GraphQLError may already carry; any other GraphQLError is a malformed request. */
const PASSED_THROUGH = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT']);

const logger = new Logger('GraphQLErrors');

/**
 * The one place that turns anything thrown into the public error shape: a stable
 * `extensions.code`, a sentence a person understands and, for bad input, the field.
 * Stack traces, SQL and driver messages never reach the caller; unexpected errors are logged.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { locations: formatted.locations, path: formatted.path };

  const domain = domainErrorIn(error);
  if (domain) {
    // A scalar refusing a variable arrives wrapped: GraphQL's message names the variable and path.
    const variable = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?;/.exec(formatted.message);
    return {
      ...base,
      message: variable ? formatted.message : domain.message,
      extensions: compact({ code: domain.kind, reason: domain.code, field: domain.field ?? variable?.[2] ?? variable?.[1], ...domain.details }),
    };
  }
  if (original instanceof HttpException) {
    const code = STATUS_TO_CODE[original.getStatus()];
    if (code) return { ...base, message: httpMessage(original), extensions: { code } };
  }
  if (original instanceof GraphQLError) {
    // Raised by GraphQL or Apollo themselves (parse, validation, variable coercion, limits): the request is wrong.
    const graphQLCode = (original.extensions?.code ?? formatted.extensions?.code) as string | undefined;
    const code = graphQLCode && PASSED_THROUGH.has(graphQLCode) ? graphQLCode : 'BAD_USER_INPUT';
    return { ...base, message: original.message, extensions: compact({ code, reason: graphQLCode }) };
  }

  logger.error({ err: original, path: formatted.path }, 'Unexpected error in a GraphQL operation');
  return {
    ...base,
    message: 'Something went wrong on our side; the error has been logged.',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** The domain error behind an error, however deeply GraphQL or Apollo wrapped it. */
function domainErrorIn(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/**
 * class-validator at the edge; the first failing field becomes one BAD_USER_INPUT error with
 * that field's name and message, and nothing is changed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const [field, message] = firstProblem(errors);
      return new InvalidValueError('INVALID_INPUT', message, field);
    },
  });
}

function firstProblem(errors: ValidationError[], prefix = ''): [string, string] {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const message = Object.values(error.constraints)[0];
      return [field, message];
    }
    if (error.children?.length) return firstProblem(error.children, field);
  }
  return ['input', 'The input is not valid.'];
}
