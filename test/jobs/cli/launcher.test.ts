/**
 * bin/nianbao.js on a copy of the project (node_modules linked): a checkout without a build runs the TypeScript and
 * builds in the background, then runs the build; a source edited after the build is never run stale; a build that
 * cannot be made leaves tsx. Which path a start took is read from NIANBAO_LAUNCH_INFO=1, not from timing (timing is
 * bench/cli-bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve('.');
const SKIP = new Set(['node_modules', '.git', 'dist', 'test', 'test-artifacts', '.cache']);
let copy: string;

function nianbao(args: readonly string[], env: NodeJS.ProcessEnv = {}): { stdout: string; path: string } {
  const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'nianbao.js'), ...args], { cwd: copy, env: { ...process.env, NIANBAO_LAUNCH_INFO: '1', ...env }, encoding: 'utf8' });
  const launched = /nianbao launcher: (tsx|build)/.exec(result.stderr)?.[1] ?? '?';
  return { stdout: result.stdout, path: launched };
}

function buildId(): string | null {
  try {
    return (JSON.parse(readFileSync(path.join(copy, 'dist', 'current.json'), 'utf8')) as { id: string }).id;
  } catch {
    return null;
  }
}

/** Waits for the background build to publish a build other than `previous` and release its lock. */
async function newBuild(previous: string | null): Promise<string> {
  const end = Date.now() + 90_000;
  while (Date.now() < end) {
    const id = buildId();
    if (id !== null && id !== previous && !existsSync(path.join(copy, 'dist', 'build.lock'))) return id;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('no new build within 90 s');
}

/** Changes the one-line summary of `reports` in the copy's command list (its mtime moves past the build's). */
function editSummary(text: string): void {
  const file = path.join(copy, 'jobs', 'cli', 'main.ts');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/summary: 'list archived reports[^']*'/, `summary: '${text}'`));
}

beforeAll(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'nianbao-launcher-'));
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !SKIP.has(path.relative(ROOT, src).split(path.sep)[0] ?? '') && !/\.sqlite/.test(src) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
});

afterAll(async () => {
  // let a background build still running finish before its directory goes
  const end = Date.now() + 30_000;
  while (existsSync(path.join(copy, 'dist', 'build.lock')) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 200));
  rmSync(copy, { recursive: true, force: true });
});

describe('bin/nianbao.js', () => {
  it('without a build: runs the TypeScript, builds in the background, then runs the build', async () => {
    const first = nianbao(['--help']);
    expect(first.path).toBe('tsx');
    expect(first.stdout).toContain('Usage: nianbao <command>');
    const id = await newBuild(null);
    const second = nianbao(['--help']);
    expect(second.path).toBe('build');
    expect(second.stdout).toBe(first.stdout);
    expect(buildId()).toBe(id); // nothing changed: no rebuild
  }, 120_000);

  it('never runs stale code: after an edit the start runs the edited source, and the next build has it', async () => {
    const before = buildId();
    editSummary('list archived reports (edited after the build)');
    const edited = nianbao(['--help']);
    expect(edited.path).toBe('tsx');
    expect(edited.stdout).toContain('list archived reports (edited after the build)');
    await newBuild(before);
    const rebuilt = nianbao(['--help']);
    expect(rebuilt.path).toBe('build');
    expect(rebuilt.stdout).toContain('list archived reports (edited after the build)');
  }, 120_000);

  it('runs through tsx when no build can be made (dist/ is not a directory)', () => {
    rmSync(path.join(copy, 'dist'), { recursive: true });
    writeFileSync(path.join(copy, 'dist'), 'not a directory');
    editSummary('list archived reports (run through tsx)');
    const out = nianbao(['--help']);
    expect(out.path).toBe('tsx');
    expect(out.stdout).toContain('list archived reports (run through tsx)');
    rmSync(path.join(copy, 'dist'));
  }, 60_000);

  it('the build finds files next to its source modules (the default archive in data/) as the TypeScript does', async () => {
    nianbao(['--help'], { NIANBAO_TSX: '0' });
    await newBuild(null);
    const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'nianbao.js'), 'reports'], { cwd: copy, env: { ...process.env, NIANBAO_LAUNCH_INFO: '1' }, encoding: 'utf8' });
    expect(result.stderr).toContain('nianbao launcher: build');
    expect(result.stderr).toContain(path.join(copy, 'data', 'archive.sqlite')); // the default archive, next to the sources
    expect(result.status).toBe(5);
  }, 120_000);
});
