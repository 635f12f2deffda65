/**
 * Mosaic batching (feasibility §2.3b): many small crops stacked top to bottom into one image, read by ONE engine
 * job (PSM 6 finds the lines), and the words split back to their crops by the vertical position of each word. One
 * job per batch instead of one per crop saves the per-job cost (image hand-over, thresholding, layout), which for
 * the chi_sim label model is most of the time. A crop whose words cannot be placed with certainty (nothing read,
 * or a word reaching into a neighbouring slot) is marked for a reading of its own.
 */
import type { OcrReading } from './engine.ts';
import type { Box, GreyImage } from './grey-image.ts';
import { toPgm } from './grey-image.ts';

/** The raster of a binary PGM (P5, maxval 255), or null for anything else (PNG, ASCII PGM …). */
export function parsePgm(buf: Buffer): GreyImage | null {
  if (buf.length < 8 || buf[0] !== 0x50 || buf[1] !== 0x35) return null;
  const fields: number[] = [];
  let i = 2;
  while (fields.length < 3 && i < buf.length) {
    const c = buf[i]!;
    if (c === 0x23) {
      while (i < buf.length && buf[i] !== 0x0a) i++;
    } else if (c >= 0x30 && c <= 0x39) {
      let v = 0;
      while (i < buf.length && buf[i]! >= 0x30 && buf[i]! <= 0x39) v = v * 10 + buf[i++]! - 0x30;
      fields.push(v);
      continue;
    }
    i++;
  }
  const [width, height, maxval] = fields;
  if (width === undefined || height === undefined || maxval !== 255) return null;
  const start = i + 1; // i is on the single whitespace byte after maxval
  if (buf.length - start < width * height) return null;
  return { width, height, data: new Uint8Array(buf.buffer, buf.byteOffset + start, width * height) };
}

