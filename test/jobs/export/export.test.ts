/** Exports round-trip: CSV / JSON Lines / Parquet equal the archive, manifests verify (and catch tampering), WARC parses. */
import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { WARCParser } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../jobs/export/csv.ts';
import { codebook, keyLabelZh } from '../../../extract/template/labels-zh.ts';
import { wideCanonicalKeys } from '../../../jobs/export/canonical-keys.ts';
import type { Manifest } from '../../../jobs/export/manifest.ts';
import { PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED } from '../../../jobs/export/warc.ts';
import { runCli } from '../cli/run-cli.ts';
import { crawledDemoArchive, type CrawledArchive } from '../search/crawled-archive.ts';

let archive: CrawledArchive;
const out = (name: string): string => path.join(archive.dir, name);

interface CellRow {
  report_id: number;
  agency_name: string | null;
  year: number | null;
  key: string;
  label_zh: string | null;
  value: number | null;
  raw: string | null;
  method: string | null;
  location: string | null;
  confidence: number | null;
  extractor_version: string;
  source_capture_id: number | null;
}

const cells = (): CellRow[] =>
  (
    archive.db
      .prepare(
        `SELECT c.report_id, COALESCE(a.name, r.agency_name) AS agency_name, r.year, c.key, c.value, c.raw, c.method, c.location, c.confidence,
           c.extractor_version, c.source_capture_id
         FROM cells c JOIN reports r ON r.id = c.report_id LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.is_current = 1 ORDER BY c.report_id, c.rowid`,
      )
      .all() as Omit<CellRow, 'label_zh'>[]
  ).map((c) => ({ ...c, label_zh: keyLabelZh(c.key)?.label ?? null }));
const count = (sql: string): number => archive.db.prepare(sql).pluck().get() as number;

async function exportTo(format: string, dir: string): Promise<Manifest> {
  const { code, stderr } = await runCli(['export', '--format', format, '--out', out(dir), '--db', archive.file]);
  expect(code, stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(out(dir), 'manifest.json'), 'utf8')) as Manifest;
}

beforeAll(async () => {
  archive = await crawledDemoArchive();
}, 120_000);

afterAll(() => archive.db.close());

