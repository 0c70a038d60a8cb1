// Usage: node scripts/service-answers.mjs postgres|redis
// Exits 0 when the service at DATABASE_URL / REDIS_URL accepts a TCP connection, 1 otherwise.
// Prints the host and port it tried (never a password).
import net from 'node:net';

const which = process.argv[2];
const url = new URL(
  which === 'postgres'
    ? process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/factoring'
    : process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
);
const host = url.hostname || '127.0.0.1';
const port = Number(url.port || (which === 'postgres' ? 5432 : 6379));
const socket = net.connect({ host, port, timeout: 2000 });
socket.on('connect', () => {
  socket.end();
  process.stdout.write(`${host}:${port}\n`);
  process.exit(0);
});
const fail = (why) => {
  process.stdout.write(`${host}:${port}\n`);
  process.stderr.write(`${which} did not answer at ${host}:${port} (${why})\n`);
  process.exit(1);
};
socket.on('timeout', () => fail('timed out'));
socket.on('error', (error) => fail(error.code ?? error.message));
