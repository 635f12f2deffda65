/**
 * OCR bench: per look, cell accuracy, share of tables entirely right, wrong values left unflagged, tables/minute
 * and peak memory, for tesseract.js and (when installed) the Debian tesseract CLI doing the same per-cell work.
 *
 *   node --import tsx bench/ocr/bench-ocr.ts [--sets N] [--dir .cache/ocr-bench] [--engine tjs|cli|both]
 *
 * Images come from the fixture generator (`--bench N`: N value sets per template × table × look), rendered once.
 * After the per-look runs, a throughput pass reads only the table-3 images (175 cells each in 2021), 2 in flight,
 * with warm workers: "t3 tables/min" is the throughput figure.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import { benchRequests, writeFixtures } from '../../demo/ocr-fixtures/generate.ts';
import type { OcrEngine } from '../../extract/ocr/engine.ts';
import { extractImageTables } from '../../extract/ocr/extract-image-tables.ts';
import { TesseractCliEngine } from '../../extract/ocr/tesseract-cli-engine.ts';
import { TesseractJsEngine } from '../../extract/ocr/tesseract-js-engine.ts';
import { scoreResult, type ExpectedFixture, type Score } from './score.ts';

const arg = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

interface Row {
  engine: string;
  look: string;
  tables: number;
  cells: number;
  right: number;
  tablesRight: number;
  wrongUnflagged: number;
  flagged: number;
  seconds: number;
  t3Seconds: number;
  t3Tables: number;
}

async function loadSet(dir: string): Promise<{ exp: ExpectedFixture; bytes: Buffer }[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.expected.json')).sort();
  return Promise.all(
    files.map(async (f) => {
      const exp = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as ExpectedFixture;
      return { exp, bytes: await readFile(path.join(dir, exp.file)) };
    }),
  );
}

async function runEngine(name: string, engine: OcrEngine, set: { exp: ExpectedFixture; bytes: Buffer }[]): Promise<Row[]> {
  const rows = new Map<string, Row>();
  const queue = new PQueue({ concurrency: 2 });
  const looks = [...new Set(set.map((s) => s.exp.look))];
  for (const look of looks) {
    const items = set.filter((s) => s.exp.look === look);
    const row: Row = { engine: name, look, tables: 0, cells: 0, right: 0, tablesRight: 0, wrongUnflagged: 0, flagged: 0, seconds: 0, t3Seconds: 0, t3Tables: 0 };
    const started = performance.now();
    const scores: Score[] = [];
    await Promise.all(
      items.map((item) =>
        queue.add(async () => {
          const t0 = performance.now();
          const hint = item.exp.tables.every((t) => t === 't4') ? { template: item.exp.template } : {};
          const result = await extractImageTables([{ bytes: item.bytes, sourceId: item.exp.file }], engine, hint);
          const s = scoreResult(result, item.exp);
          scores.push(s);
          if (item.exp.tables.includes('t3')) {
            row.t3Seconds += (performance.now() - t0) / 1000;
            row.t3Tables++;
          }
          if (s.wrongUnflagged > 0) console.error(`${name} ${item.exp.file}: unflagged wrong ${JSON.stringify(s.wrong.filter((w) => !w.flagged))}`);
        }),
      ),
    );
    row.seconds = (performance.now() - started) / 1000;
    for (const s of scores) {
      row.tables++;
      row.cells += s.cells;
      row.right += s.right;
      row.tablesRight += s.tableRight ? 1 : 0;
      row.wrongUnflagged += s.wrongUnflagged;
      row.flagged += s.flagged;
    }
    rows.set(look, row);
  }
  return [...rows.values()];
}

/** Table-3 images only, all looks, 2 in flight: tables per minute and cells per second. */
async function t3Throughput(name: string, engine: OcrEngine, set: { exp: ExpectedFixture; bytes: Buffer }[]): Promise<string> {
  const items = set.filter((s) => s.exp.tables.length === 1 && s.exp.tables[0] === 't3');
  const queue = new PQueue({ concurrency: 2 });
  let cells = 0;
  const started = performance.now();
  await Promise.all(
    items.map((item) =>
      queue.add(async () => {
        const result = await extractImageTables([{ bytes: item.bytes, sourceId: item.exp.file }], engine);
        cells += result.cellDetails.length;
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  return `${name}: ${items.length} table-3 images in ${seconds.toFixed(1)} s = ${((60 * items.length) / seconds).toFixed(0)} t3 tables/min (${(cells / seconds).toFixed(0)} cells/s)`;
}

function print(rows: readonly Row[]): void {
  console.log('| engine | look | tables | cells right | tables entirely right | wrong & unflagged | flagged cells | tables/min (all) | t3 s/table (wall, 2 in flight) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.engine} | ${r.look} | ${r.tables} | ${r.right}/${r.cells} = ${((100 * r.right) / r.cells).toFixed(2)} % | ${r.tablesRight}/${r.tables} | ${r.wrongUnflagged} | ${r.flagged} | ${((60 * r.tables) / r.seconds).toFixed(0)} | ${r.t3Tables ? (r.t3Seconds / r.t3Tables).toFixed(2) : '-'} |`,
    );
  }
}

async function main(): Promise<void> {
  const sets = Number(arg('--sets') ?? '3');
  const dir = arg('--dir') ?? `.cache/ocr-bench-${sets}`;
  const which = arg('--engine') ?? 'both';
  if (!existsSync(dir)) {
    console.log(`rendering ${sets} value sets per template × table × look into ${dir} …`);
    await writeFixtures(dir, benchRequests(sets));
  }
  const set = await loadSet(dir);
  console.log(`${set.length} images; node ${process.version}; ${os.availableParallelism()} cores`);
  const rows: Row[] = [];
  const throughput: string[] = [];
  const tjs = await TesseractJsEngine.create();
  if (which !== 'cli') {
    rows.push(...(await runEngine('tesseract.js', tjs, set)));
    throughput.push(await t3Throughput('tesseract.js', tjs, set));
    console.log(`peak RSS after tesseract.js: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  }
  if (which !== 'tjs') {
    if ((await TesseractCliEngine.available()) === null) console.log('tesseract CLI not installed: skipped');
    else {
      const cli = await TesseractCliEngine.create({ labels: tjs });
      rows.push(...(await runEngine('tesseract-cli (labels: tesseract.js)', cli, set)));
      throughput.push(await t3Throughput('tesseract-cli (labels: tesseract.js)', cli, set));
      console.log(`peak RSS after CLI run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    }
  }
  await tjs.terminate();
  print(rows);
  for (const line of throughput) console.log(line);
}

await main();
