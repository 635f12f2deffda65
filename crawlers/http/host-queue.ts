/**
 * One queue per `host:port`: at most `concurrency` tasks in flight, and task starts at least `delayMs` apart.
 * The gap is reserved synchronously when a task reaches the head of the queue, so it holds for any concurrency.
 * A host's delay can be raised (robots.txt Crawl-delay) and its next start pushed back (Retry-After).
 */
import PQueue from 'p-queue';

export interface HostQueueOptions {
  /** Tasks in flight at once per host. */
  readonly concurrency: number;
  /** Minimum gap between task starts on the same host. */
  readonly delayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => Date;
}

interface HostState {
  readonly queue: PQueue;
  delayMs: number;
  /** Time (ms) the last task started, or -Infinity before the first. */
  lastStartMs: number;
  /** No task starts before this time (ms). */
  notBeforeMs: number;
}

/** `host:port` of a URL, with the scheme's default port filled in. */
export function hostKey(url: URL): string {
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  return `${url.hostname.toLowerCase()}:${port}`;
}

export class HostQueues {
  readonly #options: HostQueueOptions;
  readonly #hosts = new Map<string, HostState>();

  constructor(options: HostQueueOptions) {
    this.#options = options;
  }

  /** Run `task` in the host's queue once a slot is free and the gap since the last start has passed. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const state = this.#state(key);
    return state.queue.add(async () => {
      await this.#waitForTurn(state);
      return task();
    });
  }

  /** Raise (never lower) the gap between starts for a host, e.g. from a robots.txt Crawl-delay. */
  raiseDelay(key: string, delayMs: number): void {
    const state = this.#state(key);
    state.delayMs = Math.max(state.delayMs, delayMs);
  }

  /** No task on this host starts before `waitMs` from now (server asked with Retry-After). */
  deferFor(key: string, waitMs: number): void {
    const state = this.#state(key);
    state.notBeforeMs = Math.max(state.notBeforeMs, this.#options.now().getTime() + waitMs);
  }

  /** When (ms since the epoch) the host's next task may start: its gap since the last start and any Retry-After. */
  readyAtMs(key: string): number {
    const state = this.#hosts.get(key);
    if (state === undefined) return Number.NEGATIVE_INFINITY;
    return Math.max(state.lastStartMs + state.delayMs, state.notBeforeMs);
  }

  /** Current gap between starts for a host. */
  delayOf(key: string): number {
    return this.#hosts.get(key)?.delayMs ?? this.#options.delayMs;
  }

  async #waitForTurn(state: HostState): Promise<void> {
    const now = this.#options.now().getTime();
    const start = Math.max(now, state.lastStartMs + state.delayMs, state.notBeforeMs);
    state.lastStartMs = start;
    if (start > now) await this.#options.sleep(start - now);
    // A late wake-up moves the reference point, so the next gap is measured from the real start.
    state.lastStartMs = Math.max(state.lastStartMs, this.#options.now().getTime());
  }

  #state(key: string): HostState {
    let state = this.#hosts.get(key);
    if (state === undefined) {
      state = {
        queue: new PQueue({ concurrency: this.#options.concurrency }),
        delayMs: this.#options.delayMs,
        lastStartMs: Number.NEGATIVE_INFINITY,
        notBeforeMs: Number.NEGATIVE_INFINITY,
      };
      this.#hosts.set(key, state);
    }
    return state;
  }
}
