import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { QUEUES } from './queues.module';
import { QUEUE_BOARD_PATH, QUEUE_BOARD_SESSION_SECONDS, QueueBoardService } from './queue-board.service';

export const QUEUE_BOARD_COOKIE = 'factoring_queue_board';

/**
 * The board's own CSP: its page is a bundle of its own scripts, styled with inline styles and
 * IBM Plex from Google Fonts. Inline styles are allowed here only; scripts stay 'self'.
 * helmet's default stands everywhere else.
 */
function contentSecurityPolicy(production: boolean): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
    "font-src 'self' data: https://fonts.gstatic.com",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(production ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const SIGN_IN_AGAIN = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Queues</title></head>
<body style="font-family: sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
<h1>Queues</h1>
<p>This page needs a short sign-in of its own. Open it from the console: <strong>Queues</strong> in the admin menu.</p>
<p>Sidan öppnas från konsolen (Köer). Siden åpnes fra konsollen (Køer).</p>
</body></html>`;

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function refuse(res: Response): void {
  res.status(401).type('html').send(SIGN_IN_AGAIN);
}

/**
 * Mounts Bull Board (issue 9 g) on the API's HTTP app under /admin/queues: the app's own BullMQ
 * queues (the same connection and QUEUE_PREFIX), read-only, so nothing done there needs an
 * audit row. `GET /admin/queues/enter?token=` swaps a link from `openQueueBoard` for the
 * board's cookie; every other request of the board (its page, its scripts, its API) needs that
 * cookie, whose admin must still hold (checked each time).
 */
export function mountQueueBoard(app: NestExpressApplication, options: { production: boolean }): void {
  const board = app.get(QueueBoardService);
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)), { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Factoring queues' } },
  });
  const csp = contentSecurityPolicy(options.production);

  const headers = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Cache-Control', 'no-store');
    next();
  };

  const enter = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = typeof req.query.token === 'string' ? req.query.token : '';
      const entry = await board.enter(token, { ip: req.ip, userAgent: req.get('user-agent') });
      if (!entry) return refuse(res);
      res.cookie(QUEUE_BOARD_COOKIE, entry.sessionToken, {
        httpOnly: true,
        secure: options.production,
        sameSite: 'strict',
        path: QUEUE_BOARD_PATH,
        maxAge: QUEUE_BOARD_SESSION_SECONDS * 1000,
      });
      res.redirect(303, `${QUEUE_BOARD_PATH}/`);
    } catch (error) {
      next(error);
    }
  };

  const signedIn = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = cookieOf(req, QUEUE_BOARD_COOKIE);
      if (!token || !(await board.ownerOf(token))) return refuse(res);
      next();
    } catch (error) {
      next(error);
    }
  };

  // Read-only by the board's own switch, and again here: only reading methods reach it.
  const readOnly = (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    res.status(405).setHeader('Allow', 'GET, HEAD').json({ error: 'The queue board is read-only.' });
  };

  app.use(QUEUE_BOARD_PATH, headers);
  app.use(`${QUEUE_BOARD_PATH}/enter`, (req: Request, res: Response, next: NextFunction) => (req.method === 'GET' ? enter(req, res, next) : readOnly(req, res, next)));
  app.use(QUEUE_BOARD_PATH, signedIn, readOnly, serverAdapter.getRouter());
}
