/** Complete realistic pages (Word-pasted tables, page chrome) against their expected JSON. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtmlReport } from '../../extract/html/extract-html-report.ts';
import { templateKeys } from '../../extract/template/keys.ts';

interface Expected {
  readonly url: string;
  readonly title: string;
  readonly agency: string;
  readonly year: number;
  readonly publishedAt: string;
  readonly publishedAtRaw: string;
  readonly template: '2021' | '2019';
  readonly missingTables: string[];
  readonly sectionParts: number[];
  readonly failingChecks: string[];
  readonly files: unknown[];
  readonly cells: Record<string, number | null>;
}

const PAGES = ['xxgk-2021-yanzhou-xfj', 'jcms-2019-zaozhuang-xfj'];

describe.each(PAGES)('page %s', (name) => {
  const dir = new URL('./pages/', import.meta.url);
  const html = readFileSync(new URL(`${name}.html`, dir), 'utf8');
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as Expected;
  const report = extractHtmlReport(html, expected.url);

  it('has the expected metadata and template', () => {
    expect({
      title: report.title,
      agency: report.agency,
      year: report.year,
      publishedAt: report.publishedAt,
      publishedAtRaw: report.publishedAtRaw,
      template: report.template,
      missingTables: report.missingTables,
      sectionParts: report.sections.map((s) => s.part),
    }).toEqual({
      title: expected.title,
      agency: expected.agency,
      year: expected.year,
      publishedAt: expected.publishedAt,
      publishedAtRaw: expected.publishedAtRaw,
      template: expected.template,
      missingTables: expected.missingTables,
      sectionParts: expected.sectionParts,
    });
  });

  it('has every cell of the template as expected', () => {
    expect(Object.keys(expected.cells).sort()).toEqual(templateKeys(expected.template).sort());
    expect(report.cells).toEqual(expected.cells);
    expect(report.cellDetails.every((d) => d.method === 'html-table' && d.confidence === 1 && /^table\[\d+\]\/row\[\d+\]\/col\[\d+\]$/.test(d.location))).toBe(true);
  });

  it('fails exactly the expected checks', () => {
    expect(report.checks.filter((c) => !c.ok).map((c) => c.id).sort()).toEqual([...expected.failingChecks].sort());
  });

  it('lists the body images and attachments', () => {
    expect(report.files).toEqual(expected.files);
  });

  it('produces no warnings and a search text without chrome', () => {
    expect(report.warnings).toEqual([]);
    expect(report.text).toContain('一、总体情况');
    expect(report.text).not.toContain('政府网站找错');
    expect(report.text).not.toContain('版权所有');
  });
});
