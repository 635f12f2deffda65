import type { ErrorCode } from '../../common/errors.ts';

/** Events a crawl reports while it runs; the CLI turns them into progress lines or JSON-lines logs. */
export type CrawlEvent =
  | { readonly type: 'run-started'; readonly runId: number; readonly resumed: boolean; readonly portals: readonly string[] }
  | { readonly type: 'fetched'; readonly portalId?: string; readonly url: string; readonly kind: string; readonly status: number; readonly captures: number }
  | { readonly type: 'skipped'; readonly portalId?: string; readonly url: string; readonly kind: string; readonly code: ErrorCode; readonly message: string }
  | { readonly type: 'report'; readonly url: string; readonly outcome: string; readonly reportId: number | null; readonly title: string | null }
  | { readonly type: 'no-report'; readonly url: string; readonly code: ErrorCode; readonly message: string }
  | { readonly type: 'run-finished'; readonly runId: number; readonly status: string };

export type CrawlEventSink = (event: CrawlEvent) => void;

export const ignoreEvents: CrawlEventSink = () => undefined;
