/**
 * Answers of GET requests kept in memory, keyed by path and query. The archive can change under the server (a
 * crawl writing to it): SQLite's `data_version` moves on every commit by another connection, and the cache is
 * dropped then. Bounded by total bytes, least recently used out first.
 */
import type { Reply } from './http/respond.ts';

export class ResponseCache {
  private readonly entries = new Map<string, Reply>();
  private bytes = 0;
  private version: string | number | null = null;

  constructor(
    private readonly maxBytes: number,
    private readonly currentVersion: () => string | number,
  ) {}

  /** Call once per request before get/put: clears the cache when the archive changed. */
  sync(): void {
    const now = this.currentVersion();
    if (now !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = now;
    }
  }

  get(key: string): Reply | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  put(key: string, reply: Reply): void {
    if (reply.status !== 200 || sizeOf(reply) > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old !== undefined) this.bytes -= sizeOf(old);
    this.entries.set(key, reply);
    this.bytes += sizeOf(reply);
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= sizeOf(v);
    }
  }
}

function sizeOf(reply: Reply): number {
  return reply.body.length + (reply.gzipped?.length ?? 0);
}
