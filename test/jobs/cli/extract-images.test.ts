import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tempArchive } from '../../helpers/temp-archive.ts';
import { cutAtRows } from '../../extract/ocr/cut-rows.ts';
import { runCli } from './run-cli.ts';

const FIXTURES = path.resolve('test/fixtures/ocr');

interface Expected {
  template: string;
  cells: Record<string, number | null>;
}

describe('nianbao extract <image> --json', () => {
  it.each(['t3-2021-phone.jpg', 't2-2019-word.png'])('%s: every cell the image shows is read right or flagged, with its box', async (file) => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, file.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Expected;
    const { code, stdout, stderr } = await runCli(['extract', path.join(FIXTURES, file), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      template: string;
      cells: Record<string, number | null>;
      checks: { id: string; ok: boolean }[];
      ocrCells: { key: string; value: number | null; box: unknown; flagged: boolean; ocrConfidence: number }[];
    };
    expect(out.template).toBe(expected.template);
    const byKey = new Map(out.ocrCells.map((c) => [c.key, c]));
    for (const [key, value] of Object.entries(expected.cells)) {
      const cell = byKey.get(key);
      expect(cell, key).toBeDefined();
      expect(cell!.box, key).toBeDefined();
      if (out.cells[key] !== value) expect(cell!.flagged, `${key}: ${out.cells[key]} vs printed ${value}`).toBe(true);
    }
  }, 120_000);

  it('several images are one report in order: a table 3 split over two images comes out whole', async () => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 't3-2019-word.expected.json'), 'utf8')) as Expected;
    const dir = tempArchive().dir;
    // Cut above 四、结转下年度继续办理's three last rows: alone, they would be read as a 2021 table.
    const files = (await cutAtRows(readFileSync(path.join(FIXTURES, 't3-2019-word.png')), [20])).map((bytes, i) => {
      const file = path.join(dir, `part${i + 1}.png`);
      writeFileSync(file, bytes);
      return file;
    });
    const { code, stdout, stderr } = await runCli(['extract', ...files, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { template: string; cells: Record<string, number | null>; sources: string[]; ocrCells: { key: string; sourceId: string; flagged: boolean }[] };
    expect(out.template).toBe('2019');
    expect(out.sources).toEqual(files);
    const byKey = new Map(out.ocrCells.map((c) => [c.key, c]));
    const t3 = Object.entries(expected.cells).filter(([k]) => k.startsWith('t3.'));
    expect(t3).toHaveLength(23 * 7);
    for (const [key, value] of t3) {
      expect(byKey.get(key), key).toBeDefined();
      if (out.cells[key] !== value) expect(byKey.get(key)!.flagged, `${key}: ${out.cells[key]} vs printed ${value}`).toBe(true);
    }
    expect(byKey.get('t3.carried_out.total')!.sourceId).toBe(files[1]);
    expect(byKey.get('t3.new.total')!.sourceId).toBe(files[0]);
    // Several inputs are table images only: a URL among them, or a page, is a usage error.
    expect((await runCli(['extract', files[0]!, 'https://example.gov.cn/a.html'])).code).toBe(2);
    const page = path.join(dir, 'page.html');
    writeFileSync(page, '<html><body>年度报告</body></html>');
    expect((await runCli(['extract', files[0]!, page])).code).toBe(2);
  }, 120_000);

  it('an image without a table is a clear error (exit 4)', async () => {
    const dir = tempArchive().dir;
    const blank = path.join(dir, 'blank.png');
    writeFileSync(blank, await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ffffff' } }).png().toBuffer());
    const { code, stderr } = await runCli(['extract', blank, '--json']);
    expect(code).toBe(4);
    expect(stderr).toMatch(/E_OCR_NO_TABLE|E_IMAGE/);
  }, 60_000);
});
