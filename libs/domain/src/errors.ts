/**
 * Domain errors carry a stable machine-readable `code` and the GraphQL error class (`kind`)
 * they map to. One place in the API (the GraphQL error formatter) turns them into
 * `extensions.code`, so the same error never maps differently by transport.
 */
export type DomainErrorKind = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable reason code, e.g. ORGANISATION_NUMBER_CHECK_DIGIT. */
    readonly code: string,
    message: string,
    /** The input field the error is about, when there is one. */
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value that does not parse or validate: maps to BAD_USER_INPUT. */
export class InvalidValueError extends DomainError {
  constructor(code: string, message: string, field?: string, details?: Record<string, unknown>) {
    super('BAD_USER_INPUT', code, message, field, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super('NOT_FOUND', code, message, undefined, details);
  }
}

/** Someone else changed the item first, or it is in a state that does not allow this. */
export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super('CONFLICT', code, message, undefined, details);
  }
}
