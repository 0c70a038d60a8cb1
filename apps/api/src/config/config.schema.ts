import { z } from 'zod';

/** Hides the password of a connection URL so that no log or error message prints a secret. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}

const url = (protocols: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.join(' or ')}//, e.g. ${example}` },
  );

const integer = (min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: `must be a whole number between ${min} and ${max}` })
    .int(`must be a whole number between ${min} and ${max}`)
    .min(min, `must be a whole number between ${min} and ${max}`)
    .max(max, `must be a whole number between ${min} and ${max}`);

/** Every setting the API and the workers read, with its default for a development machine. */
const settings = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The API's and the workers' connection: the application's role, which owns nothing (issue 10, s.4). */
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://factoring_app@127.0.0.1:5432/factoring').default(
    'postgres://factoring_app@127.0.0.1:5432/factoring',
  ),
  /**
   * The migrations' connection: the owner role, which owns the schema. Unset: DATABASE_URL's
   * server and database as factoring_owner (no password), as on a development machine.
   */
  DATABASE_MIGRATION_URL: url(['postgres:', 'postgresql:'], 'postgres://factoring_owner@127.0.0.1:5432/factoring').optional(),
  /**
   * Only for the migration command on a development or test machine: a superuser (or CREATEROLE
   * and CREATEDB) that creates both roles and the database first. Unset in production, where the
   * roles and the database are made once by hand (README).
   */
  DATABASE_ADMIN_URL: url(['postgres:', 'postgresql:'], 'postgres://root@127.0.0.1:5432/postgres').optional(),
  DATABASE_POOL_SIZE: integer(1, 200).default(20),
  /**
   * Credit decisions run at once in a worker process; each holds a pooled connection for its
   * transaction. Unset: 8, or fewer when the pool is small.
   */
  CREDIT_WORKER_CONCURRENCY: integer(1, 100).optional(),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, dashes or underscores')
    .default('factoring'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: integer(1, 24 * 30).default(12),
  SIGN_IN_FREE_ATTEMPTS: integer(1, 100).default(5),
  SIGN_IN_MAX_LOCK_SECONDS: integer(1, 86400).default(900),
  /** Failures for one account from any address before its sign-ins are slowed (never from an address it used before). */
  SIGN_IN_ACCOUNT_FREE_ATTEMPTS: integer(1, 1000).default(10),
  SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS: integer(1, 3600).default(60),
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated, e.g.
   * "10.0.0.5,10.1.0.0/16"); empty believes none, so a caller cannot choose its address.
   */
  TRUSTED_PROXIES: z.string().regex(/^[0-9a-fA-F.:/, ]*$/, 'must be IP addresses or CIDR ranges, comma-separated').default(''),
  GRAPHQL_MAX_DEPTH: integer(2, 50).default(10),
  GRAPHQL_MAX_COMPLEXITY: integer(10, 1000000).default(20000),
  /** Root fields (aliases included) one request may ask for: a thousand aliases of one list is not a query a person needs. */
  GRAPHQL_MAX_ROOT_FIELDS: integer(1, 1000).default(20),
  CORS_ORIGINS: z.string().default('http://127.0.0.1:5173,http://localhost:5173'),
  WORKER_HEARTBEAT_SECONDS: integer(1, 3600).default(5),
  OUTBOX_POLL_MS: integer(50, 60000).default(500),
  WEBHOOK_TIMEOUT_MS: integer(100, 60000).default(10000),
  /** Retries with exponential backoff from WEBHOOK_BACKOFF_MS: 12 attempts from 2 s reach about 2 hours. */
  WEBHOOK_ATTEMPTS: integer(1, 50).default(12),
  WEBHOOK_BACKOFF_MS: integer(10, 3600000).default(2000),
  /**
   * Which addresses webhooks may reach: 'public-only' refuses this machine, private networks and
   * every other special-purpose range (SSRF). Unset: public-only in production, allow-private elsewhere.
   */
  WEBHOOK_TARGETS: z.enum(['public-only', 'allow-private']).optional(),
  /**
   * Where documents are e-mailed (issue 13 s.3): an SMTP URL, smtp:// or smtps:// (user and password in
   * the URL when the server wants them). Default: the local mail catcher that `npm start` runs.
   */
  SMTP_URL: url(['smtp:', 'smtps:'], 'smtp://127.0.0.1:1025').default('smtp://127.0.0.1:1025'),
  /** The sender of documents by e-mail. */
  SMTP_FROM: z.string().regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'must be an e-mail address such as invoices@factoring.example').default('invoices@factoring.example'),
  /** A delivery that meets a temporary failure (SMTP 4xx, no connection) is tried this many times, with exponential backoff from DELIVERY_BACKOFF_MS, then sent by post. */
  DELIVERY_ATTEMPTS: integer(1, 50).default(8),
  /** An e-mail refused for good (SMTP 5xx) is tried this many times in all before it goes by post and is flagged for staff. */
  DELIVERY_REFUSED_ATTEMPTS: integer(1, 10).default(2),
  DELIVERY_BACKOFF_MS: integer(10, 3600000).default(30000),
  /** Largest request body the API reads; bigger ones are refused before parsing. */
  MAX_BODY_BYTES: integer(1024, 50 * 1024 * 1024).default(1024 * 1024),
});

const MIGRATION_ROLE_BY_DEFAULT = 'factoring_owner';

/** The same server and database as another user, without a password (a development machine's trust). */
function asUser(databaseUrl: string, user: string): string {
  const parsed = new URL(databaseUrl);
  parsed.username = user;
  parsed.password = '';
  return parsed.toString();
}

// The outbox relays, the other queues and /health need connections too while every decision holds one.
const POOL_LEFT_FOR_THE_REST = 4;

export const configSchema = settings
  .refine((config) => config.CREDIT_WORKER_CONCURRENCY === undefined || config.CREDIT_WORKER_CONCURRENCY <= config.DATABASE_POOL_SIZE - POOL_LEFT_FOR_THE_REST, {
    message: `must leave at least ${POOL_LEFT_FOR_THE_REST} of DATABASE_POOL_SIZE free: raise DATABASE_POOL_SIZE or lower CREDIT_WORKER_CONCURRENCY`,
    path: ['CREDIT_WORKER_CONCURRENCY'],
  })
  .transform((config) => ({
    ...config,
    DATABASE_MIGRATION_URL: config.DATABASE_MIGRATION_URL ?? asUser(config.DATABASE_URL, MIGRATION_ROLE_BY_DEFAULT),
    CREDIT_WORKER_CONCURRENCY: config.CREDIT_WORKER_CONCURRENCY ?? Math.max(1, Math.min(8, config.DATABASE_POOL_SIZE - POOL_LEFT_FOR_THE_REST)),
  }));

export type AppConfig = z.infer<typeof configSchema>;

export class InvalidConfigurationError extends Error {}

/**
 * Reads and validates the environment once. An invalid setting stops start-up with one line per
 * problem naming the variable and what it must be; values are never echoed (they may be secrets).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in settings.shape && value !== undefined && value !== ''),
  );
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new InvalidConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
