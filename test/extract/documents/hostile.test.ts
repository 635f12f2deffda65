import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as hostile from '../../../demo/document-fixtures/hostile-files.ts';
import { isNianbaoError } from '../../../common/errors.ts';
import { extractDocument } from '../../../extract/documents/extract-document.ts';
import type { DocumentLimits } from '../../../extract/documents/types.ts';

const DIR = path.resolve('test/fixtures/documents');
const textPdf = readFileSync(path.join(DIR, 'zhengfu-2023.text.pdf'));
const docx = readFileSync(path.join(DIR, 'zhengfu-2023.merged.docx'));

async function codeOf(bytes: Buffer, limits: Partial<DocumentLimits> = {}): Promise<string> {
  try {
    await extractDocument(bytes, { source: 'hostile', limits });
  } catch (error) {
    if (isNianbaoError(error)) {
      expect(error.action).toBe('skip');
      return error.code;
    }
    throw error;
  }
  return 'no error';
}

describe('hostile and broken documents end in a typed error, fast', () => {
  it.each([
    ['a password-protected PDF', () => hostile.encryptedPdf(), 'E_DOCUMENT_ENCRYPTED'],
    ['a PDF claiming 10,000 pages', () => hostile.manyPagesPdf(10_000), 'E_DOCUMENT_TOO_MANY_PAGES'],
    ['a corrupt PDF', () => hostile.corruptPdf(), 'E_DOCUMENT_CORRUPT'],
    ['a truncated PDF', () => hostile.truncated(textPdf), 'E_TRUNCATED'],
    ['a truncated DOCX', () => hostile.truncated(docx), 'E_TRUNCATED'],
    ['a zero-byte file', () => Buffer.alloc(0), 'E_DOCUMENT_EMPTY'],
    ['a password-protected DOCX (OLE EncryptedPackage)', () => hostile.encryptedOoxml(), 'E_DOCUMENT_ENCRYPTED'],
    ['random bytes', () => Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) & 0xff)), 'E_UNSUPPORTED_FORMAT'],
  ])('%s → %s', async (_name, make, code) => {
    const started = Date.now();
    expect(await codeOf(make())).toBe(code);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a zip bomb disguised as a DOCX (honest headers) is refused before inflating', async () => {
    const bomb = await hostile.zipBombDocx(64);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await codeOf(bomb)).toBe('E_DOCUMENT_ZIP_BOMB');
  });

  it('a zip bomb whose headers lie about its size is caught while inflating, without holding it in memory', async () => {
    const before = process.memoryUsage().rss;
    expect(await codeOf(await hostile.lyingZipBombDocx(64))).toBe('E_DOCUMENT_ZIP_BOMB');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('an enormous file is refused by size, a slow one by time', async () => {
    expect(await codeOf(textPdf, { maxBytes: 100_000 })).toBe('E_DOCUMENT_TOO_LARGE');
    expect(await codeOf(textPdf, { timeoutMs: 1 })).toBe('E_DOCUMENT_TIMEOUT');
    expect(await codeOf(textPdf, { maxPages: 2 })).toBe('E_DOCUMENT_TOO_MANY_PAGES');
  });
});
