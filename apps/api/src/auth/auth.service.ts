import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidValueError } from '@factoring/domain';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { StaffMemberEntity } from '../staff/staff-member.entity';
import { UnauthenticatedError } from './auth.errors';
import { assertAcceptablePassword, decoyPasswordHash, hashPassword, verifyPassword } from './password';
import { StaffPrincipal } from './principal';
import { SignInThrottle } from './sign-in-throttle.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffSessionEntity } from './staff-session.entity';
import { AuthError } from './auth-errors';

export interface SignInMeta {
  ip: string;
  userAgent?: string;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  staff: StaffMemberEntity;
}

const WRONG_CREDENTIALS = 'The e-mail or the password is wrong.';

/**
 * Sign-in tokens are opaque random strings; the database keeps only their SHA-256, so a
 * stolen database copy signs no one in, and a session ends for real on sign-out or deactivation.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: SignInThrottle,
    private readonly uow: UnitOfWork,
  ) {}

  async signIn(emailInput: string, password: string, meta: SignInMeta): Promise<SignedIn> {
    const email = emailInput.trim().toLowerCase();
    const staff = await this.throttle.check(email, meta.ip, async () => {
      const found = await this.db
        .getRepository(StaffMemberEntity)
        .createQueryBuilder('s')
        .addSelect('s.passwordHash')
        .where('s.email = :email', { email })
        .getOne();
      const passwordOk = await verifyPassword(found?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!found || !passwordOk) {
        await this.throttle.recordFailure(email, meta.ip);
        throw new UnauthenticatedError(AuthError.WRONG_CREDENTIALS, WRONG_CREDENTIALS);
      }
      return found;
    });
    if (!staff.active) {
      throw new UnauthenticatedError(AuthError.ACCOUNT_DEACTIVATED, 'This account has been deactivated. Ask an admin.');
    }
    await this.throttle.recordSuccess(email, meta.ip);

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    // The session and the sign-in's audit row (naming who signed in) commit together.
    await this.uow.transaction(async (tx) => {
      await tx.getRepository(StaffSessionEntity).insert({
        staffId: staff.id,
        tokenHash: hashToken(token),
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
      });
      return { staff: { id: staff.id, email: staff.email } };
    });
    const { passwordHash: _omit, ...visible } = staff;
    return { token, expiresAt, staff: visible as StaffMemberEntity };
  }

  /** The principal for a token, or null when it is unknown, expired, revoked or its owner is deactivated. */
  async authenticate(token: string): Promise<StaffPrincipal | null> {
    const rows: Array<{ session_id: string; id: string; email: string; name: string; roles: StaffPrincipal['roles'] }> =
      await this.db.query(
        `SELECT s.id AS session_id, m.id, m.email, m.name, m.roles
           FROM staff_session s JOIN staff_member m ON m.id = s.staff_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND m.active`,
        [hashToken(token)],
      );
    const row = rows[0];
    return row ? { id: row.id, email: row.email, name: row.name, roles: row.roles, sessionId: row.session_id } : null;
  }

  async signOut(sessionId: string): Promise<void> {
    await this.uow.transaction((tx) => tx.query(`UPDATE staff_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]));
  }

  /** Changing one's password ends every other session of that person. */
  async changePassword(principal: StaffPrincipal, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    assertAcceptablePassword(newPassword, 'newPassword');
    // The current-password check is a password guess like a sign-in (a stolen session must not try them freely).
    await this.throttle.check(principal.email, ip, async () => {
      const staff = await this.db
        .getRepository(StaffMemberEntity)
        .createQueryBuilder('s')
        .addSelect('s.passwordHash')
        .where('s.id = :id', { id: principal.id })
        .getOneOrFail();
      if (!(await verifyPassword(staff.passwordHash, currentPassword))) {
        await this.throttle.recordFailure(principal.email, ip);
        // Not UNAUTHENTICATED: the session is fine, the person mistyped a field.
        throw new InvalidValueError(AuthError.WRONG_CURRENT_PASSWORD, 'The current password is wrong.', 'currentPassword');
      }
    });
    const hash = await hashPassword(newPassword);
    await this.uow.transaction(async (tx) => {
      await tx.query(`UPDATE staff_member SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        principal.id,
        hash,
      ]);
      await tx.query(
        `UPDATE staff_session SET revoked_at = now() WHERE staff_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [principal.id, principal.sessionId],
      );
    });
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
