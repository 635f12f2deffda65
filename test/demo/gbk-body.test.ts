import { describe, expect, it } from 'vitest';
import { DEMO_REPORTS } from '../../demo/reports/catalogue.ts';
import { renderFlipbookPages } from '../../demo/reports/render-flipbook-pages.ts';
import { renderReportBody } from '../../demo/reports/render-report-body.ts';

/** Encoder built by decoding every two-byte GBK code (WHATWG `gbk` decoder): char → bytes. */
function gbkEncoder(): (text: string) => Buffer {
  const decoder = new TextDecoder('gbk', { fatal: false });
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const bytes: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) bytes.push(code);
      else {
        const pair = table.get(ch);
        if (!pair) throw new Error(`Expected GBK-encodable text, got U+${code.toString(16)} (${ch})`);
        bytes.push(...pair);
      }
    }
    return Buffer.from(bytes);
  };
}

const encode = gbkEncoder();
const assets = { imageUrls: ['/a.png', '/b.png', '/c.png'], attachmentUrl: '/x.pdf' };

describe('GBK-served report', () => {
  it('round-trips the GBK report body through GBK bytes', () => {
    const gbk = DEMO_REPORTS.filter((r) => r.charset === 'gbk');
    expect(gbk).toHaveLength(1);
    const html = renderReportBody(gbk[0]!, assets);
    const bytes = encode(html);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(html, 'utf8'));
    expect(new TextDecoder('gbk').decode(bytes)).toBe(html);
    expect(html).toContain('国办公开办函〔');
  });

  it('keeps every demo text GBK-encodable (any report could be served in GBK)', () => {
    for (const r of DEMO_REPORTS) {
      expect(() => encode(renderReportBody(r, assets)), r.slug).not.toThrow();
      if (r.delivery === 'flipbook') expect(() => encode(renderFlipbookPages(r).join('\n')), r.slug).not.toThrow();
    }
  });

  it('the encoder rejects characters outside GBK', () => {
    expect(() => encode('报告😀')).toThrow(/Expected GBK-encodable/);
  });
});
