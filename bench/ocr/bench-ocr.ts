/**
 * OCR bench: per look, cell accuracy, tables entirely right, wrong values left unflagged, flagged cells, tables per
 * minute and peak memory, for each engine alone and for the two-engine combinations, all in one run.
 *
 *   node --import tsx bench/ocr/bench-ocr.ts [--sets N] [--dir DIR] [--configs tjs,pp,pp+tjs,tjs+pp,cli] [--looks a,b]
 *
 * Images come from the fixture generator (`--bench N`: N value sets per template × table × look, every look of
 * demo/ocr-fixtures/looks.ts), rendered once into DIR (default `.cache/ocr-bench-N-<hash of the looks>`). Each configuration runs in a child process of its own (so its
 * peak RSS is its own), one after the other: a pass over every image (2 in flight), then throughput passes over
 * the table-3 images only (2, then 3 in flight, warm engines). Configurations: `tjs` tesseract.js, `pp` PP-OCRv4 rec,
 * `cli` Debian tesseract (labels by tesseract.js), `A+B` = A reads labels and digits, B reads every digit again.
 * Held-out looks (looks.ts HELD_OUT) are summed apart from the looks the OCR was tuned on. `--looks` renders and
 * scores only the named looks (into a DIR of their own).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PQueue from 'p-queue';
import { benchRequests, writeFixtures } from '../../demo/ocr-fixtures/generate.ts';
import { HELD_OUT, LOOKS, type LookId } from '../../demo/ocr-fixtures/looks.ts';
import type { OcrEngine } from '../../extract/ocr/engine.ts';
import { extractImageTables, type ImageTablesResult } from '../../extract/ocr/extract-image-tables.ts';
import { PaddleRecEngine } from '../../extract/ocr/paddle-rec-engine.ts';
import { TesseractCliEngine } from '../../extract/ocr/tesseract-cli-engine.ts';
import { TesseractJsEngine } from '../../extract/ocr/tesseract-js-engine.ts';
import { scoreResult, type ExpectedFixture, type Score } from './score.ts';

const arg = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/**
 * Table-3 images in flight in the throughput passes. The engines run in threads of their own (tesseract.js workers,
 * PP-OCR threads), so a third image keeps 2 cores busy while the other two wait on an engine.
 */
const T3_IN_FLIGHT = [2, 3] as const;

/** Looks that are plain screenshots (no phone JPEG, scan, photo, downscale or heavy JPEG; rot270 is one turned exactly): the "clean" target. */
const CLEAN: ReadonlySet<string> = new Set<LookId>(['word', 'song', 'shaded', 'zoom150', 'zoom67', 'heiti-bold', 'kaiti', 'fangsong', 'rot270']);

interface Row {
  config: string;
  look: string;
  tables: number;
  cells: number;
  right: number;
  tablesRight: number;
  wrongUnflagged: number;
  flagged: number;
  seconds: number;
}

/** Per engine: readings scored against the printed value, for the confidence calibration. */
interface Calibration {
  engine: string;
  readings: number;
  wrong: number;
  /** Highest confidence of a wrong reading. */
  wrongMaxConfidence: number;
  /** Right readings under 0.5 / 0.75. */
  rightUnder050: number;
  rightUnder075: number;
}

interface ConfigResult {
  config: string;
  rows: Row[];
  /** One throughput pass per count of images in flight (T3_IN_FLIGHT). */
  t3: { inFlight: number; tables: number; seconds: number; cpuSeconds: number; cells: number }[];
  peakRssMb: number;
  calibration: Calibration[];
  unflagged: string[];
}

type Item = { exp: ExpectedFixture & { look: string }; bytes: Buffer };

async function loadSet(dir: string): Promise<Item[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.expected.json')).sort();
  return Promise.all(
    files.map(async (f) => {
      const exp = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as Item['exp'];
      return { exp, bytes: await readFile(path.join(dir, exp.file)) };
    }),
  );
}

