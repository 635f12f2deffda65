/**
 * Writes the document fixtures of test/fixtures/documents/ from demo report specs, through the same template
 * renderer as the HTML reports: a text PDF printed by Chromium, a DOCX with merged-cell tables, a DOC converted
 * from it by LibreOffice, an XLSX, a PDF whose tables are images, a DOCX with table screenshots, a scanned PDF and a
 * flip-book; each with `<name>.expected.json`. Run: `node --import tsx demo/document-fixtures/generate.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoReport } from '../reports/catalogue.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { printPdf, withBrowser } from './chromium.ts';
import { writeDocx, type DocxBlock } from './docx-writer.ts';
import { expectedDocument, type ExpectedDocument } from './expected-json.ts';
import { convertWithLibreOffice } from '../../extract/documents/doc/libreoffice.ts';
import { documentBlocks, plainSpec, printableHtml } from './source-report.ts';
import { writeXlsx } from './xlsx-writer.ts';
import { imageFixtures } from './image-fixtures.ts';
import { flipbookFixture } from './flipbook-fixture.ts';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/documents');

/** Values that print differently from their number (money units, dashes) are kept: they are part of the test. */
export function fixtureSpec(slug: string): DemoReportSpec {
  const spec = demoReport(slug);
  const keep = new Set(['money-unit-in-cell', 'dash-blanks', 'negative-change', 'subtotal-rows', 'guidance-in-labels', 'ascii-brackets']);
  return { ...plainSpec(spec), quirks: ['bare-table', ...spec.quirks.filter((q) => keep.has(q))] };
}

function write(name: string, bytes: Buffer | string, expected?: ExpectedDocument): void {
  writeFileSync(path.join(FIXTURE_DIR, name), bytes);
  if (expected !== undefined) writeFileSync(path.join(FIXTURE_DIR, `${name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(`wrote ${name}`);
}

export function docxBlocks(spec: DemoReportSpec): DocxBlock[] {
  return documentBlocks(spec).map((b) => (b.kind === 'para' ? b : { kind: 'table', grid: b.grid }));
}

async function main(): Promise<void> {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const gov = fixtureSpec('yanzhou-zhengfu-2023');
  const finance = fixtureSpec('yanzhou-caizheng-2019');
  await withBrowser(async (browser) => {
    write('zhengfu-2023.text.pdf', await printPdf(browser, printableHtml(gov)), expectedDocument('zhengfu-2023.text.pdf', gov, 'pdf', true));
    for (const f of await imageFixtures(browser, gov)) write(f.name, f.bytes, expectedDocument(f.name, gov, f.format, false));
  });
  const docx = await writeDocx(docxBlocks(gov));
  write('zhengfu-2023.merged.docx', docx, expectedDocument('zhengfu-2023.merged.docx', gov, 'docx', true));
  write('zhengfu-2023.doc', await convertWithLibreOffice(docx, 'docx', 'doc'), expectedDocument('zhengfu-2023.doc', gov, 'doc', true));
  const tables = documentBlocks(finance).flatMap((b) => (b.kind === 'table' ? [b.grid] : []));
  const names = ['表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 行政复议、行政诉讼情况'];
  const xlsx = await writeXlsx(tables.map((grid, i) => ({ name: names[i]?.slice(0, 2) ?? `表${i}`, titles: i === 0 ? [finance.title, names[0]!] : [names[i]!], grid })));
  write('caizheng-2019.xlsx', xlsx, expectedDocument('caizheng-2019.xlsx', finance, 'xlsx', true));
  write('caizheng-2019.xls', await convertWithLibreOffice(xlsx, 'xlsx', 'xls'), expectedDocument('caizheng-2019.xls', finance, 'xls', true));
  const flip = flipbookFixture(demoReport('wendeng-zonghexz-2021'));
  mkdirSync(path.join(FIXTURE_DIR, flip.dir), { recursive: true });
  flip.pages.forEach((html, i) => write(`${flip.dir}/page${i + 1}.html`, html));
  write(`${flip.dir}.expected.json`, `${JSON.stringify(flip.expected, null, 2)}\n`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) await main();
