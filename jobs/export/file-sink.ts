/** A buffered, synchronous file writer that hashes what it writes: the manifest gets bytes and sha256 for free. */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

export interface WrittenFile {
  readonly bytes: number;
  readonly sha256: string;
}

export class FileSink {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  write(chunk: Buffer | string): void {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(buffer);
    this.pending.push(buffer);
    this.pendingBytes += buffer.length;
    this.written += buffer.length;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    let at = 0;
    while (at < data.length) at += writeSync(this.fd, data, at, data.length - at);
    this.pending = [];
    this.pendingBytes = 0;
  }

  close(): WrittenFile {
    this.flush();
    closeSync(this.fd);
    return { bytes: this.written, sha256: this.hash.digest('hex') };
  }
}
