import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptedOoxml } from '../../../demo/document-fixtures/hostile-files.ts';
import { sniffFormat } from '../../../extract/documents/sniff-format.ts';

const DIR = path.resolve('test/fixtures/documents');

describe('sniffFormat', () => {
  it.each([
    ['zhengfu-2023.text.pdf', 'pdf'],
    ['zhengfu-2023.merged.docx', 'docx'],
    ['zhengfu-2023.doc', 'doc'],
    ['caizheng-2019.xlsx', 'xlsx'],
  ])('%s is %s by its bytes, whatever its name says', (file, format) => {
    expect(sniffFormat(readFileSync(path.join(DIR, file)), 'download.bin')).toBe(format);
  });

  it('tells a WPS file from a DOC only by name (both are Word binary inside)', () => {
    expect(sniffFormat(readFileSync(path.join(DIR, 'zhengfu-2023.doc')), '/attach/0/report.wps')).toBe('wps');
  });

  it('recognises password-protected Office containers, images and pages', () => {
    expect(sniffFormat(encryptedOoxml())).toBe('encrypted-ooxml');
    expect(sniffFormat(Buffer.from('\x89PNG\r\n\x1a\n0000', 'latin1'))).toBe('image');
    expect(sniffFormat(Buffer.from('<html><body>年报</body></html>'))).toBe('html');
  });
});
