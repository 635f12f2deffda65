/**
 * A table 3 continued over two or three images of one report body (a page break cut it) is joined and mapped as one.
 * The parts are cut from committed fixture images at row boundaries; the joined result is checked through
 * `withImageTables`, the function a crawl runs on a report's body images (jobs/extract/body-image-tables.ts), with the
 * real tesseract.js engine, against the unsplit image read by the same pipeline.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedFixture } from '../../../bench/ocr/score.ts';
import { withImageTables } from '../../../extract/documents/image-tables.ts';
import { extractImageTables } from '../../../extract/ocr/extract-image-tables.ts';
import { joinContinuations } from '../../../extract/ocr/join-continuations.ts';
import { t3RowLabels } from '../../../extract/ocr/labels.ts';
import { prepareImage } from '../../../extract/ocr/prepare-image.ts';
import { TesseractJsEngine } from '../../../extract/ocr/tesseract-js-engine.ts';
import type { ExtractedReport } from '../../../extract/types.ts';
import { cutAtRows } from './cut-rows.ts';

const dir = new URL('../../fixtures/ocr/', import.meta.url);
const fixture = async (name: string): Promise<{ bytes: Buffer; expected: ExpectedFixture }> => {
  const expected = JSON.parse(await readFile(new URL(`${name}.expected.json`, dir), 'utf8')) as ExpectedFixture;
  return { bytes: await readFile(new URL(expected.file, dir)), expected };
};

/** A report page whose tables were all pasted as images (what the crawl hands to withImageTables). */
const pageWithoutTables: ExtractedReport = {
  title: '2021年政府信息公开工作年度报告',
  agency: null,
  year: 2021,
  publishedAt: null,
  publishedAtRaw: null,
  template: '2021',
  cells: {},
  cellDetails: [],
  checks: [],
  sections: [],
  text: '',
  files: [],
  missingTables: ['t2', 't3', 't4'],
  warnings: [],
  extractorVersion: 'test',
};

const t3Cells = (cells: Readonly<Record<string, number | null>>): Record<string, number | null> =>
  Object.fromEntries(Object.entries(cells).filter(([k]) => k.startsWith('t3.')));

describe('joinContinuations (grids and labels, no OCR)', () => {
  it('joins a headerless continuation whose labels follow, and not one whose labels repeat', async () => {
    const { bytes } = await fixture('t3-2021-word');
    const [top, bottom] = await Promise.all((await cutAtRows(bytes, [4])).map((b, i) => prepareImage(b, `p${i}`)));
    const canonical = t3RowLabels('2021').map((r) => r.label);
    const topT3 = { layout: top!.layouts[0]!, labels: canonical.slice(0, 4), header: null };
    const bottomT3 = { layout: bottom!.layouts[0]!, labels: canonical.slice(4), header: null };
    // The top part's rows all span the three label columns: only 9 ruled columns, still table 3.
    expect(topT3.layout).toMatchObject({ kind: 't3' });
    expect(topT3.layout.grid.cols).toBeLessThan(10);
    const joined = joinContinuations([
      { sourceId: 'top', layouts: [topT3] },
      { sourceId: 'bottom', layouts: [bottomT3] },
    ]);
    expect(joined.tables.map((t) => t.labelled.labels.length)).toEqual([25]);
    const repeated = joinContinuations([
      { sourceId: 'bottom', layouts: [bottomT3] },
      { sourceId: 'again', layouts: [bottomT3] },
    ]);
    expect(repeated.tables.map((t) => t.parts.length)).toEqual([1, 1]);
    const reordered = joinContinuations([
      { sourceId: 'bottom', layouts: [bottomT3] },
      { sourceId: 'top', layouts: [topT3] },
    ]);
    expect(reordered.tables.map((t) => t.parts.length)).toEqual([1, 1]);
  });
});

describe('a table 3 split over images, read as a crawl reads a report body (tesseract.js)', () => {
  let engine: TesseractJsEngine;
  beforeAll(async () => {
    engine = await TesseractJsEngine.create({ digitWorkers: 2, labelWorkers: 1 });
  });
  afterAll(async () => {
    await engine?.terminate();
  });

  it.each([
    // 2019 form cut above 四、结转下年度: the last part's three rows alone would be taken for a 2021 table.
    ['t3-2019-word', [20]],
    // 2021 form in three images: header and four spanning rows (9 ruled columns), the middle, the tail.
    ['t3-2021-word', [4, 15]],
  ] as const)('%s cut above body rows %j comes out as the unsplit image', async (name, rows) => {
    const { bytes, expected } = await fixture(name);
    const whole = await extractImageTables([{ bytes, sourceId: 'whole.png' }], engine);
    const parts = await cutAtRows(bytes, rows);
    const report = { ...pageWithoutTables, template: expected.template };
    const images = parts.map((b, i) => ({ bytes: b, origin: `https://example.gov.cn/part${i + 1}.png`, url: `https://example.gov.cn/part${i + 1}.png` }));
    const result = await withImageTables(report, images, { source: images[0]!.url, ocr: async () => engine });
    expect(result.template).toBe(expected.template);
    expect(t3Cells(result.cells)).toEqual(t3Cells(whole.cells));
    expect(t3Cells(result.cells)).toEqual(t3Cells(expected.cells));
    expect(result.missingTables).toEqual(['t2', 't4']);
    expect(result.warnings.some((w) => w.includes(`continued over ${parts.length} images`))).toBe(true);
    // Every cell names the image it was read from.
    const sources = new Set(result.cellDetails.map((c) => c.source));
    expect([...sources].sort()).toEqual(images.map((i) => i.url));
    // The joined table is checked whole.
    expect(result.checks.some((c) => c.id === 't3.balance.total')).toBe(true);
  });

  it('joins a table 2 continued without its 信息内容 row', async () => {
    const { bytes, expected } = await fixture('t2-2019-word');
    const parts = await cutAtRows(bytes, [4]);
    const images = parts.map((b, i) => ({ bytes: b, origin: `part${i + 1}.png` }));
    const result = await withImageTables({ ...pageWithoutTables, template: '2019' }, images, { source: 'page', ocr: async () => engine });
    expect(Object.entries(expected.cells).filter(([k, v]) => result.cells[k] !== v)).toEqual([]);
    expect(result.warnings.some((w) => w.includes('table 2 continued over 2 images'))).toBe(true);
  });
});