async function engines(config: string): Promise<{ primary: OcrEngine; second?: OcrEngine; all: OcrEngine[] }> {
  const make = async (id: string, tjs: () => Promise<TesseractJsEngine>): Promise<OcrEngine> => {
    if (id === 'tjs') return tjs();
    if (id === 'pp') return PaddleRecEngine.create();
    if (id === 'cli') return TesseractCliEngine.create({ labels: await tjs() });
    throw new Error(`Expected an engine id tjs, pp or cli, got ${id}`);
  };
  let shared: Promise<TesseractJsEngine> | null = null;
  const tjs = (): Promise<TesseractJsEngine> => (shared ??= TesseractJsEngine.create());
  const [a, b] = config.split('+');
  const primary = await make(a!, tjs);
  const second = b === undefined ? undefined : await make(b, tjs);
  const all = [primary, ...(second ? [second] : []), ...(shared ? [await shared] : [])];
  return { primary, ...(second ? { second } : {}), all: [...new Set(all)] };
}

function calibrate(result: ImageTablesResult, expected: ExpectedFixture, into: Map<string, Calibration>): void {
  for (const d of result.cellDetails) {
    const want = expected.cells[d.key];
    if (want === undefined) continue;
    for (const r of d.readings) {
      const c = into.get(r.engine) ?? { engine: r.engine, readings: 0, wrong: 0, wrongMaxConfidence: 0, rightUnder050: 0, rightUnder075: 0 };
      c.readings++;
      if (r.value !== want) {
        c.wrong++;
        c.wrongMaxConfidence = Math.max(c.wrongMaxConfidence, r.confidence);
      } else {
        if (r.confidence < 0.5) c.rightUnder050++;
        if (r.confidence < 0.75) c.rightUnder075++;
      }
      into.set(r.engine, c);
    }
  }
}

