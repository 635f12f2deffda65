import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, detectCharset, metaCharsetLabel, normaliseCharset } from '../../common/charset.ts';

const TEXT = '济宁市人民政府办公室2025年政府信息公开工作年度报告';
const gbk = (html: string): Buffer => iconv.encode(html, 'gbk');
const utf8 = (html: string): Buffer => Buffer.from(html, 'utf-8');
const page = (head: string): string => `<html><head>${head}<title>年报</title></head><body><p>${TEXT}</p></body></html>`;

describe('normaliseCharset', () => {
  it('maps the GB family to gb18030', () => {
    for (const label of ['gb2312', 'GBK', 'x-gbk', 'GB_2312-80', 'gb18030', ' "gbk" ', 'cp936']) {
      expect(normaliseCharset(label)).toBe('gb18030');
    }
  });

  it('canonicalises other labels and rejects unknown ones', () => {
    expect(normaliseCharset('UTF8')).toBe('utf-8');
    expect(normaliseCharset('big5')).toBe('big5');
    expect(normaliseCharset('latin1')).toBe('windows-1252');
    expect(normaliseCharset('no-such-charset')).toBeNull();
    expect(normaliseCharset('')).toBeNull();
  });

  it('has full ICU: gb18030 and gbk decoders exist in this Node', () => {
    expect(new TextDecoder('gb18030').decode(gbk(TEXT))).toBe(TEXT);
    expect(new TextDecoder('gbk').decode(gbk(TEXT))).toBe(TEXT);
  });
});

describe('detectCharset', () => {
  it('trusts a BOM over everything else', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(page('<meta charset="gbk">'))]);
    expect(detectCharset({ 'content-type': 'text/html; charset=gbk' }, body)).toEqual({ charset: 'utf-8', source: 'bom' });
    expect(detectCharset({}, Buffer.from([0xff, 0xfe, 0x41, 0x00])).charset).toBe('utf-16le');
  });

  it('uses the Content-Type charset (quoted or not) and normalises GB labels', () => {
    const body = gbk(page(''));
    expect(detectCharset({ 'content-type': 'text/html; charset=GB2312' }, body)).toEqual({ charset: 'gb18030', source: 'header' });
    expect(detectCharset({ 'content-type': 'text/html;charset="gbk"' }, body)).toEqual({ charset: 'gb18030', source: 'header' });
  });

  it('reads <meta charset> and <meta http-equiv content=…charset=…>', () => {
    const short = gbk(page('<meta charset="gb2312">'));
    const httpEquiv = gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />'));
    expect(detectCharset({ 'content-type': 'text/html' }, short)).toEqual({ charset: 'gb18030', source: 'meta' });
    expect(detectCharset({}, httpEquiv)).toEqual({ charset: 'gb18030', source: 'meta' });
  });

  it('reads the encoding of an XML declaration (Hanweb dataproxy.jsp answers)', () => {
    const xml = gbk(`<?xml version="1.0" encoding="gb2312"?><datastore><record>${TEXT}</record></datastore>`);
    expect(detectCharset({ 'content-type': 'text/xml' }, xml)).toEqual({ charset: 'gb18030', source: 'meta' });
  });

  it('ignores a meta tag beyond the first 4 KB', () => {
    const body = gbk(`<html><head><!--${' '.repeat(5000)}--><meta charset="gbk"></head><body>${TEXT}</body></html>`);
    expect(metaCharsetLabel(body)).toBeNull();
    expect(detectCharset({}, body)).toEqual({ charset: 'gb18030', source: 'sniff' });
  });

  it('sniffs valid UTF-8 as utf-8 and anything else as gb18030', () => {
    expect(detectCharset({}, utf8(page('')))).toEqual({ charset: 'utf-8', source: 'sniff' });
    expect(detectCharset({}, gbk(page('')))).toEqual({ charset: 'gb18030', source: 'sniff' });
  });

  it('defaults to utf-8 when the body is ASCII only or empty', () => {
    expect(detectCharset({}, Buffer.from('<html>hello</html>'))).toEqual({ charset: 'utf-8', source: 'default' });
    expect(detectCharset({}, Buffer.alloc(0))).toEqual({ charset: 'utf-8', source: 'default' });
  });

  it('overrides a header that says utf-8 over GBK bytes, and says so', () => {
    const body = gbk(page(''));
    expect(detectCharset({ 'content-type': 'text/html; charset=utf-8' }, body)).toEqual({ charset: 'gb18030', source: 'sniff', mismatch: true });
  });

  it('prefers a consistent meta declaration when the header is wrong', () => {
    const body = gbk(page('<meta charset="gbk">'));
    expect(detectCharset({ 'content-type': 'text/html; charset=utf-8' }, body)).toEqual({ charset: 'gb18030', source: 'meta', mismatch: true });
  });

  it('overrides a GB declaration over bytes that are clearly UTF-8', () => {
    const body = utf8(page('<meta charset="gb2312">'));
    expect(detectCharset({}, body)).toEqual({ charset: 'utf-8', source: 'sniff', mismatch: true });
  });

  it('tolerates a stray bad byte in an otherwise UTF-8 page', () => {
    const body = Buffer.concat([utf8(page('')), Buffer.from([0xff]), utf8(TEXT.repeat(3))]);
    expect(detectCharset({ 'content-type': 'text/html; charset=utf-8' }, body)).toEqual({ charset: 'utf-8', source: 'header' });
  });

  it('ignores an unknown label with a warning flag and never throws', () => {
    const body = utf8(page(''));
    expect(detectCharset({ 'content-type': 'text/html; charset=x-klingon' }, body)).toEqual({
      charset: 'utf-8',
      source: 'sniff',
      unknownLabel: 'x-klingon',
    });
    expect(detectCharset({}, gbk(page('<meta charset="bogus">')))).toMatchObject({ charset: 'gb18030', unknownLabel: 'bogus' });
  });
});

describe('decodeBody', () => {
  it('decodes GBK (declared gb2312) including GBK-only characters', () => {
    const text = `${TEXT}（镕）`; // 镕 is in GBK but not in GB2312
    expect(decodeBody(gbk(text), 'gb2312')).toBe(text);
  });

  it('strips a UTF-8 BOM and falls back to utf-8 for unknown labels', () => {
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(TEXT)]), 'utf-8')).toBe(TEXT);
    expect(decodeBody(utf8(TEXT), 'no-such-charset')).toBe(TEXT);
  });
});
