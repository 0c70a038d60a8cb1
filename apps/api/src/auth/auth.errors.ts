import { DomainError } from '@factoring/domain';

export class UnauthenticatedError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super('UNAUTHENTICATED', code, message, undefined, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super('FORBIDDEN', code, message, undefined, details);
  }
}
