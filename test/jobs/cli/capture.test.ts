/** `nianbao capture <id>`: one archived exchange, as the evidence ids of `missing` point to it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertCapture } from '../../../store/captures.ts';
import { upsertPortal } from '../../../store/portals.ts';
import { startRun } from '../../../store/runs.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from './run-cli.ts';

describe('nianbao capture', () => {
  let file: string;
  let dir: string;
  let pageId: number;
  let notModifiedId: number;
  const body = Buffer.from('<html><body>济宁市兖州区审计局 年报</body></html>', 'utf8');

  beforeAll(() => {
    const archive = tempArchive('nianbao-capture-');
    ({ file, dir } = archive);
    upsertPortal(archive.db, { id: 'p', family: 'hanweb', baseUrl: 'http://127.0.0.1', name: 'p', config: null });
    const runId = startRun(archive.db, { kind: 'crawl', crawlerVersion: 'test', options: {} });
    const url = 'http://127.0.0.1/module/xxgk/xxgkAnnualReport.jsp?area=K&fbtime=2023';
    const exchange = (status: number, bytes: Buffer) => ({
      url,
      method: 'GET' as const,
      requestHeaders: { 'if-none-match': '"abc"' },
      fetchedAt: new Date().toISOString(),
      status,
      headers: { 'content-type': 'text/html; charset=utf-8', etag: '"abc"' },
      body: bytes,
      error: null,
      elapsedMs: 12,
    });
    const capture = (status: number, bytes: Buffer) =>
      insertCapture(archive.db, { runId, portalId: 'p', requestedUrl: url, finalUrl: url, purpose: 'report', charset: 'utf-8', exchange: exchange(status, bytes) });
    pageId = capture(200, body);
    notModifiedId = capture(304, Buffer.alloc(0));
    archive.db.close();
  });

  it('prints the exchange: request, status, headers and the body digest; a 304 names what it confirmed', async () => {
    const { code, stdout } = await runCli(['capture', String(pageId), '--db', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('fbtime=2023');
    expect(stdout).toContain('etag: "abc"');
    const json = JSON.parse((await runCli(['capture', String(notModifiedId), '--db', file, '--json'])).stdout) as { status: number; confirms: number | null; rendering: string };
    expect(json).toMatchObject({ status: 304, confirms: pageId, rendering: 'none' });
  });

  it('writes the stored body with --out', async () => {
    const out = path.join(dir, 'body.html');
    expect((await runCli(['capture', String(pageId), '--db', file, '--out', out])).code).toBe(0);
    expect(readFileSync(out).equals(body)).toBe(true);
    expect((await runCli(['capture', String(notModifiedId), '--db', file, '--out', out])).code).toBe(4);
  });

  it('exits 4 for an unknown capture and 2 for a non-number', async () => {
    const missing = await runCli(['capture', '99999', '--db', file]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('E_NOT_FOUND');
    expect((await runCli(['capture', 'abc', '--db', file])).code).toBe(2);
  });
});