describe('nianbao export --format csv', () => {
  let manifest: Manifest;
  beforeAll(async () => {
    manifest = await exportTo('csv', 'csv');
  });

  it('writes reports, wide, long, agencies, checks and statuses with row counts equal to the archive', () => {
    const rows = Object.fromEntries(manifest.files.map((f) => [f.table, f.rows]));
    expect(rows).toEqual({
      reports: count('SELECT count(*) FROM reports WHERE is_current = 1'),
      wide: count('SELECT count(*) FROM reports WHERE is_current = 1'),
      long: cells().length,
      agencies: count('SELECT count(*) FROM agencies'),
      checks: count('SELECT count(*) FROM check_results'),
      statuses: count('SELECT count(*) FROM watch_statuses'),
      codebook: codebook().length,
    });
    for (const file of manifest.files) expect(parseCsv(readFileSync(path.join(out('csv'), file.path), 'utf8')).length - 1).toBe(file.rows);
  });

  it('long.csv holds every cell with its body, year, Chinese label, value and provenance; null stays distinct from 0', () => {
    const bytes = readFileSync(path.join(out('csv'), 'long.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8'));
    expect(header).toEqual(['report_id', 'agency_name', 'year', 'key', 'label_zh', 'value', 'raw', 'method', 'location', 'confidence', 'extractor_version', 'source_capture_id']);
    const expected = cells();
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const cell = expected[i]!;
      expect([Number(row[0]), row[1], Number(row[2]), row[3], row[4], row[5] === null ? null : Number(row[5]), row[6], row[8]]).toEqual([
        cell.report_id, cell.agency_name, cell.year, cell.key, cell.label_zh, cell.value, cell.raw, cell.location,
      ]);
    });
    const zhengfu = rows.find((r) => r[1] === '济宁市兖州区人民政府' && r[3] === 't3.new.total')!;
    expect(zhengfu.slice(2, 6)).toEqual(['2023', 't3.new.total', '表三 一、本年新收申请 · 总计', '86']);
    expect(rows.some((r) => r[5] === null)).toBe(true);
    expect(rows.some((r) => r[5] === '0')).toBe(true);
  });

  it('codebook.csv names every canonical key in Chinese with its unit and templates', () => {
    const [header, ...rows] = parseCsv(readFileSync(path.join(out('csv'), 'codebook.csv'), 'utf8'));
    expect(header).toEqual(['key', 'table', 'row_label', 'column_label', 'label_zh', 'unit', 'templates']);
    expect(rows.map((r) => r[0]).sort()).toEqual([...wideCanonicalKeys()].sort());
    expect(rows.find((r) => r[0] === 't3.withheld.third_party.legal')).toEqual(['t3.withheld.third_party.legal', 't3', '（三）4.第三方合法权益', '法律服务机构', '表三 （三）4.第三方合法权益 · 法律服务机构', '件', '2021 2019']);
    expect(rows.find((r) => r[0] === 't2.procurement.amount')!.slice(5)).toEqual(['万元', '2019']);
  });

  it('wide.csv has one column per canonical key of both templates, and each report’s values', () => {
    const [header, ...rows] = parseCsv(readFileSync(path.join(out('csv'), 'wide.csv'), 'utf8'));
    for (const key of ['t2.rules.issued', 't2.rules.made', 't2.procurement.amount', 't3.other.no_fee.total', 't3.other.total', 't4.suit_after_review.pending']) expect(header).toContain(key);
    expect(header!.length).toBe(8 + wideCanonicalKeys().length);
    const column = header!.indexOf('t3.new.total');
    const byReport = new Map(cells().filter((c) => c.key === 't3.new.total').map((c) => [c.report_id, c.value]));
    for (const row of rows) {
      const value = row[column];
      expect(value === null ? null : Number(value)).toEqual(byReport.get(Number(row[0])) ?? null);
    }
  });

  it('verifies, and a changed or missing file fails verification (exit 4)', async () => {
    const ok = await runCli(['export', '--verify', out('csv')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('ok    long.csv');
    appendFileSync(path.join(out('csv'), 'long.csv'), '1,t3.new.total,99,,,,,,\r\n');
    const tampered = await runCli(['export', '--verify', out('csv'), '--json']);
    expect(tampered.code).toBe(4);
    expect(tampered.stderr).toContain('E_VERIFY_FAILED');
    const result = JSON.parse(tampered.stdout) as { ok: boolean; files: { path: string; ok: boolean; problems: string[] }[] };
    expect(result.ok).toBe(false);
    expect(result.files.filter((f) => !f.ok).map((f) => f.path)).toEqual(['long.csv']);
    expect(result.files.find((f) => f.path === 'long.csv')!.problems.join(' ')).toContain('sha256');
  });

  it('refuses to write into a directory that holds files', async () => {
    const { code } = await runCli(['export', '--format', 'csv', '--out', out('csv'), '--db', archive.file]);
    expect(code).toBe(2);
  });
});

