/**
 * A pool of extraction processes (extraction-process.ts): `size` children, each extracting one archived capture at a
 * time, so that extraction runs on every core while the crawl's own thread fetches and saves. A child that dies (a
 * crash, a kill, a time limit) takes only its own capture with it; the next extraction in that slot starts a new
 * child. Children start on first need.
 */
import type { ExtractedCapture } from './archive-report.ts';
import type { ExtractionRequest } from './extraction-messages.ts';
import { ExtractionProcess } from './extraction-process.ts';

export class ExtractionPool {
  private readonly free: ExtractionProcess[];
  private readonly all: readonly ExtractionProcess[];
  private readonly waiting: ((slot: ExtractionProcess) => void)[] = [];
  private closed = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`ExtractionPool: expected a size of at least 1, got ${size}`);
    this.all = Array.from({ length: size }, () => new ExtractionProcess());
    this.free = [...this.all];
  }

  /** Extracts capture `request.captureId` in the next free child (waiting for one); aborting kills that child. */
  async extract(request: Omit<ExtractionRequest, 'id'>, url: string, signal: AbortSignal): Promise<ExtractedCapture> {
    const slot = await this.acquire();
    try {
      signal.throwIfAborted();
      return await slot.extract(request, url, signal);
    } finally {
      this.release(slot);
    }
  }

  /** Starts the first child now (the others start when they are first needed), so its start-up overlaps other work. */
  warmUp(): void {
    if (!this.closed) this.all[0]?.warmUp();
  }

  /** Extractions running or waiting for a child. */
  get busy(): number {
    return this.size - this.free.length + this.waiting.length;
  }

  /** Ends every child (extractions under way are lost: call it when nothing more is wanted). */
  close(): void {
    this.closed = true;
    for (const slot of this.all) slot.close();
  }

  private acquire(): Promise<ExtractionProcess> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    const slot = this.free.shift();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: ExtractionProcess): void {
    const next = this.waiting.shift();
    if (next !== undefined) next(slot);
    else this.free.unshift(slot); // the child used last is used next: the others start only when needed at once
  }
}
