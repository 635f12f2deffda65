/** data/datasette-metadata.json describes the archive's tables and views, with units, source and licence. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../store/open-archive.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('data/datasette-metadata.json', () => {
  const metadata = JSON.parse(readFileSync('data/datasette-metadata.json', 'utf8')) as {
    license: string;
    source: string;
    databases: { archive: { tables: Record<string, { description: string }> } };
  };

  it('has a source, a licence and a description of every research table and view', () => {
    expect(metadata.license.length).toBeGreaterThan(0);
    expect(metadata.source.length).toBeGreaterThan(0);
    const db = openArchive(tmp.file('meta.sqlite'));
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'reports_fts_%'").pluck().all() as string[];
    db.close();
    const documented = Object.keys(metadata.databases.archive.tables);
    for (const name of ['portals', 'agencies', 'reports', 'cells', 'check_results', 'captures', 'blobs', 'current_cells_v', 'report_summary_v', 'body_years_v']) {
      expect(names).toContain(name);
      expect(documented, name).toContain(name);
    }
    expect(JSON.stringify(metadata)).toContain('万元');
  });
});
