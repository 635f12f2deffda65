/**
 * The nightly run: take the run lock, crawl every configured portal (resuming a crawl a killed run left), extract
 * what is new, run the watch (statuses as of today, cross-year checks), record a run row with counts and write a
 * JSON-lines log. The clock is injected (`now`), so tests drive the run through any sequence of days.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { errorMessage, isNianbaoError, StopError } from '../../common/errors.ts';
import type { FetcherOptions } from '../../crawlers/http/polite-fetcher.ts';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { upsertAgency } from '../../store/agencies.ts';
import { openArchive } from '../../store/open-archive.ts';
import { replaceExpectedBodies, type ExpectedBodyEntry } from '../../store/watch-expected.ts';
import { finishNightlyRun, markStaleNightlyRuns, setNightlyRunDetails, startNightlyRun } from '../../store/watch-runs.ts';
import type { CrawlEvent, CrawlEventSink } from '../crawl/crawl-events.ts';
import { registerPortals } from '../crawl/register-portals.ts';
import { runCrawl, type CrawlSummary } from '../crawl/run-crawl.ts';
import { chinaDate } from '../watch/dates.ts';
import { runWatch, type WatchSummary } from '../watch/run-watch.ts';
import { isDiskFull } from '../disk-full.ts';
import { openNightlyLog, type NightlyLog } from './nightly-log.ts';
import { portalHealth, type PortalHealth } from './portal-health.ts';
import { acquireRunLock, lockFileFor, type RunLock } from '../run-lock.ts';
import type { ExtractRunOptions } from '../crawl/extract-run-reports.ts';
import { closeInFlightAttempts } from '../crawl/quarantined-extraction.ts';

export interface NightlyOptions {
  readonly archiveFile: string;
  readonly portals: readonly PortalConfig[];
  /** The user's expected-bodies list; replaces the stored one. Absent: the stored list is used. */
  readonly expected?: { readonly entries: readonly ExpectedBodyEntry[]; readonly source: string };
  readonly fetcher?: Partial<FetcherOptions>;
  readonly concurrency?: number;
  /** Extraction settings (time limit per report page, OCR engine); default as the crawl's. */
  readonly extraction?: ExtractRunOptions;
  /** Where `nightly-<runId>.jsonl` goes. Default: `logs/` next to the archive. */
  readonly logDir?: string;
  /** The clock (statuses hold as of its date; captures are stamped with it). Default: the system clock. */
  readonly now?: () => Date;
  /** Crawl progress (the CLI's terminal display). */
  readonly onCrawlEvent?: CrawlEventSink;
  /** Options to record in the run row. */
  readonly recordedOptions?: unknown;
}

export interface NightlySummary {
  readonly nightlyRunId: number;
  readonly crawlRunId: number;
  readonly resumedCrawl: boolean;
  readonly asOf: string;
  readonly status: 'ok' | 'partial';
  readonly portals: readonly PortalHealth[];
  readonly counts: NightlyCounts;
  readonly watch: WatchSummary;
  readonly interruptedRuns: readonly number[];
  readonly logFile: string;
}

export interface NightlyCounts {
  readonly pagesFetched: number;
  readonly pagesSkipped: number;
  readonly pagesFailed: number;
  readonly exchanges: number;
  readonly notModified: number;
  readonly bytesReceived: number;
  readonly reports: CrawlSummary['reports'];
  readonly failuresByReason: Readonly<Record<string, number>>;
}

export interface NightlyRun {
  readonly done: Promise<NightlySummary>;
  /**
   * The process is being stopped (SIGINT/SIGTERM): mark the run interrupted, log it, release the lock. Synchronous,
   * for a signal handler that exits right after; the crawl run stays 'running' and the next night resumes it.
   */
  interrupt(signal: string): void;
}

interface State {
  lock: RunLock | null;
  db: Database | null;
  runId: number | null;
  log: NightlyLog | null;
  finished: boolean;
}

export function runNightly(options: NightlyOptions): Promise<NightlySummary> {
  return startNightly(options).done;
}

export function startNightly(options: NightlyOptions): NightlyRun {
  const now = options.now ?? (() => new Date());
  const state: State = { lock: null, db: null, runId: null, log: null, finished: false };
  const done = (async () => {
    state.lock = acquireRunLock(lockFileFor(options.archiveFile), now);
    try {
      state.db = openArchive(options.archiveFile);
      return await nightly(state.db, options, now, state);
    } catch (error) {
      recordFailure(state, error, now);
      if (isDiskFull(error) && !(isNianbaoError(error) && error.code === 'E_DISK_FULL')) {
        throw new StopError('E_DISK_FULL', `out of disk space while writing the archive or the log (${errorMessage(error)}): free space, then run nightly again; it resumes`, { cause: error });
      }
      throw error;
    } finally {
      close(state);
    }
  })();
  return {
    done,
    interrupt(signal) {
      if (state.finished) return;
      try {
        if (state.db !== null && state.runId !== null) finishNightlyRun(state.db, state.runId, { status: 'interrupted', finishedAt: now().toISOString(), counts: { signal } });
        // A page being extracted when the signal came did not crash the process: it must not count toward quarantine.
        if (state.db !== null) closeInFlightAttempts(state.db, 'E_INTERRUPTED');
        state.log?.write('run-interrupted', { signal });
      } finally {
        close(state);
      }
    },
  };
}

