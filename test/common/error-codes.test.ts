import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from '../helpers/source-files.ts';

/** The codes of the ErrorCode union in common/errors.ts (its text, comments left out). */
function declaredCodes(): Set<string> {
  const text = readFileSync(path.join(ROOT, 'common/errors.ts'), 'utf8');
  const start = text.indexOf('export type ErrorCode');
  const end = text.indexOf('export interface', start);
  const union = text.slice(start, end).replace(/\/\/.*$/gm, '');
  return new Set([...union.matchAll(/'(E_[A-Z0-9_]+)'/g)].map((m) => m[1]!));
}

/** Every quoted E_ code in the text (in '', "" or `` quotes), with the file it is in. */
function usedCodes(file: string, text: string): { code: string; file: string }[] {
  return [...text.matchAll(/['"`](E_[A-Z0-9_]+)['"`]/g)].map((m) => ({ code: m[1]!, file }));
}

function undeclared(declared: Set<string>, files: readonly string[]): string[] {
  const uses = files.flatMap((file) => usedCodes(file, readFileSync(path.join(ROOT, file), 'utf8')));
  return [...new Set(uses.filter((u) => !declared.has(u.code)).map((u) => `${u.code} (${u.file})`))].sort();
}

describe('error codes', () => {
  const declared = declaredCodes();
  const files = sourceFiles();

  it('finds the list and the source (the scan itself works)', () => {
    expect(declared.has('E_USAGE')).toBe(true);
    expect(declared.has('E_ARCHIVE')).toBe(true);
    expect(files).toContain('common/errors.ts');
    expect(files).toContain('serve/server.ts');
    expect(files.some((f) => f.startsWith('test/'))).toBe(false);
    expect(usedCodes('x.ts', "throw new StopError('E_NOT_DECLARED_HERE', 'x')")).toEqual([{ code: 'E_NOT_DECLARED_HERE', file: 'x.ts' }]);
  });

  it('every code used in the source is declared in ErrorCode (common/errors.ts)', () => {
    expect(undeclared(declared, files)).toEqual([]);
  });
});
