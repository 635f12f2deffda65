/**
 * One night of the scale benchmark, in a process of its own so that its CPU time and peak RSS are the crawl's alone:
 * the real crawl (runCrawl, default politeness unless --gap-ms) of the portals in a JSON file into a real SQLite
 * archive. Prints one JSON line (NightFigures) on stdout.
 * Run: node --import tsx bench/scale/crawl-night.ts --db FILE --portals FILE [--gap-ms MS]
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadPortalsFile } from '../../crawlers/portal-config.ts';
import type { CrawlEvent } from '../../jobs/crawl/crawl-events.ts';
import { runCrawl } from '../../jobs/crawl/run-crawl.ts';
import { openArchive } from '../../store/open-archive.ts';

export interface NightFigures {
  readonly status: string;
  readonly wallS: number;
  /** From the start to the first report extracted: fetching (extraction starts after it, run-crawl.ts). */
  readonly fetchWallS: number;
  readonly extractWallS: number;
  /** CPU time of the crawl (user + system), not counting the process's start-up. */
  readonly cpuS: number;
  readonly fetchCpuS: number;
  readonly extractCpuS: number;
  readonly peakRssMb: number;
  /** RSS when fetching ended (the first report extracted), and the largest V8 heap and off-heap (Buffer) memory seen
   * by a 1-second sampler: where the peak comes from. */
  readonly rssAtFetchEndMb: number;
  readonly sampledPeakHeapMb: number;
  readonly sampledPeakExternalMb: number;
  readonly archiveMb: number;
  readonly tasks: { readonly done: number; readonly skipped: number; readonly failed: number };
  readonly exchanges: number;
  /** Report pages (xxgk module pages) the crawler fetched, and how many of them answered 304. */
  readonly reportPages: number;
  readonly reportPages304: number;
  readonly reports: { readonly new: number; readonly newVersion: number; readonly unchanged: number; readonly noReport: number; readonly failed: number };
  readonly skipReasons: Readonly<Record<string, number>>;
}

const cpuSeconds = (): number => {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1e6;
};
const round = (value: number, places = 1): number => Math.round(value * 10 ** places) / 10 ** places;

async function night(dbFile: string, portalsFile: string, gapMs: number | undefined): Promise<NightFigures> {
  const portals = loadPortalsFile(portalsFile);
  const start = performance.now();
  const startCpu = cpuSeconds();
  let extractStart: { wall: number; cpu: number } | null = null;
  let rssAtFetchEnd = 0;
  const peaks = { heap: 0, external: 0 };
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    peaks.heap = Math.max(peaks.heap, memory.heapUsed);
    peaks.external = Math.max(peaks.external, memory.external);
  }, 1000);
  let reportPages = 0;
  let reportPages304 = 0;
  const onEvent = (event: CrawlEvent): void => {
    if (event.type === 'fetched' && event.kind === 'report') {
      reportPages += 1;
      if (event.status === 304) reportPages304 += 1;
    }
    if ((event.type === 'report' || event.type === 'no-report') && extractStart === null) {
      extractStart = { wall: performance.now(), cpu: cpuSeconds() };
      rssAtFetchEnd = process.memoryUsage().rss;
    }
  };
  const db = openArchive(dbFile);
  const summary = await runCrawl(db, { portals, onEvent, ...(gapMs === undefined ? {} : { fetcher: { perHostDelayMs: gapMs } }) });
  db.close();
  clearInterval(sampler);
  const end = { wall: performance.now(), cpu: cpuSeconds() };
  const split = (extractStart as { wall: number; cpu: number } | null) ?? end;
  return {
    status: summary.status,
    wallS: round((end.wall - start) / 1000),
    fetchWallS: round((split.wall - start) / 1000),
    extractWallS: round((end.wall - split.wall) / 1000),
    cpuS: round(end.cpu - startCpu),
    fetchCpuS: round(split.cpu - startCpu),
    extractCpuS: round(end.cpu - split.cpu),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssAtFetchEndMb: Math.round(rssAtFetchEnd / 2 ** 20),
    sampledPeakHeapMb: Math.round(peaks.heap / 2 ** 20),
    sampledPeakExternalMb: Math.round(peaks.external / 2 ** 20),
    archiveMb: round(statSync(dbFile).size / 2 ** 20),
    tasks: summary.tasks,
    exchanges: summary.exchanges,
    reportPages,
    reportPages304,
    reports: summary.reports,
    skipReasons: summary.skipReasons,
  };
}

const { values } = parseArgs({ options: { db: { type: 'string' }, portals: { type: 'string' }, 'gap-ms': { type: 'string' } } });
if (values.db === undefined || values.portals === undefined) throw new Error('usage: crawl-night.ts --db FILE --portals FILE [--gap-ms MS]');
const figures = await night(values.db, values.portals, values['gap-ms'] === undefined ? undefined : Number(values['gap-ms']));
process.stdout.write(`${JSON.stringify(figures)}\n`);
