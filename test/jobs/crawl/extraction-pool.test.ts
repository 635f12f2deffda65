/**
 * Issue 13 item 2: report pages are extracted by a pool of extraction processes while the crawl goes on fetching
 * (run-crawl.ts, extract-run-reports.ts). Real crawls of real loopback portals into real SQLite archives: an early
 * page is extracted before fetching ends; a pool of two archives exactly what in-process extraction archives (cells
 * with their provenance, reports, files, problems); a pool process SIGKILLed mid-extraction is that page's crash.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provincePlan, provincePortalConfigs, provinceRoutes } from '../../../bench/scale/province.ts';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { serveSite } from '../../../demo/portal/http-site.ts';
import { demoReport } from '../../../demo/reports/catalogue.ts';
import type { CrawlEvent } from '../../../jobs/crawl/crawl-events.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

const HTML_REPORT = demoReport('yanzhou-xinfang-2023');
/** Tables pasted as images: read by OCR, seconds of extraction. */
const IMAGE_REPORT = demoReport('yanzhou-xiaomeng-2023');
/** Tables in a PDF attachment. */
const PDF_REPORT = demoReport('yanzhou-weijian-2024');
/** A flip-book of pages with its tables in a PDF. */
const FLIPBOOK_REPORT = demoReport('wendeng-zonghexz-2021');

function scratch(prefix: string): { db: Database; cleanup: () => void } {
  const archive = tempArchive(prefix);
  return {
    db: archive.db,
    cleanup: () => {
      archive.db.close();
      rmSync(archive.dir, { recursive: true, force: true });
    },
  };
}

describe('extraction while fetching goes on', () => {
  it('extracts an early report page before the last page is fetched, and archives every report', async () => {
    // 3 hosts × 23 requests at a 500 ms gap: fetching takes over 11 s; the first report page is fetched within ~1.5 s.
    const plan = provincePlan(3, 20, 11);
    const sites = await Promise.all(plan.portals.map((p) => serveSite(provinceRoutes(p))));
    const { db, cleanup } = scratch('nianbao-pool-');
    try {
      const summary = await runCrawl(db, { portals: provincePortalConfigs(plan, sites.map((s) => s.origin)), fetcher: { perHostDelayMs: 500 }, extraction: { ocr: null, workers: 2 } });
      expect(summary.status).toBe('ok');
      expect(summary.reports).toMatchObject({ new: plan.reports, failed: 0 });
      const lastFetch = db.prepare('SELECT max(fetched_at) FROM captures WHERE run_id = ?').pluck().get(summary.runId) as string;
      const before = db.prepare("SELECT count(*) FROM extraction_attempts WHERE run_id = ? AND outcome = 'ok' AND finished_at < ?").pluck().get(summary.runId, lastFetch) as number;
      expect(before, 'report pages extracted before the last page was fetched').toBeGreaterThan(0);
    } finally {
      cleanup();
      await Promise.all(sites.map((s) => s.close()));
    }
  }, 120_000);
});

/** Everything extraction wrote, keyed by URLs (capture and report ids differ between two crawls). */
function extracted(db: Database): Record<string, unknown[]> {
  return {
    reports: db.prepare(`SELECT r.url, r.year, r.title, r.template, r.extractor_version, a.name AS agency, sc.url AS source
      FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id JOIN captures sc ON sc.id = r.source_capture_id ORDER BY r.url`).all(),
    cells: db.prepare(`SELECT r.url, c.key, c.value, c.raw, c.method, c.location, c.confidence, c.extractor_version, sc.url AS source
      FROM cells c JOIN reports r ON r.id = c.report_id LEFT JOIN captures sc ON sc.id = c.source_capture_id ORDER BY r.url, c.key`).all(),
    problems: db.prepare(`SELECT c.url, p.code, p.message FROM extraction_problems p JOIN captures c ON c.id = p.capture_id ORDER BY c.url, p.code, p.message`).all(),
  };
}

