/**
 * How each portal fared in a crawl run, from the run's frontier: `unreachable` when nothing of it could be fetched
 * (down, timing out, 403 to everything), `degraded` when some pages failed after their retries, else `ok`.
 */
import type { Database } from 'better-sqlite3';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { portalTaskCounts } from '../../store/watch-evidence.ts';

export type PortalState = 'ok' | 'degraded' | 'unreachable';

export interface PortalHealth {
  readonly portalId: string;
  readonly state: PortalState;
  readonly done: number;
  readonly skipped: number;
  readonly failed: number;
  readonly pending: number;
  /** Reason code → pages skipped or failed for it. */
  readonly reasons: Readonly<Record<string, number>>;
}

export function portalHealth(db: Database, runId: number, portals: readonly PortalConfig[]): PortalHealth[] {
  const rows = portalTaskCounts(db, runId);
  return portals.map((portal) => {
    const counts = { done: 0, skipped: 0, failed: 0, pending: 0 };
    const reasons: Record<string, number> = {};
    for (const row of rows.filter((r) => r.portalId === portal.id)) {
      counts[row.state] += row.count;
      if (row.reasonCode !== null) reasons[row.reasonCode] = (reasons[row.reasonCode] ?? 0) + row.count;
    }
    const total = counts.done + counts.skipped + counts.failed + counts.pending;
    const state: PortalState = total > 0 && counts.done === 0 ? 'unreachable' : counts.failed > 0 ? 'degraded' : 'ok';
    return { portalId: portal.id, state, ...counts, reasons };
  });
}
