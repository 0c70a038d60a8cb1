import Redis from 'ioredis';
import { registerPathAliases } from './path-aliases';

registerPathAliases();

/** Drops this run's database and deletes this run's Redis keys. Set KEEP_TEST_DATABASE=1 to inspect it. */
export default async function globalTeardown(): Promise<void> {
  const { dropDatabase } = await import('../src/database/migrate');
  // As the superuser: the application's role may not drop a database.
  const databaseUrl = process.env.TEST_FIXTURE_DATABASE_URL;
  if (databaseUrl && !process.env.KEEP_TEST_DATABASE) await dropDatabase(databaseUrl);

  const prefix = process.env.QUEUE_PREFIX;
  if (!prefix?.startsWith('test_')) return;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    // The run's queues, and those of the apps on databases of their own (test-app.ts).
    for (const match of [`${prefix}:*`, `${prefix}_own_*:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