describe('nianbao export --format parquet and json', () => {
  it('Parquet files read back (hyparquet) with the archive’s rows and values', async () => {
    const manifest = await exportTo('parquet', 'parquet');
    const read = async (name: string): Promise<Record<string, unknown>[]> => {
      const bytes = readFileSync(path.join(out('parquet'), name));
      return parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    };
    const long = await read('long.parquet');
    expect(long).toEqual(cells());
    const wide = await read('wide.parquet');
    expect(wide).toHaveLength(manifest.files.find((f) => f.table === 'wide')!.rows);
    const zhengfu = wide.find((r) => r.agency_name === '济宁市兖州区人民政府')!;
    expect(zhengfu['t3.new.total']).toBe(86);
    expect(zhengfu['t2.fees.amount']).toBe(386.52);
    expect(zhengfu['t2.rules.made']).toBeNull();
    expect(zhengfu.is_current).toBe(true);
    const reports = await read('reports.parquet');
    expect(reports.map((r) => r.report_id)).toEqual(archive.db.prepare('SELECT id FROM reports WHERE is_current = 1 ORDER BY id').pluck().all());
    expect((await runCli(['export', '--verify', out('parquet')])).code).toBe(0);
    const file = path.join(out('parquet'), 'checks.parquet');
    const bytes = readFileSync(file);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    expect((await runCli(['export', '--verify', out('parquet')])).code).toBe(4);
  });

  it('JSON Lines: one object per row, nulls kept', async () => {
    const manifest = await exportTo('json', 'json');
    const lines = readFileSync(path.join(out('json'), 'long.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as CellRow);
    expect(lines).toEqual(cells());
    expect(manifest.files.map((f) => f.path)).toEqual(['reports.jsonl', 'wide.jsonl', 'long.jsonl', 'agencies.jsonl', 'checks.jsonl', 'statuses.jsonl', 'codebook.jsonl']);
    expect((await runCli(['export', '--verify', out('json')])).code).toBe(0);
  });
});

describe('nianbao export --format warc', () => {
  const sha = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

  it('every record parses, digests match, and bodies seen before / 304s are revisits', async () => {
    const manifest = await exportTo('warc', 'warc');
    expect(manifest.files.length).toBe(1);
    const types: Record<string, number> = {};
    const ids = new Set<string>();
    const refersTo: string[] = [];
    let records = 0;
    for await (const record of WARCParser.iterRecords(createReadStream(path.join(out('warc'), manifest.files[0]!.path)), { parseHttp: false })) {
      records += 1;
      expect(record.warcHeaders.protocol).toBe('WARC/1.1');
      const type = record.warcType === 'revisit' ? `revisit ${record.warcHeader('WARC-Profile')}` : record.warcType;
      types[type] = (types[type] ?? 0) + 1;
      const id = record.warcHeader('WARC-Record-ID')!;
      expect(ids.has(id)).toBe(false);
      ids.add(id);
      const block = await record.readFully(false);
      expect(block.length).toBe(record.warcContentLength);
      if (record.warcType === 'warcinfo') {
        expect(new TextDecoder().decode(block)).toContain('format: WARC File Format 1.1');
        continue;
      }
      expect(record.warcHeader('WARC-Block-Digest')).toBe(sha(block));
      expect(record.warcHeader('WARC-Target-URI')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(record.warcHeader('WARC-Date')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      const text = Buffer.from(block);
      const split = text.indexOf('\r\n\r\n');
      expect(split).toBeGreaterThan(0);
      if (record.warcType === 'response') {
        const payload = text.subarray(split + 4);
        expect(record.warcHeader('WARC-Payload-Digest')).toBe(sha(payload));
        const length = /\r\ncontent-length: (\d+)\r\n/i.exec(text.subarray(0, split + 2).toString('latin1'));
        if (length !== null) expect(Number(length[1])).toBe(payload.length);
      }
      if (record.warcType === 'revisit') {
        expect(split + 4).toBe(block.length);
        const ref = record.warcHeader('WARC-Refers-To');
        if (record.warcHeader('WARC-Profile') === PROFILE_IDENTICAL) {
          expect(ref).toBeTruthy();
          expect(record.warcHeader('WARC-Payload-Digest')).toMatch(/^sha256:[0-9a-f]{64}$/);
        } else expect(text.subarray(0, 16).toString()).toBe('HTTP/1.1 304 Not');
        if (ref) refersTo.push(ref);
      }
    }
    expect(records).toBe(manifest.files[0]!.rows);
    for (const ref of refersTo) expect(ids.has(ref)).toBe(true);
    const withResponse = count('SELECT count(*) FROM captures WHERE status > 0');
    expect(types.request).toBe(withResponse);
    expect((types.response ?? 0) + (types[`revisit ${PROFILE_IDENTICAL}`] ?? 0) + (types[`revisit ${PROFILE_NOT_MODIFIED}`] ?? 0)).toBe(withResponse);
    expect(types[`revisit ${PROFILE_NOT_MODIFIED}`]).toBe(count('SELECT count(*) FROM captures WHERE status = 304'));
    expect(types[`revisit ${PROFILE_IDENTICAL}`]).toBeGreaterThan(0);
    expect(types.warcinfo).toBe(1);
    expect((await runCli(['export', '--verify', out('warc')])).code).toBe(0);
  });
});
