import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth/password';
import { Role } from '../src/auth/role';

export const TEST_PASSWORD = 'correct horse battery';
let testPasswordHash: Promise<string> | undefined;

export interface NewStaff {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  password: string;
}

/** A staff member with a unique e-mail (tests share one database), password TEST_PASSWORD. */
export async function newStaff(db: DataSource, overrides: Partial<Pick<NewStaff, 'roles' | 'name' | 'email'>> = {}): Promise<NewStaff> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const email = overrides.email ?? `staff-${randomBytes(5).toString('hex')}@test.factoring.test`;
  const name = overrides.name ?? 'Test Person';
  const roles = overrides.roles ?? [Role.CREDIT_ANALYST];
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO staff_member (email, name, roles, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
    [email, name, roles, await testPasswordHash],
  );
  return { id: row.id, email, name, roles, password: TEST_PASSWORD };
}
