/**
 * The scheduler's view of which hosts have pending work: a window of host names read from the frontier (an index
 * skip-scan, one seek per host) and reused for `refreshMs` instead of being read again for every pick. At province
 * size (140 hosts, ~300 picks a second) reading it per pick cost ~2 ms each, more CPU than fetching (issue 13
 * scale bench). A host found empty on claim is dropped at once; a host that gains work is seen at the next read; a window
 * smaller than the hosts with work is read again, from the cursor, once the cursor reaches its end.
 */
export interface HostWindowOptions {
  /** Reads up to `limit` hosts with pending items, starting after `after` and wrapping round (store/frontier.ts pendingHosts). */
  readonly read: (after: string, limit: number) => readonly string[];
  /** How long a read is reused (ms on `now`). */
  readonly refreshMs: number;
  readonly now: () => number;
}

export class HostWindow {
  readonly #options: HostWindowOptions;
  /** Host names in the order read: in turn after the cursor of the read, wrapping round. */
  #hosts: string[] = [];
  /** Hosts of `#hosts` found empty since the read. */
  readonly #dropped = new Set<string>();
  /** The read held every host with pending work (fewer than its limit). */
  #complete = false;
  #readAt = Number.NEGATIVE_INFINITY;

  constructor(options: HostWindowOptions) {
    this.#options = options;
  }

  /**
   * Hosts in turn after `cursor`, wrapping round. Read again when the last read is older than `refreshMs`, when
   * `fresh`, or when the cursor reached the end of a partial read (more hosts lie beyond it).
   */
  after(cursor: string, limit: number, fresh = false): string[] {
    const at = this.#hosts.indexOf(cursor);
    const endOfPartial = !this.#complete && at === this.#hosts.length - 1;
    if (fresh || endOfPartial || this.#options.now() - this.#readAt >= this.#options.refreshMs) return this.#read(cursor, limit);
    const inTurn = at < 0 ? this.#hosts : [...this.#hosts.slice(at + 1), ...this.#hosts.slice(0, at + 1)];
    return inTurn.filter((host) => !this.#dropped.has(host));
  }

  /** The host had nothing left to claim. */
  drop(host: string): void {
    this.#dropped.add(host);
  }

  #read(cursor: string, limit: number): string[] {
    this.#hosts = [...this.#options.read(cursor, limit)];
    this.#dropped.clear();
    this.#complete = this.#hosts.length < limit;
    this.#readAt = this.#options.now();
    return [...this.#hosts];
  }
}
