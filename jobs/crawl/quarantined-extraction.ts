/**
 * One report capture's extraction under the run's guards: skipped when quarantined, recorded as started (committed)
 * before it runs and as finished after, limited in time, and quarantined after its second crash or timeout seen by
 * the crawl. A capture whose earlier attempt ended with the crawl's own death is extracted in a separate process
 * (`isolated`), where a page that kills its process is seen doing so (store/extraction-quarantine.ts). A page that
 * cannot be read is recorded in extraction_problems with its code. Errors come out typed: the page's own SkipError, E_EXTRACTION_CRASHED for a bug, E_EXTRACTION_TIMEOUT,
 * E_QUARANTINED.
 */
import type { Database } from 'better-sqlite3';
import { errorMessage, isNianbaoError, SkipError, type ErrorCode, type NianbaoError } from '../../common/errors.ts';
import { EXTRACTOR_VERSION } from '../../extract/version.ts';
import {
  failedAttempts,
  findQuarantine,
  finishExtractionAttempt,
  isPoisoned,
  needsIsolation,
  quarantineCapture,
  startExtractionAttempt,
  type AttemptOutcome,
  type QuarantinedCapture,
} from '../../store/extraction-quarantine.ts';
import { recordExtractionProblem } from '../../store/extraction-problems.ts';
import { withExtractionDeadline } from '../extract/extraction-deadline.ts';

/** Attempts this process has started and not finished, per archive connection. */
const inFlight = new WeakMap<Database, Set<number>>();

/**
 * Close this process's unfinished attempts as `skipped` with `code`: the process is being stopped by a signal (SIGINT,
 * SIGTERM), which says nothing about the pages being extracted, so they must not count as crashes on the next run.
 * Attempts left unfinished by earlier, dead processes keep counting.
 */
export function closeInFlightAttempts(db: Database, code: ErrorCode): void {
  for (const attemptId of inFlight.get(db) ?? []) finishExtractionAttempt(db, attemptId, 'skipped', code);
  inFlight.delete(db);
}

export interface GuardedCapture {
  /** The capture holding the page's content. */
  readonly captureId: number;
  readonly runId: number;
  readonly url: string;
}

/** Failures that say nothing about the page: the archive or the disk. They neither count nor quarantine. */
function isLocalFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_') || code === 'ENOSPC' || code === 'E_DISK_FULL' || code === 'E_ARCHIVE');
}

/** Best effort: with the disk full this write may fail too, and the attempt then counts as one crash. */
function finishQuietly(db: Database, attemptId: number, error: unknown): void {
  try {
    finishExtractionAttempt(db, attemptId, 'skipped', String((error as { code?: unknown }).code ?? 'E_ARCHIVE'));
  } catch {
    // nothing more can be recorded
  }
}

function typed(error: unknown, url: string): NianbaoError {
  if (isNianbaoError(error)) return error;
  return new SkipError('E_EXTRACTION_CRASHED', `${url}: extraction crashed: ${errorMessage(error)}`, { input: url, cause: error });
}

function outcomeOf(error: NianbaoError): AttemptOutcome {
  if (error.code === 'E_EXTRACTION_TIMEOUT') return 'timeout';
  if (error.code === 'E_EXTRACTION_CRASHED') return 'crashed';
  return 'skipped';
}

/** Quarantines the capture when it has failed often enough; returns its quarantine, or null. */
function quarantineIfPoisoned(db: Database, capture: GuardedCapture, lastMessage: string): QuarantinedCapture | null {
  const failed = failedAttempts(db, capture.captureId, EXTRACTOR_VERSION);
  if (!isPoisoned(failed)) return null;
  quarantineCapture(db, {
    captureId: capture.captureId,
    extractorVersion: EXTRACTOR_VERSION,
    code: failed.lastCode ?? 'E_EXTRACTION_CRASHED',
    message: lastMessage,
    attempts: failed.count - failed.unfinished,
    runId: capture.runId,
  });
  return findQuarantine(db, capture.captureId, EXTRACTOR_VERSION);
}

function quarantinedError(q: QuarantinedCapture, url: string): SkipError {
  return new SkipError('E_QUARANTINED', `${url}: capture ${q.captureId} is quarantined after ${q.attempts} failed extractions (${q.code}): ${q.message}`, { input: url });
}

/**
 * Runs `work` under the guards. `work` gets the deadline's signal and whether it must extract in a separate process
 * (a crawl died during an earlier attempt of this capture).
 */
export async function extractQuarantined<T>(
  db: Database,
  capture: GuardedCapture,
  timeoutMs: number,
  work: (signal: AbortSignal, isolated: boolean) => Promise<T>,
): Promise<T> {
  const held = findQuarantine(db, capture.captureId, EXTRACTOR_VERSION);
  if (held !== null) throw quarantinedError(held, capture.url);
  const isolated = needsIsolation(failedAttempts(db, capture.captureId, EXTRACTOR_VERSION));
  const attemptId = startExtractionAttempt(db, { captureId: capture.captureId, extractorVersion: EXTRACTOR_VERSION, runId: capture.runId });
  const running = inFlight.get(db) ?? new Set<number>();
  inFlight.set(db, running.add(attemptId));
  try {
    const result = await withExtractionDeadline((signal) => work(signal, isolated), timeoutMs, capture.url);
    finishExtractionAttempt(db, attemptId, 'ok', null);
    return result;
  } catch (error) {
    if (isLocalFailure(error)) {
      finishQuietly(db, attemptId, error); // a full disk is not the page's fault: the attempt must not count as a crash
      throw error;
    }
    const failure = typed(error, capture.url);
    finishExtractionAttempt(db, attemptId, failure.code === 'E_NOT_A_REPORT' ? 'ok' : outcomeOf(failure), failure.code === 'E_NOT_A_REPORT' ? null : failure.code);
    if (failure.code === 'E_NOT_A_REPORT') throw failure;
    recordExtractionProblem(db, { captureId: capture.captureId, reportCaptureId: capture.captureId, code: failure.code, message: failure.message, extractorVersion: EXTRACTOR_VERSION });
    const quarantined = outcomeOf(failure) === 'skipped' ? null : quarantineIfPoisoned(db, capture, failure.message);
    throw quarantined === null ? failure : quarantinedError(quarantined, capture.url);
  } finally {
    inFlight.get(db)?.delete(attemptId);
  }
}
