/**
 * Document extraction throughput per format (documents/s) and peak memory, on the committed fixtures of
 * test/fixtures/documents (text PDF, DOCX, DOC and XLS through LibreOffice, XLSX, flip-book; image tables and a scan
 * through OCR with tesseract.js); then the real-world looks of demo/document-fixtures/real-world scored per look
 * (cells right, tables entirely right, wrong values left unflagged; held-out looks apart).
 * Run: node --import tsx bench/documents-bench.ts [--quick] [--looks-only]
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { libreOfficePath } from '../extract/documents/doc/libreoffice.ts';
import { extractDocument } from '../extract/documents/extract-document.ts';
import { extractFlipbook } from '../extract/documents/flipbook/extract-flipbook.ts';
import { TesseractJsEngine } from '../extract/ocr/tesseract-js-engine.ts';
import { lazyOcrEngine } from '../jobs/extract/lazy-ocr-engine.ts';
import { looksTable, runLooks } from './documents/real-world-looks.ts';

const DIR = path.resolve(import.meta.dirname, '../test/fixtures/documents');
const quick = process.argv.includes('--quick');
const looksOnly = process.argv.includes('--looks-only');

interface Case {
  readonly label: string;
  readonly rounds: number;
  readonly run: () => Promise<unknown>;
}

interface Result {
  readonly format: string;
  readonly documents: number;
  readonly seconds: number;
  readonly documentsPerSecond: number;
  /** Highest resident set size seen while this format ran (MiB, whole process). */
  readonly peakRssMiB: number;
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

async function measure(c: Case): Promise<Result> {
  await c.run(); // warm-up (module loading, first OCR worker)
  peak = process.memoryUsage().rss;
  const start = performance.now();
  for (let i = 0; i < c.rounds; i += 1) await c.run();
  const seconds = (performance.now() - start) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { format: c.label, documents: c.rounds, seconds: round(seconds), documentsPerSecond: round(c.rounds / seconds), peakRssMiB: Math.round(peak / 1024 / 1024) };
}

const round = (n: number): number => Math.round(n * 100) / 100;

async function looks(): Promise<void> {
  const results = await runLooks();
  console.log(`\nReal-world looks (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}):\n`);
  console.log(looksTable(results));
  for (const r of results) for (const w of r.wrong) console.log(`${w.flagged ? 'flagged' : 'UNFLAGGED'} wrong ${r.look} ${w.key}: printed ${w.expected}, got ${w.got}`);
}

async function main(): Promise<void> {
  if (looksOnly) {
    await looks();
    clearInterval(sampler);
    return;
  }
  const ocr = lazyOcrEngine(() => TesseractJsEngine.create());
  const file = (name: string): Buffer => readFileSync(path.join(DIR, name));
  const doc = (label: string, name: string, rounds: number, withOcr = false): Case => {
    const bytes = file(name);
    return { label, rounds: quick ? 1 : rounds, run: () => extractDocument(bytes, { source: name, ...(withOcr ? { ocr: ocr.get } : {}) }) };
  };
  const bookDir = path.join(DIR, 'wendeng-zonghexz-2021.flipbook');
  const pages = readdirSync(bookDir).sort().map((f) => ({ url: `https://book.example/${f}`, html: readFileSync(path.join(bookDir, f), 'utf8') }));
  const cases: Case[] = [
    doc('pdf (text layer)', 'zhengfu-2023.text.pdf', 20),
    doc('docx', 'zhengfu-2023.merged.docx', 40),
    doc('xlsx', 'caizheng-2019.xlsx', 40),
    { label: 'flip-book (4 pages)', rounds: quick ? 1 : 200, run: async () => extractFlipbook(pages, pages[0]!.url) },
    ...(libreOfficePath() === null ? [] : [doc('doc (LibreOffice)', 'zhengfu-2023.doc', 5), doc('xls (LibreOffice)', 'caizheng-2019.xls', 5)]),
    doc('pdf, table images (OCR)', 'zhengfu-2023.image-tables.pdf', 3, true),
    doc('docx, table images (OCR)', 'zhengfu-2023.images.docx', 3, true),
    doc('pdf, scanned (OCR)', 'zhengfu-2023.scanned.pdf', 2, true),
  ];
  const results: Result[] = [];
  try {
    for (const c of cases) {
      const r = await measure(c);
      results.push(r);
      console.log(`${r.format.padEnd(28)} ${String(r.documentsPerSecond).padStart(8)} documents/s   peak RSS ${r.peakRssMiB} MiB`);
    }
  } finally {
    clearInterval(sampler);
    await ocr.terminate();
  }
  console.log(JSON.stringify({ documents: results, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2));
  await looks();
}

await main();