async function nightly(db: Database, options: NightlyOptions, now: () => Date, state: State): Promise<NightlySummary> {
  const started = now();
  const asOf = chinaDate(started);
  const interruptedRuns = markStaleNightlyRuns(db, started.toISOString());
  const runId = startNightlyRun(db, { startedAt: started.toISOString(), asOf, pid: process.pid, options: options.recordedOptions ?? {} });
  state.runId = runId;
  const log = openNightlyLog(options.logDir ?? path.join(path.dirname(path.resolve(options.archiveFile)), 'logs'), runId, now);
  state.log = log;
  setNightlyRunDetails(db, runId, { logFile: log.file });
  const portalIds = options.portals.map((p) => p.id);
  log.write('run-started', { asOf, portals: portalIds, interruptedRuns, expected: options.expected?.source ?? null, pid: process.pid });

  registerPortals(db, options.portals);
  if (options.expected !== undefined) registerExpected(db, options.expected.entries, options.expected.source);

  const crawl = await runCrawl(db, {
    portals: options.portals,
    fetcher: { ...options.fetcher, now },
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.extraction === undefined ? {} : { extraction: options.extraction }),
    onEvent: (event) => {
      if (event.type === 'run-started') setNightlyRunDetails(db, runId, { crawlRunId: event.runId });
      logCrawlEvent(log, event);
      options.onCrawlEvent?.(event);
    },
  });
  const { reports, skipReasons, tasks } = crawl;
  log.write('crawl-finished', { crawlRunId: crawl.runId, status: crawl.status, tasks, reports, failuresByReason: skipReasons });

  const portals = portalHealth(db, crawl.runId, options.portals);
  for (const p of portals) log.write('portal', { ...p });

  const watch = runWatch(db, { portals: options.portals, asOf }, runId);
  for (const change of watch.changes) log.write('status-changed', { ...change });
  for (const check of watch.failingCrossChecks) log.write('cross-check', { ...check });

  const status = crawl.status === 'ok' && portals.every((p) => p.state === 'ok') ? 'ok' : 'partial';
  const counts: NightlyCounts = {
    pagesFetched: tasks.done,
    pagesSkipped: tasks.skipped,
    pagesFailed: tasks.failed,
    exchanges: crawl.exchanges,
    notModified: crawl.notModified,
    bytesReceived: crawl.bytesReceived,
    reports,
    failuresByReason: skipReasons,
  };
  const summary: NightlySummary = { nightlyRunId: runId, crawlRunId: crawl.runId, resumedCrawl: crawl.resumed, asOf, status, portals, counts, watch, interruptedRuns, logFile: log.file };
  finishNightlyRun(db, runId, {
    status,
    finishedAt: now().toISOString(),
    counts: { ...counts, crawlRunId: crawl.runId, resumedCrawl: crawl.resumed, portals, statuses: watch.counts, statusChanges: watch.changes.length, crossChecks: watch.crossChecks },
  });
  log.write('run-finished', { status, asOf, counts, statuses: watch.counts, portals: portals.map((p) => ({ portalId: p.portalId, state: p.state })) });
  return summary;
}

/** Store the user's list, and register its bodies as agencies so that the crawl probes their xxgk pages. */
function registerExpected(db: Database, entries: readonly ExpectedBodyEntry[], source: string): void {
  replaceExpectedBodies(db, entries, source);
  db.transaction(() => {
    for (const e of entries) {
      if (e.action === 'add') upsertAgency(db, { portalId: e.portalId, key: e.key, name: e.name ?? '', kind: e.kind, source: 'config' });
    }
  })();
}

function logCrawlEvent(log: NightlyLog, event: CrawlEvent): void {
  switch (event.type) {
    case 'run-started':
      log.write('crawl-started', { crawlRunId: event.runId, resumed: event.resumed, portals: event.portals });
      break;
    case 'fetched':
      log.write('page-fetched', { portalId: event.portalId, url: event.url, kind: event.kind, status: event.status, captures: event.captures });
      break;
    case 'skipped':
      log.write('page-skipped', { portalId: event.portalId, url: event.url, kind: event.kind, code: event.code, message: event.message });
      break;
    case 'report':
      log.write('report', { url: event.url, outcome: event.outcome, reportId: event.reportId, title: event.title });
      break;
    case 'no-report':
      log.write('no-report', { url: event.url, code: event.code });
      break;
    case 'run-finished':
      break; // the nightly's own crawl-finished line carries the counts
  }
}

function recordFailure(state: State, error: unknown, now: () => Date): void {
  const code = isDiskFull(error) ? 'E_DISK_FULL' : isNianbaoError(error) ? error.code : 'E_INTERNAL';
  try {
    if (state.db !== null && state.runId !== null) {
      finishNightlyRun(state.db, state.runId, { status: 'failed', finishedAt: now().toISOString(), counts: {}, errorCode: code, errorMessage: errorMessage(error) });
    }
  } catch {
    // The archive may be what failed (disk full): the row stays 'running' and the next run marks it interrupted.
  }
  try {
    state.log?.write('run-failed', { code, message: errorMessage(error) });
  } catch {
    // The log may be on the full disk too.
  }
}

function close(state: State): void {
  state.finished = true;
  try {
    state.db?.close();
  } finally {
    state.db = null;
    state.lock?.release();
    state.lock = null;
  }
}
