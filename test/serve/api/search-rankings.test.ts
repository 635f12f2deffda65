/** The server's kept rankings filter in memory exactly as SQLite would, and are dropped when the archive changes. */
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankedIds } from '../../../serve/api/search-rankings.ts';
import { rankedReportIds, type SearchQuery } from '../../../store/search.ts';
import { openArchive } from '../../../store/open-archive.ts';
import { crawledDemoArchive, type CrawledArchive } from '../../jobs/search/crawled-archive.ts';

let archive: CrawledArchive;
let reader: Database;

beforeAll(async () => {
  archive = await crawledDemoArchive();
  reader = openArchive(archive.file, 'serve');
}, 120_000);

afterAll(() => {
  reader.close();
  archive.db.close();
});

const TEXTS = ['', '信访', '规章', '信息处理费', '规章 信息处理费', '镇', '量子纠缠'];
const FILTERS: Omit<SearchQuery, 'text'>[] = [
  {},
  { year: 2023 },
  { year: 2019, template: '2019' },
  { template: '2021' },
  { portalId: 'wendeng-demo' },
  { portalId: 'yanzhou-demo', year: 2022 },
  { agency: '民政局' },
  { failingCheck: 't3' },
];

describe('rankedIds', () => {
  it('gives the ids, in the order, that SQLite ranks with the filters applied', () => {
    let nonEmpty = 0;
    for (const text of TEXTS) {
      for (const filter of FILTERS) {
        const query = { text, ...filter };
        const expected = rankedReportIds(reader, query);
        expect(rankedIds(reader, query), JSON.stringify(query)).toEqual(expected);
        // A second ask comes from the kept list and is still the same.
        expect(rankedIds(reader, query)).toEqual(expected);
        if (expected.length > 1) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(15);
  });

  it('ranks again when another connection changes the archive (seen from the next turn of the event loop)', async () => {
    const query = { text: '规章', template: '2019' };
    const before = rankedIds(reader, query);
    expect(before.length).toBeGreaterThan(0);
    const moved = before[0]!;
    archive.db.prepare("UPDATE reports SET template = '2021' WHERE id = ?").run(moved);
    await new Promise((resolve) => setImmediate(resolve));
    const after = rankedIds(reader, query);
    expect(after).not.toContain(moved);
    expect(after).toEqual(rankedReportIds(reader, query));
  });
});
