import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { killAndCleanSetup } from '../../helpers/kill-and-clean.ts';

const BIN = path.resolve('bin/nianbao.js');

function crawl(portalsFile: string, dbFile: string): ChildProcess {
  return spawn(process.execPath, [BIN, 'crawl', '--portals', portalsFile, '--db', dbFile, '--delay', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

function count(dbFile: string, sql: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function killAfterCaptures(child: ChildProcess, dbFile: string, captures: number): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    await new Promise((r) => setTimeout(r, 25));
    let seen = 0;
    try {
      seen = count(dbFile, 'SELECT count(*) AS n FROM captures');
    } catch {
      continue; // the archive is not created yet
    }
    if (seen >= captures) {
      child.kill('SIGKILL');
      return;
    }
  }
  throw new Error('crawl never reached the kill point');
}

describe('a crawl killed with SIGKILL', () => {
  let demo: DemoPortals;
  let portalsFile: string;
  let killedDb: string;
  let cleanDb: string;

  beforeAll(async () => {
    ({ demo, portalsFile, killedDb, cleanDb } = await killAndCleanSetup('nianbao'));
  });

  afterAll(async () => {
    await demo.close();
  });

  it('resumes on the next run with nothing lost or duplicated', async () => {
    const victim = crawl(portalsFile, killedDb);
    await killAfterCaptures(victim, killedDb, 40);
    expect(await exitOf(victim)).toBeNull(); // killed by the signal
    expect(count(killedDb, "SELECT count(*) AS n FROM runs WHERE status = 'running'")).toBe(1);

    expect(await exitOf(crawl(portalsFile, killedDb))).toBe(0);
    expect(await exitOf(crawl(portalsFile, cleanDb))).toBe(0);

    expect(count(killedDb, 'SELECT count(*) AS n FROM runs')).toBe(1);
    const reportsQuery = 'SELECT count(*) AS n FROM reports WHERE is_current = 1';
    expect(count(killedDb, reportsQuery)).toBe(count(cleanDb, reportsQuery));
    expect(count(killedDb, reportsQuery)).toBeGreaterThan(10);
    // No page was fetched successfully twice in the resumed run (robots.txt is re-read by each process),
    // and every frontier URL was finished.
    expect(count(killedDb, "SELECT count(*) AS n FROM (SELECT url FROM captures WHERE status = 200 AND purpose != 'robots' GROUP BY url HAVING count(*) > 1)")).toBe(0);
    expect(count(killedDb, "SELECT count(*) AS n FROM frontier WHERE state = 'pending'")).toBe(0);
    expect(count(killedDb, 'SELECT count(*) AS n FROM frontier')).toBe(count(cleanDb, 'SELECT count(*) AS n FROM frontier'));
    // Every stored body is there.
    expect(count(killedDb, 'SELECT count(*) AS n FROM captures c LEFT JOIN blobs b ON b.sha256 = c.sha256 WHERE c.sha256 IS NOT NULL AND b.sha256 IS NULL')).toBe(0);
    const db = new Database(killedDb, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);
});
