/**
 * Issue 12, defect 2 reproduced: a portal serving a 49 MB report page that is one enormous table (under the 50 MiB body
 * cap), next to a healthy portal, in a real `nianbao nightly` child process. Before, extraction used ~4.5 GB and V8
 * died (exit 134), the run stayed `running` and no portal got its watch statuses. Now the page ends E_PAGE_TOO_LARGE,
 * recorded against its capture (a page of 100,000 nested divs, defect 3, ends E_PAGE_TOO_DEEP), the process stays far under 2 GB (peak RSS read from /proc), the run ends `partial`
 * (exit 1) and the healthy portal gets its statuses. Measured: 17.5 s, 562 MB peak RSS (before the crawl stopped parsing
 * such pages for links: 95 s and 4.1 GB in the crawl alone).
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { demoReport } from '../../../demo/reports/catalogue.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';

const BIN = path.resolve('bin/nianbao.js');

/** 49.5 MB: a report title, then one table of 330,000 rows. */
function hugeReportPage(): Buffer {
  const row = `<tr>${'<td>12345</td>'.repeat(10)}</tr>\n`;
  const html = `<html><head><meta charset="utf-8"><title>某局2023年政府信息公开工作年度报告</title></head><body><div id="zoom"><table>${row.repeat(330_000)}</table></div></body></html>`;
  return Buffer.from(html, 'utf8');
}

function hostilePortal(port: number): PortalConfig {
  return {
    id: 'huge',
    family: 'hanweb',
    name: 'huge',
    baseUrl: `http://127.0.0.1:${port}`,
    years: [2023],
    agencies: [
      { key: 'huge-bureau', name: '某局', kind: '部门' },
      { key: 'deep-bureau', name: '某办', kind: '部门' },
    ],
    annualReportModule: true,
    catalogueUrls: [],
    reportColumns: [],
    reportMenuUrls: [],
    linkedHosts: [],
  };
}

/** Peak resident set of a running process (VmHWM), in MB; 0 once it is gone. */
function peakRssMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}

describe('a 49 MB one-table page and 100,000 nested divs in the nightly, next to a healthy portal', () => {
  let demo: DemoPortals;
  let server: Server;
  let portals: PortalConfig[];

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: [demoReport('yanzhou-xinfang-2023')], slowMs: 0, flakyFailures: 0 });
    const page = hugeReportPage();
    const deep = Buffer.from(`<html><body>${'<div>'.repeat(100_000)}某办2023年政府信息公开工作年度报告${'</div>'.repeat(100_000)}</body></html>`);
    server = createServer((req, res) => {
      if ((req.url ?? '').startsWith('/module/xxgk/xxgkAnnualReport.jsp')) {
        const body = (req.url ?? '').includes('deep-bureau') ? deep : page;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
        res.end(body);
      } else if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><body><p>首页</p></body></html>');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    portals = [...demo.portals.filter((p) => p.id === 'yanzhou-demo'), hostilePortal((server.address() as AddressInfo).port)];
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await demo.close();
  });

  it('end partial with E_PAGE_TOO_LARGE and E_PAGE_TOO_DEEP under 2 GB, and the healthy portal gets its watch statuses', async () => {
    const { file, dir, db } = tempArchive('nianbao-huge-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(portals));
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'nightly', '--portals', portalsFile, '--db', file, '--delay', '0', '--quiet', '--log-dir', path.join(dir, 'logs')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid ?? 0))), 100);
    const killer = setTimeout(() => child.kill('SIGKILL'), 170_000); // never leave a runaway child behind
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearInterval(poll);
    clearTimeout(killer);
    const seconds = (Date.now() - started) / 1000;
    console.log(`nightly with a 49 MB page: exit ${code} in ${seconds.toFixed(1)} s, peak RSS ${Math.round(peak)} MB`);
    expect(code, stderr).toBe(1);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(2048);
    expect(seconds).toBeLessThan(180);

    const check = new Database(file, { readonly: true });
    try {
      const run = check.prepare('SELECT status FROM nightly_runs ORDER BY id DESC LIMIT 1').get() as { status: string };
      expect(run.status).toBe('partial');
      const problems = check
        .prepare(`SELECT DISTINCT p.code FROM extraction_problems p JOIN captures c ON c.id = p.capture_id WHERE c.portal_id = 'huge' AND c.purpose = 'report'`)
        .pluck()
        .all();
      expect([...problems].sort()).toEqual(['E_PAGE_TOO_DEEP', 'E_PAGE_TOO_LARGE']);
      const statuses = check.prepare(`SELECT count(*) FROM watch_statuses WHERE portal_id = 'yanzhou-demo'`).pluck().get() as number;
      expect(statuses).toBeGreaterThan(0);
      const reports = check.prepare(`SELECT count(*) FROM reports WHERE portal_id = 'yanzhou-demo'`).pluck().get() as number;
      expect(reports).toBe(1);
      // A page that could not be read is no evidence either way: its body is not called missing.
      expect(check.prepare(`SELECT DISTINCT status FROM watch_statuses WHERE portal_id = 'huge'`).pluck().all()).toEqual(['unknown']);
    } finally {
      check.close();
      rmSync(dir, { recursive: true, force: true }); // a 50 MB capture
    }
  }, 180_000);
});
