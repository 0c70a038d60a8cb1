import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { redisConnectionOptions } from '../redis/redis.module';

/** Every queue the product has. Each capability registers its own processor in the worker process. */
export const QUEUES = { system: 'system', webhooks: 'webhooks', invoices: 'invoices', credit: 'credit', creditWhatIf: 'credit-what-if', delivery: 'delivery', collection: 'collection', reconciliation: 'reconciliation' } as const;

/**
 * BullMQ over its own Redis connections, under QUEUE_PREFIX so that test runs (each with a
 * unique prefix) never see each other's jobs.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { ...redisConnectionOptions(config.REDIS_URL), maxRetriesPerRequest: null },
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 14 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue(
      { name: QUEUES.system },
      { name: QUEUES.invoices },
      { name: QUEUES.credit },
      // The daily follow-up of overdue invoices (issue 15 s.1): a run is idempotent, so a retry is safe.
      { name: QUEUES.collection },
      // The daily exposure-against-ledger check (issue 14 s.2): a run records the day's answer once, so a retry is safe.
      { name: QUEUES.reconciliation },
      // An admin's what-if (issue 9 i): a retry resumes after the last saved chunk; the run is kept in PostgreSQL, the job only a day.
      { name: QUEUES.creditWhatIf, defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } } },
    ),
    // Documents by e-mail, Peppol and post (issue 13 s.3): the worker decides when to give up, so the queue allows a few more runs than DELIVERY_ATTEMPTS.
    BullModule.registerQueueAsync({
      name: QUEUES.delivery,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        defaultJobOptions: {
          attempts: Math.max(config.DELIVERY_ATTEMPTS, config.DELIVERY_REFUSED_ATTEMPTS) + 3,
          backoff: { type: 'exponential', delay: config.DELIVERY_BACKOFF_MS },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueueAsync({
      name: QUEUES.webhooks,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        defaultJobOptions: {
          attempts: config.WEBHOOK_ATTEMPTS,
          backoff: { type: 'exponential', delay: config.WEBHOOK_BACKOFF_MS },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      }),
    }),
  ],
  exports: [BullModule],
})
export class QueuesModule {}
