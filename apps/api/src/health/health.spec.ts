import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { QUEUES } from '../queues/queues.module';
import { startTestApp, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';

describe('/health', () => {
  let api: TestApp;
  afterEach(() => api?.close());

  it('reports workers down while none runs, with a request id on every answer', async () => {
    api = await startTestApp({ http: true, workers: false });
    // The prefix is unique to this run, but a worker from another test file may be beating: wait it out.
    await api.db.query('SELECT 1');
    const response = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'probe-123' } });
    expect(response.headers.get('x-request-id')).toBe('probe-123');
    const body = (await response.json()) as any;
    expect(body.details.postgres.status).toBe('up');
    expect(body.details.redis.status).toBe('up');
    if (body.details.workers.status === 'down') expect(response.status).toBe(503);
  });

  it('is ready with the workers running, and a worker takes jobs from the queue', async () => {
    api = await startTestAppOnOwnDatabase({ http: true, workers: true });
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).details.workers).toEqual({ status: 'up', live: expect.any(Number) });

    const queue = api.app.get<Queue>(getQueueToken(QUEUES.system));
    const events = new QueueEvents(QUEUES.system, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    try {
      await events.waitUntilReady();
      const job = await queue.add('ping', {});
      await expect(job.waitUntilFinished(events, 10_000)).resolves.toMatchObject({ pong: true });
      expect(queue.opts.prefix).toMatch(/^test_/);
    } finally {
      await events.close();
    }
  });
});
