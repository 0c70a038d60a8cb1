import { InvalidConfigurationError, loadConfig, redactUrl } from './config.schema';
import { checkPostgres, checkRedis, PreflightError } from './preflight';

describe('loadConfig', () => {
  it('gives working defaults on a development machine', () => {
    expect(loadConfig({})).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: 'postgres://factoring_app@127.0.0.1:5432/factoring',
      DATABASE_MIGRATION_URL: 'postgres://factoring_owner@127.0.0.1:5432/factoring',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'factoring',
    });
    expect(loadConfig({}).DATABASE_ADMIN_URL).toBeUndefined();
  });

  it('runs the migrations as the owner role on the application\'s server and database unless told otherwise (issue 10, s.4)', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://factoring_app:s3cret@db.internal:6432/books' }).DATABASE_MIGRATION_URL).toBe(
      'postgres://factoring_owner@db.internal:6432/books',
    );
    expect(
      loadConfig({ DATABASE_URL: 'postgres://app@db/books', DATABASE_MIGRATION_URL: 'postgres://admin:pw@db/books' }).DATABASE_MIGRATION_URL,
    ).toBe('postgres://admin:pw@db/books');
    expect(() => loadConfig({ DATABASE_MIGRATION_URL: 'mysql://x@y/z' })).toThrow('DATABASE_MIGRATION_URL: must be a URL starting with postgres:');
    expect(() => loadConfig({ DATABASE_ADMIN_URL: 'localhost' })).toThrow('DATABASE_ADMIN_URL: must be a URL starting with postgres:');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: must be a whole number between 0 and 65535'],
    [{ PORT: '70000' }, 'PORT: must be a whole number between 0 and 65535'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL: must be a URL starting with postgres: or postgresql:'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL: must be a URL starting with redis: or rediss:'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV:'],
    [{ QUEUE_PREFIX: 'has space' }, 'QUEUE_PREFIX: must be 1-64 letters'],
  ])('refuses %j with a specific message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(InvalidConfigurationError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('names every invalid setting at once and never echoes a value', () => {
    try {
      loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://admin:s3cret@db/prod' });
      throw new Error('should have refused');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).not.toContain('s3cret');
    }
  });

  it('refuses more concurrent credit decisions than the connection pool can carry', () => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '10', CREDIT_WORKER_CONCURRENCY: '8' })).toThrow(
      'CREDIT_WORKER_CONCURRENCY: must leave at least 4 of DATABASE_POOL_SIZE free',
    );
    expect(loadConfig({ DATABASE_POOL_SIZE: '12', CREDIT_WORKER_CONCURRENCY: '8' }).CREDIT_WORKER_CONCURRENCY).toBe(8);
    // Unset, it fits the pool.
    expect(loadConfig({}).CREDIT_WORKER_CONCURRENCY).toBe(8);
    expect(loadConfig({ DATABASE_POOL_SIZE: '6' }).CREDIT_WORKER_CONCURRENCY).toBe(2);
    expect(loadConfig({ DATABASE_POOL_SIZE: '2' }).CREDIT_WORKER_CONCURRENCY).toBe(1);
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://app:s3cret@db.internal:5432/factoring')).toBe('postgres://app:***@db.internal:5432/factoring');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});

describe('preflight', () => {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  it('names PostgreSQL and the address it tried, without the password', async () => {
    const attempt = checkPostgres('postgres://app:s3cret@127.0.0.1:1/factoring');
    await expect(attempt).rejects.toThrow(PreflightError);
    await expect(attempt).rejects.toThrow(/^PostgreSQL did not answer at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/factoring: .*ECONNREFUSED/);
  });

  it('names Redis and the address it tried', async () => {
    await expect(checkRedis('redis://:s3cret@127.0.0.1:1')).rejects.toThrow(/^Redis did not answer at redis:\/\/:\*\*\*@127\.0\.0\.1:1: .*ECONNREFUSED/);
  });

  it('passes when both answer', async () => {
    await expect(checkPostgres(process.env.DATABASE_URL!)).resolves.toBeUndefined();
    await expect(checkRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')).resolves.toBeUndefined();
  });
});
