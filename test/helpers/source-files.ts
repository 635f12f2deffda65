/** The project's non-test source files (TypeScript and the page's JavaScript), for tests that read the code itself. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Not source: tests, dependencies, build output, data, docs, artefacts. */
const SKIP = new Set(['node_modules', 'dist', 'test', 'test-artifacts', 'data', 'docs', 'coverage']);
const SOURCE = /\.(ts|mts|js|mjs|cjs)$/;

/** Paths relative to the root, sorted. */
export function sourceFiles(root = ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === root && SKIP.has(entry.name)) continue;
        if (entry.name === 'node_modules') continue;
        walk(full);
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        out.push(path.relative(root, full));
      }
    }
  };
  walk(root);
  return out.sort();
}
