import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExpectedDocument } from '../../../demo/document-fixtures/expected-json.ts';
import { extractFlipbook } from '../../../extract/documents/flipbook/extract-flipbook.ts';
import { textRowBlocks } from '../../../extract/documents/text-rows.ts';

const DIR = path.resolve('test/fixtures/documents/wendeng-zonghexz-2021.flipbook');
const want = JSON.parse(readFileSync(`${DIR}.expected.json`, 'utf8')) as ExpectedDocument;
const pages = readdirSync(DIR)
  .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
  .map((f) => ({ url: `https://book.example/book/2021dzs/zonghexz/files/basic-html/${f}`, html: readFileSync(path.join(DIR, f), 'utf8') }));

describe('extractFlipbook', () => {
  it('assembles the pages into one report: metadata, six sections, every cell from the text rows', () => {
    const report = extractFlipbook(pages, pages[0]!.url);
    expect({ title: report.title, agency: report.agency, year: report.year, template: report.template }).toEqual({
      title: want.title,
      agency: want.agency,
      year: want.year,
      template: want.template,
    });
    expect(report.cells).toEqual(want.cells);
    expect(report.sections.map((s) => s.part)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.id).sort()).toEqual(want.failingChecks);
    expect(report.cellDetails.every((c) => c.method === 'flipbook-text' && c.source?.includes('/files/basic-html/page'))).toBe(true);
    expect(report.text).not.toMatch(/^- \d+ -$/m);
  });
});

describe('textRowBlocks', () => {
  it('keeps prose that ends in a number as prose, joins wrapped labels, and right-aligns table 3 values', () => {
    const lines = [
      '2021年，本机关共收到政府信息公开申请4件。',
      '三、收到和处理政府信息公开申请情况',
      '三、本年度办理结果',
      '（二）部分公开（区分处理的，只计这一',
      '情形，不计其他情形） 1 0 0 0 0 0 1',
      '（三）不予公开',
      '1.属于国家秘密 0 0 0 0 0 0 0',
    ].map((text) => ({ text, source: 'p1' }));
    const blocks = textRowBlocks(lines, 'x');
    expect(blocks.slice(0, 2)).toEqual([
      { kind: 'text', text: '2021年，本机关共收到政府信息公开申请4件。' },
      { kind: 'text', text: '三、收到和处理政府信息公开申请情况' },
    ]);
    const table = blocks[2];
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.table.html).toContain('<td>三、本年度办理结果</td><td>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>1</td>');
    expect(table.table.html).toContain('<td>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td>');
    expect(table.table.rowSources).toEqual(['p1', 'p1']);
  });
});
