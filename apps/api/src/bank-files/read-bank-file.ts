/**
 * Entry points: detect a bank file's format from its first bytes, then stream its entries.
 * See bank-entry.ts for the contract (header first, entries streamed, end-of-file checks throw last).
 */
import type { Readable } from 'node:stream';
import { BankEntry, BankFile, BankFileFormat, BankFileHeader, BankFileInput } from './bank-entry';
import { BankFileError, BankFileErrorCode } from './bank-file-errors';
import { parseBgMax } from './bgmax';
import { parseCamt } from './camt';
import { parseNetsOcr } from './nets-ocr';
import { ByteSource } from './byte-source';
import { CAMT_NAMESPACES } from './namespaces';

export { CAMT_NAMESPACES };

/** How many leading bytes detection needs at most (an XML declaration, comments, then the Document start tag). */
export const DETECT_BYTES = 4096;

/**
 * The format of a file from its first bytes (up to DETECT_BYTES): a camt namespace from
 * CAMT_NAMESPACES for XML, '01BGMAX' for BgMax (TK01), 'NY000010' for Nets OCR giro (record 10).
 * Anything else is refused with BANK_FILE_UNKNOWN_FORMAT. The parsers re-check the namespace on
 * the root element itself: this is only the dispatch.
 */
export function detectBankFileFormat(firstBytes: Buffer): BankFileFormat {
  let start = 0;
  if (firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf) start = 3;
  const head = firstBytes.subarray(start, Math.min(firstBytes.length, DETECT_BYTES)).toString('latin1');
  if (head.startsWith('01BGMAX')) return 'BGMAX';
  if (head.startsWith('NY000010')) return 'NETS_OCR';
  if (/^\s*</.test(head)) {
    const match = /urn:iso:std:iso:20022:tech:xsd:camt\.05[34]\.001\.\d\d/.exec(head);
    const known = match ? CAMT_NAMESPACES[match[0]] : undefined;
    if (known) return known.format;
    const other = /urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\.\d{3}\.\d{3}\.\d{2})/.exec(head);
    throw new BankFileError(
      BankFileErrorCode.BANK_FILE_UNKNOWN_FORMAT,
      other
        ? `An ISO 20022 ${other[1]} file is not a bank file we read: only camt.053 and camt.054, versions .001.02 and .001.08.`
        : 'An XML file without a camt.053/camt.054 (.001.02 or .001.08) namespace near its start is not a bank file we read.',
      '/',
    );
  }
  throw new BankFileError(
    BankFileErrorCode.BANK_FILE_UNKNOWN_FORMAT,
    'Not a bank file we read: a camt.053/054 XML file, a Bankgirot BgMax file (starting "01BGMAX") or a Nets OCR giro file (starting "NY000010").',
    'line 1',
  );
}

type ParserEvent = { header: BankFileHeader } | { entry: BankEntry };
export type BankFileParser = (source: ByteSource, format: BankFileFormat) => AsyncGenerator<ParserEvent, void>;

const PARSERS: Record<BankFileFormat, BankFileParser> = {
  CAMT_053: parseCamt,
  CAMT_054: parseCamt,
  BGMAX: parseBgMax,
  NETS_OCR: parseNetsOcr,
};

/**
 * Reads enough of `input` to detect the format and the file header, and returns them with the
 * stream of entries. The entries generator throws BankFileError on any refusal (including the
 * end-of-file checks, after the last entry). Not consuming `entries` to the end leaves the stream
 * half read: call `entries.return()` to stop early.
 */
export async function openBankFile(input: BankFileInput): Promise<BankFile> {
  const source = new ByteSource(input as AsyncIterable<Buffer | string> & (NodeJS.ReadableStream | Readable));
  const first = await source.peek(DETECT_BYTES);
  if (first.length === 0) {
    throw new BankFileError(BankFileErrorCode.BANK_FILE_TRUNCATED, 'The file is empty.', 'line 1');
  }
  const format = detectBankFileFormat(first);
  const events = PARSERS[format](source, format);
  const head = await events.next();
  if (head.done || !('header' in head.value)) {
    throw new BankFileError(BankFileErrorCode.BANK_FILE_TRUNCATED, 'The file ends before its header.', 'line 1');
  }
  const header = head.value.header;
  return { header, entries: entriesOf(events) };
}

async function* entriesOf(events: AsyncGenerator<ParserEvent, void>): AsyncGenerator<BankEntry, void> {
  for await (const event of events) {
    if ('entry' in event) yield event.entry;
  }
}

/** The generator form: yields the entries, returns the header. */
export async function* readBankFile(input: BankFileInput): AsyncGenerator<BankEntry, BankFileHeader> {
  const file = await openBankFile(input);
  yield* file.entries;
  return file.header;
}
