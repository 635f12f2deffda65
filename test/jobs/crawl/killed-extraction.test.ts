/**
 * Issue 12, poison captures: an extraction that kills its process (here SIGKILL while a page's tables are being read by
 * OCR, as an out-of-memory kill would) still counts, because the attempt is committed before extraction starts. After
 * three such deaths (a death is ambiguous, so it needs one more than a crash the process saw) the capture is
 * quarantined: the fourth `nianbao crawl` skips it (E_QUARANTINED), archives the rest,
 * ends `partial` (exit 1), and `nianbao show --quarantine` / `nianbao reports --quarantine` list it (text and JSON).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
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

/** Runs a crawl and SIGKILLs it while it extracts the page at `url` (its OCR takes seconds); returns that attempt. */
async function crawlKilledMidExtraction(
  crawlArgs: readonly string[],
  dbFile: string,
  url: string,
  earlier: readonly Attempt[] = [],
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<Attempt & { code: number | null }> {
  const { child, done } = nianbao(crawlArgs);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const attempt = runningAttempt(dbFile, url, earlier);
    if (attempt !== null) {
      child.kill(signal);
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

  it('is quarantined after three deaths, skipped by the next run, and listed by show --quarantine', async () => {
    const { file, dir, db } = tempArchive('nianbao-killed-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(demo.portals.filter((p) => p.id === 'yanzhou-demo')));
    const crawl = ['crawl', '--portals', portalsFile, '--db', file, '--delay', '0', '--quiet'];

    const poison = demo.reportUrl(IMAGE_REPORT.slug);
    const killed = await crawlKilledMidExtraction(crawl, file, poison);
    const again = await crawlKilledMidExtraction(crawl, file, poison, [killed]);
    expect(again.captureId).toBe(killed.captureId);
    const thrice = await crawlKilledMidExtraction(crawl, file, poison, [killed, again]);
    expect(thrice.captureId).toBe(killed.captureId);
    const first = killed.captureId;

    const fourth = await nianbao([...crawl, '--json']).done;
    expect(fourth.code, fourth.stderr).toBe(1);

    const show = await nianbao(['show', '--quarantine', '--db', file, '--json']).done;
    expect(show.code, show.stderr).toBe(0);
    const listed = JSON.parse(show.stdout) as { captureId: number; code: string; attempts: number; url: string; portal: string }[];
    expect(listed).toEqual([expect.objectContaining({ captureId: first, code: 'E_EXTRACTION_CRASHED', attempts: 3, portal: 'yanzhou-demo', url: demo.reportUrl(IMAGE_REPORT.slug) })]);
    const text = await nianbao(['show', '--quarantine', '--db', file]).done;
    expect(text.stdout).toContain(demo.reportUrl(IMAGE_REPORT.slug));
    expect(text.stdout).toContain('E_EXTRACTION_CRASHED');
    const fromReports = await nianbao(['reports', '--quarantine', '--db', file, '--json']).done;
    expect(JSON.parse(fromReports.stdout)).toEqual(listed);
    const reportList = await nianbao(['reports', '--db', file]).done;
    expect(reportList.stdout).toContain('1 page(s) quarantined');

    const check = new Database(file, { readonly: true });
    try {
      // The fourth run made no attempt on it, archived the other report, and ended in a final state.
      expect(check.prepare('SELECT count(*) FROM extraction_attempts WHERE capture_id = ?').pluck().get(first)).toBe(3);
      expect(check.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(1);
      expect(check.prepare("SELECT count(*) FROM runs WHERE status = 'running'").pluck().get()).toBe(0);
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

  it('--extract-timeout sets the time limit: over it the page ends E_EXTRACTION_TIMEOUT alone; 0 is a usage error', async () => {
    const { file, dir, db } = tempArchive('nianbao-killed-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(demo.portals.filter((p) => p.id === 'yanzhou-demo')));
    const crawl = ['crawl', '--portals', portalsFile, '--db', file, '--delay', '0', '--quiet', '--json'];
    expect((await nianbao([...crawl, '--extract-timeout', '0']).done).code).toBe(2);
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
