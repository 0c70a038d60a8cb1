import os from 'node:os';
import type { BenchConfig } from './config';
import { redactUrl } from './config';
import { closePg, connectPg } from './db';
import { closeRedis, connectRedis } from './redis';

export interface MachineFacts {
  lines: Array<[string, string]>;
}

function infoField(info: string, field: string): string {
  const match = new RegExp(`^${field}:(.*)$`, 'm').exec(info);
  return match ? match[1].trim() : '?';
}

/** Facts printed above the results so figures from different machines are not compared blindly. */
export async function collectMachineFacts(config: BenchConfig): Promise<MachineFacts> {
  const cpus = os.cpus();
  const lines: Array<[string, string]> = [
    ['date', new Date().toISOString()],
    ['node', `${process.version} (${process.platform}/${process.arch}, ${os.release()})`],
    ['cpu', `${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown'}`],
    ['memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`],
  ];

  const pg = await connectPg(config.adminDatabaseUrl);
  try {
    const { rows } = await pg.query<Record<string, string>>(
      `SELECT version() AS version,
              current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('fsync') AS fsync,
              current_setting('shared_buffers') AS shared_buffers,
              current_setting('max_connections') AS max_connections`,
    );
    const r = rows[0];
    lines.push(['postgresql', r.version]);
    lines.push(['pg settings', `synchronous_commit=${r.synchronous_commit} fsync=${r.fsync} shared_buffers=${r.shared_buffers} max_connections=${r.max_connections}`]);
    lines.push(['pg admin url', redactUrl(config.adminDatabaseUrl)]);
  } finally {
    await closePg(pg);
  }

  const redis = connectRedis(config.redisUrl);
  try {
    const server = await redis.info('server');
    const persistence = await redis.info('persistence');
    const memory = await redis.info('memory');
    lines.push([
      'redis',
      `${infoField(server, 'redis_version')} (mode ${infoField(server, 'redis_mode')}, ${infoField(server, 'os')}, io_threads ${infoField(server, 'io_threads_active')})`,
    ]);
    lines.push([
      'redis settings',
      `aof_enabled=${infoField(persistence, 'aof_enabled')} maxmemory_policy=${infoField(memory, 'maxmemory_policy')}`,
    ]);
    lines.push(['redis url', redactUrl(config.redisUrl)]);
  } finally {
    await closeRedis(redis);
  }

  return { lines };
}
