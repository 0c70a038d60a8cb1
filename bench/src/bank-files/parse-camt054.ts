/**
 * Parser-only benchmark (not a registered workload; the import as a whole, with storage, is the
 * payments capability's bench): generates camt.054 files of 10 000 and 100 000 payments, then
 * reads each in a fresh child process and reports entries/s, MB/s, the time of a plain read of
 * the same bytes, and the child's peak RSS (process.resourceUsage().maxRSS), to show the reader
 * streams: peak memory should stay flat from 10 000 to 100 000.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register --project bench/tsconfig.json \
 *     bench/src/bank-files/parse-camt054.ts [N ...]
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANK_FILES_SRC, writeCamt054 } from './generate-camt054';

interface Reader {
  openBankFile(input: NodeJS.ReadableStream): Promise<{ entries: AsyncIterable<{ referenceCheckFailed?: boolean; place: string }> }>;
}

async function child(file: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { openBankFile } = require(join(BANK_FILES_SRC, 'read-bank-file')) as Reader;
  const rawStart = process.hrtime.bigint();
  let rawBytes = 0;
  for await (const chunk of createReadStream(file)) rawBytes += (chunk as Buffer).length;
  const rawSeconds = Number(process.hrtime.bigint() - rawStart) / 1e9;
  const rssBefore = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const bankFile = await openBankFile(createReadStream(file, { highWaterMark: 64 * 1024 }));
  let n = 0;
  let sampledPeak = 0;
  for await (const entry of bankFile.entries) {
    n++;
    if (entry.referenceCheckFailed) throw new Error(`reference check failed at ${entry.place}`);
    if ((n & 4095) === 0) sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({ entries: n, cpuSeconds, bytes: rawBytes, seconds, rawSeconds, rssBefore, sampledPeak, maxRss: process.resourceUsage().maxRSS * 1024 }));
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  const dir = mkdtempSync(join(tmpdir(), 'camt054-bench-'));
  try {
    const rows: string[] = [];
    for (const n of sizes.length ? sizes : [10_000, 100_000]) {
      const file = join(dir, `camt054-${n}.xml`);
      await writeCamt054(file, n);
      const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const r = JSON.parse(out.trim().split('\n').pop()!);
      const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
      rows.push(
        [
          String(n).padStart(7),
          `${mb(statSync(file).size)} MB`.padStart(9),
          `${r.seconds.toFixed(2)} s`.padStart(8),
          `cpu ${r.cpuSeconds.toFixed(2)} s`.padStart(11),
          `${Math.round(r.entries / r.seconds)}/s`.padStart(9),
          `${(statSync(file).size / 1024 / 1024 / r.seconds).toFixed(1)} MB/s`.padStart(10),
          `raw read ${r.rawSeconds.toFixed(2)} s`.padStart(16),
          `RSS before ${mb(r.rssBefore)} MB`.padStart(18),
          `peak ${mb(r.maxRss)} MB`.padStart(14),
        ].join(' | '),
      );
    }
    console.log(`node ${process.version}\n   N    |   size    |  parse   |    cpu     | entries  |   speed    |     plain read   |   process RSS     | peak RSS`);
    for (const row of rows) console.log(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3]).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
