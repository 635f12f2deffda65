import type { ErrorCode } from '../../common/errors.ts';

/** Events a crawl reports while it runs; the CLI turns them into progress lines or JSON-lines logs. */
export type CrawlEvent =
  | { readonly type: 'run-started'; readonly runId: number; readonly resumed: boolean; readonly portals: readonly string[] }
  | { readonly type: 'fetched'; readonly portalId?: string; readonly url: string; readonly kind: string; readonly status: number; readonly captures: number }
  | { readonly type: 'skipped'; readonly portalId?: string; readonly url: string; readonly kind: string; readonly code: ErrorCode; readonly message: string }
  | { readonly type: 'report'; readonly url: string; readonly outcome: string; readonly reportId: number | null; readonly title: string | null }
  | { readonly type: 'no-report'; readonly url: string; readonly code: ErrorCode; readonly message: string }
  | { readonly type: 'progress'; readonly progress: CrawlProgress }
  | { readonly type: 'run-finished'; readonly runId: number; readonly status: string };

/** A snapshot of a running crawl for progress displays (jobs/crawl/progress-line.ts), sent every second. */
export interface CrawlProgress {
  /** Since the run started in this process. */
  readonly elapsedMs: number;
  /** Hosts with a request under way (one each at most). */
  readonly hostsActive: number;
  /** Fetch tasks ended in this process (fetched, skipped or failed). */
  readonly pages: number;
  /** Report pages extracted in this process, whatever the outcome. */
  readonly reports: number;
  /** Frontier items waiting to be fetched (not under way). */
  readonly queuedFetches: number;
  /** Report pages handed to extraction and not finished (running included). */
  readonly queuedExtractions: number;
  /** Report pages fetched that wait for the files they link before extraction. */
  readonly waitingForFiles: number;
}

export type CrawlEventSink = (event: CrawlEvent) => void;

export const ignoreEvents: CrawlEventSink = () => undefined;
