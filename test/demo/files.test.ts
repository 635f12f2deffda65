import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { demoReport, DEMO_REPORTS } from '../../demo/reports/catalogue.ts';
import { renderFlipbookPages } from '../../demo/reports/render-flipbook-pages.ts';
import { renderPdf, renderTablesPdf } from '../../demo/reports/render-pdf.ts';
import { crc32, renderTableImages, renderTablePng } from '../../demo/reports/render-table-png.ts';

describe('renderTablePng', () => {
  it('writes a greyscale PNG with a valid IHDR, CRCs and pixel data', () => {
    const png = renderTablePng({ width: 1100, height: 800, columns: [3, 1, 1], rows: 10, headerRows: 2 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(1100);
    expect(png.readUInt32BE(20)).toBe(800);
    expect([png[24], png[25]]).toEqual([8, 0]);
    let offset = 8;
    const idat: Buffer[] = [];
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.toString('ascii', offset + 4, offset + 8);
      const data = png.subarray(offset + 8, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
      if (type === 'IDAT') idat.push(data);
      offset += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(idat));
    expect(raw.length).toBe((1100 + 1) * 800);
    expect(raw.includes(0)).toBe(true); // rules are drawn
    expect(raw.includes(217)).toBe(true); // header band
  });

  it('renders the three tables of an image report at screenshot size', () => {
    const images = renderTableImages('2021');
    expect(images).toHaveLength(3);
    for (const png of images) expect(png.readUInt32BE(16)).toBe(1100);
    expect(images[1]!.readUInt32BE(20)).toBe(800);
  });
});

describe('renderPdf', () => {
  it('writes a PDF 1.4 whose xref offsets point at their objects', () => {
    const pdf = renderTablesPdf(demoReport('yanzhou-weijian-2024'));
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.endsWith('%%EOF')).toBe(true);
    expect(text).toContain('/Count 3');
    const startxref = Number(/startxref\n(\d+)\n%%EOF$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entries = text.slice(startxref).split('\n').slice(3, 8);
    entries.forEach((entry, i) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/);
      expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${i + 1} 0 obj`)).toBe(true);
    });
    const length = Number(/\/Length (\d+)/.exec(text)![1]);
    const stream = text.indexOf('stream\n') + 'stream\n'.length;
    expect(text.slice(stream + length, stream + length + 10)).toBe('\nendstream');
  });

  it('escapes PDF string delimiters and replaces non-ASCII', () => {
    const text = renderPdf(['a (b) \\ 年']).toString('latin1');
    expect(text).toContain('(a \\(b\\) \\\\ ?) \'');
  });
});

describe('renderFlipbookPages', () => {
  it.each(DEMO_REPORTS.filter((r) => r.delivery === 'flipbook').map((r) => [r.slug, r] as const))(
    '%s: 4–6 pages of PDF text with the tables as number rows',
    (_slug, r) => {
      const pages = renderFlipbookPages(r);
      expect(pages.length).toBeGreaterThanOrEqual(4);
      expect(pages.length).toBeLessThanOrEqual(6);
      pages.forEach((p, i) => expect(p.endsWith(`- ${i + 1} -`)).toBe(true));
      const all = pages.join('\n');
      expect(all.startsWith(r.title) || all.startsWith(r.agency)).toBe(true);
      for (const line of all.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
      const t3new = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => r.cells[`t3.new.${c}`]);
      expect(all).toContain(`政府信息公开申请数量 ${t3new.join(' ')}`);
      expect(all).toContain('国办公开办函〔2021〕30号');
    },
  );
});
