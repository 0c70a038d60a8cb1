import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { REDIS } from '../redis/redis.module';
import { UnauthenticatedError } from './auth.errors';

/**
 * Slows down password guessing: after a few free failures for one e-mail from one address,
 * each further failure locks sign-in for that pair for twice as long as the last
 * (1 s, 2 s, 4 s ... up to SIGN_IN_MAX_LOCK_SECONDS). Kept in Redis so every API process shares it.
 */
@Injectable()
export class SignInThrottle {
  private static readonly FAILURE_WINDOW_SECONDS = 3600;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const remainingMs = await this.redis.pttl(this.key('lock', email, ip));
    if (remainingMs > 0) {
      const retryAfterSeconds = Math.ceil(remainingMs / 1000);
      throw new UnauthenticatedError(
        'SIGN_IN_THROTTLED',
        `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const failKey = this.key('fail', email, ip);
    const [[, failures]] = (await this.redis
      .multi()
      .incr(failKey)
      .expire(failKey, SignInThrottle.FAILURE_WINDOW_SECONDS)
      .exec()) as [[Error | null, number]];
    const beyondFree = failures - this.config.SIGN_IN_FREE_ATTEMPTS;
    if (beyondFree >= 0) {
      const lockSeconds = Math.min(2 ** beyondFree, this.config.SIGN_IN_MAX_LOCK_SECONDS);
      await this.redis.set(this.key('lock', email, ip), '1', 'EX', lockSeconds);
    }
  }

  async reset(email: string, ip: string): Promise<void> {
    await this.redis.del(this.key('fail', email, ip), this.key('lock', email, ip));
  }

  private key(kind: 'fail' | 'lock', email: string, ip: string): string {
    const subject = createHash('sha256').update(`${email.toLowerCase()}|${ip}`).digest('hex').slice(0, 32);
    return `${this.config.QUEUE_PREFIX}:sign-in:${kind}:${subject}`;
  }
}
