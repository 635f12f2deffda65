/**
 * OCR fixture generator: the official tables 2, 3 and 4 of both templates rendered through Chromium in four looks
 * (Word screenshot, phone JPEG, scanned page, low resolution), plus extras (printed typos, two or three tables in one image,
 * a table split over two images, BMP/GIF/WebP copies). Writes `<name>.<ext>` and `<name>.expected.json` per image.
 *
 *   node --import tsx demo/ocr-fixtures/generate.ts [--out test/fixtures/ocr] [--bench N]
 *
 * `--bench N` writes N value sets per template × table × look instead of the committed set (for bench/ocr).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { runChecks } from '../../extract/checks/run-checks.ts';
import { T2_KEYS, t3Keys, t4Keys, T3_ROWS } from '../../extract/template/keys.ts';
import type { Quirk } from '../reports/report-spec.ts';
import { encodeBmp24 } from './bmp.ts';
import { applyLook, BASE_LOOKS, LOOK_SPECS, LOOKS, type LookId } from './looks.ts';
import { TableRenderer, type TableId } from './render.ts';
import { valueSet, violatingSet, type ValueSet } from './value-sets.ts';

export interface FixtureExpected {
  readonly file: string;
  readonly look: LookId;
  readonly template: '2021' | '2019';
  readonly tables: readonly TableId[];
  /** Table-3 body rows shown when the image holds only part of the table. */
  readonly rows: readonly string[] | null;
  /** Every canonical key the image shows → printed value (null = blank). */
  readonly cells: Readonly<Record<string, number | null>>;
  /** Checks that fail on the printed numbers (only for tables shown whole). */
  readonly failingChecks: readonly string[];
  readonly violation: { readonly key: string; readonly delta: number } | null;
}

export interface FixtureRequest {
  readonly name: string;
  readonly look: LookId;
  readonly set: ValueSet;
  readonly tables: readonly TableId[];
  /** Part of table 3: `<tr>` range and the body rows it holds. */
  readonly part?: { readonly from: number; readonly to: number; readonly rows: readonly string[] };
  /** Re-encode the final image (format coverage). */
  readonly convert?: 'bmp' | 'gif' | 'webp';
  /** Print money with its unit in the cell (`695.09万元`, procurement as `251000元`). */
  readonly moneyUnits?: boolean;
}

const TABLES: readonly TableId[] = ['t2', 't3', 't4'];

function keysOf(template: '2021' | '2019', table: TableId): string[] {
  return table === 't2' ? [...T2_KEYS[template]] : table === 't3' ? t3Keys(template) : t4Keys();
}

/** The committed set: 2 templates × 3 tables × 4 looks, plus extras. */
export function committedRequests(): FixtureRequest[] {
  const out: FixtureRequest[] = [];
  let seed = 1;
  for (const template of ['2021', '2019'] as const) {
    for (const table of TABLES) {
      for (const look of BASE_LOOKS) {
        out.push({ name: `${table}-${template}-${look}`, look, set: valueSet(template, seed++), tables: [table] });
      }
    }
  }
  const rows2021 = T3_ROWS['2021'];
  out.push(
    { name: 't3-2021-word-typo', look: 'word', set: violatingSet('2021', 41), tables: ['t3'] },
    { name: 't3-2019-scan-typo', look: 'scan', set: violatingSet('2019', 42), tables: ['t3'] },
    { name: 't2t4-2021-phone', look: 'phone', set: valueSet('2021', 43), tables: ['t2', 't4'] },
    // <tr> 0–2 are the header; body row i is <tr> i+3. Part 1: header + 12 rows; part 2: the rest, no header.
    { name: 't3-2021-word-part1', look: 'word', set: valueSet('2021', 44), tables: ['t3'], part: { from: 0, to: 15, rows: rows2021.slice(0, 12) } },
    { name: 't3-2021-word-part2', look: 'word', set: valueSet('2021', 44), tables: ['t3'], part: { from: 15, to: 99, rows: rows2021.slice(12) } },
    { name: 't4-2021-word-bmp', look: 'word', set: valueSet('2021', 45), tables: ['t4'], convert: 'bmp' },
    { name: 't4-2019-word-gif', look: 'word', set: valueSet('2019', 46), tables: ['t4'], convert: 'gif' },
    { name: 't3-2019-phone-webp', look: 'phone', set: valueSet('2019', 47), tables: ['t3'], convert: 'webp' },
    // One tall screenshot of the whole section: tables 2, 3 and 4 in one image.
    { name: 't2t3t4-2019-word', look: 'word', set: valueSet('2019', 48), tables: ['t2', 't3', 't4'] },
  );
  return out;
}