describe('a pool of two extraction processes', () => {
  let demo: DemoPortals;
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: [HTML_REPORT, IMAGE_REPORT, PDF_REPORT, FLIPBOOK_REPORT], slowMs: 0, flakyFailures: 0 });
  });

  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    await demo.close();
  });

  const portals = (): DemoPortals['portals'] => demo.portals.filter((p) => p.id === 'yanzhou-demo' || p.id === 'wendeng-demo');

  it('archives exactly what in-process extraction archives: reports, cells with their provenance, problems', async () => {
    const inProcess = scratch('nianbao-pool-');
    const pooled = scratch('nianbao-pool-');
    cleanups.push(inProcess.cleanup, pooled.cleanup);
    const a = await runCrawl(inProcess.db, { portals: portals(), fetcher: FAST_FETCHER, extraction: { workers: 0 } });
    const seen = new Set<number>();
    const watch = setInterval(() => poolProcesses().forEach((pid) => seen.add(pid)), 20);
    const b = await runCrawl(pooled.db, { portals: portals(), fetcher: FAST_FETCHER, extraction: { workers: 2 } }).finally(() => clearInterval(watch));
    // While the image page's OCR holds one process, the pages fetched meanwhile queue up and the second one starts.
    expect(seen.size, 'extraction processes seen').toBe(2);
    expect(b.reports).toEqual(a.reports);
    expect(a.reports.new).toBe(4);
    const expected = extracted(inProcess.db);
    expect(expected['cells']!.length).toBeGreaterThan(100);
    // Cells read from the images, the PDF and the flip-book's PDF point at those captures.
    const sources = new Set((expected['cells'] as { source: string | null }[]).map((c) => c.source));
    expect([...sources].filter((s) => s !== null && /\.(png|jpg|pdf)/i.test(s)).length).toBeGreaterThan(1);
    expect(extracted(pooled.db)).toEqual(expected);
  }, 300_000);

  it("counts a pool process SIGKILLed mid-extraction as that page's crash; the run goes on", async () => {
    const { db, cleanup } = scratch('nianbao-pool-');
    cleanups.push(cleanup);
    const imageUrl = demo.reportUrl(IMAGE_REPORT.slug);
    const events: CrawlEvent[] = [];
    const crawl = runCrawl(db, { portals: portals().filter((p) => p.id === 'yanzhou-demo'), fetcher: FAST_FETCHER, extraction: { workers: 2 }, onEvent: (e) => events.push(e) });
    const killed = await killPoolWhileExtracting(db, imageUrl, crawl);
    const summary = await crawl;
    expect(killed.length).toBeGreaterThan(0);
    expect(summary.status).toBe('partial');
    expect(summary.reports).toMatchObject({ new: 2, failed: 1 });
    expect(events.filter((e) => e.type === 'skipped' && e.url === imageUrl).map((e) => (e.type === 'skipped' ? e.code : null))).toEqual(['E_EXTRACTION_CRASHED']);
    const attempts = db
      .prepare('SELECT a.outcome, a.code FROM extraction_attempts a JOIN captures c ON c.id = a.capture_id WHERE c.final_url = ? ORDER BY a.id')
      .all(imageUrl);
    expect(attempts).toEqual([{ outcome: 'crashed', code: 'E_EXTRACTION_CRASHED' }]);
  }, 300_000);
});

/** Pids of the `nianbao extraction-process` children of this process (read from /proc). */
function poolProcesses(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('extraction-process')) pids.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return pids;
}

/**
 * Once the page at `url` is the only one being extracted (its OCR takes seconds) and has been for a moment, SIGKILLs
 * every pool process (the idle one's death costs nothing); returns the pids killed.
 */
async function killPoolWhileExtracting(db: Database, url: string, crawl: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void crawl.finally(() => (finished = true));
  const unfinished = db.prepare('SELECT c.final_url FROM extraction_attempts a JOIN captures c ON c.id = a.capture_id WHERE a.finished_at IS NULL').pluck();
  const onlyIt = (): boolean => {
    const running = unfinished.all() as string[];
    return running.length === 1 && running[0] === url;
  };
  let since: number | null = null;
  while (!finished) {
    since = onlyIt() ? (since ?? Date.now()) : null;
    const pids = poolProcesses();
    if (since !== null && Date.now() - since > 300 && pids.length > 0) {
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      return pids;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return [];
}
