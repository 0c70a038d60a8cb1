import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every refusal the API can answer has words in the console's Swedish and Norwegian (issue 11
 * s.3): a Swedish page never shows the API's English sentence. The reason codes are read from
 * every error-code file (`*-errors.ts`) of the API and libs/domain, and from the edge's own
 * constraints; the console's words by their keys. A new code fails here until it is worded.
 */
const ROOT = join(__dirname, '..', '..', '..', '..');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

function apiReasonCodes(): string[] {
  const codes = new Set<string>(['INVALID_INPUT']);
  const sources = [...files(join(ROOT, 'apps/api/src'), /-errors\.ts$/), ...files(join(ROOT, 'libs/domain/src'), /-errors\.ts$/),
    // the decimal fields' constraints are named by their reasons
    join(ROOT, 'libs/domain/src/money/amount-bounds.ts'),
  ];
  for (const source of sources) {
    // enum members (`NAME = 'CODE'`) and const-object members (`NAME: 'CODE'`)
    for (const match of readFileSync(source, 'utf8').matchAll(/^\s+[A-Z][A-Z0-9_]*\s*[=:]\s*'([A-Z][A-Z0-9_]+)'/gm)) codes.add(match[1]);
  }
  return [...codes].sort();
}

function consoleWords(language: 'sv' | 'nb'): Set<string> {
  const text = readFileSync(join(ROOT, `apps/console/src/i18n/errors/${language}.ts`), 'utf8');
  const body = text.slice(0, text.indexOf('export const apiErrorKinds'));
  return new Set([...body.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]));
}

describe('the words for every refusal of the API', () => {
  const codes = apiReasonCodes();

  it('finds the codes (the scan itself works)', () => {
    expect(codes).toEqual(expect.arrayContaining(['INVALID_INPUT', 'WRONG_CREDENTIALS', 'IBAN_INVALID', 'DECIMAL_TOO_PRECISE']));
    expect(codes.length).toBeGreaterThan(100);
  });

  it.each(['sv', 'nb'] as const)('has words in %s for each code', (language) => {
    const worded = consoleWords(language);
    expect(codes.filter((code) => !worded.has(code))).toEqual([]);
  });
});