/** One configuration over the whole set, then the table-3 throughput pass. Runs in the child process. */
async function runConfig(config: string, set: readonly Item[]): Promise<ConfigResult> {
  const { primary, second, all } = await engines(config);
  const queue = new PQueue({ concurrency: 2 });
  const rows: Row[] = [];
  const calibration = new Map<string, Calibration>();
  const unflagged: string[] = [];
  for (const look of [...new Set(set.map((s) => s.exp.look))]) {
    const items = set.filter((s) => s.exp.look === look);
    const row: Row = { config, look, tables: 0, cells: 0, right: 0, tablesRight: 0, wrongUnflagged: 0, flagged: 0, seconds: 0 };
    const started = performance.now();
    const scores: Score[] = [];
    await Promise.all(
      items.map((item) =>
        queue.add(async () => {
          const hint = item.exp.tables.every((t) => t === 't4') ? { template: item.exp.template } : {};
          const result = await extractImageTables([{ bytes: item.bytes, sourceId: item.exp.file }], primary, { ...hint, ...(second ? { second } : {}) });
          const s = scoreResult(result, item.exp);
          scores.push(s);
          calibrate(result, item.exp, calibration);
          for (const w of s.wrong.filter((x) => !x.flagged)) unflagged.push(`${item.exp.file} ${w.key}: printed ${w.expected}, got ${w.got}`);
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
    rows.push(row);
  }
  const t3Items = set.filter((s) => s.exp.tables.length === 1 && s.exp.tables[0] === 't3');
  const t3: ConfigResult['t3'] = [];
  for (const inFlight of T3_IN_FLIGHT) {
    const pass = new PQueue({ concurrency: inFlight });
    let cells = 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      t3Items.map((item) =>
        pass.add(async () => {
          const result = await extractImageTables([{ bytes: item.bytes, sourceId: item.exp.file }], primary, second ? { second } : {});
          cells += result.cellDetails.length;
        }),
      ),
    );
    const cpu = process.cpuUsage(cpu0);
    t3.push({ inFlight, tables: t3Items.length, seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, cells });
  }
  await Promise.all(all.map((e) => e.terminate()));
  return { config, rows, t3, peakRssMb: process.resourceUsage().maxRSS / 1024, calibration: [...calibration.values()], unflagged };
}

function sum(config: string, look: string, rows: readonly Row[]): Row {
  const out: Row = { config, look, tables: 0, cells: 0, right: 0, tablesRight: 0, wrongUnflagged: 0, flagged: 0, seconds: 0 };
  for (const r of rows) {
    out.tables += r.tables;
    out.cells += r.cells;
    out.right += r.right;
    out.tablesRight += r.tablesRight;
    out.wrongUnflagged += r.wrongUnflagged;
    out.flagged += r.flagged;
    out.seconds += r.seconds;
  }
  return out;
}

function printResults(results: readonly ConfigResult[]): void {
  const line = (r: Row, peak: string): string =>
    `| ${r.config} | ${r.look} | ${r.tables} | ${r.right}/${r.cells} = ${((100 * r.right) / Math.max(1, r.cells)).toFixed(2)} % | ${r.tablesRight}/${r.tables} | ${r.wrongUnflagged} | ${r.flagged} | ${((60 * r.tables) / Math.max(1e-9, r.seconds)).toFixed(0)} | ${peak} |`;
  console.log('\n| config | look | tables | cells right | tables entirely right | wrong & unflagged | flagged cells | tables/min (2 in flight) | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const res of results) {
    const peak = res.peakRssMb.toFixed(0);
    const tuned = res.rows.filter((r) => !HELD_OUT.has(r.look as LookId));
    const held = res.rows.filter((r) => HELD_OUT.has(r.look as LookId));
    for (const r of tuned) console.log(line(r, peak));
    console.log(line(sum(res.config, '**tuned looks**', tuned), peak));
    for (const r of held) console.log(line({ ...r, look: `${r.look} (held out)` }, peak));
    console.log(line(sum(res.config, '**held-out looks**', held), peak));
    console.log(line(sum(res.config, '**clean screenshots**', res.rows.filter((r) => CLEAN.has(r.look))), peak));
    console.log(line(sum(res.config, '**all**', res.rows), peak));
  }
  console.log('\n| config | images in flight | t3 images | wall s | t3 tables/min (wall) | CPU s per t3 | t3/min if CPU-bound on 2 cores | cells/s |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { config, t3 } of results) {
    for (const pass of t3) {
      const cpuPer = pass.cpuSeconds / Math.max(1, pass.tables);
      console.log(`| ${config} | ${pass.inFlight} | ${pass.tables} | ${pass.seconds.toFixed(1)} | ${((60 * pass.tables) / pass.seconds).toFixed(0)} | ${cpuPer.toFixed(2)} | ${(120 / cpuPer).toFixed(0)} | ${(pass.cells / pass.seconds).toFixed(0)} |`);
    }
  }
  console.log('\nReadings per engine in the two-engine runs (every look): wrong readings, the most confident wrong one, right ones under 0.5 / 0.75');
  for (const res of results) {
    for (const c of res.calibration) console.log(`  ${res.config} ${c.engine}: ${c.readings} readings, ${c.wrong} wrong (max confidence ${c.wrongMaxConfidence.toFixed(2)}), right under 0.5: ${c.rightUnder050}, under 0.75: ${c.rightUnder075}`);
  }
  for (const res of results) for (const u of res.unflagged) console.log(`UNFLAGGED WRONG ${res.config}: ${u}`);
}

const execFileAsync = promisify(execFile);

async function main(): Promise<void> {
  const sets = Number(arg('--sets') ?? '2');
  const looks = (arg('--looks')?.split(',') ?? [...LOOKS]) as LookId[];
  const unknown = looks.filter((l) => !LOOKS.includes(l));
  if (unknown.length > 0) throw new Error(`Expected looks among ${LOOKS.join(', ')}, got ${unknown.join(', ')}`);
  // The directory is named by its looks, so a set rendered before looks were added is not scored as if it held them all.
  const dir = arg('--dir') ?? `.cache/ocr-bench-${sets}-${createHash('sha256').update(looks.join(',')).digest('hex').slice(0, 8)}`;
  const child = arg('--child');
  if (child !== undefined) {
    const result = await runConfig(child, await loadSet(dir));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const configs = (arg('--configs') ?? 'tjs,pp,pp+tjs,tjs+pp').split(',');
  if (!existsSync(dir)) {
    console.log(`rendering ${sets} value sets per template × table × look into ${dir} …`);
    await writeFixtures(dir, benchRequests(sets, undefined, looks));
  }
  const count = (await readdir(dir)).filter((f) => f.endsWith('.expected.json')).length;
  console.log(`${count} images in ${dir}; node ${process.version}; ${os.availableParallelism()} cores; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (configs.includes('cli') && (await TesseractCliEngine.available()) === null) {
    console.log('tesseract CLI not installed: cli skipped');
    configs.splice(configs.indexOf('cli'), 1);
  }
  const results: ConfigResult[] = [];
  for (const config of configs) {
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', process.argv[1]!, '--child', config, '--dir', dir], { maxBuffer: 64 << 20 });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as ConfigResult;
    console.log(`${config}: done (${result.rows.reduce((n, r) => n + r.tables, 0)} tables; load average ${os.loadavg()[0]!.toFixed(1)})`);
    results.push(result);
  }
  printResults(results);
}

await main();
