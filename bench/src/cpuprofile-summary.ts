/**
 * Summarises a V8 .cpuprofile (e.g. one written with BENCH_PROFILE_DIR): the share of samples
 * that were idle, self time by package or folder, and the heaviest functions by self and by
 * inclusive time. Usage: npx ts-node --transpile-only src/cpuprofile-summary.ts <file> [top]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function area(url: string): string {
  if (!url) return '(native/V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url;
  const dist = url.indexOf('/dist/api/');
  if (dist >= 0) return `app: ${url.slice(dist + '/dist/api/'.length).split('/').slice(0, -1).join('/')}`;
  return url;
}

export function summarise(profile: Profile, top = 25): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const name = (n: Node): string => `${n.callFrame.functionName || '(anonymous)'} ${area(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

  const idle = [...self.entries()].filter(([id]) => ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id)!.callFrame.functionName));
  const lines = [`${(total / 1000).toFixed(0)} ms sampled over ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms`];
  for (const [id, t] of idle) lines.push(`  ${((100 * t) / total).toFixed(1)} %  ${byId.get(id)!.callFrame.functionName}`);

  const byArea = new Map<string, number>();
  const bySelf = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    byArea.set(area(n.callFrame.url), (byArea.get(area(n.callFrame.url)) ?? 0) + t);
    bySelf.set(name(n), (bySelf.get(name(n)) ?? 0) + t);
    // Inclusive: every distinct frame on the stack gets the sample once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!);
      if (!seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + t);
      }
    }
  }
  const list = (title: string, m: Map<string, number>): void => {
    lines.push(title);
    for (const [k, t] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
  };
  list('self time by package / folder:', byArea);
  list('self time by function:', bySelf);
  list('inclusive time by function:', inclusive);
  return lines;
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: cpuprofile-summary <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 25)).join('\n'));
}
