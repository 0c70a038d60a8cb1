/**
 * Starts the product as `npm start` does, from the built API (dist/) and console, on free
 * ports, against a fresh database and a unique queue prefix; stops and cleans up after.
 * Requires `nx run-many -t build -p api console` first (the README's test command does it).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, createWriteStream } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

export const ROOT = path.resolve(__dirname, '../..');
export const API_DIST = path.join(ROOT, 'dist/api/apps/api/src');
const LOGS = path.join(ROOT, 'test-output/logs');

export interface Stack {
  apiUrl: string;
  consoleUrl?: string;
  /** The test's own connection: the server's superuser on this stack's database (fixtures may skip triggers). */
  databaseUrl: string;
  /** What the API and the workers run with: DATABASE_URL is the application's role, factoring_app (issue 10, s.4). */
  env: NodeJS.ProcessEnv;
  processes: Record<string, ChildProcess>;
  logFile(name: string): string;
  /** Starts another worker process (e.g. after one was killed), stopped with the rest. */
  startWorker(name: string): ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const SERVER = () => process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

/** The same server as another user (no password: local trust), on another database. */
function urlAs(user: string | null, database: string): string {
  const url = new URL(SERVER());
  if (user) {
    url.username = user;
    url.password = '';
  }
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, empty database on the local server, owned by the superuser; returns its URL. */
export async function freshDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = SERVER();
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: SERVER() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** Runs a built entry point to completion; resolves with its exit code and output. */
export function runEntryPoint(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(API_DIST, file)], { env, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function baseEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    WORKER_HEARTBEAT_SECONDS: '1',
    ...overrides,
  };
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds: number, alive: () => void): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    alive();
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not come up within ${seconds} s`);
}

export async function startStack(options: { console: boolean; name: string }): Promise<Stack> {
  if (!existsSync(path.join(API_DIST, 'main.js'))) {
    throw new Error('The API is not built: run `npx nx run-many -t build -p api console` first.');
  }
  mkdirSync(LOGS, { recursive: true });
  // As npm start does it: the migration command makes both roles and the database (owned by
  // factoring_owner) and migrates as the owner; the seed, the API and the workers run as factoring_app.
  const name = `factoring_${options.name}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = urlAs(null, name);
  const port = await freePort();
  const mailPort = options.console ? await freePort() : null;
  const env = baseEnv({
    DATABASE_URL: urlAs('factoring_app', name),
    DATABASE_MIGRATION_URL: urlAs('factoring_owner', name),
    PORT: String(port),
    QUEUE_PREFIX: `e2e_${randomBytes(4).toString('hex')}`,
    // The workers e-mail bought invoices' documents: never to a demo's mail catcher on this machine (1025); port 9 refuses.
    // A console stack has a mail catcher of its own (below), as npm start does, so the demo's refused address fails for finance.
    SMTP_URL: mailPort ? `smtp://127.0.0.1:${mailPort}` : (process.env.E2E_SMTP_URL ?? 'smtp://127.0.0.1:9'),
    ...(mailPort ? { DELIVERY_BACKOFF_MS: '1000' } : {}),
  });

  for (const [step, stepEnv] of [
    ['database/migrate.main.js', { ...env, DATABASE_ADMIN_URL: SERVER() }],
    ['seed/seed.main.js', env],
  ] as const) {
    const result = await runEntryPoint(step, stepEnv);
    if (result.code !== 0) throw new Error(`${step} failed: ${result.stderr || result.stdout}`);
  }

  const processes: Record<string, ChildProcess> = {};
  const logFile = (name: string) => path.join(LOGS, `${options.name}-${name}.log`);
  const launch = (name: string, command: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}) => {
    const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, detached: true });
    const log = createWriteStream(logFile(name));
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    processes[name] = child;
  };
  const alive = () => {
    for (const [name, child] of Object.entries(processes)) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile(name)}`);
    }
  };

  if (mailPort) {
    launch('mail', process.execPath, [path.join(API_DIST, 'delivery/mail-catcher.main.js')], ROOT, {
      MAIL_CATCHER_SMTP_PORT: String(mailPort),
      MAIL_CATCHER_HTTP_PORT: String(await freePort()),
      MAIL_CATCHER_DIR: path.join(ROOT, 'test-output', `mail-${options.name}`),
    });
  }
  launch('api', process.execPath, [path.join(API_DIST, 'main.js')], ROOT);
  launch('worker', process.execPath, [path.join(API_DIST, 'worker.js')], ROOT);
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitFor('The API with its workers', async () => (await fetch(`${apiUrl}/health`)).ok, 60, alive);

  let consoleUrl: string | undefined;
  if (options.console) {
    // As npm start does: invoices sold the real way, through the integration API with a key.
    const demo = await runEntryPoint('demo/demo-accounting-program.main.js', { ...env, API_URL: apiUrl, DEMO_KEYS_FILE: path.join(LOGS, `${options.name}-demo-keys.json`) });
    if (demo.code !== 0) throw new Error(`The demo accounting program failed: ${demo.stderr || demo.stdout}`);

    const consolePort = await freePort();
    const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
    launch('console', process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(consolePort), '--strictPort'], path.join(ROOT, 'apps/console'), {
      API_URL: apiUrl,
      CONSOLE_PORT: String(consolePort),
    });
    consoleUrl = `http://127.0.0.1:${consolePort}`;
    await waitFor('The console', async () => (await fetch(consoleUrl!)).ok, 60, alive);
  }

  return {
    apiUrl,
    consoleUrl,
    databaseUrl,
    env,
    processes,
    logFile,
    startWorker(name) {
      launch(name, process.execPath, [path.join(API_DIST, 'worker.js')], ROOT);
      return processes[name];
    },
    async stop() {
      await Promise.all(
        Object.values(processes).map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              try {
                process.kill(-child.pid!, 'SIGTERM');
              } catch {
                resolve();
              }
              setTimeout(() => {
                try {
                  process.kill(-child.pid!, 'SIGKILL');
                } catch {
                  /* already gone */
                }
              }, 5000).unref();
            }),
        ),
      );
      await dropDatabase(databaseUrl);
    },
  };
}

export async function gql(apiUrl: string, query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}
