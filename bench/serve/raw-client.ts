/**
 * The load client of the serve benchmark: keep-alive HTTP/1.1 GETs written on raw sockets, one request at a time per
 * connection, the answer read by its Content-Length (the server always sends one; never chunked). Like wrk, it does
 * almost nothing per request, so that on a small machine the client takes little CPU from the server it measures
 * (Node's http.Agent client used ~50 ms of CPU per 1,000 requests here). Latency includes connecting on first use.
 */
import net from 'node:net';

export interface Answer {
  readonly ms: number;
  readonly status: number;
  readonly bytes: number;
}

interface Pending {
  readonly start: number;
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: Error) => void;
}

const HEADER_END = Buffer.from('\r\n\r\n');

class Connection {
  private socket: net.Socket | null = null;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;

  constructor(
    private readonly port: number,
    private readonly headers: string,
  ) {}

  get(path: string): Promise<Answer> {
    if (this.pending !== null) return Promise.reject(new Error('one request at a time per connection'));
    const start = performance.now();
    return new Promise((resolve, reject) => {
      this.pending = { start, resolve, reject };
      this.open().write(`GET ${path} HTTP/1.1\r\n${this.headers}\r\n`);
    });
  }

  close(): void {
    this.socket?.destroy();
  }

  private open(): net.Socket {
    if (this.socket !== null) return this.socket;
    const socket = net.connect({ host: '127.0.0.1', port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
    this.socket = socket;
    return socket;
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    this.socket = null;
    pending?.reject(error);
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headerEnd = this.buffered.indexOf(HEADER_END);
    if (headerEnd === -1 || this.pending === null) return;
    const head = this.buffered.toString('latin1', 0, headerEnd);
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? Number.NaN);
    if (Number.isNaN(length)) return this.fail(new Error(`answer without Content-Length: ${head.split('\r\n')[0]}`));
    const total = headerEnd + HEADER_END.length + length;
    if (this.buffered.length < total) return;
    const status = Number(head.slice(9, 12));
    this.buffered = this.buffered.subarray(total);
    const pending = this.pending;
    this.pending = null;
    pending.resolve({ ms: performance.now() - pending.start, status, bytes: length });
  }
}

/** `count` keep-alive connections to 127.0.0.1:port; request i goes on connection i. */
export class RawHttpClient {
  private readonly connections: Connection[];

  constructor(port: number, count: number, headers: Readonly<Record<string, string>>) {
    const lines = [`Host: 127.0.0.1:${port}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].map((l) => `${l}\r\n`).join('');
    this.connections = Array.from({ length: count }, () => new Connection(port, lines));
  }

  get(connection: number, path: string): Promise<Answer> {
    return this.connections[connection]!.get(path);
  }

  close(): void {
    for (const c of this.connections) c.close();
  }
}
