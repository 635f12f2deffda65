/**
 * Progress of a nightly run on a terminal: one status line, rewritten in place: the crawl's progress (hosts active,
 * pages/s, reports/s, what is queued: jobs/crawl/progress-line.ts) once it has sent one, then per-portal counts
 * (`yanzhou 42 fetched 1 skipped | wendeng …`) for up to MAX_PORTALS_SHOWN portals. Silent when stderr is not a
 * terminal (cron, logs) or with --quiet: everything is in the JSON-lines log anyway.
 */
import type { CrawlEvent, CrawlProgress } from '../crawl/crawl-events.ts';
import { formatProgressLine } from '../crawl/progress-line.ts';

/** More portals than this make the line too long for a terminal: the crawl's progress alone is shown. */
const MAX_PORTALS_SHOWN = 4;

export interface ProgressTarget {
  readonly isTTY: boolean;
  write(text: string): void;
}

interface PortalCounts {
  fetched: number;
  skipped: number;
}

export class NightlyProgress {
  private readonly counts = new Map<string, PortalCounts>();
  /** Reports are extracted after fetching, across portals: one total. */
  private newReports = 0;
  private progress: { now: CrawlProgress; before: CrawlProgress | null } | null = null;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly target: ProgressTarget,
    private readonly enabled: boolean,
    private readonly minIntervalMs = 100,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** A crawl event sink. */
  readonly onEvent = (event: CrawlEvent): void => {
    if (!this.active) return;
    if (event.type === 'run-started') for (const id of event.portals) this.countsOf(id);
    if (event.type === 'fetched' && event.portalId !== undefined) this.countsOf(event.portalId).fetched += 1;
    if (event.type === 'skipped' && event.portalId !== undefined) this.countsOf(event.portalId).skipped += 1;
    if (event.type === 'report' && event.outcome !== 'unchanged') this.newReports += 1;
    if (event.type === 'progress') this.progress = { now: event.progress, before: this.progress?.now ?? null };
    this.draw(false);
  };

  get active(): boolean {
    return this.enabled && this.target.isTTY;
  }

  line(): string {
    const crawl = this.progress === null ? [] : [formatProgressLine(this.progress.now, this.progress.before)];
    const portals =
      this.counts.size > MAX_PORTALS_SHOWN ? [] : [...this.counts.entries()].map(([id, c]) => `${id} ${c.fetched} fetched${c.skipped > 0 ? ` ${c.skipped} skipped` : ''}`);
    return [...crawl, ...portals, ...(this.newReports > 0 ? [`${this.newReports} new reports/versions`] : [])].join(' | ');
  }

  /** Ends the status line (call before printing anything else). */
  finish(): void {
    if (!this.active) return;
    this.draw(true);
    if (this.drawn) this.target.write('\n');
  }

  private draw(force: boolean): void {
    const t = this.clock();
    if (!force && t - this.lastDraw < this.minIntervalMs) return;
    this.lastDraw = t;
    this.drawn = true;
    this.target.write(`\r\x1b[K${this.line()}`);
  }

  private countsOf(id: string): PortalCounts {
    let c = this.counts.get(id);
    if (c === undefined) {
      c = { fetched: 0, skipped: 0 };
      this.counts.set(id, c);
    }
    return c;
  }
}
