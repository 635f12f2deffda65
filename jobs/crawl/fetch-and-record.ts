/**
 * Fetch one task, record every exchange as a capture, read the response for links, and update the frontier —
 * all writes in one transaction, so a crash leaves either the whole task or none of it.
 */
import type { Database } from 'better-sqlite3';
import { detectCharset, decodeBody } from '../../common/charset.ts';
import { RetryableError, StopError, type ErrorCode } from '../../common/errors.ts';
import { NOTHING_FOUND, type CrawlTask, type Discovery, type FetchedPage } from '../../crawlers/adapter.ts';
import { passChallenge } from '../../crawlers/browser/challenge-pass.ts';
import type { Exchange, FetchOutcome } from '../../crawlers/http/exchange.ts';
import type { PoliteFetcher } from '../../crawlers/http/polite-fetcher.ts';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { detectChallenge } from '../../crawlers/browser/challenge.ts';
import { adapterFor } from '../../crawlers/registry.ts';
import { upsertAgency } from '../../store/agencies.ts';
import { notModifiedContent } from '../../store/captured-body.ts';
import { getCaptureBody, insertCapture, latestValidators } from '../../store/captures.ts';
import { enqueue, markDone } from '../../store/frontier.ts';
import { toFrontierItem } from './frontier-task.ts';
import { taskState, type TaskState } from './task-state.ts';
import { isFileKind, isTextKind, purposeOf } from './task-purpose.ts';
import { pageLimitError } from '../../extract/html/page-limits.ts';

export interface TaskResult {
  readonly state: TaskState;
  readonly code?: ErrorCode;
  readonly message?: string;
  readonly status: number;
  readonly exchanges: number;
  readonly notModified: boolean;
  readonly bytes: number;
  readonly allowHosts: readonly string[];
  /** Files the response links that a report's extraction reads (images, attachments, flip-book pages), by URL. */
  readonly linkedFiles: readonly string[];
}

export async function fetchAndRecord(
  db: Database,
  runId: number,
  task: CrawlTask,
  portal: PortalConfig | undefined,
  fetcher: PoliteFetcher,
  maxDepth: number,
  mayRecord: () => boolean = () => true,
): Promise<TaskResult> {
  const validators = latestValidators(db, task.url);
  // A JavaScript challenge (412/202/521, `$_ts`, `__jsl_clearance` …) is retried in a real browser (crawlers/browser).
  const fetched = await passChallenge(fetcher, await fetcher.fetch(task.url, validators ?? undefined), validators ?? undefined);
  // The run was interrupted while this fetch was under way: its (cut-off) outcome is not recorded.
  if (!mayRecord()) throw new StopError('E_INTERRUPTED', `GET ${task.url}: the crawl was interrupted; the resumed run fetches it again`, { input: task.url });
  const charset = textCharset(task, fetched.final);
  const outcome = charset === null ? fetched : refuseChallenge(fetched);
  const text = outcome.error === null && charset !== null && outcome.final !== null ? decodeBody(outcome.final.body, charset) : null;
  const page = outcome.error === null ? readPage(db, task, outcome, text) : null;
  // A page beyond any report page (extract/html/page-limits.ts) is captured but never parsed for links: adapters build
  // a DOM of what they read, and a 49 MB table would take gigabytes. A report page's extraction records why
  // (E_PAGE_TOO_LARGE / E_PAGE_TOO_DEEP); any other page (a catalogue, a listing) fails here with that code.
  const unreadable = page === null ? null : pageLimitError(page.text, task.url);
  const discovery = page !== null && unreadable === null && portal !== undefined && task.depth < maxDepth ? adapterFor(portal).discover(task, page, portal) : NOTHING_FOUND;
  const failure = outcome.error ?? (task.kind === 'report' ? null : unreadable);
  const state = taskState(failure, outcome.final?.status ?? null);
  db.transaction(() => {
    recordExchanges(db, runId, task, outcome, charset);
    recordDiscovery(db, runId, task, discovery);
    markDone(db, runId, task.url, state, failure?.code);
  })();
  return {
    state,
    ...(failure === null ? {} : { code: failure.code, message: failure.message }),
    status: outcome.final?.status ?? 0,
    exchanges: outcome.exchanges.length,
    notModified: outcome.final?.status === 304,
    bytes: outcome.exchanges.reduce((sum, ex) => sum + ex.body.length, 0),
    allowHosts: discovery.allowHosts,
    linkedFiles: discovery.tasks.filter((t) => isFileKind(t.kind)).map((t) => t.url),
  };
}

function textCharset(task: CrawlTask, final: Exchange | null): string | null {
  if (final === null || final.status !== 200 || !isTextKind(task.kind)) return null;
  return detectCharset(final.headers, final.body).charset;
}

/**
 * A 200 whose body is an anti-bot JavaScript challenge (crawlers/browser/challenge.ts): the fetch did not get the page.
 * The final exchange is recorded with E_JS_CHALLENGE (so its capture is never read as content), and the task fails
 * with it, to be fetched again next run.
 */
function refuseChallenge(outcome: FetchOutcome): FetchOutcome {
  const final = outcome.final;
  if (outcome.error !== null || final === null || detectChallenge(final) === null) return outcome;
  const error = new RetryableError('E_JS_CHALLENGE', `GET ${final.url}: the server answered an anti-bot JavaScript challenge instead of the page; try again later`, { input: final.url });
  const marked = { ...final, error };
  return { ...outcome, exchanges: outcome.exchanges.map((ex) => (ex === final ? marked : ex)), final: marked, error };
}

/** The page to read for links: this response (its decoded `text`), or — on 304 Not Modified — the archived copy it confirmed. */
function readPage(db: Database, task: CrawlTask, outcome: FetchOutcome, text: string | null): FetchedPage | null {
  const final = outcome.final;
  if (final === null || !isTextKind(task.kind)) return null;
  if (final.status === 200) {
    return text === null ? null : { url: outcome.finalUrl, status: 200, contentType: final.headers['content-type'] ?? '', text };
  }
  if (final.status !== 304) return null;
  const archived = notModifiedContent(db, task.url);
  const body = archived === null ? null : getCaptureBody(db, archived.id);
  if (archived === null || body === null) return null;
  return { url: archived.finalUrl, status: 200, contentType: archived.contentType ?? '', text: decodeBody(body, archived.charset ?? 'utf-8') };
}

function recordExchanges(db: Database, runId: number, task: CrawlTask, outcome: FetchOutcome, charset: string | null): void {
  for (const exchange of outcome.exchanges) {
    insertCapture(db, {
      runId,
      portalId: task.portalId,
      requestedUrl: task.url,
      finalUrl: outcome.finalUrl,
      purpose: purposeOf(task.kind),
      charset: exchange === outcome.final ? charset : null,
      exchange,
    });
  }
}

function recordDiscovery(db: Database, runId: number, task: CrawlTask, discovery: Discovery): void {
  for (const agency of discovery.agencies) {
    upsertAgency(db, { portalId: task.portalId, key: agency.key, name: agency.name, kind: agency.kind, source: 'catalogue' });
  }
  if (discovery.tasks.length > 0) enqueue(db, runId, discovery.tasks.map(toFrontierItem));
}