/** `n` value sets per template × table × look (every look), for the bench (seeds 1000+). */
export function benchRequests(n: number, tables: readonly TableId[] = TABLES, looks: readonly LookId[] = LOOKS): FixtureRequest[] {
  const out: FixtureRequest[] = [];
  let seed = 1000;
  for (let i = 0; i < n; i++) {
    for (const template of ['2021', '2019'] as const) {
      for (const table of tables) {
        for (const look of looks) {
          const set = i % 5 === 4 && table === 't3' ? violatingSet(template, seed++) : valueSet(template, seed++);
          // Every other table 2 prints its money with units (万元 / 元).
          const moneyUnits = table === 't2' && (i + LOOKS.indexOf(look)) % 2 === 1;
          out.push({ name: `${table}-${template}-${look}-${String(i).padStart(3, '0')}`, look, set, tables: [table], ...(moneyUnits ? { moneyUnits } : {}) });
        }
      }
    }
  }
  return out;
}

export function expectedOf(req: FixtureRequest, file: string): FixtureExpected {
  const { template, cells } = req.set;
  let keys = req.tables.flatMap((t) => keysOf(template, t));
  if (req.part) {
    const shown = new Set(req.part.rows);
    keys = keys.filter((k) => shown.has(k.slice(3, k.lastIndexOf('.'))));
  }
  const whole = req.part === undefined;
  const skip = (['t3', 't4'] as const).filter((t) => !req.tables.includes(t));
  const failing = whole ? runChecks(template, cells, skip).filter((c) => !c.ok).map((c) => c.id) : [];
  return {
    file,
    look: req.look,
    template,
    tables: req.tables,
    rows: req.part ? [...req.part.rows] : null,
    cells: Object.fromEntries(keys.map((k) => [k, cells[k] ?? null])),
    failingChecks: failing,
    violation: req.set.violation ?? null,
  };
}

function quirksOf(req: FixtureRequest): Quirk[] {
  const quirks: Quirk[] = Object.values(req.set.cells).some((v) => v === null) ? ['dash-blanks'] : [];
  if (req.moneyUnits === true) quirks.push('money-unit-in-cell');
  quirks.push(...(LOOK_SPECS[req.look].quirks ?? []));
  return quirks;
}

async function convert(bytes: Buffer, to: 'bmp' | 'gif' | 'webp'): Promise<Buffer> {
  if (to === 'gif') return sharp(bytes).gif().toBuffer();
  if (to === 'webp') return sharp(bytes).webp({ quality: 85 }).toBuffer();
  const { data, info } = await sharp(bytes).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return encodeBmp24(info.width, info.height, data);
}

/** Render one fixture: final image bytes and file extension. */
export async function renderFixture(renderer: TableRenderer, req: FixtureRequest, seed: number): Promise<{ bytes: Buffer; ext: string }> {
  const png = await renderer.render({
    template: req.set.template,
    cells: req.set.cells,
    tables: req.tables,
    look: req.look,
    quirks: quirksOf(req),
    ...(req.part ? { rows: { from: req.part.from, to: req.part.to } } : {}),
  });
  const framed = req.part ? await sharp(png).extend({ top: 14, bottom: 14, background: '#ffffff' }).png().toBuffer() : png;
  let bytes = await applyLook(req.look, framed, seed);
  let ext = LOOK_SPECS[req.look].format === 'jpeg' ? 'jpg' : 'png';
  if (req.convert) {
    bytes = await convert(bytes, req.convert);
    ext = req.convert;
  }
  return { bytes, ext };
}

export async function writeFixtures(outDir: string, requests: readonly FixtureRequest[]): Promise<FixtureExpected[]> {
  await mkdir(outDir, { recursive: true });
  const renderer = await TableRenderer.open();
  const written: FixtureExpected[] = [];
  try {
    let seed = 0;
    for (const req of requests) {
      const { bytes, ext } = await renderFixture(renderer, req, ++seed);
      const file = `${req.name}.${ext}`;
      const expected = expectedOf(req, file);
      await writeFile(path.join(outDir, file), bytes);
      await writeFile(path.join(outDir, `${req.name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
      written.push(expected);
    }
  } finally {
    await renderer.close();
  }
  return written;
}

function argValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const bench = argValue(args, '--bench');
  const out = argValue(args, '--out') ?? (bench ? '.cache/ocr-bench' : 'test/fixtures/ocr');
  const requests = bench ? benchRequests(Number(bench)) : committedRequests();
  const started = Date.now();
  const written = await writeFixtures(out, requests);
  console.log(`wrote ${written.length} images to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

