/**
 * One night of the scale benchmark, in a process of its own so that its CPU time and peak RSS are the crawl's alone
 * (its extraction processes counted: their CPU once they ended, their memory sampled from /proc): the real crawl
 * (runCrawl, default politeness unless --gap-ms, extraction processes unless --extract-workers) of the portals in a
 * JSON file into a real SQLite archive. Prints one JSON line (NightFigures) on stdout.
 * Run: node --import tsx bench/scale/crawl-night.ts --db FILE --portals FILE [--gap-ms MS] [--extract-workers N]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadPortalsFile } from '../../crawlers/portal-config.ts';
import type { CrawlEvent } from '../../jobs/crawl/crawl-events.ts';
import { defaultExtractWorkers } from '../../jobs/crawl/extract-run-reports.ts';
import { runCrawl } from '../../jobs/crawl/run-crawl.ts';
import { openArchive } from '../../store/open-archive.ts';

export interface NightFigures {
  readonly status: string;
  /** Extraction processes (0: extraction in the crawl's process, after fetching). */
  readonly extractWorkers: number;
  readonly wallS: number;
  /** From the start to the last page fetched. */
  readonly fetchWallS: number;
  /** From the last page fetched to the end: the extraction left when fetching was done. */
  readonly extractWallS: number;
  /** Reports extracted while fetching went on (before the last page was fetched). */
  readonly reportsWhileFetching: number;
  /** CPU time of the crawl's process and its extraction processes (user + system), not counting start-up. */
  readonly cpuS: number;
  /** The crawl's own process, split at the last page fetched. */
  readonly fetchCpuS: number;
  readonly extractCpuS: number;
  /** The extraction processes (counted once they ended, at the end of the run). */
  readonly workersCpuS: number;
  /** Peak RSS of the crawl's process. */
  readonly peakRssMb: number;
  /** Largest peak RSS (VmHWM) of one extraction process, and the largest sum of the crawl's and its extraction
   * processes' RSS seen by the 1-second sampler. */
  readonly workerPeakRssMb: number;
  readonly sampledPeakTotalRssMb: number;
  /** RSS when fetching ended, and the largest V8 heap and off-heap (Buffer) memory seen by a 1-second sampler: where
   * the peak comes from. */
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
/** Linux clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS = 100;

/** Fields of /proc/<pid>/stat after the command name (field 3 is the first). */
function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds of this process's children that ended (cutime + cstime). */
function endedChildrenCpuSeconds(): number {
  const fields = statFields('self');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/** Live children of this process, by pid. */
function childPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(Number(entry))[1]) === process.pid) pids.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return pids;
}

/** VmRSS and VmHWM of a process in bytes (0 when it ended). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

async function childrenEnded(): Promise<void> {
  for (let i = 0; i < 100 && childPids().length > 0; i += 1) await new Promise((r) => setTimeout(r, 50));
}

async function night(dbFile: string, portalsFile: string, gapMs: number | undefined, workers: number | undefined): Promise<NightFigures> {
  const portals = loadPortalsFile(portalsFile);
  const start = performance.now();
  const startCpu = cpuSeconds();
  const startChildrenCpu = endedChildrenCpuSeconds();
  let fetchEnd = { wall: start, cpu: startCpu, rss: 0, reports: 0 };
  let reportsDone = 0;
  const peaks = { heap: 0, external: 0, total: 0, worker: 0 };
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    peaks.heap = Math.max(peaks.heap, memory.heapUsed);
    peaks.external = Math.max(peaks.external, memory.external);
    const children = childPids().map(memoryOf);
    peaks.worker = Math.max(peaks.worker, ...children.map((c) => c.hwm));
    peaks.total = Math.max(peaks.total, memory.rss + children.reduce((sum, c) => sum + c.rss, 0));
  }, 1000);
  let reportPages = 0;
  let reportPages304 = 0;
  const onEvent = (event: CrawlEvent): void => {
    if (event.type === 'fetched') {
      fetchEnd = { wall: performance.now(), cpu: cpuSeconds(), rss: process.memoryUsage().rss, reports: reportsDone };
      if (event.kind === 'report') reportPages += 1;
      if (event.kind === 'report' && event.status === 304) reportPages304 += 1;
    }
    if (event.type === 'report' || event.type === 'no-report') reportsDone += 1;
  };
  const db = openArchive(dbFile);
  const extraction = workers === undefined ? {} : { extraction: { workers } };
  const summary = await runCrawl(db, { portals, onEvent, ...extraction, ...(gapMs === undefined ? {} : { fetcher: { perHostDelayMs: gapMs } }) });
  db.close();
  clearInterval(sampler);
  const end = { wall: performance.now(), cpu: cpuSeconds() };
  await childrenEnded();
  const workersCpu = endedChildrenCpuSeconds() - startChildrenCpu;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  return {
    status: summary.status,
    extractWorkers: workers ?? defaultExtractWorkers(),
    wallS: round((end.wall - start) / 1000),
    fetchWallS: round((fetchEnd.wall - start) / 1000),
    extractWallS: round((end.wall - fetchEnd.wall) / 1000),
    reportsWhileFetching: fetchEnd.reports,
    cpuS: round(end.cpu - startCpu + workersCpu),
    fetchCpuS: round(fetchEnd.cpu - startCpu),
    extractCpuS: round(end.cpu - fetchEnd.cpu),
    workersCpuS: round(workersCpu),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    workerPeakRssMb: Math.round(peaks.worker / 2 ** 20),
    sampledPeakTotalRssMb: Math.round(Math.max(peaks.total, peakRss) / 2 ** 20),
    rssAtFetchEndMb: Math.round(fetchEnd.rss / 2 ** 20),
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

const { values } = parseArgs({ options: { db: { type: 'string' }, portals: { type: 'string' }, 'gap-ms': { type: 'string' }, 'extract-workers': { type: 'string' } } });
if (values.db === undefined || values.portals === undefined) throw new Error('usage: crawl-night.ts --db FILE --portals FILE [--gap-ms MS] [--extract-workers N]');
const optionalNumber = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
const figures = await night(values.db, values.portals, optionalNumber(values['gap-ms']), optionalNumber(values['extract-workers']));
process.stdout.write(`${JSON.stringify(figures)}\n`);
