/**
 * Issue 12, poison captures. An extraction attempt is committed before it starts, so a crawl that died mid-extraction
 * (here SIGKILL while a page's tables are read by OCR, as an out-of-memory kill would) is known to the next run. That
 * death is ambiguous (the page, or a kill from outside), so it never counts against the page: the next run extracts
 * the page in a separate process, where a page that kills its process is seen doing it. Two such deaths quarantine
 * the capture: the next `nianbao crawl` skips it (E_QUARANTINED), archives the rest, ends `partial` (exit 1), and
 * `nianbao show --quarantine` / `nianbao reports --quarantine` list it (text and JSON). Crawls killed at random
 * never quarantine a healthy page, however often they die on it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { demoReport } from '../../../demo/reports/catalogue.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';

const BIN = path.resolve('bin/nianbao.js');
const HTML_REPORT = demoReport('yanzhou-xinfang-2023');
/** Tables pasted as images: its extraction runs OCR for seconds, long enough to be killed in the middle. */
const IMAGE_REPORT = demoReport('yanzhou-xiaomeng-2023');

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function nianbao(args: readonly string[]): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Finished>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

interface Attempt {
  readonly id: number;
  readonly captureId: number;
}

/** An unfinished extraction attempt (not one of `earlier`) of the page at `url`, or null. */
function runningAttempt(dbFile: string, url: string, earlier: readonly Attempt[]): Attempt | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const rows = db
      .prepare('SELECT a.id, a.capture_id FROM extraction_attempts a JOIN captures c ON c.id = a.capture_id WHERE a.finished_at IS NULL AND c.final_url = ?')
      .all(url) as { id: number; capture_id: number }[];
    const found = rows.find((r) => !earlier.some((a) => a.id === r.id));
    return found === undefined ? null : { id: found.id, captureId: found.capture_id };
  } catch {
    return null; // the archive or its table is not there yet
  } finally {
    db?.close();
  }
}

/** The pid of the `nianbao extraction-process` child of process `pid`, or null (read from /proc). */
function extractionChildOf(pid: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('extraction-process')) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

type Victim = 'crawl' | 'extraction process';

/**
 * Runs a crawl and, while it extracts the page at `url` (its OCR takes seconds), sends `signal` to the crawl or
 * SIGKILLs its extraction process; returns that attempt and the crawl's exit code.
 */
