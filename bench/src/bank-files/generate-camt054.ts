/**
 * Writes a camt.054.001.02 credit notification with N payments to a file, streamed (memory flat
 * in N): one Ntry per payment with one TxDtls, AcctSvcrRef keys, the structured reference of
 * payment i from `referenceOf(i)`. Uses the same generator as the reader's specs
 * (apps/api/src/bank-files/fixtures/camt-fixture.ts), so the files validate against the XSD.
 *
 * CLI: npx ts-node --transpile-only -r tsconfig-paths/register --project bench/tsconfig.json \
 *        bench/src/bank-files/generate-camt054.ts <out.xml> <N> [references.txt]
 * With references.txt (one reference per line) payment i gets line ((i-1) mod lines)+1;
 * without it, payment i gets the OCR reference (Luhn) of sequence 1000000 + i.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The API's source folder: loaded at run time (ts-node) like the other workloads load the built API, not imported across projects. */
export const BANK_FILES_SRC = join(__dirname, '../../../apps/api/src/bank-files');

interface CamtFixture {
  camtChunks(spec: unknown): AsyncGenerator<string, void>;
  camt054Payments(n: number, referenceOf: (i: number) => string): Iterable<unknown>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { camt054Payments, camtChunks } = require(join(BANK_FILES_SRC, 'fixtures/camt-fixture')) as CamtFixture;

export function ocrReference(sequence: number): string {
  const payload = String(sequence);
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return payload + ((10 - (sum % 10)) % 10);
}

export interface GenerateCamt054Options {
  accountIban?: string;
  currency?: 'SEK' | 'NOK';
  msgId?: string;
  referenceOf?: (i: number) => string;
}

/** Streams the file to `path`; resolves with its size in bytes. */
export async function writeCamt054(path: string, n: number, options: GenerateCamt054Options = {}): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const chunks = camtChunks({
    kind: '054',
    version: '02',
    msgId: options.msgId ?? `BENCH-${n}-${Date.now()}`,
    sections: [
      {
        id: `NTF-${n}`,
        iban: options.accountIban ?? 'SE4550000000058398257466',
        currency: options.currency ?? 'SEK',
        entries: camt054Payments(n, options.referenceOf ?? ((i) => ocrReference(1_000_000 + i))),
      },
    ],
  });
  let batch = '';
  for await (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= 256 * 1024) {
      bytes += Buffer.byteLength(batch);
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  bytes += Buffer.byteLength(batch);
  out.end(batch);
  await once(out, 'finish');
  return bytes;
}

if (require.main === module) {
  const [path, count, refsFile] = process.argv.slice(2);
  if (!path || !count || !/^\d+$/.test(count)) {
    console.error('usage: generate-camt054.ts <out.xml> <N> [references.txt]');
    process.exit(2);
  }
  const refs = refsFile ? readFileSync(refsFile, 'utf8').split(/\r?\n/).filter(Boolean) : null;
  writeCamt054(path, Number(count), refs ? { referenceOf: (i) => refs[(i - 1) % refs.length] } : {}).then(
    (bytes) => console.log(`${path}: ${count} payments, ${bytes} bytes`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
