/** searchReports on the crawled demo portal: trigram terms, 1–2 character terms, filters, snippets, index sync. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSearchHits, rankedReportIds, searchReports, searchTerms } from '../../store/search.ts';
import { makeSnippet } from '../../store/search-snippet.ts';
import { crawledDemoArchive, type CrawledArchive } from '../jobs/search/crawled-archive.ts';

let archive: CrawledArchive;

beforeAll(async () => {
  archive = await crawledDemoArchive();
}, 120_000);

afterAll(() => archive.db.close());

describe('searchReports', () => {
  it('finds a 3+ character term through the trigram index, with the hit marked in the snippet', () => {
    const hits = searchReports(archive.db, { text: '信息处理费' });
    expect(hits.length).toBeGreaterThan(5);
    for (const hit of hits) expect(hit.snippet).toContain('【信息处理费】');
    expect(countSearchHits(archive.db, { text: '信息处理费' })).toBe(hits.length);
  });

  it('finds two-character terms (信访, 规章) that the trigram index cannot', () => {
    const xinfang = searchReports(archive.db, { text: '信访', limit: 100 });
    expect(xinfang.map((h) => h.agency)).toContain('济宁市兖州区信访局');
    expect(xinfang[0]!.snippet).toContain('【信访】');
    const guizhang = searchReports(archive.db, { text: '规章', limit: 100 });
    expect(guizhang.length).toBeGreaterThanOrEqual(9);
    for (const hit of guizhang) expect(hit.snippet).toContain('【规章】');
  });

  it('finds a one-character term', () => {
    const hits = searchReports(archive.db, { text: '镇' });
    expect(hits.map((h) => h.agency)).toEqual(['济宁市兖州区小孟镇人民政府']);
    expect(hits[0]!.snippet).toContain('小孟【镇】');
  });

  it('combines short and long terms (all must occur) and returns nothing for text no report holds', () => {
    const both = searchReports(archive.db, { text: '信访 信息处理费', limit: 100 });
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThanOrEqual(searchReports(archive.db, { text: '信访', limit: 100 }).length);
    expect(searchReports(archive.db, { text: '量子纠缠' })).toEqual([]);
    expect(searchReports(archive.db, { text: '龘' })).toEqual([]);
  });

  it('filters by failing check (id or prefix), year, template, portal and agency', () => {
    const failing = searchReports(archive.db, { text: '信访', failingCheck: 't3' });
    expect(failing.map((h) => [h.agency, h.year, h.failingChecks])).toEqual([['济宁市兖州区自然资源局', 2021, 2]]);
    expect(searchReports(archive.db, { text: '信访', failingCheck: 't3.' })).toHaveLength(1);
    expect(searchReports(archive.db, { text: '信访', failingCheck: 't3.row.new' })).toHaveLength(1);
    expect(searchReports(archive.db, { text: '信访', failingCheck: 't4' })).toHaveLength(0);
    expect(searchReports(archive.db, { text: '信访', failingCheck: 't3.row.ne' })).toHaveLength(0);
    const y2019 = searchReports(archive.db, { text: '规章', year: 2019, template: '2019' });
    expect(y2019.map((h) => h.agency).sort()).toEqual(['威海市文登区住房和城乡建设局', '济宁市兖州区财政局']);
    expect(searchReports(archive.db, { text: '规章', portalId: 'wendeng-demo', limit: 100 }).every((h) => h.portalId === 'wendeng-demo')).toBe(true);
    expect(searchReports(archive.db, { text: '规章', agency: '民政局' }).map((h) => h.agency)).toEqual(['济宁市兖州区民政局']);
  });

  it('pages with limit and offset', () => {
    const all = searchReports(archive.db, { text: '规章', limit: 100 });
    const page = searchReports(archive.db, { text: '规章', limit: 2, offset: 2 });
    expect(page.map((h) => h.reportId)).toEqual(all.slice(2, 4).map((h) => h.reportId));
  });

  it('marks hits as HTML on request, escaping the text', () => {
    const [hit] = searchReports(archive.db, { text: '信息处理费', marks: 'html', limit: 1 });
    expect(hit!.snippet).toContain('<mark>信息处理费</mark>');
    expect(makeSnippet('a<b>信访', ['信访'], { marks: 'html' })).toBe('a&#60;b&#62;<mark>信访</mark>');
  });

  it('filters by watch status, and refuses the filter on an archive without the watch tables', () => {
    const db = archive.db;
    const target = searchReports(db, { text: '规章', agency: '财政局', year: 2019 })[0]!;
    const body = db.prepare('SELECT r.portal_id, a.key FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.id = ?').get(target.reportId) as { portal_id: string; key: string };
    db.prepare(
      `INSERT INTO watch_statuses (portal_id, body_key, year, body_name, body_sources, status, as_of, deadline, deadline_rule, evidence, updated_at)
       VALUES (?, ?, 2019, '济宁市兖州区财政局', '[]', 'late', '2020-03-01', '2020-01-31', 'test', '[]', '2020-03-01T00:00:00.000Z')`,
    ).run(body.portal_id, body.key);
    try {
      expect(searchReports(db, { text: '规章', status: 'late' }).map((h) => h.reportId)).toEqual([target.reportId]);
      expect(searchReports(db, { text: '规章', status: 'on_time' })).toEqual([]);
      expect(db.prepare("SELECT agency_name, status, report_id FROM body_years_v WHERE year = 2019 AND body_key = ?").get(body.key)).toEqual({ agency_name: '济宁市兖州区财政局', status: 'late', report_id: null });
    } finally {
      db.prepare('DELETE FROM watch_statuses WHERE body_key = ?').run(body.key);
    }
    db.exec('ALTER TABLE watch_statuses RENAME TO watch_statuses_away');
    try {
      expect(() => searchReports(db, { text: '规章', status: 'late' })).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    } finally {
      db.exec('ALTER TABLE watch_statuses_away RENAME TO watch_statuses');
    }
  });

  it('keeps the index in step with reports: changed text is found at once, the old text no longer', () => {
    const db = archive.db;
    const id = searchReports(db, { text: '镇' })[0]!.reportId;
    const before = db.prepare('SELECT full_text FROM reports WHERE id = ?').pluck().get(id) as string;
    db.prepare('UPDATE reports SET full_text = ? WHERE id = ?').run(`${before}\n测试用的独特短语甲乙丙`, id);
    try {
      expect(searchReports(db, { text: '独特短语甲乙丙' }).map((h) => h.reportId)).toEqual([id]);
      expect(db.prepare("SELECT count(*) FROM reports_fts WHERE reports_fts MATCH '\"独特短语\"'").pluck().get()).toBe(1);
    } finally {
      db.prepare('UPDATE reports SET full_text = ? WHERE id = ?').run(before, id);
    }
    expect(searchReports(db, { text: '独特短语甲乙丙' })).toEqual([]);
    expect(db.prepare("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)").run().changes).toBeGreaterThanOrEqual(0);
  });

  it('splits query text into terms, keeping quoted phrases', () => {
    expect(searchTerms(' 信访  "行政 复议" 信访 ')).toEqual(['信访', '行政 复议']);
  });
});

describe('rankedReportIds', () => {
  it('is the order searchReports pages through, for trigram, short and mixed queries', () => {
    for (const text of ['信息处理费', '信访', '规章', '信访 信息处理费', '']) {
      const ids = rankedReportIds(archive.db, { text });
      expect(ids).toHaveLength(countSearchHits(archive.db, { text }));
      expect(searchReports(archive.db, { text, limit: 1000 }).map((h) => h.reportId)).toEqual(ids);
      const paged: number[] = [];
      for (let offset = 0; offset < ids.length; offset += 4) paged.push(...searchReports(archive.db, { text, limit: 4, offset }).map((h) => h.reportId));
      expect(paged).toEqual(ids);
    }
  });
});
