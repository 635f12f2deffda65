/**
 * The browser path: a plain fetch that met a JavaScript challenge is retried in a real browser.
 *
 *   plain fetch → challenge? → (host blocked this run → E_BLOCKED_BY_CHALLENGE)
 *                            → the host's cookies were sent and stopped working → dropped
 *                            → load the URL in Chromium (one visit per host at a time; a task that finds a visit
 *                              under way waits for it and tries plain again with the cookies it earned)
 *                            → passed: the browser's cookies go to the plain fetcher's jar for the host (same
 *                              User-Agent), the browser's document is the answer
 *                            → not passed: the host is blocked for the run (E_BLOCKED_BY_CHALLENGE)
 *
 * The outcome keeps every exchange: the plain challenge, each browser exchange (the challenge again, its script,
 * the reload, the page's images and XHR), the final document last. Challenge answers carry the error E_JS_CHALLENGE,
 * so their captures are never read as a page or as evidence that a page is absent.
 */
import { SkipError, RetryableError, type NianbaoError } from '../../common/errors.ts';
import type { Exchange, FetchOutcome, Validators } from '../http/exchange.ts';
import { hostKey } from '../http/host-queue.ts';
import { statusError } from '../http/outcome.ts';
import type { PoliteFetcher } from '../http/polite-fetcher.ts';
import { visitInBrowser, type BrowserVisit } from './browser-visit.ts';
import { detectChallenge } from './challenge.ts';
import { launchChromium, type BrowserLauncher } from './launch.ts';
import type { Browser } from 'playwright-core';

interface BrowserPath {
  browser: Promise<Browser> | null;
  readonly launch: BrowserLauncher;
  /** Hosts no browser could pass this run, with the reason. */
  readonly blocked: Map<string, NianbaoError>;
  /** Visits under way, per host. */
  readonly visits: Map<string, Promise<BrowserVisit>>;
}

const PATHS = new WeakMap<PoliteFetcher, BrowserPath>();
/** A visit may take at least this long (a loaded machine starts and runs Chromium slowly), `--timeout` if longer. */
const MIN_VISIT_MS = 30_000;

/** The browser path of a fetcher: started on first need, closed with the fetcher. */
function pathOf(fetcher: PoliteFetcher, launch: BrowserLauncher = launchChromium): BrowserPath {
  let path = PATHS.get(fetcher);
  if (path === undefined) {
    const created: BrowserPath = { browser: null, launch, blocked: new Map(), visits: new Map() };
    fetcher.onClose(() => {
      void created.browser?.then((b) => b.close()).catch(() => undefined);
    });
    PATHS.set(fetcher, created);
    path = created;
  }
  return path;
}

/** `outcome` unchanged unless its answer is a JavaScript challenge; then the browser path's outcome. */
export async function passChallenge(fetcher: PoliteFetcher, outcome: FetchOutcome, validators?: Validators, launch?: BrowserLauncher): Promise<FetchOutcome> {
  const final = outcome.final;
  if (final === null || detectChallenge(final) === null) return outcome;
  const path = pathOf(fetcher, launch);
  const url = new URL(final.url);
  const host = hostKey(url);
  const plain = markChallenges(outcome.exchanges);
  const blocked = path.blocked.get(host);
  if (blocked !== undefined) return failed(outcome, plain, blocked);
  if (final.requestHeaders['cookie'] !== undefined) fetcher.cookies.clear(url);
  const running = path.visits.get(host);
  if (running !== undefined) return afterOthersVisit(fetcher, path, outcome, plain, running, validators);
  return ownVisit(fetcher, path, outcome, plain);
}

async function ownVisit(fetcher: PoliteFetcher, path: BrowserPath, outcome: FetchOutcome, plain: readonly Exchange[]): Promise<FetchOutcome> {
  const url = new URL(outcome.final!.url);
  const host = hostKey(url);
  const visit = startVisit(fetcher, path, url.href);
  path.visits.set(host, visit);
  let result: BrowserVisit;
  try {
    result = await visit;
  } catch (error) {
    const reason = error instanceof SkipError ? error : new SkipError('E_BLOCKED_BY_CHALLENGE', `GET ${url.href}: the browser failed (${String(error)})`, { input: url.href });
    path.blocked.set(host, reason);
    return failed(outcome, plain, reason);
  } finally {
    path.visits.delete(host);
  }
  const exchanges = [...plain, ...markChallenges(result.exchanges)];
  if (!result.passed || result.document === null) {
    const reason = new SkipError('E_BLOCKED_BY_CHALLENGE', `GET ${url.href}: the host answers a JavaScript challenge that a real browser did not pass either (${result.exchanges.length} browser exchanges); its pages are unknown this run`, { input: url.href });
    path.blocked.set(host, reason);
    return failed(outcome, exchanges, reason);
  }
  fetcher.cookies.set(url, result.cookies);
  const document = result.document;
  return { requestedUrl: outcome.requestedUrl, exchanges, final: document, finalUrl: document.url, error: statusError(document) };
}

async function startVisit(fetcher: PoliteFetcher, path: BrowserPath, url: string): Promise<BrowserVisit> {
  path.browser ??= path.launch();
  const browser = await path.browser.catch((error: unknown) => {
    path.browser = null;
    throw error;
  });
  return visitInBrowser(browser, fetcher, url, Math.max(fetcher.options.timeoutMs, MIN_VISIT_MS));
}

/** Another task is passing this host's challenge: wait, then fetch plainly with the cookies it earned. */
async function afterOthersVisit(fetcher: PoliteFetcher, path: BrowserPath, outcome: FetchOutcome, plain: readonly Exchange[], running: Promise<BrowserVisit>, validators?: Validators): Promise<FetchOutcome> {
  await running.catch(() => undefined);
  const blocked = path.blocked.get(hostKey(new URL(outcome.final!.url)));
  if (blocked !== undefined) return failed(outcome, plain, blocked);
  const again = await fetcher.fetch(outcome.requestedUrl, validators);
  if (again.final !== null && detectChallenge(again.final) !== null) {
    const retried = await passChallenge(fetcher, again, validators, path.launch);
    return { ...retried, exchanges: [...plain, ...retried.exchanges] };
  }
  return { ...again, exchanges: [...plain, ...again.exchanges] };
}

function failed(outcome: FetchOutcome, exchanges: readonly Exchange[], error: NianbaoError): FetchOutcome {
  const final = [...exchanges].reverse().find((ex) => ex.status !== 0) ?? null;
  return { requestedUrl: outcome.requestedUrl, exchanges, final, finalUrl: final?.url ?? outcome.finalUrl, error };
}

/** Challenge answers carry E_JS_CHALLENGE: evidence of the challenge, never content. */
function markChallenges(exchanges: readonly Exchange[]): Exchange[] {
  return exchanges.map((ex) => {
    if (ex.error !== null || detectChallenge(ex) === null) return ex;
    return { ...ex, error: new RetryableError('E_JS_CHALLENGE', `GET ${ex.url}: HTTP ${ex.status} JavaScript challenge instead of the page`, { input: ex.url }) };
  });
}
