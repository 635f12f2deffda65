/**
 * bin/nianbao.js on a copy of the project (node_modules linked): a checkout without a build builds one and runs it;
 * a source edited after the build is never run stale (the launcher rebuilds); a build that cannot be made falls back
 * to tsx. Output is compared, not timing (timing is bench/cli-bench.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve('.');
const SKIP = new Set(['node_modules', '.git', 'dist', 'test', 'test-artifacts', '.cache']);
let copy: string;

function nianbao(args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, [path.join(copy, 'bin', 'nianbao.js'), ...args], { cwd: copy, env: { ...process.env, ...env }, encoding: 'utf8' });
}

function buildId(): string {
  return (JSON.parse(readFileSync(path.join(copy, 'dist', 'current.json'), 'utf8')) as { id: string }).id;
}

/** Changes the one-line summary of `reports` in the copy's command list (its mtime moves past the build's). */
function editSummary(text: string): void {
  const file = path.join(copy, 'jobs', 'cli', 'main.ts');
  const source = readFileSync(file, 'utf8').replace(/summary: 'list archived reports[^']*'/, `summary: '${text}'`);
  writeFileSync(file, source);
}

beforeAll(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'nianbao-launcher-'));
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !SKIP.has(path.relative(ROOT, src).split(path.sep)[0] ?? '') && !/\.sqlite/.test(src) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('bin/nianbao.js', () => {
  it('builds dist/ on first use and runs the build', () => {
    expect(existsSync(path.join(copy, 'dist'))).toBe(false);
    expect(nianbao(['--help'])).toContain('Usage: nianbao <command>');
    const id = buildId();
    expect(existsSync(path.join(copy, 'dist', id, 'main.js'))).toBe(true);
    nianbao(['--help']);
    expect(buildId()).toBe(id); // nothing changed: no rebuild
  }, 60_000);

  it('never runs stale code: an edited source is rebuilt before it runs', () => {
    const before = buildId();
    editSummary('list archived reports (edited after the build)');
    expect(nianbao(['--help'])).toContain('list archived reports (edited after the build)');
    expect(buildId()).not.toBe(before);
  }, 60_000);

  it('falls back to tsx when no build can be made (dist/ is not a directory)', () => {
    rmSync(path.join(copy, 'dist'), { recursive: true });
    writeFileSync(path.join(copy, 'dist'), 'not a directory');
    editSummary('list archived reports (run through tsx)');
    expect(nianbao(['--help'])).toContain('list archived reports (run through tsx)');
    rmSync(path.join(copy, 'dist'));
    expect(nianbao(['--help'], { NIANBAO_TSX: '1' })).toContain('list archived reports (run through tsx)');
  }, 60_000);

  it('the bundle finds files next to its source modules (package.json, data/) as the TypeScript does', () => {
    const help = nianbao(['crawl', '--help']);
    expect(help).toContain('data/portals.json');
    // demo's help works and `reports` on a missing default archive names data/archive.sqlite in the copy
    let stderr = '';
    try {
      nianbao(['reports']);
    } catch (error) {
      stderr = String((error as { stderr?: unknown }).stderr);
    }
    expect(stderr).toContain(path.join(copy, 'data', 'archive.sqlite'));
  }, 60_000);
});
