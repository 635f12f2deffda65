/**
 * One crawl run: seeds → frontier (in the archive, so a killed run resumes) → polite fetches → a capture per
 * exchange → links discovered from the captured bytes → reports extracted from captures into the archive, by a pool
 * of extraction processes while fetching goes on (each page once it and the files it links are fetched); the run
 * ends when both are done.
 */
import type { Database } from 'better-sqlite3';
import { errorMessage, StopError } from '../../common/errors.ts';
import type { CrawlTask } from '../../crawlers/adapter.ts';
import { PoliteFetcher, type FetcherOptions } from '../../crawlers/http/polite-fetcher.ts';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { adapterFor } from '../../crawlers/registry.ts';
import { findResumableRun, finishRun, reopenRun, startRun } from '../../store/runs.ts';
import { countByState, enqueue, getFrontierItem, markDone, requeueFailed } from '../../store/frontier.ts';
import { isDiskFull } from '../disk-full.ts';
import { CRAWLER_VERSION } from '../version.ts';
import { ignoreEvents, type CrawlEventSink, type CrawlProgress } from './crawl-events.ts';
import { HostPolicy } from './host-policy.ts';
import { RobotsEvidence } from './robots-evidence.ts';
import { registerPortals, knownAgencies } from './register-portals.ts';
import { fetchAndRecord, type TaskResult } from './fetch-and-record.ts';
import { extractionWorkers, RunExtraction, type ExtractionCounts, type ExtractRunOptions } from './extract-run-reports.ts';
import { ReportFeed } from './report-feed.ts';
import { isFileKind } from './task-purpose.ts';
import { closeInFlightAttempts } from './quarantined-extraction.ts';
import { taskFromFrontier, toFrontierItem } from './frontier-task.ts';
import { reviewPortals } from './portal-findings.ts';
import { workFrontierByHost } from './host-scheduler.ts';
import { LOCAL_FAILURE_CODES } from './task-state.ts';

export interface CrawlJobOptions {
  readonly portals: readonly PortalConfig[];
  /** Fetcher settings (delays, timeouts, limits); defaults are the polite ones. */
  readonly fetcher?: Partial<FetcherOptions>;
  /** Hosts with a task in flight at once (each host gets one connection and its gap). Default 64: crawling is I/O-bound. */
  readonly concurrency?: number;
  /** Links deeper than this from a seed are not followed. Default 8. */
  readonly maxDepth?: number;
  readonly onEvent?: CrawlEventSink;
  /**
   * Extraction settings: the processes extracting while fetching goes on (`workers`, default one per core; 0 = in
   * this process after fetching), the time limit per report page (`timeoutMs`, default 120 s) and the OCR engine.
   */
  readonly extraction?: ExtractRunOptions;
}

export interface CrawlSummary {
  readonly runId: number;
  readonly resumed: boolean;
  /** 'ok' only when every page the run set out to fetch was fetched and read (see task-state.ts); else 'partial'. */
  readonly status: 'ok' | 'partial';
  /** Tasks this process worked on (a resumed run's earlier tasks are not counted again). */
  readonly tasks: { done: number; skipped: number; failed: number };
  readonly exchanges: number;
  readonly notModified: number;
  readonly bytesReceived: number;
  readonly skipReasons: Readonly<Record<string, number>>;
  readonly reports: ExtractionCounts;
}

export interface CrawlRun {
  readonly done: Promise<CrawlSummary>;
  /**
   * The process is being stopped (SIGINT/SIGTERM): mark the run interrupted (the next crawl resumes it), start no more
   * tasks and record nothing more. Synchronous, for a signal handler that exits right after; `done` then rejects with
   * StopError E_INTERRUPTED.
   */
  interrupt(signal: string): void;
}

/** Hosts worked at once by default (each host still gets one connection and its gap). */
export const DEFAULT_CONCURRENCY = 64;

/** How often a running crawl sends a 'progress' event. */
export const PROGRESS_INTERVAL_MS = 1000;

export function runCrawl(db: Database, options: CrawlJobOptions): Promise<CrawlSummary> {
  return startCrawl(db, options).done;
}

