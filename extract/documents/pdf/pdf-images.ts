/**
 * The images a PDF embeds, at native resolution, with `pdfimages -png -p` (poppler-utils): the best pixels for OCR,
 * never a page render. Run in a temp directory with a time limit; bounded in count and size.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SkipError } from '../../../common/errors.ts';
import type { DocumentImage } from '../types.ts';

export interface PdfImage extends DocumentImage {
  readonly page: number;
  readonly width: number;
  readonly height: number;
}

export interface PdfImageOptions {
  readonly timeoutMs: number;
  /** Images smaller than this on either side (logos, icons, stamps) are left out. Default 120 px. */
  readonly minSide?: number;
  readonly maxImages?: number;
  /** Only these pages (1-based); all when absent. */
  readonly pages?: readonly number[];
}

function run(args: readonly string[], timeoutMs: number, input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('pdfimages', args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 }, (error) => {
      if (error === null) resolve();
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new SkipError('E_CONVERTER_UNAVAILABLE', `reading the images of ${input} needs pdfimages (Debian: poppler-utils)`, { input }));
      else if (error.killed) reject(new SkipError('E_DOCUMENT_TIMEOUT', `${input}: pdfimages did not finish within ${timeoutMs} ms`, { input }));
      else reject(new SkipError('E_DOCUMENT_CORRUPT', `${input}: the PDF's images cannot be read (${error.message.slice(0, 200)})`, { input }));
    });
  });
}

export async function pdfImages(bytes: Uint8Array, input: string, options: PdfImageOptions): Promise<PdfImage[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nianbao-pdfimages-'));
  const minSide = options.minSide ?? 120;
  const maxImages = options.maxImages ?? 60;
  try {
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, bytes);
    const first = options.pages === undefined ? [] : ['-f', String(Math.min(...options.pages)), '-l', String(Math.max(...options.pages))];
    await run(['-png', '-p', ...first, file, path.join(dir, 'img')], options.timeoutMs, input);
    const names = (await readdir(dir)).filter((f) => /^img-\d+-\d+\.png$/.test(f)).sort();
    const out: PdfImage[] = [];
    for (const name of names) {
      const [, page, index] = /^img-(\d+)-(\d+)\.png$/.exec(name) ?? [];
      const pageNumber = Number(page);
      if (options.pages !== undefined && !options.pages.includes(pageNumber)) continue;
      if ((await stat(path.join(dir, name))).size > 64 * 1024 * 1024) continue;
      const png = await readFile(path.join(dir, name));
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      if (width < minSide || height < minSide) continue;
      out.push({ bytes: png, origin: `page[${pageNumber}]/image[${Number(index)}]`, page: pageNumber, width, height });
      if (out.length >= maxImages) break;
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
