/**
 * One crawl run: seeds → frontier (in the archive, so a killed run resumes) → polite fetches → a capture per
 * exchange → links discovered from the captured bytes → reports extracted from captures into the archive.
 */
import type { Database } from 'better-sqlite3';
import PQueue from 'p-queue';
import { errorMessage } from '../../common/errors.ts';
import type { CrawlTask } from '../../crawlers/adapter.ts';
import { PoliteFetcher, type FetcherOptions } from '../../crawlers/http/polite-fetcher.ts';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { adapterFor } from '../../crawlers/registry.ts';
import { findInterruptedRun, finishRun, startRun } from '../../store/runs.ts';
import { enqueue, markDone, nextPending } from '../../store/frontier.ts';
import { CRAWLER_VERSION } from '../version.ts';
import { ignoreEvents, type CrawlEventSink } from './crawl-events.ts';
import { HostPolicy } from './host-policy.ts';
import { RobotsEvidence } from './robots-evidence.ts';
import { registerPortals, knownAgencies } from './register-portals.ts';
import { fetchAndRecord, type TaskResult } from './fetch-and-record.ts';
import { extractRunReports, type ExtractionCounts } from './extract-run-reports.ts';
import { taskFromFrontier, toFrontierItem } from './frontier-task.ts';
import { reviewPortals } from './portal-findings.ts';

export interface CrawlJobOptions {
  readonly portals: readonly PortalConfig[];
  /** Fetcher settings (delays, timeouts, limits); defaults are the polite ones. */
  readonly fetcher?: Partial<FetcherOptions>;
  /** Tasks in flight at once across hosts (each host still gets one connection). Default 4. */
  readonly concurrency?: number;
  /** Links deeper than this from a seed are not followed. Default 8. */
  readonly maxDepth?: number;
  readonly onEvent?: CrawlEventSink;
}

export interface CrawlSummary {
  readonly runId: number;
  readonly resumed: boolean;
  readonly status: 'ok' | 'partial';
  readonly tasks: { done: number; skipped: number; failed: number };
  readonly exchanges: number;
  readonly notModified: number;
  readonly bytesReceived: number;
  readonly skipReasons: Readonly<Record<string, number>>;
  readonly reports: ExtractionCounts;
}

const WAVE = 200;

export async function runCrawl(db: Database, options: CrawlJobOptions): Promise<CrawlSummary> {
  const onEvent = options.onEvent ?? ignoreEvents;
  const portals = options.portals;
  registerPortals(db, portals);
  const portalIds = portals.map((p) => p.id).sort();
  const interrupted = findInterruptedRun(db, 'crawl');
  const resumed = interrupted !== null && samePortals(interrupted.options, portalIds);
  if (interrupted !== null && !resumed) finishRun(db, interrupted.id, { status: 'interrupted', counts: {} });
  const runId = resumed ? interrupted.id : startRun(db, { kind: 'crawl', crawlerVersion: CRAWLER_VERSION, options: { portals: portalIds } });
  if (!resumed) enqueueSeeds(db, runId, portals);
  onEvent({ type: 'run-started', runId, resumed, portals: portalIds });

  const hosts = new HostPolicy(portals);
  const robotsEvidence = new RobotsEvidence(db, runId, portals);
  const fetcher = new PoliteFetcher({
    ...options.fetcher,
    isHostAllowed: (url) => hosts.isAllowed(url),
    onExchange: (purpose, url, exchange) => {
      if (purpose === 'robots') robotsEvidence.record(url, exchange);
    },
  });
  const tally = newTally();
  try {
    await crawlFrontier(db, runId, { portals, fetcher, hosts, robotsEvidence, tally, onEvent, options });
  } finally {
    fetcher.close();
  }
  const reports = await extractRunReports(db, runId, portals, onEvent);
  // A portal that led to no report page says why (E_NOTHING_FOUND), and the run is not 'ok'.
  const nothingFound = reviewPortals(db, runId, portals, onEvent);
  if (nothingFound.length > 0) tally.skipReasons['E_NOTHING_FOUND'] = nothingFound.length;
  const status = nothingFound.length > 0 || tally.tasks.failed > 0 || reports.failed > 0 ? 'partial' : 'ok';
  const summary: CrawlSummary = { runId, resumed, status, ...tally, reports };
  finishRun(db, runId, { status, counts: summary });
  onEvent({ type: 'run-finished', runId, status });
  return summary;
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
}

/** Work through the run's frontier in waves until nothing is pending; new links join later waves. */
async function crawlFrontier(db: Database, runId: number, ctx: CrawlContext): Promise<void> {
  const queue = new PQueue({ concurrency: ctx.options.concurrency ?? 4 });
  const portalById = new Map(ctx.portals.map((p) => [p.id, p]));
  for (;;) {
    const wave = nextPending(db, runId, WAVE).map(taskFromFrontier);
    if (wave.length === 0) return;
    // Flip-book tasks exist only because a report linked them: their host is allowed (again, after a resume).
    for (const task of wave) if (task.kind === 'flipbook') ctx.hosts.allow(new URL(task.url).host);
    await queue.addAll(wave.map((task) => () => runTask(db, runId, task, portalById.get(task.portalId), ctx)));
  }
}

async function runTask(db: Database, runId: number, task: CrawlTask, portal: PortalConfig | undefined, ctx: CrawlContext): Promise<void> {
  let result: TaskResult;
  ctx.robotsEvidence.noteTask(task);
  try {
    result = await fetchAndRecord(db, runId, task, portal, ctx.fetcher, ctx.options.maxDepth ?? 8);
  } catch (error) {
    // A bug or an archive failure on one task must not lose the others: record it and go on.
    markDone(db, runId, task.url, 'failed', 'E_INTERNAL');
    result = { state: 'failed', code: 'E_INTERNAL', message: errorMessage(error), exchanges: 0, notModified: false, bytes: 0, status: 0, allowHosts: [] };
    ctx.onEvent({ type: 'skipped', portalId: task.portalId, url: task.url, kind: task.kind, code: 'E_INTERNAL', message: errorMessage(error) });
  }
  tallyResult(ctx.tally, result);
  for (const host of result.allowHosts) ctx.hosts.allow(host);
  if (result.state === 'done') ctx.onEvent({ type: 'fetched', portalId: task.portalId, url: task.url, kind: task.kind, status: result.status, captures: result.exchanges });
  else ctx.onEvent({ type: 'skipped', portalId: task.portalId, url: task.url, kind: task.kind, code: result.code ?? 'E_UNKNOWN', message: result.message ?? '' });
}

function tallyResult(tally: Tally, result: TaskResult): void {
  tally.tasks[result.state] += 1;
  tally.exchanges += result.exchanges;
  tally.bytesReceived += result.bytes;
  if (result.notModified) tally.notModified += 1;
  if (result.state !== 'done' && result.code) tally.skipReasons[result.code] = (tally.skipReasons[result.code] ?? 0) + 1;
}
