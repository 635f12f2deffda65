/**
 * `GET /archive/captures/:id/pages/:n.png`: page n of an archived PDF rendered to PNG by poppler's `pdftoppm`
 * (its crop box, the longest side scaled to 1600 px), so that a PDF cell can be shown boxed on its page.
 * Guards: the capture must be a PDF of at most 50 MiB, `pdfinfo` must count the page (at most 300 pages, the
 * extractor's limit), each tool runs under a 20 s time limit and is killed after it. PNGs are kept in memory by
 * the capture's digest and page (the same bytes under another capture id are rendered once).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { getCapture, getCaptureBody } from '../../store/captures.ts';
import { badRequest, HttpError, notFound } from '../http/http-error.ts';
import type { Reply } from '../http/respond.ts';

const MAX_BYTES = 50 * 1024 * 1024;
const MAX_PAGES = 300;
const TIMEOUT_MS = 20_000;
const LONG_SIDE_PX = 1600;
const CACHE_ENTRIES = 48;

const rendered = new Map<string, Buffer>();

export interface ArchivedPdf {
  readonly id: number;
  readonly sha256: string;
  readonly body: Buffer;
}

/** The bytes of a PDF capture, or a 404 / 415 / 413. */
export function archivedPdf(db: Database, id: number): ArchivedPdf {
  const capture = getCapture(db, id);
  const body = capture === null ? null : getCaptureBody(db, id);
  if (capture === null || body === null || capture.sha256 === null) throw notFound(`capture ${id}`);
  if (!body.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw new HttpError(415, 'E_UNSUPPORTED_FORMAT', `capture ${id} is not a PDF`);
  if (body.length > MAX_BYTES) throw new HttpError(413, 'E_DOCUMENT_TOO_LARGE', `capture ${id} is ${body.length} bytes, over the ${MAX_BYTES}-byte limit for a page render`);
  return { id, sha256: capture.sha256, body };
}

/** A page number from the path: 1 or more. */
export function pageNumber(raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw badRequest(`page: expected a page number from 1, got "${raw ?? ''}"`);
  return n;
}

function run(tool: string, args: readonly string[], id: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 }, (error, stdout) => {
      if (error === null) resolve(stdout);
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new HttpError(503, 'E_CONVERTER_UNAVAILABLE', `rendering a PDF page needs ${tool} (Debian: poppler-utils)`));
      else if (error.killed) reject(new HttpError(503, 'E_DOCUMENT_TIMEOUT', `${tool} did not finish capture ${id} within ${TIMEOUT_MS} ms`));
      else reject(new HttpError(415, 'E_DOCUMENT_CORRUPT', `capture ${id}: ${tool} cannot read the PDF (${error.message.slice(0, 200)})`));
    });
  });
}

async function render(pdf: ArchivedPdf, page: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nianbao-page-'));
  try {
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, pdf.body);
    const info = await run('pdfinfo', [file], pdf.id);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    if (pages > MAX_PAGES) throw new HttpError(413, 'E_DOCUMENT_TOO_MANY_PAGES', `capture ${pdf.id} has ${pages} pages, over the ${MAX_PAGES}-page limit`);
    if (page > pages) throw notFound(`page ${page} of capture ${pdf.id} (${pages} pages)`);
    const out = path.join(dir, 'page');
    const n = String(page);
    await run('pdftoppm', ['-png', '-cropbox', '-f', n, '-l', n, '-scale-to', String(LONG_SIDE_PX), '-singlefile', file, out], pdf.id);
    return await readFile(`${out}.png`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** PNG of page `page` (1-based) of PDF capture `id`. */
export async function pdfPagePng(db: Database, id: number, page: number): Promise<Reply> {
  const pdf = archivedPdf(db, id);
  const key = `${pdf.sha256}:${page}`;
  let png = rendered.get(key);
  if (png === undefined) {
    png = await render(pdf, page);
    rendered.set(key, png);
    if (rendered.size > CACHE_ENTRIES) rendered.delete(rendered.keys().next().value!);
  } else {
    rendered.delete(key);
    rendered.set(key, png); // most recently used last
  }
  return {
    status: 200,
    headers: { 'content-type': 'image/png', 'content-security-policy': "default-src 'none'; sandbox", 'cache-control': 'private, max-age=86400, immutable' },
    body: png,
  };
}
