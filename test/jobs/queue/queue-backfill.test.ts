/**
 * Issue 13 item 3: OCR through a pg-boss queue on a real PostgreSQL (./setup.sh), with real OCR in `nianbao worker`
 * child processes and real SQLite archives. One archive is crawled from the demo portal with OCR off (the report
 * whose tables are images is archived without them), then copied; `nianbao reextract` backfills one copy in-process
 * and the others through the queue. The queue's archives must hold exactly the in-process cells and provenance,
 * except the worker's name at the end of each OCR cell's location.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { demoReport } from '../../../demo/reports/catalogue.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';
import { testSchema, type TestSchema } from '../../helpers/test-postgres.ts';

const BIN = path.resolve('bin/nianbao.js');
const HTML_REPORT = demoReport('yanzhou-xinfang-2023');
/** Tables 2, 3 and 4 pasted as three images: one OCR job of three images. */
const IMAGE_REPORT = demoReport('yanzhou-xiaomeng-2023');
const WORKER_SUFFIX = / worker\[([^\]]+)\]$/;

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
  const done = new Promise<Finished>((resolve) => child.on('exit', (code, signal) => resolve({ code: code ?? (signal === null ? null : -1), stdout, stderr })));
  return { child, done };
}

interface CellRow {
  readonly report: string;
  readonly key: string;
  readonly value: number | null;
  readonly raw: string | null;
  readonly method: string | null;
  readonly location: string | null;
  readonly confidence: number | null;
  readonly extractor: string;
  readonly source: string | null;
}

/** Current reports' cells and checks, by report URL; the source capture by its URL (ids may differ between runs). */
function archived(file: string): { cells: CellRow[]; checks: unknown[]; reports: unknown[] } {
  const db = new Database(file, { readonly: true });
  try {
    const cells = db
      .prepare(
        `SELECT r.report_key AS report, c.key, c.value, c.raw, c.method, c.location, c.confidence, c.extractor_version AS extractor,
                cap.final_url AS source
           FROM cells c JOIN reports r ON r.id = c.report_id AND r.is_current = 1 LEFT JOIN captures cap ON cap.id = c.source_capture_id
          ORDER BY r.report_key, c.key`,
      )
      .all() as CellRow[];
    const checks = db
      .prepare('SELECT r.report_key, k.check_id, k.ok, k.left_value, k.right_value FROM check_results k JOIN reports r ON r.id = k.report_id AND r.is_current = 1 ORDER BY 1, 2')
      .all();
    const reports = db.prepare('SELECT report_key, version, template, missing_tables, warnings FROM reports WHERE is_current = 1 ORDER BY report_key').all();
    return { cells, checks, reports };
  } finally {
    db.close();
  }
}

/** The archive with the worker's name taken out of OCR locations; the names found. */
function withoutWorkers(a: ReturnType<typeof archived>): { archive: ReturnType<typeof archived>; workers: Set<string> } {
  const workers = new Set<string>();
  const cells = a.cells.map((c) => {
    const name = c.location === null ? undefined : WORKER_SUFFIX.exec(c.location)?.[1];
    if (name === undefined) return c;
    workers.add(name);
    return { ...c, location: c.location!.replace(WORKER_SUFFIX, '') };
  });
  return { archive: { ...a, cells }, workers };
}

