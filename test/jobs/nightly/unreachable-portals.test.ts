import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { runNightly } from '../../../jobs/nightly/run-nightly.ts';
import { openArchive } from '../../../store/open-archive.ts';
import { listWatchStatuses } from '../../../store/watch-statuses.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from '../cli/run-cli.ts';
import { clockAt, SERVED } from './scenario.ts';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function portal(id: string, port: number): PortalConfig {
  return {
    id,
    family: 'hanweb',
    name: id,
    baseUrl: `http://127.0.0.1:${port}`,
    years: [2023],
    agencies: [{ key: `${id}-bureau`, name: `${id} 某局`, kind: '部门' }],
    annualReportModule: true,
    catalogueUrls: [],
    reportColumns: [61508],
    reportMenuUrls: [],
    linkedHosts: [],
  };
}

describe('portals that are down, slow, or answer 403 to everything', () => {
  let demo: DemoPortals;
  const servers: Server[] = [];
  let portals: PortalConfig[];

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: SERVED.first, slowMs: 10, flakyFailures: 0 });
    const closed = createServer();
    const downPort = await listen(closed);
    await new Promise((r) => closed.close(r)); // nothing listens there any more
    const slow = createServer((_req, res) => setTimeout(() => res.end('late'), 3_000));
    const forbidden = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/html' });
      res.end('<h1>403 Forbidden</h1>');
    });
    servers.push(slow, forbidden);
    portals = [
      ...demo.portals.filter((p) => p.id === 'yanzhou-demo'),
      portal('down', downPort),
      portal('slow', await listen(slow)),
      portal('forbidden', await listen(forbidden)),
    ];
  });

  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    await demo.close();
  });

  it('end partial with those portals named, and their bodies are not marked missing', async () => {
    const { file, dir, db } = tempArchive('nianbao-unreachable-');
    db.close();
    const summary = await runNightly({
      archiveFile: file,
      portals,
      fetcher: { perHostDelayMs: 0, timeoutMs: 300, maxRetries: 0, backoffBaseMs: 10 },
      now: clockAt('2024-02-19T18:00:00.000Z'),
      logDir: path.join(dir, 'logs'),
    });
    expect(summary.status).toBe('partial');
    const state = Object.fromEntries(summary.portals.map((p) => [p.portalId, p.state]));
    expect(state).toEqual({ 'yanzhou-demo': 'ok', down: 'unreachable', slow: 'unreachable', forbidden: 'unreachable' });
    const check = openArchive(file);
    try {
      const statuses = listWatchStatuses(check, { year: 2023 });
      for (const id of ['down', 'slow', 'forbidden']) {
        const row = statuses.find((s) => s.portalId === id)!;
        expect(row.status, id).toBe('unknown');
        expect((row.detail as { reason: string }).reason).toBe('no evidence of absence');
      }
      // the healthy portal next to them still gets its missing body (the silent 审计局 in its catalogue)
      expect(statuses.find((s) => s.portalId === 'yanzhou-demo' && s.bodyKey === '11370812MB1565722X')?.status).toBe('missing');
    } finally {
      check.close();
    }
  });

  it('`nianbao nightly` exits 1 (partial) and names the unreachable portals', async () => {
    const { file, dir, db } = tempArchive('nianbao-unreachable-cli-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(portals.filter((p) => p.id !== 'yanzhou-demo')));
    const { code, stdout } = await runCli(['nightly', '--portals', portalsFile, '--db', file, '--delay', '0', '--timeout', '300', '--retries', '0', '--quiet']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/: partial — not fully checked: down, slow, forbidden/);
    expect(stdout).toContain('down UNREACHABLE');
  });
});