export function startCrawl(db: Database, options: CrawlJobOptions): CrawlRun {
  const stop: StopState = { runId: null, interrupted: null, fetcher: null, finished: false };
  const done = crawl(db, options, stop).finally(() => {
    stop.finished = true;
  });
  return {
    done,
    interrupt(signal) {
      if (stop.finished || stop.interrupted !== null) return;
      stop.interrupted = signal;
      stop.fetcher?.close();
      if (stop.runId === null) return;
      finishRun(db, stop.runId, { status: 'interrupted', counts: { signal } });
      closeInFlightAttempts(db, 'E_INTERRUPTED'); // a page being extracted did not crash the process
    },
  };
}

/** What an interrupt needs to reach while the run goes on. */
interface StopState {
  runId: number | null;
  /** The signal that interrupted the run, once one did. */
  interrupted: string | null;
  fetcher: PoliteFetcher | null;
  finished: boolean;
}

async function crawl(db: Database, options: CrawlJobOptions, stop: StopState): Promise<CrawlSummary> {
  const onEvent = options.onEvent ?? ignoreEvents;
  const portals = options.portals;
  extractionWorkers(db, options.extraction); // an impossible setting stops here, before a run is started
  registerPortals(db, portals);
  const portalIds = portals.map((p) => p.id).sort();
  const { runId, resumed } = openRun(db, portalIds, portals);
  stop.runId = runId;
  onEvent({ type: 'run-started', runId, resumed, portals: portalIds });

  const hosts = new HostPolicy(portals);
  const robotsEvidence = new RobotsEvidence(db, runId, portals);
  const fetcher = new PoliteFetcher({
    ...options.fetcher,
    isHostAllowed: (url) => hosts.isAllowed(url),
    onExchange: (purpose, url, exchange) => {
      if (purpose === 'robots' && stop.interrupted === null) robotsEvidence.record(url, exchange);
    },
  });
  stop.fetcher = fetcher;
  const tally = newTally();
  const extraction = new RunExtraction(db, runId, portals, onEvent, options.extraction);
  const feed = extraction.whileFetching ? new ReportFeed((url) => extraction.add(url)) : null;
  const ctx: CrawlContext = { portals, fetcher, hosts, robotsEvidence, tally, onEvent, options, stop, extraction, feed, active: { tasks: 0 } };
  const progress = sendProgress(db, runId, ctx);
  let reports: ExtractionCounts;
  try {
    reports = await fetchThenFinishExtraction(db, runId, ctx);
  } finally {
    clearInterval(progress);
  }
  // A portal that led to no report page says why (E_NOTHING_FOUND), and the run is not 'ok'.
  const nothingFound = reviewPortals(db, runId, portals, onEvent);
  if (nothingFound.length > 0) tally.skipReasons['E_NOTHING_FOUND'] = nothingFound.length;
  throwIfInterrupted(stop);
  const status = nothingFound.length > 0 ? 'partial' : runStatus(db, runId, reports);
  const summary: CrawlSummary = { runId, resumed, status, ...tally, reports };
  finishRun(db, runId, { status, counts: summary });
  onEvent({ type: 'run-finished', runId, status });
  return summary;
}

/**
 * Fetching, with extraction going on beside it, then the rest of the extraction. When fetching fails or is
 * interrupted, the extractions under way end before the error goes on (none is cut off and counted as a crash).
 */
async function fetchThenFinishExtraction(db: Database, runId: number, ctx: CrawlContext): Promise<ExtractionCounts> {
  try {
    try {
      await crawlFrontier(db, runId, ctx);
    } finally {
      ctx.fetcher.close();
    }
    throwIfInterrupted(ctx.stop);
  } catch (error) {
    await ctx.extraction.abandon();
    throw error;
  }
  return ctx.extraction.finish();
}

