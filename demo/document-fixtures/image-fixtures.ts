/**
 * Image-based fixtures from the same tables: a PDF whose tables are embedded screenshots (printed by Chromium), a
 * DOCX with the screenshots as pictures, and a scanned PDF (the text PDF rasterised at 200 dpi by poppler, slightly
 * rotated, with sensor noise and speckles, JPEG pages).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { printPdf, screenshotTables } from './chromium.ts';
import { writeDocx, type DocxBlock } from './docx-writer.ts';
import { imagePdf } from './image-pdf.ts';
import { documentBlocks, printableHtml, tablesOnlyHtml } from './source-report.ts';

export interface ImageFixture {
  readonly name: string;
  readonly format: string;
  readonly bytes: Buffer;
}

const pngSize = (png: Buffer): { width: number; height: number } => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** Deterministic noise: ±6 grey levels everywhere, dark specks and light dropouts here and there. */
async function scanLook(png: Buffer, seed: number): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const rotated = sharp(png).rotate(0.6, { background: '#ffffff' }).flatten({ background: '#ffffff' }).toColourspace('b-w');
  const { data, info } = await rotated.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`Expected a one-channel raster, got ${info.channels} channels`);
  let s = seed >>> 0;
  const rand = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < data.length; i += 1) {
    const r = rand();
    let v = data[i]! + Math.round((r - 0.5) * 12);
    if (r < 0.0008) v = 40;
    data[i] = Math.max(0, Math.min(255, v));
  }
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).toColourspace('b-w').jpeg({ quality: 72 }).toBuffer();
  return { jpeg, width: info.width, height: info.height };
}

async function scannedPdf(textPdf: Buffer): Promise<Buffer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-scan-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), textPdf);
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const files = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    const pages = [];
    for (const [i, f] of files.entries()) pages.push({ ...(await scanLook(readFileSync(path.join(dir, f)), 17 + i)), colorSpace: 'DeviceGray' as const });
    return imagePdf(pages);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function imageFixtures(browser: Browser, spec: DemoReportSpec): Promise<ImageFixture[]> {
  const shots = await screenshotTables(browser, tablesOnlyHtml(spec), 1.5);
  const dataUrls = shots.map((png) => `data:image/png;base64,${png.toString('base64')}`);
  const imageTablesPdf = await printPdf(browser, printableHtml(spec, dataUrls));
  let t = 0;
  const blocks: DocxBlock[] = documentBlocks(spec).map((b) => {
    if (b.kind === 'para') return b;
    const png = shots[t++]!;
    return { kind: 'image', png, ...pngSize(png) };
  });
  const textPdf = await printPdf(browser, printableHtml(spec));
  const base = spec.slug.replace(/^yanzhou-/, '');
  return [
    { name: `${base}.image-tables.pdf`, format: 'pdf', bytes: imageTablesPdf },
    { name: `${base}.images.docx`, format: 'docx', bytes: await writeDocx(blocks) },
    { name: `${base}.scanned.pdf`, format: 'pdf', bytes: await scannedPdf(textPdf) },
  ];
}
