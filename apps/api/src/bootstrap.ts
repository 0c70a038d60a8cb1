import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, AppParts } from './app.module';
import { AppConfig } from './config/config.schema';
import { mountQueueBoard } from './queues/queue-board.http';

/**
 * A body that is too large or not JSON fails in the body parser, before GraphQL: answer in
 * the same error shape as everything else, not with Express's HTML page.
 */
function bodyErrors(limit: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    const tooLarge = error?.type === 'entity.too.large';
    if (!tooLarge && error?.type !== 'entity.parse.failed') return next(error);
    const message = tooLarge
      ? `The request body is larger than the ${Math.round(limit / 1024)} KiB allowed.`
      : 'The request body is not valid JSON.';
    res.status(tooLarge ? 413 : 400).json({
      errors: [{ message, extensions: { code: 'BAD_USER_INPUT', reason: tooLarge ? 'BODY_TOO_LARGE' : 'BODY_NOT_JSON' } }],
    });
  };
}

/** Builds the HTTP app exactly as production runs it; tests use this too. */
export async function createApiApp(config: AppConfig, parts: AppParts = { http: true, workers: false }) {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(parts), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.useBodyParser('json', { limit: config.MAX_BODY_BYTES });
  app.use(bodyErrors(config.MAX_BODY_BYTES));
  app.enableCors({ origin: config.CORS_ORIGINS.split(',').map((origin) => origin.trim()) });
  // X-Forwarded-For only from the proxies configured (issue 10): otherwise any caller could pick its address and escape the sign-in throttle.
  const proxies = config.TRUSTED_PROXIES.split(',').map((p) => p.trim()).filter(Boolean);
  app.set('trust proxy', proxies.length ? proxies : false);
  // Bull Board for admins (issue 9 g), behind its own short sign-in; after helmet, whose CSP it relaxes for its path only.
  if (parts.http) mountQueueBoard(app, { production: config.NODE_ENV === 'production' });
  app.enableShutdownHooks();
  return app;
}

export async function createWorkerApp(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.register({ http: false, workers: true }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  return app;
}
