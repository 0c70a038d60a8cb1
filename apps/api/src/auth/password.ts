import * as argon2 from 'argon2';
import { InvalidValueError } from '@factoring/domain';
import { AuthError } from './auth-errors';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** argon2id with the library's defaults (64 MiB, 3 passes): the OWASP-recommended choice. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, verified when the e-mail is unknown so both paths take as long. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password nobody has');
  return decoyHash;
}

export function assertAcceptablePassword(password: string, field: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new InvalidValueError(
      AuthError.PASSWORD_TOO_SHORT,
      `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
      field,
    );
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new InvalidValueError(
      AuthError.PASSWORD_TOO_LONG,
      `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
      field,
    );
  }
  if (password.trim().length !== password.length) {
    throw new InvalidValueError(AuthError.PASSWORD_SURROUNDING_SPACE, 'The password must not start or end with a space.', field);
  }
}
