import { HttpException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ASTNode, BREAK, DocumentNode, GraphQLError, GraphQLFormattedError, Kind, parse, visit } from 'graphql';
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
    // A scalar refusing a variable arrives wrapped: GraphQL's message names the variable and path;
    // one refusing a value written in the query names neither, so the path is found in the query.
    const fromGraphQL = error instanceof GraphQLError && !formatted.path ? (variablePath(formatted.message) ?? literalPath(error)) : undefined;
    return {
      ...base,
      message: fromGraphQL ? formatted.message : domain.message,
      extensions: compact({ code: domain.kind, reason: domain.code, field: domain.field ?? fromGraphQL, ...domain.details }),
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
    // A variable that does not coerce: GraphQL's outer message names the variable and path, the inner one what is wrong.
    const outer = error instanceof GraphQLError ? error.message : original.message;
    const field = code === 'BAD_USER_INPUT' ? (variablePath(outer) ?? variablePath(original.message) ?? literalPath(original)) : undefined;
    return { ...base, message: original.message, extensions: compact({ code, reason: graphQLCode, field }) };
  }

  logger.error({ err: original, path: formatted.path }, 'Unexpected error in a GraphQL operation');
  return {
    ...base,
    message: 'Something went wrong on our side; the error has been logged.',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * The path of the input a variable-coercion message is about, as the API names fields elsewhere
 * (`input.lines.0.quantity`): GraphQL says `Variable "$input" got invalid value ... at
 * "input.lines[0]"; Field "quantity" of required type ... was not provided.`, or that a field
 * "is not defined by type ...", or that the variable itself "was not provided".
 */
export function variablePath(message: string): string | undefined {
  const missingVariable = /^Variable "\$([^"]+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)/.exec(message);
  if (missingVariable) return missingVariable[1];
  const invalid = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (!invalid) return undefined;
  const [, variable, at, rest] = invalid;
  const inner = /^Field "([^"]+)" (?:of required type "[^"]+" was not provided|is not defined by type)/.exec(rest)?.[1];
  const path = [at ?? variable, inner].filter(Boolean).join('.');
  return path.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * The argument path of a value written in the query itself that GraphQL refused (a number
 * where a Decimal string belongs, an unknown enum value, a NUL): found by walking the query
 * to the refused value's position. `setDebtorLimit(creditLimit: 12)` gives `creditLimit`.
 */
export function literalPath(error: GraphQLError): string | undefined {
  const body = error.source?.body;
  const position = error.positions?.[0];
  if (body === undefined || position === undefined) return undefined;
  let document: DocumentNode;
  try {
    document = parse(body);
  } catch {
    return undefined;
  }
  let found: string | undefined;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (found !== undefined || !node.loc || node.loc.start !== position) return undefined;
      if (node.kind !== Kind.ARGUMENT && node.kind !== Kind.OBJECT_FIELD && !isValueNode(node)) return undefined;
      // `ancestors` stops above the parent.
      const chain = [...ancestors, parent, node].filter((a): a is ASTNode => !!a && !Array.isArray(a));
      const start = chain.map((a) => a.kind).lastIndexOf(Kind.ARGUMENT);
      if (start < 0) return undefined;
      const names: string[] = [];
      chain.slice(start).forEach((a, i, rest) => {
        if (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD) names.push(a.name.value);
        const next = rest[i + 1];
        if (a.kind === Kind.LIST && next) names.push(String((a.values as readonly ASTNode[]).indexOf(next)));
      });
      found = names.join('.');
      return BREAK;
    },
  });
  return found;
}

function isValueNode(node: ASTNode): boolean {
  return [Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.NULL, Kind.LIST, Kind.OBJECT, Kind.VARIABLE].includes(node.kind as Kind);
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
      const { field, message, reason, details } = firstProblem(errors);
      return refusedAtTheEdge(new InvalidValueError(reason, message, field, details));
    },
  });
}

/** A constraint named by a reason code (e.g. DECIMAL_TOO_PRECISE) gives that reason; class-validator's own give INVALID_INPUT. */
const REASON_NAME = /^[A-Z][A-Z0-9_]+$/;

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string; reason: string; details?: Record<string, unknown> } {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const [name, message] = Object.entries(error.constraints)[0];
      const reason = REASON_NAME.test(name) ? name : 'INVALID_INPUT';
      return { field, message, reason, details: reason === 'INVALID_INPUT' ? undefined : (error.contexts?.[name] as Record<string, unknown> | undefined) };
    }
    if (error.children?.length) return firstProblem(error.children, field);
  }
  return { field: 'input', message: 'The input is not valid.', reason: 'INVALID_INPUT' };
}

/**
 * Marks a refusal made before the resolver runs (the argument pipes) as the caller's error:
 * Apollo answers it with HTTP 400, so programs that retry on 5xx do not loop, and the error
 * itself still reaches the one formatter (code, reason, field).
 */
export function refusedAtTheEdge<E extends Error>(error: E): E {
  return Object.assign(error, { extensions: { http: { status: 400 } } });
}
