import { randomBytes } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';

/**
 * An ioredis connection suitable for BullMQ (maxRetriesPerRequest: null) that
 * gives up after a few reconnect attempts instead of retrying forever, so a
 * missing Redis makes the bench fail rather than hang.
 */
export function connectRedis(url: string): Redis {
  const redis = new IORedis(url, {
    maxRetriesPerRequest: null,
    connectTimeout: 10_000,
    retryStrategy: (attempt) => (attempt > 5 ? null : Math.min(attempt * 200, 1000)),
  });
  redis.on('error', () => {
    // Reported through the failing command; the listener only prevents an unhandled 'error' event.
  });
  return redis;
}

export async function closeRedis(redis: Redis | undefined): Promise<void> {
  if (!redis) return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}

/** A key prefix like bench-1a2b3c4d, optionally with a slug of the workload name. */
export function scratchPrefix(label?: string): string {
  const id = randomBytes(4).toString('hex');
  const slug = label
    ? label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40)
    : '';
  return slug ? `bench-${id}-${slug}` : `bench-${id}`;
}

/**
 * Deletes every key under `${prefix}:` (SCAN + UNLINK in batches; bounded by the
 * key space). Returns how many keys were removed.
 */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<number> {
  if (!/^bench-[a-z0-9-]+$/.test(prefix)) {
    throw new Error(`refusing to delete keys under "${prefix}": not a bench scratch prefix`);
  }
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
