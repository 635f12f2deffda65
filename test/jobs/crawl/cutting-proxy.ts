/**
 * A hostile front for a fixture site: forwards every request, and for the paths in `cut` sends the status line, the
 * full Content-Length and the first fifth of the body, then resets the connection (a server dying mid-body).
 */
import http, { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CuttingProxy {
  readonly origin: string;
  /** Path + query of pages to cut off; change between runs. */
  readonly cut: Set<string>;
  /** How many responses were cut. */
  readonly stats: { cutResponses: number };
  close(): Promise<void>;
}

export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const cut = new Set<string>();
  const stats = { cutResponses: 0 };
  const server = createServer((req, res) => forward(target, req, res, cut, stats));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    cut,
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
