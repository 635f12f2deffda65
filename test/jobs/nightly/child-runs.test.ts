/** Real child processes of bin/nianbao.js: one run at a time, and runs killed with SIGKILL at random points. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { lockFileFor } from '../../../jobs/run-lock.ts';
import { killAndCleanSetup } from '../../helpers/kill-and-clean.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';

const BIN = path.resolve('bin/nianbao.js');

interface Child {
  readonly process: ChildProcess;
  readonly exit: Promise<number | null>;
  stderr(): string;
  stdout(): string;
}

function nightly(portalsFile: string, dbFile: string, extra: readonly string[] = []): Child {
  const child = spawn(process.execPath, [BIN, 'nightly', '--portals', portalsFile, '--db', dbFile, '--delay', '0', '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  return { process: child, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))), stderr: () => stderr, stdout: () => stdout };
}

function query<T>(dbFile: string, sql: string): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const count = (dbFile: string, sql: string): number => query<{ n: number }>(dbFile, sql)[0]!.n;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('two overlapping nightly starts', () => {
  let demo: DemoPortals;
  let portalsFile: string;
  let dbFile: string;

  beforeAll(async () => {
    // A slow catalogue page keeps the first run busy long enough for the second start to meet it.
    demo = await startDemoPortals({ slowMs: 6_000, flakyFailures: 0 });
    const t = tempArchive('nianbao-lock-');
    t.db.close();
    dbFile = t.file;
    portalsFile = path.join(t.dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(demo.portals.filter((p) => p.id === 'yanzhou-demo')));
  });

  afterAll(async () => {
    await demo.close();
  });

  it('one runs, the other says a run is in progress and exits 6', async () => {
    const first = nightly(portalsFile, dbFile);
    await waitFor(() => existsSync(`${lockFileFor(dbFile)}.json`), 'the first run to take the lock');
    const second = nightly(portalsFile, dbFile);
    expect(await second.exit).toBe(6);
    expect(second.stderr()).toContain('a nightly run is in progress');
    expect(second.stderr()).toContain(`pid ${first.process.pid}`);
    expect(await first.exit, first.stdout() + first.stderr()).toBe(0);
    expect(count(dbFile, 'SELECT count(*) AS n FROM nightly_runs')).toBe(1);
    expect(count(dbFile, "SELECT count(*) AS n FROM nightly_runs WHERE status = 'ok'")).toBe(1);
  }, 60_000);
});

describe('nightly runs killed with SIGKILL at random points, then a clean run', () => {
  let demo: DemoPortals;
  let portalsFile: string;
  let killedDb: string;
  let cleanDb: string;

  beforeAll(async () => {
    ({ demo, portalsFile, killedDb, cleanDb } = await killAndCleanSetup('nianbao-nightly'));
  });

  afterAll(async () => {
    await demo.close();
  });

  it('loses and duplicates nothing, and leaves a sound archive', async () => {
    const delays = [0, 1, 2].map(() => 1_000 + Math.floor(Math.random() * 3_500));
    for (const delay of delays) {
      const victim = nightly(portalsFile, killedDb);
      await new Promise((r) => setTimeout(r, delay));
      victim.process.kill('SIGKILL');
      await victim.exit;
    }
    const final = nightly(portalsFile, killedDb);
    expect(await final.exit, `kills after ${delays.join(', ')} ms; ${final.stdout()}${final.stderr()}`).toBe(0);
    const clean = nightly(portalsFile, cleanDb);
    expect(await clean.exit, clean.stdout() + clean.stderr()).toBe(0);

    const why = `kills after ${delays.join(', ')} ms`;
    const reports = 'SELECT count(*) AS n FROM reports WHERE is_current = 1';
    expect(count(killedDb, reports), why).toBe(count(cleanDb, reports));
    expect(count(killedDb, 'SELECT count(*) AS n FROM reports'), why).toBe(count(cleanDb, 'SELECT count(*) AS n FROM reports'));
    // No page was received in full twice (a resumed run skips what was done, later runs ask conditionally and get
    // 304s; only pages that failed, like the oversized download, are tried again), nothing is left pending.
    expect(count(killedDb, "SELECT count(*) AS n FROM (SELECT url FROM captures WHERE status = 200 AND error_code IS NULL AND purpose != 'robots' GROUP BY url HAVING count(*) > 1)"), why).toBe(0);
    expect(count(killedDb, "SELECT count(*) AS n FROM (SELECT run_id, url FROM captures WHERE purpose != 'robots' AND status <> 0 GROUP BY run_id, url, status HAVING count(*) > 1 AND status = 200)"), why).toBe(0);
    expect(count(killedDb, "SELECT count(*) AS n FROM frontier WHERE state = 'pending'"), why).toBe(0);
    expect(count(killedDb, 'SELECT count(*) AS n FROM captures c LEFT JOIN blobs b ON b.sha256 = c.sha256 WHERE c.sha256 IS NOT NULL AND b.sha256 IS NULL'), why).toBe(0);
    // Every killed run is recorded as interrupted (or never started), none is left running; the last one is ok.
    expect(count(killedDb, "SELECT count(*) AS n FROM nightly_runs WHERE status NOT IN ('ok', 'interrupted')"), why).toBe(0);
    expect(query<{ status: string }>(killedDb, 'SELECT status FROM nightly_runs ORDER BY id DESC LIMIT 1')[0]!.status).toBe('ok');
    // The same statuses as an archive that was never interrupted.
    const statuses = 'SELECT portal_id, body_key, year, status FROM watch_statuses ORDER BY portal_id, body_key, year';
    expect(query(killedDb, statuses), why).toEqual(query(cleanDb, statuses));
    const db = new Database(killedDb, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  }, 120_000);
});
