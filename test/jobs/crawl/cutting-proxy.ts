/**
 * A hostile front for a fixture site: forwards every request; for the paths in `cut` sends the status line, the full
 * Content-Length and the first fifth of the body, then resets the connection (a server dying mid-body); requests for
 * the paths in `hold` wait, unanswered, until their path leaves the set (a server that keeps a crawl busy).
 */
import http, { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CuttingProxy {
  readonly origin: string;
  /** Path + query of pages to cut off; change between runs. */
  readonly cut: Set<string>;
  /** Path + query of pages left unanswered while they are in the set. */
  readonly hold: Set<string>;
  /** How many responses were cut. */
  readonly stats: { cutResponses: number };
  close(): Promise<void>;
}

export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const cut = new Set<string>();
  const hold = new Set<string>();
  const stats = { cutResponses: 0 };
  const server = createServer((req, res) => {
    const answer = (): void => {
      if (hold.has(req.url ?? '')) setTimeout(answer, 50);
      else forward(target, req, res, cut, stats);
    };
    answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    cut,
    hold,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forward(target: string, req: IncomingMessage, res: ServerResponse, cut: ReadonlySet<string>, stats: { cutResponses: number }): void {
  const upstream = http.get(new URL(req.url ?? '/', target), { headers: { ...req.headers, connection: 'close' } }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = { ...answer.headers, 'content-length': String(body.length), connection: 'close' };
      delete headers['transfer-encoding'];
      res.writeHead(answer.statusCode ?? 502, headers);
      if (!cut.has(req.url ?? '') || answer.statusCode !== 200) {
        res.end(body);
        return;
      }
      stats.cutResponses += 1;
      res.write(body.subarray(0, Math.floor(body.length / 5)), () => setTimeout(() => req.socket.resetAndDestroy(), 20));
    });
  });
  upstream.on('error', () => res.destroy());
}