/** A 'progress' event every PROGRESS_INTERVAL_MS while the run goes on; returns the timer to clear. */
function sendProgress(db: Database, runId: number, ctx: CrawlContext): NodeJS.Timeout {
  const started = Date.now();
  const timer = setInterval(() => {
    if (ctx.stop.interrupted !== null) return;
    const t = ctx.tally.tasks;
    const progress: CrawlProgress = {
      elapsedMs: Date.now() - started,
      hostsActive: ctx.active.tasks,
      pages: t.done + t.skipped + t.failed,
      reports: ctx.extraction.extracted,
      queuedFetches: Math.max(0, countByState(db, runId).pending - ctx.active.tasks),
      queuedExtractions: ctx.extraction.pending,
      waitingForFiles: ctx.feed?.waitingPages ?? 0,
    };
    ctx.onEvent({ type: 'progress', progress });
  }, PROGRESS_INTERVAL_MS);
  timer.unref();
  return timer;
}

/**
 * Resume the latest crawl run when it did not finish and covers the same portals (its pages that failed for a local
 * cause — a crash, a full disk — are tried again), else start a new run from the seeds.
 */
function openRun(db: Database, portalIds: readonly string[], portals: readonly PortalConfig[]): { runId: number; resumed: boolean } {
  const unfinished = findResumableRun(db, 'crawl');
  if (unfinished !== null && samePortals(unfinished.options, portalIds)) {
    reopenRun(db, unfinished.id);
    requeueFailed(db, unfinished.id, LOCAL_FAILURE_CODES);
    return { runId: unfinished.id, resumed: true };
  }
  if (unfinished !== null && unfinished.status === 'running') finishRun(db, unfinished.id, { status: 'interrupted', counts: {} });
  const runId = startRun(db, { kind: 'crawl', crawlerVersion: CRAWLER_VERSION, options: { portals: portalIds } });
  enqueueSeeds(db, runId, portals);
  return { runId, resumed: false };
}

/** 'ok' only when every page of the run — in this process or before a resume — was fetched and read, and extracted. */
function runStatus(db: Database, runId: number, reports: ExtractionCounts): 'ok' | 'partial' {
  const states = countByState(db, runId);
  return states.failed > 0 || states.pending > 0 || reports.failed > 0 ? 'partial' : 'ok';
}

function throwIfInterrupted(stop: StopState): void {
  if (stop.interrupted !== null) {
    throw new StopError('E_INTERRUPTED', `the crawl was interrupted by ${stop.interrupted}; the next nianbao crawl with the same portals resumes it`);
  }
}

function samePortals(runOptions: unknown, portalIds: readonly string[]): boolean {
  const previous = (runOptions as { portals?: unknown } | null)?.portals;
  return Array.isArray(previous) && previous.join(',') === portalIds.join(',');
}

function enqueueSeeds(db: Database, runId: number, portals: readonly PortalConfig[]): void {
  const tasks = portals.flatMap((portal) => adapterFor(portal).seeds(portal, knownAgencies(db, portal)));
  enqueue(db, runId, tasks.map(toFrontierItem));
}

interface Tally {
  tasks: { done: number; skipped: number; failed: number };
  exchanges: number;
  notModified: number;
  bytesReceived: number;
  skipReasons: Record<string, number>;
}

function newTally(): Tally {
  return { tasks: { done: 0, skipped: 0, failed: 0 }, exchanges: 0, notModified: 0, bytesReceived: 0, skipReasons: {} };
}

interface CrawlContext {
  readonly portals: readonly PortalConfig[];
  readonly fetcher: PoliteFetcher;
  readonly hosts: HostPolicy;
  readonly robotsEvidence: RobotsEvidence;
  readonly tally: Tally;
  readonly onEvent: CrawlEventSink;
  readonly options: CrawlJobOptions;
  readonly stop: StopState;
  readonly extraction: RunExtraction;
  /** Tells extraction which report pages are ready while fetching goes on; null when it all happens after. */
  readonly feed: ReportFeed | null;
  /** Tasks under way (one per host at most). */
  readonly active: { tasks: number };
}

/**
 * Work through the run's frontier host by host (host-scheduler.ts) until nothing is pending; links found join their
 * host's queue. A task that stops the run (the disk is full) lets those in flight end; the rest stay pending for the
 * resumed run.
 */