async function crawlKilledMidExtraction(
  crawlArgs: readonly string[],
  dbFile: string,
  url: string,
  earlier: readonly Attempt[] = [],
  signal: NodeJS.Signals = 'SIGKILL',
  victim: Victim = 'crawl',
): Promise<Attempt & { code: number | null }> {
  const { child, done } = nianbao(crawlArgs);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const attempt = runningAttempt(dbFile, url, earlier);
    const target = attempt === null ? null : victim === 'crawl' ? child.pid! : extractionChildOf(child.pid!);
    if (attempt !== null && target !== null) {
      process.kill(target, signal);
      return { ...attempt, code: (await done).code };
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      const finished = await done;
      throw new Error(`the crawl was not caught mid-extraction (exit ${finished.code}): ${finished.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a capture whose extraction kills the process', () => {
  let demo: DemoPortals;

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: [HTML_REPORT, IMAGE_REPORT], slowMs: 0, flakyFailures: 0 });
  });

  afterAll(async () => {
    await demo.close();
  });

  it('is extracted in a separate process after its crawl died on it, and quarantined after that process died twice', async () => {
    const { file, dir, db } = tempArchive('nianbao-killed-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(demo.portals.filter((p) => p.id === 'yanzhou-demo')));
    // One extraction process, so the one killed is the one extracting the page (extraction-pool.test.ts kills a pool's).
    const crawl = ['crawl', '--portals', portalsFile, '--db', file, '--delay', '0', '--quiet', '--extract-workers', '1'];

    const poison = demo.reportUrl(IMAGE_REPORT.slug);
    const crawlDied = await crawlKilledMidExtraction(crawl, file, poison);
    const died = await crawlKilledMidExtraction(crawl, file, poison, [crawlDied], 'SIGKILL', 'extraction process');
    expect(died.captureId).toBe(crawlDied.captureId);
    expect(died.code, 'the crawl saw the death, went on and ended partial').toBe(1);
    const diedAgain = await crawlKilledMidExtraction(crawl, file, poison, [crawlDied, died], 'SIGKILL', 'extraction process');
    expect(diedAgain.code).toBe(1);
    const first = crawlDied.captureId;

    const fourth = await nianbao([...crawl, '--json']).done;
    expect(fourth.code, fourth.stderr).toBe(1);

    const show = await nianbao(['show', '--quarantine', '--db', file, '--json']).done;
    expect(show.code, show.stderr).toBe(0);
    const listed = JSON.parse(show.stdout) as { captureId: number; code: string; attempts: number; url: string; portal: string }[];
    expect(listed).toEqual([expect.objectContaining({ captureId: first, code: 'E_EXTRACTION_CRASHED', attempts: 2, portal: 'yanzhou-demo', url: poison })]);
    const text = await nianbao(['show', '--quarantine', '--db', file]).done;
    expect(text.stdout).toContain(poison);
    expect(text.stdout).toContain('E_EXTRACTION_CRASHED');
    const fromReports = await nianbao(['reports', '--quarantine', '--db', file, '--json']).done;
    expect(JSON.parse(fromReports.stdout)).toEqual(listed);
    const reportList = await nianbao(['reports', '--db', file]).done;
    expect(reportList.stdout).toContain('1 page(s) quarantined');

    const check = new Database(file, { readonly: true });
    try {
      // The fourth run made no attempt on it, archived the other report, and ended in a final state.
      expect(check.prepare('SELECT outcome FROM extraction_attempts WHERE capture_id = ? ORDER BY id').pluck().all(first)).toEqual([null, 'crashed', 'crashed']);
      expect(check.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(1);
      expect(check.prepare("SELECT count(*) FROM runs WHERE status = 'running'").pluck().get()).toBe(0);
    } finally {
      check.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('is never quarantined for crawls killed from outside: after three, the next crawl archives it', async () => {
    const { file, dir, db } = tempArchive('nianbao-killed-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(demo.portals.filter((p) => p.id === 'yanzhou-demo')));
    const crawl = ['crawl', '--portals', portalsFile, '--db', file, '--delay', '0', '--quiet'];
    const page = demo.reportUrl(IMAGE_REPORT.slug);
    const attempts: Attempt[] = [];
    for (let i = 0; i < 3; i += 1) attempts.push(await crawlKilledMidExtraction(crawl, file, page, attempts));
    const fourth = await nianbao([...crawl, '--json']).done;
    expect(fourth.code, fourth.stderr).toBe(0);
    const check = new Database(file, { readonly: true });
    try {
      expect(check.prepare('SELECT count(*) FROM quarantined_captures').pluck().get()).toBe(0);
      expect(check.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(2);
      expect(check.prepare('SELECT outcome FROM extraction_attempts WHERE capture_id = ? ORDER BY id').pluck().all(attempts[0]!.captureId)).toEqual([null, null, null, 'ok']);
    } finally {
      check.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it.each(['crawl', 'nightly'])('a %s stopped by SIGTERM mid-extraction does not count it as a crash', async (command) => {
    const { file, dir, db } = tempArchive('nianbao-killed-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(demo.portals.filter((p) => p.id === 'yanzhou-demo')));
    const args = [command, '--portals', portalsFile, '--db', file, '--delay', '0', '--quiet', ...(command === 'nightly' ? ['--log-dir', path.join(dir, 'logs')] : [])];
    const stopped = await crawlKilledMidExtraction(args, file, demo.reportUrl(IMAGE_REPORT.slug), [], 'SIGTERM');
    expect(stopped.code).toBe(130);
    const check = new Database(file, { readonly: true });
    try {
      expect(check.prepare('SELECT outcome, code FROM extraction_attempts WHERE id = ?').get(stopped.id)).toEqual({ outcome: 'skipped', code: 'E_INTERRUPTED' });
    } finally {
      check.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('--extract-timeout sets the time limit: over it the page ends E_EXTRACTION_TIMEOUT alone; 0 is a usage error (and --extract-workers outside 0-64)', async () => {
    const { file, dir, db } = tempArchive('nianbao-killed-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(demo.portals.filter((p) => p.id === 'yanzhou-demo')));
    // In the crawl's process (--extract-workers 0): the HTML page's synchronous extraction ends before a 1 ms timer fires.
    const crawl = ['crawl', '--portals', portalsFile, '--db', file, '--delay', '0', '--quiet', '--json', '--extract-workers', '0'];
    expect((await nianbao([...crawl, '--extract-timeout', '0']).done).code).toBe(2);
    for (const workers of ['-1', '65', '1.5']) expect((await nianbao([...crawl, '--extract-workers', workers]).done).code, workers).toBe(2);
    const run = await nianbao([...crawl, '--extract-timeout', '1']).done;
    expect(run.code, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as { reports: { new: number; failed: number } }).reports).toMatchObject({ new: 1, failed: 1 });
    const check = new Database(file, { readonly: true });
    try {
      expect(check.prepare('SELECT c.final_url, p.code FROM extraction_problems p JOIN captures c ON c.id = p.capture_id').all()).toEqual([
        { final_url: demo.reportUrl(IMAGE_REPORT.slug), code: 'E_EXTRACTION_TIMEOUT' },
      ]);
    } finally {
      check.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
