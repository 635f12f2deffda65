/**
 * Per-host scheduling of a run's frontier (issue 13): each host is its own queue — its pending items stay in the
 * archive and are claimed one at a time — with at most one task in flight per host, up to `maxInFlight` hosts at once,
 * and the next task always taken from a host whose gap (politeness delay, robots.txt Crawl-delay, Retry-After) has
 * passed. Hosts are visited in turn from a cursor, so none waits behind the others. Memory holds the tasks in flight
 * and a window of host names (host-window.ts, read again every `hostListRefreshMs`), never the frontier's URLs: a
 * frontier of 10⁵ pending items costs what 10 does.
 */
import type { Database } from 'better-sqlite3';
import { claimNextOfHost, pendingHosts, type FrontierItem } from '../../store/frontier.ts';
import { HostWindow } from './host-window.ts';

export interface HostSchedulerOptions {
  /** Hosts with a task in flight at once (the global limit on open connections). */
  readonly maxInFlight: number;
  /** When (ms since the epoch) a host may next start a request. */
  readonly readyAt: (host: string) => number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** True once the run is being stopped: no more tasks start. */
  readonly stopped: () => boolean;
  /** How long the list of hosts with pending work is reused before it is read again (ms). Default 250. */
  readonly hostListRefreshMs?: number;
}

/** A host that gains work (a link to a new host, a host drained and refilled) waits at most this long to be seen. */
export const DEFAULT_HOST_LIST_REFRESH_MS = 250;

type Pick = { readonly kind: 'ready'; readonly host: string } | { readonly kind: 'wait'; readonly ms: number } | { readonly kind: 'none' };

/**
 * Runs `work` for every pending item of the run (and every item enqueued meanwhile) until none is pending, the run
 * is stopped, or a task throws — then waits for the tasks in flight and rethrows the first error.
 */
export async function workFrontierByHost(db: Database, runId: number, work: (item: FrontierItem) => Promise<void>, options: HostSchedulerOptions): Promise<void> {
  const inFlight = new Map<string, Promise<void>>();
  const window = Math.max(64, 4 * options.maxInFlight);
  const refreshMs = options.hostListRefreshMs ?? DEFAULT_HOST_LIST_REFRESH_MS;
  const hosts = new HostWindow({ read: (after, limit) => pendingHosts(db, runId, after, limit), refreshMs, now: options.now });
  let cursor = '';
  let failure: { readonly error: unknown } | null = null;
  for (;;) {
    let pick: Pick = { kind: 'none' };
    while (failure === null && !options.stopped() && inFlight.size < options.maxInFlight) {
      pick = pickHost(hosts.after(cursor, window + inFlight.size), inFlight, options);
      // Nothing to start by the list in hand: read the frontier itself before waiting or ending (work may have come).
      if (pick.kind === 'none') pick = pickHost(hosts.after(cursor, window + inFlight.size, true), inFlight, options);
      if (pick.kind !== 'ready') break;
      const host = pick.host;
      cursor = host;
      const item = claimNextOfHost(db, runId, host);
      if (item === null) {
        hosts.drop(host);
        continue;
      }
      const task = work(item)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(host));
      inFlight.set(host, task);
    }
    if (failure !== null || options.stopped()) break;
    const waits: Promise<unknown>[] = [...inFlight.values()];
    // A wait is cut short at the list's refresh, so a host that gained work meanwhile is not left waiting.
    if (pick.kind === 'wait') waits.push(options.sleep(Math.min(pick.ms, refreshMs)));
    if (waits.length === 0) return; // nothing pending, nothing in flight
    await Promise.race(waits);
  }
  await Promise.allSettled(inFlight.values());
  if (failure !== null) throw (failure as { readonly error: unknown }).error;
}

/** The first of `hosts` (in turn after the cursor) with nothing in flight and its gap passed; else how long to wait. */
function pickHost(hosts: readonly string[], inFlight: ReadonlyMap<string, unknown>, options: HostSchedulerOptions): Pick {
  const now = options.now();
  let soonest = Number.POSITIVE_INFINITY;
  for (const host of hosts) {
    if (inFlight.has(host)) continue;
    const readyAt = options.readyAt(host);
    if (readyAt <= now) return { kind: 'ready', host };
    soonest = Math.min(soonest, readyAt);
  }
  return soonest === Number.POSITIVE_INFINITY ? { kind: 'none' } : { kind: 'wait', ms: Math.max(1, soonest - now) };
}
