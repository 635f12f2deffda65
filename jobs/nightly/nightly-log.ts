/**
 * The JSON-lines log of a nightly run: `<log dir>/nightly-<runId>.jsonl`, one object per line with `ts` (ISO),
 * `runId` and `type` from a fixed set (NIGHTLY_EVENT_TYPES, documented in the README). Each line is appended with one
 * write, so a killed run leaves whole lines.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const NIGHTLY_EVENT_TYPES = [
  /** A run started: as-of date, portals, ids of runs found interrupted. */
  'run-started',
  /** The crawl started or resumed (crawl run id). */
  'crawl-started',
  'page-fetched',
  'page-skipped',
  /** A report was extracted: new, new_version or unchanged. */
  'report',
  /** A page answered but held no report (evidence of absence). */
  'no-report',
  'crawl-finished',
  /** One portal's outcome: ok, degraded or unreachable, with counts and reasons. */
  'portal',
  /** A body × year status changed. */
  'status-changed',
  /** A failing cross-year check (cross.carry.*, cross.similar). */
  'cross-check',
  'run-finished',
  'run-failed',
  'run-interrupted',
] as const;

export type NightlyEventType = (typeof NIGHTLY_EVENT_TYPES)[number];

export interface NightlyLog {
  readonly file: string;
  write(type: NightlyEventType, fields?: Record<string, unknown>): void;
}

export function openNightlyLog(dir: string, runId: number, now: () => Date): NightlyLog {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `nightly-${runId}.jsonl`);
  return {
    file,
    write(type, fields = {}) {
      appendFileSync(file, `${JSON.stringify({ ts: now().toISOString(), runId, type, ...fields })}\n`);
    },
  };
}
