import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { REDIS } from '../redis/redis.module';
import { UnauthenticatedError } from './auth.errors';
import { AuthError } from './auth-errors';

/**
 * Slows down password guessing, kept in Redis so every API process shares it (issue 10):
 * - per e-mail and address: after a few free failures, each further failure locks that pair for
 *   twice as long as the last (1 s, 2 s, 4 s ... up to SIGN_IN_MAX_LOCK_SECONDS);
 * - per account, from any address (a guesser rotating addresses): after more free failures, a
 *   growing delay capped at SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS. It does not apply from an address
 *   the person has signed in from before, so nobody can lock a colleague out at their own desk;
 * - one check at a time per account: parallel guesses wait their turn, so 20 at once are not 20
 *   checks before the first failure counts.
 * The address is the caller's, or the forwarded one only from TRUSTED_PROXIES (bootstrap.ts).
 */
@Injectable()
export class SignInThrottle {
  private static readonly FAILURE_WINDOW_SECONDS = 3600;
  private static readonly KNOWN_ADDRESS_DAYS = 30;
  private static readonly TURN_WAIT_MS = 5000;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs one password check for the account at a time, after the locks allow it. */
  async check<T>(email: string, ip: string, verify: () => Promise<T>): Promise<T> {
    const turn = await this.takeTurn(email);
    try {
      await this.assertAllowed(email, ip);
      return await verify();
    } finally {
      await this.releaseTurn(email, turn);
    }
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [pairMs, accountMs, known] = await Promise.all([
      this.redis.pttl(this.key('lock', email, ip)),
      this.redis.pttl(this.key('delay', email)),
      this.redis.exists(this.key('known', email, ip)),
    ]);
    const remainingMs = Math.max(pairMs, known ? 0 : accountMs);
    if (remainingMs > 0) {
      const retryAfterSeconds = Math.ceil(remainingMs / 1000);
      throw new UnauthenticatedError(AuthError.SIGN_IN_THROTTLED, `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const pairKey = this.key('fail', email, ip);
    const accountKey = this.key('fail', email);
    const results = (await this.redis
      .multi()
      .incr(pairKey)
      .expire(pairKey, SignInThrottle.FAILURE_WINDOW_SECONDS)
      .incr(accountKey)
      .expire(accountKey, SignInThrottle.FAILURE_WINDOW_SECONDS)
      .exec()) as Array<[Error | null, number]>;
    const pairFailures = results[0][1];
    const accountFailures = results[2][1];
    const pairBeyond = pairFailures - this.config.SIGN_IN_FREE_ATTEMPTS;
    if (pairBeyond >= 0) await this.redis.set(this.key('lock', email, ip), '1', 'EX', Math.min(2 ** pairBeyond, this.config.SIGN_IN_MAX_LOCK_SECONDS));
    const accountBeyond = accountFailures - this.config.SIGN_IN_ACCOUNT_FREE_ATTEMPTS;
    if (accountBeyond >= 0) {
      await this.redis.set(this.key('delay', email), '1', 'EX', Math.min(2 ** accountBeyond, this.config.SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS));
    }
  }

  /** A success clears this address's failures and remembers it as the person's own. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.redis
      .multi()
      .del(this.key('fail', email, ip), this.key('lock', email, ip))
      .set(this.key('known', email, ip), '1', 'EX', SignInThrottle.KNOWN_ADDRESS_DAYS * 86400)
      .exec();
  }

  private async takeTurn(email: string): Promise<string> {
    const token = randomBytes(8).toString('hex');
    const deadline = Date.now() + SignInThrottle.TURN_WAIT_MS;
    for (;;) {
      // The turn expires by itself if a process dies holding it.
      if (await this.redis.set(this.key('turn', email), token, 'PX', 10_000, 'NX')) return token;
      if (Date.now() > deadline) throw new UnauthenticatedError(AuthError.SIGN_IN_THROTTLED, 'Too many sign-ins at once for this account. Try again in a few seconds.', { retryAfterSeconds: 5 });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private async releaseTurn(email: string, token: string): Promise<void> {
    // Only the holder releases (compare and delete in one step).
    await this.redis.eval(`if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`, 1, this.key('turn', email), token);
  }

  private key(kind: 'fail' | 'lock' | 'delay' | 'known' | 'turn', email: string, ip?: string): string {
    const subject = createHash('sha256').update(ip === undefined ? `${email.toLowerCase()}` : `${email.toLowerCase()}|${ip}`).digest('hex').slice(0, 32);
    return `${this.config.QUEUE_PREFIX}:sign-in:${kind}:${ip === undefined ? 'account:' : ''}${subject}`;
  }
}
