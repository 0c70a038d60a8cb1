/** Nearest-rank percentile of an ascending-sorted array (p in 0..100). */
export function percentile(sortedAscending: ArrayLike<number>, p: number): number {
  const n = sortedAscending.length;
  if (n === 0) return Number.NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sortedAscending[rank - 1];
}

/** Grows in chunks instead of one huge array; holds one latency sample (ms) per operation. */
export class LatencyRecorder {
  private chunks: Float64Array[] = [];
  private current = new Float64Array(65_536);
  private used = 0;

  record(ms: number): void {
    if (this.used === this.current.length) {
      this.chunks.push(this.current);
      this.current = new Float64Array(this.current.length);
      this.used = 0;
    }
    this.current[this.used++] = ms;
  }

  get count(): number {
    return this.chunks.length * this.current.length + this.used;
  }

  /** All samples, sorted ascending. */
  sorted(): Float64Array {
    const all = new Float64Array(this.count);
    let offset = 0;
    for (const chunk of this.chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    all.set(this.current.subarray(0, this.used), offset);
    return all.sort();
  }
}

export function formatNumber(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/** Rates: one decimal below 100/s, whole numbers above. */
export function formatRate(value: number): string {
  return formatNumber(value, Math.abs(value) < 100 ? 1 : 0);
}

export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
