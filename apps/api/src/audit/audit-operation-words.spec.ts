import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The audit trail records each mutation by its GraphQL name; the console shows it in words
 * (issue 11, section 3). Every mutation the API has must have those words in each language, so
 * a new one cannot reach the trail as a raw name.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The method under each @Mutation(...) decorator: its name is the field's (no resolver renames one). */
function mutationNames(): string[] {
  const names: string[] = [];
  for (const file of sourceFiles(join(__dirname, '..'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (!/@Mutation\(/.test(line)) return;
      expect(line).not.toMatch(/name:/);
      for (const next of lines.slice(index + 1)) {
        const method = /^\s*(?:async\s+)?([a-zA-Z]\w*)\(/.exec(next);
        if (method && !next.trim().startsWith('@')) {
          names.push(method[1]);
          break;
        }
      }
    });
  }
  return [...new Set(names)].sort();
}

/** The keys of the console's `auditOperations<Language>` table, read as text (the API does not import the console). */
function operationWords(language: 'en' | 'sv' | 'nb'): string[] {
  const text = readFileSync(join(__dirname, '../../../console/src/i18n/words', `${language}.ts`), 'utf8');
  const table = /export const auditOperations\w+[^=]*= \{([\s\S]*?)\n\};/.exec(text);
  if (!table) throw new Error(`No auditOperations table in the console's ${language}.ts`);
  return [...table[1].matchAll(/^\s+(\w+):/gm)].map((match) => match[1]);
}

describe('the audit trail in words', () => {
  const mutations = mutationNames();

  it('finds the mutations of the schema', () => {
    expect(mutations.length).toBeGreaterThan(40);
    expect(mutations).toEqual(expect.arrayContaining(['signIn', 'setDebtorLimit', 'recordSpotCheckOutcome']));
  });

  it.each(['en', 'sv', 'nb'] as const)('every mutation has its words in %s, and no words are left for a mutation that is gone', (language) => {
    const words = operationWords(language);
    expect(words.length).toBeGreaterThan(40);
    expect(mutations.filter((name) => !words.includes(name))).toEqual([]);
    expect(words.filter((name) => !mutations.includes(name))).toEqual([]);
  });
});