/** Ink box of a crop (pixels darker than `thr`), or null when it is blank. */
export function inkBox(img: GreyImage, thr = 160): Box | null {
  let x0 = img.width;
  let x1 = -1;
  let y0 = img.height;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x++) {
      if (img.data[row + x]! < thr) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

export interface MosaicOptions {
  /** White around each crop's ink, px. Default 8. */
  readonly margin?: number;
  /** White rows between consecutive crops' ink, as a share of the taller ink height. Default 0.6. */
  readonly gap?: number;
  /** Left margin of the mosaic, px. Default 24. */
  readonly left?: number;
}

export interface Mosaic {
  /** PGM bytes of the stacked image. */
  readonly image: Buffer;
  readonly width: number;
  readonly height: number;
  /** Per crop: its ink rows in the mosaic and the band of rows that belongs to it; null for a blank crop. */
  readonly slots: readonly ({ readonly ink: Box; readonly band: readonly [number, number] } | null)[];
}

/** Stack the crops' ink (plus a margin) left-aligned, top to bottom, on white. */
export function buildMosaic(crops: readonly GreyImage[], options: MosaicOptions = {}): Mosaic {
  const margin = options.margin ?? 8;
  const gapShare = options.gap ?? 0.6;
  const left = options.left ?? 24;
  const boxes = crops.map((c) => inkBox(c));
  const placed: ({ src: GreyImage; from: Box; x: number; y: number } | null)[] = [];
  let y = 24;
  let width = 0;
  let prevH = 0;
  for (let i = 0; i < crops.length; i++) {
    const b = boxes[i];
    const img = crops[i]!;
    if (b === null || b === undefined) {
      placed.push(null);
      continue;
    }
    const from: Box = {
      x0: Math.max(0, b.x0 - margin),
      x1: Math.min(img.width, b.x1 + margin),
      y0: Math.max(0, b.y0 - margin),
      y1: Math.min(img.height, b.y1 + margin),
    };
    const h = b.y1 - b.y0;
    if (prevH > 0) y += Math.round(gapShare * Math.max(h, prevH));
    placed.push({ src: img, from, x: left, y });
    y += from.y1 - from.y0;
    width = Math.max(width, left + (from.x1 - from.x0) + 24);
    prevH = h;
  }
  const height = y + 24;
  width = Math.max(width, 64);
  const data = new Uint8Array(width * height).fill(255);
  const inks: (Box | null)[] = [];
  placed.forEach((p, i) => {
    if (p === null) {
      inks.push(null);
      return;
    }
    const w = p.from.x1 - p.from.x0;
    for (let r = p.from.y0; r < p.from.y1; r++) {
      const srcRow = r * p.src.width + p.from.x0;
      data.set(p.src.data.subarray(srcRow, srcRow + w), (p.y + r - p.from.y0) * width + p.x);
    }
    const b = boxes[i]!;
    inks.push({ x0: p.x + b.x0 - p.from.x0, x1: p.x + b.x1 - p.from.x0, y0: p.y + b.y0 - p.from.y0, y1: p.y + b.y1 - p.from.y0 });
  });
  // Bands: each crop owns the rows up to half-way to its neighbours' ink.
  const present = inks.map((b, i) => (b === null ? -1 : i)).filter((i) => i >= 0);
  const slots: Mosaic['slots'][number][] = inks.map(() => null);
  present.forEach((idx, k) => {
    const ink = inks[idx]!;
    const prev = k > 0 ? inks[present[k - 1]!]! : null;
    const next = k + 1 < present.length ? inks[present[k + 1]!]! : null;
    const top = prev === null ? 0 : (prev.y1 + ink.y0) / 2;
    const bottom = next === null ? height : (ink.y1 + next.y0) / 2;
    slots[idx] = { ink, band: [top, bottom] };
  });
  return { image: toPgm({ width, height, data }), width, height, slots };
}

export interface TsvWord {
  readonly text: string;
  /** 0..100 */
  readonly conf: number;
  readonly box: Box;
}

/** Words (level 5) of tesseract TSV output of one page. */
export function tsvWords(tsv: string): TsvWord[] {
  const words: TsvWord[] = [];
  for (const line of tsv.split('\n')) {
    const f = line.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = (f[11] ?? '').trim();
    if (text === '') continue;
    const left = Number(f[6]);
    const top = Number(f[7]);
    words.push({ text, conf: Number(f[10]), box: { x0: left, y0: top, x1: left + Number(f[8]), y1: top + Number(f[9]) } });
  }
  return words;
}

/**
 * Words back to their crops. Returns one reading per slot and the indices that need a reading of their own:
 * blank crops, crops where nothing was read, or where a word straddles two bands.
 */
export function splitMosaic(mosaic: Mosaic, words: readonly TsvWord[], joiner: string): { readings: (OcrReading | null)[]; reread: number[] } {
  const bands = mosaic.slots.map((s, i) => ({ s, i })).filter((x) => x.s !== null) as { s: NonNullable<Mosaic['slots'][number]>; i: number }[];
  const perSlot = new Map<number, TsvWord[]>();
  const suspect = new Set<number>();
  for (const w of words) {
    const cy = (w.box.y0 + w.box.y1) / 2;
    const hit = bands.find((b) => cy >= b.s.band[0] && cy < b.s.band[1]);
    if (hit === undefined) continue;
    perSlot.set(hit.i, [...(perSlot.get(hit.i) ?? []), w]);
    // A word reaching well into a neighbour's band means tesseract merged lines there.
    const tol = 0.25 * (hit.s.ink.y1 - hit.s.ink.y0);
    if (w.box.y0 < hit.s.band[0] - tol || w.box.y1 > hit.s.band[1] + tol) {
      for (const b of bands) if (w.box.y1 > b.s.band[0] && w.box.y0 < b.s.band[1]) suspect.add(b.i);
    }
  }
  const readings: (OcrReading | null)[] = mosaic.slots.map((s, i) => {
    if (s === null) return null;
    const ws = (perSlot.get(i) ?? []).slice().sort((a, b) => a.box.x0 - b.box.x0);
    if (ws.length === 0 || suspect.has(i)) return null;
    return { text: ws.map((w) => w.text).join(joiner), confidence: Math.max(0, Math.min(...ws.map((w) => w.conf))) / 100, alternatives: [] };
  });
  return { readings, reread: readings.map((r, i) => (r === null ? i : -1)).filter((i) => i >= 0) };
}
