/**
 * A pull-based view of a byte stream: peek at the first bytes (format detection) without losing
 * them, then read the rest chunk by chunk. Never holds more than the peeked bytes plus one chunk.
 */
import { BankFileError, BankFileErrorCode } from './bank-file-errors';

export class ByteSource {
  private readonly iterator: AsyncIterator<Buffer | string>;
  private buffered: Buffer[] = [];
  private bufferedLength = 0;
  private ended = false;

  constructor(input: AsyncIterable<Buffer | string>) {
    if (typeof (input as AsyncIterable<Buffer>)[Symbol.asyncIterator] !== 'function') {
      throw new BankFileError(BankFileErrorCode.BANK_FILE_MALFORMED, 'The bank file input is not a readable stream.', 'line 1');
    }
    this.iterator = input[Symbol.asyncIterator]();
  }

  /** At least `n` bytes from the start (fewer only when the file is shorter); they are read again by chunks(). */
  async peek(n: number): Promise<Buffer> {
    while (this.bufferedLength < n && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      const chunk = toBuffer(next.value);
      this.buffered.push(chunk);
      this.bufferedLength += chunk.length;
    }
    if (this.buffered.length > 1) this.buffered = [Buffer.concat(this.buffered)];
    return this.buffered[0] ?? Buffer.alloc(0);
  }

  async *chunks(): AsyncGenerator<Buffer, void> {
    const pending = this.buffered;
    this.buffered = [];
    this.bufferedLength = 0;
    for (const chunk of pending) yield chunk;
    while (!this.ended) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      yield toBuffer(next.value);
    }
  }

  /**
   * The lines of a fixed-width text file (LF or CRLF; the last line may lack its newline), as
   * raw bytes with their 1-based number. Blank lines after the last record are reported too,
   * the parser decides what to do with them.
   */
  async *lines(): AsyncGenerator<{ bytes: Buffer; lineNo: number }, void> {
    let carry: Buffer | null = null;
    let lineNo = 0;
    for await (const chunk of this.chunks()) {
      const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (;;) {
        const nl = data.indexOf(0x0a, start);
        if (nl < 0) break;
        let end = nl;
        if (end > start && data[end - 1] === 0x0d) end--;
        lineNo++;
        yield { bytes: data.subarray(start, end), lineNo };
        start = nl + 1;
      }
      carry = start < data.length ? Buffer.from(data.subarray(start)) : null;
      if (carry && carry.length > 1 << 20) {
        throw new BankFileError(BankFileErrorCode.BANK_FILE_MALFORMED, 'A line longer than 1 MiB: not a fixed-width bank file.', `line ${lineNo + 1}`);
      }
    }
    if (carry && carry.length > 0) {
      let end = carry.length;
      if (carry[end - 1] === 0x0d) end--;
      lineNo++;
      yield { bytes: carry.subarray(0, end), lineNo };
    }
  }
}

function toBuffer(value: Buffer | string): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}
