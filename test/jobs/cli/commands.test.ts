import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { COMMANDS } from '../../../jobs/cli/main.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from './run-cli.ts';

const README = readFileSync(path.resolve('README.md'), 'utf8');

describe('nianbao --help and the README', () => {
  it.each(COMMANDS.map((c) => c.name))('`%s --help` prints usage and the command is documented in the README', async (name) => {
    const { code, stdout } = await runCli([name, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: nianbao ${name}`);
    expect(README).toContain(`\`nianbao ${name}`);
  });

  it('documents every exit code the CLI uses', async () => {
    const { stdout } = await runCli(['--help']);
    for (const code of [0, 1, 2, 3, 4, 5, 6, 7, 130]) expect(README).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
    expect(stdout).toContain('Commands:');
  });

  it('rejects unknown commands and options with the usage exit code', async () => {
    expect((await runCli(['fetch'])).code).toBe(2);
    const bad = await runCli(['reports', '--colour']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--help');
  });
});

describe('bad input ends in a clear error and an exit code, never a crash', () => {
  it('a missing file names the file (exit 4)', async () => {
    const { code, stderr } = await runCli(['extract', '/nonexistent/report.html', '--json']);
    expect(code).toBe(4);
    expect(stderr).toContain('/nonexistent/report.html');
    expect(stderr).toContain('E_INPUT_NOT_FOUND');
  });

  it('a broken PDF is a corrupt document and a truncated image cannot be decoded (exit 4)', async () => {
    const dir = tempArchive().dir;
    const pdf = path.join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
    const broken = await runCli(['extract', pdf]);
    expect(broken.code).toBe(4);
    expect(broken.stderr).toContain('E_DOCUMENT_CORRUPT');
    const png = path.join(dir, 'table.png');
    writeFileSync(png, Buffer.from('\x89PNG\r\n\x1a\n0000000000', 'latin1'));
    const image = await runCli(['extract', png]);
    expect(image.code).toBe(4);
    expect(image.stderr).toContain('E_IMAGE_DECODE');
  });

  it('a page that holds no report says so (exit 4)', async () => {
    const dir = tempArchive().dir;
    const shell = path.join(dir, 'shell.html');
    writeFileSync(shell, '<html><head><title>政府信息公开年报</title></head><body><div id="zoom"></div></body></html>');
    const { code, stderr } = await runCli(['extract', shell]);
    expect(code).toBe(4);
    expect(stderr).toContain('E_NOT_A_REPORT');
  });

  it('an invalid portal list names the file and field (exit 3)', async () => {
    const { dir, file } = tempArchive();
    const portals = path.join(dir, 'portals.json');
    writeFileSync(portals, JSON.stringify([{ id: 'x', family: 'hanweb', baseUrl: 'http://a.gov.cn', colums: [1] }]));
    const { code, stderr } = await runCli(['crawl', '--portals', portals, '--db', file]);
    expect(code).toBe(3);
    expect(stderr).toContain('colums');
  });

  it('a file that is not an archive is not touched (exit 5)', async () => {
    const dir = tempArchive().dir;
    const notSqlite = path.join(dir, 'notes.sqlite');
    writeFileSync(notSqlite, 'these are my notes, not a database\n'.repeat(200));
    const { code, stderr } = await runCli(['reports', '--db', notSqlite]);
    expect(code).toBe(5);
    expect(stderr).toContain(notSqlite);
    expect(readFileSync(notSqlite, 'utf8')).toContain('these are my notes');
  });
});

describe('crawl, reports and show on the demo portal', () => {
  let demo: DemoPortals;
  let dbFile: string;
  let portalsFile: string;

  beforeAll(async () => {
    demo = await startDemoPortals({ slowMs: 10, flakyFailures: 0 });
    const archive = tempArchive();
    archive.db.close();
    dbFile = archive.file;
    portalsFile = path.join(archive.dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(demo.portals));
  });

  afterAll(async () => {
    await demo.close();
  });

  it('crawls one portal picked with --portal and prints a JSON summary', async () => {
    const { code, stdout } = await runCli(['crawl', '--portals', portalsFile, '--portal', 'wendeng-demo', '--db', dbFile, '--delay', '0', '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { status: string; reports: { new: number } };
    expect(summary.status).toBe('ok');
    expect(summary.reports.new).toBe(5); // 3 article pages + 2 flip-books assembled from their pages
  });

  it('`reports --json` lists agency, year, url, template and publishedAt for every report', async () => {
    const { code, stdout } = await runCli(['reports', '--db', dbFile, '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row).toEqual(expect.objectContaining({ agency: expect.any(String), year: expect.any(Number), url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/art\//), template: expect.stringMatching(/^(2021|2019|older)$/), publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }));
    }
    const filtered = JSON.parse((await runCli(['reports', '--db', dbFile, '--json', '--year', '2019'])).stdout) as unknown[];
    expect(filtered).toHaveLength(1);
  });

  it('`show` prints cells with provenance, and a missing id exits 4', async () => {
    const rows = JSON.parse((await runCli(['reports', '--db', dbFile, '--json'])).stdout) as { id: number }[];
    const { code, stdout } = await runCli(['show', String(rows[0]!.id), '--db', dbFile, '--json']);
    expect(code).toBe(0);
    const detail = JSON.parse(stdout) as { cells: { key: string; method: string; location: string }[]; checks: unknown[]; versions: unknown[] };
    expect(detail.cells.length).toBeGreaterThan(190);
    expect(detail.cells[0]).toMatchObject({ method: 'html-table', location: expect.stringMatching(/^table\[\d+\]/) });
    expect(detail.checks.length).toBeGreaterThan(0);
    expect((await runCli(['show', '99999', '--db', dbFile])).code).toBe(4);
  });

  it('`extract <url>` captures the page into the archive and prints the report', async () => {
    const url = demo.reportUrl('yanzhou-minzheng-2020');
    const { code, stdout } = await runCli(['extract', url, '--db', dbFile, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { template: string; year: number; captureId: number; outcome: string };
    expect(report).toMatchObject({ template: '2019', year: 2020, outcome: 'new' });
    expect(report.captureId).toBeGreaterThan(0);
  });
});
