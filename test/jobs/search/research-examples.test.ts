/** The researchers' questions, each answered by a documented SQL file or command, run on the crawled demo portal. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { crawledDemoArchive, type CrawledArchive } from './crawled-archive.ts';

const EXAMPLES = path.resolve('docs/examples');
let archive: CrawledArchive;

beforeAll(async () => {
  archive = await crawledDemoArchive();
  archive.db.close();
}, 120_000);

async function query(args: readonly string[]): Promise<Record<string, unknown>[]> {
  const { code, stdout, stderr } = await runCli(['query', '--db', archive.file, '--json', ...args]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Record<string, unknown>[];
}

describe('docs/examples/*.sql via nianbao query', () => {
  it('every example file runs', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) await query(['--file', path.join(EXAMPLES, file), '--param', 'agency=民政局']);
  });

  it('which bodies in 济宁 refused the most applications in 2023', async () => {
    const rows = await query(['--file', path.join(EXAMPLES, 'refusals-jining-2023.sql')]);
    expect(rows[0]).toMatchObject({ agency_name: '济宁市兖州区人民政府', agency_kind: '本级政府', withheld: 11, rejected: 13, refused: 24, applications_new: 86 });
    expect(rows.map((r) => r.agency_name)).toEqual(expect.arrayContaining(['济宁市兖州区信访局', '济宁市兖州区小孟镇人民政府']));
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.agency_name === '济宁市兖州区信访局')).toMatchObject({ refused: 0 });
  });

  it('every report that mentions 信访 and whose table 3 does not add up', async () => {
    const rows = await query(['--file', path.join(EXAMPLES, 'xinfang-table3-failing.sql')]);
    expect(rows).toEqual([expect.objectContaining({ agency_name: '济宁市兖州区自然资源局', year: 2021, failing_t3_checks: 2, failing_check_ids: expect.stringContaining('t3.balance.total') })]);
    const { code, stdout } = await runCli(['search', '信访', '--failing-check', 't3', '--db', archive.file, '--json']);
    expect(code).toBe(0);
    const found = JSON.parse(stdout) as { total: number; hits: { reportId: number; snippet: string }[] };
    expect(found.total).toBe(1);
    expect(found.hits[0]!.reportId).toBe(rows[0]!.report_id);
    expect(found.hits[0]!.snippet).toContain('【信访】');
  });

  it("how 兖州区's numbers changed from 2019 to 2025", async () => {
    const rows = await query(['--file', path.join(EXAMPLES, 'yanzhou-2019-2025.sql')]);
    expect(rows.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    const byYear = new Map(rows.map((r) => [r.year, r]));
    expect(byYear.get(2019)).toMatchObject({ reports: 1, applications_new: 2, handled_total: 2 });
    expect(byYear.get(2020)).toMatchObject({ reports: 1, applications_new: 3 });
    expect(byYear.get(2021)).toMatchObject({ reports: 1, applications_new: 7, handled_total: 6 });
    expect(byYear.get(2022)).toMatchObject({ reports: 2, applications_new: 17, withheld: 2 });
    expect(byYear.get(2023)).toMatchObject({ reports: 3, applications_new: 86, withheld: 11, rejected: 13, reviews: 6, suits: 5 });
  });
});

describe('nianbao search and nianbao query on the command line', () => {
  it('search prints hits with 【】 around a two-character term, and finds one-character terms', async () => {
    const { code, stdout } = await runCli(['search', '规章', '--db', archive.file, '--limit', '3']);
    expect(code).toBe(0);
    expect(stdout).toContain('【规章】');
    expect(stdout).toMatch(/1–3 of \d+ report\(s\); more with --offset 3/);
    const one = JSON.parse((await runCli(['search', '镇', '--db', archive.file, '--json'])).stdout) as { total: number };
    expect(one.total).toBe(1);
  });

  it('search takes --status (no statuses yet: no hits) and refuses an unknown status, a bad template or nothing to search', async () => {
    const status = await runCli(['search', '规章', '--status', 'late', '--db', archive.file, '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual({ total: 0, hits: [] });
    expect((await runCli(['search', '规章', '--status', 'tardy', '--db', archive.file])).code).toBe(2);
    expect((await runCli(['search', '规章', '--template', '2020', '--db', archive.file])).code).toBe(2);
    expect((await runCli(['search', '--db', archive.file])).code).toBe(2);
  });

  it('query prints a table, JSON or CSV', async () => {
    const table = await runCli(['query', 'SELECT year, count(*) AS n FROM report_summary_v GROUP BY year ORDER BY year', '--db', archive.file]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^year\s+n\n/);
    const csv = await runCli(['query', "SELECT 'a,b' AS x, NULL AS y, 2 AS z", '--db', archive.file, '--csv']);
    expect(csv.stdout).toBe('x,y,z\r\n"a,b",,2\n');
  });

  it.each(['INSERT INTO runs DEFAULT VALUES', 'UPDATE reports SET year = 1999', 'DELETE FROM cells', 'DROP TABLE cells', "ATTACH ':memory:' AS x", 'PRAGMA query_only = 0'])(
    'query refuses to write: %s (exit 2, archive unchanged)',
    async (sql) => {
      const { code, stderr } = await runCli(['query', sql, '--db', archive.file]);
      expect(code).toBe(2);
      expect(stderr).toContain('E_READ_ONLY');
      expect(await query(['SELECT count(*) AS n FROM cells WHERE report_id IN (SELECT id FROM reports WHERE year = 1999)'])).toEqual([{ n: 0 }]);
    },
  );
});