/** A copy of the archive through SQLite's backup (whatever is still in its WAL included). */
async function copyArchive(from: string, to: string): Promise<void> {
  const db = new Database(from, { readonly: true });
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a backfill through the pg-boss queue', () => {
  let demo: DemoPortals;
  let dir: string;
  let base: string;
  let inProcess: ReturnType<typeof archived>;
  let pg: TestSchema;
  const queueArgs = (schema: string): string[] => ['--queue', pg.url, '--queue-schema', schema];

  beforeAll(async () => {
    pg = await testSchema('backfill');
    demo = await startDemoPortals({ reports: [HTML_REPORT, IMAGE_REPORT], slowMs: 0, flakyFailures: 0 });
    const archive = tempArchive('nianbao-queue-');
    dir = archive.dir;
    base = archive.file;
    const summary = await runCrawl(archive.db, { portals: demo.portals.filter((p) => p.id === 'yanzhou-demo'), fetcher: FAST_FETCHER, extraction: { ocr: null } });
    expect(summary.reports.new).toBe(2);
    archive.db.close();
    const reference = path.join(dir, 'in-process.sqlite');
    await copyArchive(base, reference);
    const ran = await nianbao(['reextract', '--db', reference, '--json']).done;
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ reports: 2, newVersions: 1, unchanged: 1, failed: [] });
    inProcess = archived(reference);
    // The OCR cells are there (tables 2–4 of the image report), named by their images.
    expect(inProcess.cells.filter((c) => c.method === 'ocr').length).toBeGreaterThan(50);
  }, 300_000);

  afterAll(async () => {
    await demo?.close();
    await pg?.drop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('through two worker processes archives what in-process extraction archives; run again, it reuses the results with no OCR', async () => {
    const schema = `${pg.schema}_a`;
    const workers = ['w1', 'w2'].map((name) => nianbao(['worker', ...queueArgs(schema), '--name', name, '--json']));
    const queued = path.join(dir, 'queued.sqlite');
    await copyArchive(base, queued);
    try {
      const ran = await nianbao(['reextract', '--db', queued, ...queueArgs(schema), '--json']).done;
      expect(ran.code, ran.stderr).toBe(0);
      expect(JSON.parse(ran.stdout)).toMatchObject({ reports: 2, newVersions: 1, unchanged: 1, failed: [], queueJobs: 1, queueResultsReused: 0 });
    } finally {
      for (const w of workers) w.child.kill('SIGTERM');
    }
    const stopped = await Promise.all(workers.map((w) => w.done));
    for (const s of stopped) expect(s.code, s.stderr).toBe(0);
    const recorded = stopped.map((s) => JSON.parse(s.stdout) as { name: string; recorded: number });
    expect(recorded.reduce((n, s) => n + s.recorded, 0)).toBe(1);
    const { archive, workers: names } = withoutWorkers(archived(queued));
    expect(archive).toEqual(inProcess);
    expect([...names]).toEqual([recorded.find((s) => s.recorded === 1)!.name]);
    const rows = await pg.query<{ worker: string }>(`SELECT worker FROM ${schema}.image_tables_result`);
    expect(rows.map((r) => r.worker)).toEqual([...names]);

    // Idempotent: a second backfill (no worker running at all) finds the result recorded and does no OCR.
    const again = path.join(dir, 'again.sqlite');
    await copyArchive(base, again);
    const rerun = await nianbao(['reextract', '--db', again, ...queueArgs(schema), '--json']).done;
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ reports: 2, newVersions: 1, failed: [], queueJobs: 0, queueResultsReused: 1 });
    expect(withoutWorkers(archived(again)).archive).toEqual(inProcess);
    expect(await pg.query(`SELECT count(*)::int AS n FROM ${schema}.image_tables_result`)).toEqual([{ n: 1 }]);
  }, 300_000);

  it('a crawl with --queue has its extraction processes send table images to the workers: the same cells', async () => {
    const schema = `${pg.schema}_d`;
    const worker = nianbao(['worker', ...queueArgs(schema), '--name', 'crawl-worker', '--json']);
    const { file, dir: crawlDir, db } = tempArchive('nianbao-queue-crawl-');
    db.close();
    const portalsFile = path.join(crawlDir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(demo.portals.filter((p) => p.id === 'yanzhou-demo')));
    try {
      const crawled = await nianbao(['crawl', '--portals', portalsFile, '--db', file, '--delay', '0', '--extract-workers', '2', ...queueArgs(schema), '--json']).done;
      expect(crawled.code, crawled.stderr).toBe(0);
      expect(JSON.parse(crawled.stdout)).toMatchObject({ reports: { new: 2, failed: 0 } });
    } finally {
      worker.child.kill('SIGTERM');
    }
    const stopped = await worker.done;
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ name: 'crawl-worker', recorded: 1 });
    const { archive, workers } = withoutWorkers(archived(file));
    expect(archive.cells).toEqual(inProcess.cells);
    expect(archive.checks).toEqual(inProcess.checks);
    expect([...workers]).toEqual(['crawl-worker']);
    rmSync(crawlDir, { recursive: true, force: true });
  }, 300_000);

  it('a backfill waiting on the queue with no worker stops on SIGINT (exit 130, E_INTERRUPTED), its job left queued', async () => {
    const schema = `${pg.schema}_c`;
    const waiting = path.join(dir, 'waiting.sqlite');
    await copyArchive(base, waiting);
    const producer = nianbao(['reextract', '--db', waiting, ...queueArgs(schema), '--quiet']);
    await waitFor('the job to be queued', async () => {
      const rows = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.job WHERE name = 'image-tables' AND state = 'created'`).catch(() => []);
      return rows[0]?.n === 1 ? true : null;
    });
    producer.child.kill('SIGINT');
    const stopped = await producer.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('[E_INTERRUPTED]');
    expect(await pg.query(`SELECT state FROM ${schema}.job WHERE name = 'image-tables'`)).toEqual([{ state: 'created' }]);
  }, 120_000);

  it('a worker SIGKILLed mid-job loses nothing: the job expires, another worker takes it, the result is recorded once', async () => {
    const schema = `${pg.schema}_b`;
    // A short expiry and maintenance interval, so the dead worker's job comes back within seconds. pg-boss also
    // gives up on a handler running longer than the expiry, so it must exceed one job's OCR on a loaded machine.
    const fast = [...queueArgs(schema), '--job-expiry', '25', '--maintenance-interval', '1'];
    const doomed = nianbao(['worker', ...fast, '--name', 'doomed', '--quiet']);
    const queued = path.join(dir, 'killed.sqlite');
    await copyArchive(base, queued);
    const producer = nianbao(['reextract', '--db', queued, ...fast, '--json']);
    let survivor: ReturnType<typeof nianbao> | null = null;
    try {
      const job = await waitFor('the doomed worker to take the job', async () => {
        const rows = await pg.query<{ id: string }>(`SELECT id FROM ${schema}.job WHERE name = 'image-tables' AND state = 'active'`).catch(() => []);
        return rows[0] ?? null;
      });
      doomed.child.kill('SIGKILL');
      expect((await doomed.done).code).toBe(-1);
      expect(await pg.query(`SELECT count(*)::int AS n FROM ${schema}.image_tables_result`)).toEqual([{ n: 0 }]);
      survivor = nianbao(['worker', ...fast, '--name', 'survivor', '--json']);
      const ran = await producer.done;
      expect(ran.code, ran.stdout + ran.stderr).toBe(0);
      expect(JSON.parse(ran.stdout)).toMatchObject({ reports: 2, newVersions: 1, failed: [], queueJobs: 1 });
      const retried = await pg.query<{ retry_count: number; state: string }>(
        `SELECT retry_count, state FROM ${schema}.job WHERE id = $1 UNION ALL SELECT retry_count, state FROM ${schema}.archive WHERE id = $1`,
        [job.id],
      );
      expect(retried).toEqual([{ retry_count: 1, state: 'completed' }]);
    } finally {
      producer.child.kill('SIGKILL');
      survivor?.child.kill('SIGTERM');
    }
    const stopped = await survivor!.done;
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ name: 'survivor', recorded: 1 });
    expect(await pg.query(`SELECT worker FROM ${schema}.image_tables_result`)).toEqual([{ worker: 'survivor' }]);
    const { archive, workers } = withoutWorkers(archived(queued));
    expect(archive).toEqual(inProcess);
    expect([...workers]).toEqual(['survivor']);
  }, 300_000);
});
