/**
 * Preloaded (`node --require`) into a process the bench starts (the built API or worker) and
 * driven over its IPC channel, so a workload can measure exactly its own window:
 * - every pg statement is counted (by its first words), to see round trips per unit of work;
 * - with BENCH_PROFILE_DIR, a V8 CPU profile covers the window only (not start-up or warm-up).
 * Messages: {probe:'snapshot'} -> {probe:'snapshot', counts}, {probe:'profile-start'},
 * {probe:'profile-stop', file} -> {probe:'profile-stopped', file}. Plain JS: it runs in the child.
 */
'use strict';
const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

const counts = Object.create(null);
/** Milliseconds from sending each kind of statement to its answer (execution, lock waits, the trip). */
const millis = Object.create(null);
try {
  const pg = require('pg');
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(config, ...rest) {
    const text = typeof config === 'string' ? config : config && typeof config.text === 'string' ? config.text : '?';
    // The statement's kind and the table it touches: enough to tell the round trips apart.
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    counts[key] = (counts[key] || 0) + 1;
    const t0 = performance.now();
    const done = () => {
      millis[key] = (millis[key] || 0) + (performance.now() - t0);
    };
    const last = rest.length ? rest[rest.length - 1] : undefined;
    if (typeof last === 'function') {
      rest[rest.length - 1] = function timedCallback(...args) {
        done();
        return last.apply(this, args);
      };
      return query.call(this, config, ...rest);
    }
    const result = query.call(this, config, ...rest);
    if (result && typeof result.then === 'function') result.then(done, done);
    return result;
  };
} catch (err) {
  process.stderr.write(`[api-probe] pg not patched: ${err.message}\n`);
}

let session = null;
if (process.send) {
  process.on('message', (msg) => {
    if (!msg || typeof msg.probe !== 'string') return;
    if (msg.probe === 'snapshot') {
      process.send({ probe: 'snapshot', counts: { ...counts }, millis: { ...millis }, cpu: process.cpuUsage(), at: performance.now() + performance.timeOrigin });
    } else if (msg.probe === 'profile-start') {
      session = new inspector.Session();
      session.connect();
      session.post('Profiler.enable', () => session.post('Profiler.start', () => process.send({ probe: 'profile-started' })));
    } else if (msg.probe === 'profile-stop' && session) {
      session.post('Profiler.stop', (err, result) => {
        if (!err) {
          fs.mkdirSync(path.dirname(msg.file), { recursive: true });
          fs.writeFileSync(msg.file, JSON.stringify(result.profile));
        }
        session.disconnect();
        session = null;
        process.send({ probe: 'profile-stopped', file: msg.file, error: err ? String(err) : null });
      });
    }
  });
  // The IPC channel alone must not keep the process alive when it is told to stop.
  if (process.channel) process.channel.unref();
}
