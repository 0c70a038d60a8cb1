import { hostname } from 'node:os';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { REDIS } from '../redis/redis.module';

export const heartbeatKey = (config: AppConfig) => `${config.QUEUE_PREFIX}:workers:heartbeats`;
export const workerId = () => `${hostname()}:${process.pid}`;

/**
 * Each worker process stamps a sorted set with its id and the time, every few seconds;
 * /health counts the workers seen within three intervals.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), this.config.WORKER_HEARTBEAT_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.redis.zrem(heartbeatKey(this.config), workerId()).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    const key = heartbeatKey(this.config);
    const now = Date.now();
    await this.redis
      .multi()
      .zadd(key, now, workerId())
      .zremrangebyscore(key, 0, now - 10 * this.config.WORKER_HEARTBEAT_SECONDS * 1000)
      .exec();
  }
}

/** Worker ids that beat within the last three intervals. */
export async function liveWorkers(redis: Redis, config: AppConfig): Promise<string[]> {
  return redis.zrangebyscore(heartbeatKey(config), Date.now() - 3 * config.WORKER_HEARTBEAT_SECONDS * 1000, '+inf');
}
