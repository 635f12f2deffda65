/**
 * How a crawl task ended, from its fetch outcome. The rule behind the exit codes: `failed` is every page that could not
 * be fetched or read — down, refused connection, timeout, cut-off body, too large, redirect loop, host refused, a
 * robots.txt that could not be fetched, 403/5xx, a JS challenge — and makes the run partial; `skipped` is only an
 * answer that is itself the evidence: 404/410 (the page is not there) and the site's robots.txt saying no.
 */
import type { NianbaoError } from '../../common/errors.ts';

export type TaskState = 'done' | 'skipped' | 'failed';

/** Final statuses that answer "not here": recorded as evidence of absence, not as a failure. */
const GONE_STATUSES: ReadonlySet<number> = new Set([404, 410]);

export function taskState(error: NianbaoError | null, finalStatus: number | null): TaskState {
  if (error === null) return 'done';
  if (error.code === 'E_ROBOTS_DISALLOWED') return 'skipped';
  if (error.code === 'E_HTTP_STATUS' && finalStatus !== null && GONE_STATUSES.has(finalStatus)) return 'skipped';
  return 'failed';
}

/**
 * Reasons for a failure on our side (a bug, an archive write that threw, the disk filling up): the page was never
 * judged, so a resumed run tries it again. E_ATTEMPTS_EXHAUSTED is not among them: that page already stopped the
 * process three times.
 */
export const LOCAL_FAILURE_CODES: readonly string[] = ['E_INTERNAL', 'E_DISK_FULL', 'E_ARCHIVE'];