async function crawlFrontier(db: Database, runId: number, ctx: CrawlContext): Promise<void> {
  const portalById = new Map(ctx.portals.map((p) => [p.id, p]));
  const { now, sleep } = ctx.fetcher.options;
  await workFrontierByHost(
    db,
    runId,
    (item) => {
      const task = taskFromFrontier(item);
      // Flip-book tasks exist only because a report linked them: their host is allowed (again, after a resume).
      if (task.kind === 'flipbook') ctx.hosts.allow(new URL(task.url).host);
      return runTask(db, runId, task, portalById.get(task.portalId), ctx);
    },
    {
      maxInFlight: ctx.options.concurrency ?? DEFAULT_CONCURRENCY,
      readyAt: (host) => ctx.fetcher.readyAt(`http://${host}/`),
      now: () => now().getTime(),
      sleep,
      stopped: () => ctx.stop.interrupted !== null,
    },
  );
}

async function runTask(db: Database, runId: number, task: CrawlTask, portal: PortalConfig | undefined, ctx: CrawlContext): Promise<void> {
  let result: TaskResult;
  ctx.robotsEvidence.noteTask(task);
  ctx.active.tasks += 1;
  try {
    result = await fetchAndRecord(db, runId, task, portal, ctx.fetcher, ctx.options.maxDepth ?? 8, () => ctx.stop.interrupted === null);
  } catch (error) {
    if (ctx.stop.interrupted !== null) return;
    result = recordLocalFailure(db, runId, task, error);
  } finally {
    ctx.active.tasks -= 1;
  }
  if (ctx.stop.interrupted !== null) return;
  tallyResult(ctx.tally, result);
  if (ctx.feed !== null) feedExtraction(db, runId, ctx.feed, task, result);
  for (const host of result.allowHosts) ctx.hosts.allow(host);
  if (result.state === 'done') ctx.onEvent({ type: 'fetched', portalId: task.portalId, url: task.url, kind: task.kind, status: result.status, captures: result.exchanges });
  else ctx.onEvent({ type: 'skipped', portalId: task.portalId, url: task.url, kind: task.kind, code: result.code ?? 'E_UNKNOWN', message: result.message ?? '' });
}

/** A report page fetched, or a file it links settled: the page may be extracted once none of its files is pending. */
function feedExtraction(db: Database, runId: number, feed: ReportFeed, task: CrawlTask, result: TaskResult): void {
  const pending = result.linkedFiles.filter((url) => getFrontierItem(db, runId, url)?.state === 'pending');
  if (task.kind === 'report') feed.pageFetched(task.url, pending);
  else if (isFileKind(task.kind)) feed.fileSettled(task.url, pending);
}

/**
 * A bug or an archive write that threw on one task must not lose the others: record it as failed (E_INTERNAL, retried
 * by a resumed run) and go on. A full disk stops the run instead: nothing more can be archived.
 */
function recordLocalFailure(db: Database, runId: number, task: CrawlTask, error: unknown): TaskResult {
  const code = isDiskFull(error) ? 'E_DISK_FULL' : 'E_INTERNAL';
  try {
    markDone(db, runId, task.url, 'failed', code);
  } catch {
    // The archive may be what failed: the item stays pending and the resumed run does it.
  }
  if (code === 'E_DISK_FULL') {
    throw new StopError('E_DISK_FULL', `out of disk space while archiving ${task.url} (${errorMessage(error)}): free space, then run the crawl again; it resumes`, { cause: error, input: task.url });
  }
  return { state: 'failed', code, message: errorMessage(error), exchanges: 0, notModified: false, bytes: 0, status: 0, allowHosts: [], linkedFiles: [] };
}

function tallyResult(tally: Tally, result: TaskResult): void {
  tally.tasks[result.state] += 1;
  tally.exchanges += result.exchanges;
  tally.bytesReceived += result.bytes;
  if (result.notModified) tally.notModified += 1;
  if (result.state !== 'done' && result.code) tally.skipReasons[result.code] = (tally.skipReasons[result.code] ?? 0) + 1;
}
