/**
 * Placeholder screenshots of the statistical tables for `image` reports: an 8-bit greyscale PNG (deflate via
 * node:zlib, CRC-32 per chunk) with the ruled grid of the table and a darker header band. There is no text in the
 * image yet — a later issue renders real screenshots of the Word tables through Chromium, which OCR can read.
 */
import { deflateSync } from 'node:zlib';

export interface GridLayout {
  readonly width: number;
  readonly height: number;
  /** Relative column widths (first column usually the wide label column). */
  readonly columns: readonly number[];
  readonly rows: number;
  /** Rows drawn in the darker header band. */
  readonly headerRows: number;
}

/** Grids of tables 2, 3 and 4 at the size a pasted screenshot usually has. */
export function tableGrids(template: '2021' | '2019'): readonly GridLayout[] {
  const wide = template === '2021';
  return [
    { width: 1100, height: wide ? 620 : 780, columns: [3, 2, 2, 2], rows: wide ? 14 : 18, headerRows: 2 },
    { width: 1100, height: 800, columns: [1, 1.2, 3.2, 1, 1, 1, 1, 1, 1, 1], rows: wide ? 28 : 26, headerRows: 3 },
    { width: 1100, height: 260, columns: Array<number>(15).fill(1), rows: 4, headerRows: 3 },
  ];
}

/** The three table images of an `image` report, in page order (tables 2, 3, 4). */
export function renderTableImages(template: '2021' | '2019'): Buffer[] {
  return tableGrids(template).map(renderTablePng);
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encode greyscale pixels (row-major, one byte each) as a PNG. */
export function encodeGreyPng(width: number, height: number, pixels: Uint8Array): Buffer {
  if (pixels.length !== width * height) throw new Error(`Expected ${width * height} pixels, got ${pixels.length}`);
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Draw the ruled grid of a table: white cells, a grey header band, 2px black rules. */
export function renderTablePng(layout: GridLayout): Buffer {
  const { width, height } = layout;
  const pixels = new Uint8Array(width * height).fill(255);
  const margin = 20;
  const innerW = width - 2 * margin;
  const innerH = height - 2 * margin;
  const rowH = innerH / layout.rows;
  const headerBottom = Math.round(margin + rowH * layout.headerRows);
  for (let y = margin; y < headerBottom; y++) pixels.fill(217, y * width + margin, y * width + width - margin);
  const hLine = (y: number): void => {
    for (let t = 0; t < 2; t++) pixels.fill(0, (y + t) * width + margin, (y + t) * width + width - margin);
  };
  const vLine = (x: number): void => {
    for (let y = margin; y < height - margin; y++) pixels[y * width + x] = pixels[y * width + x + 1] = 0;
  };
  for (let r = 0; r <= layout.rows; r++) hLine(Math.min(height - margin - 2, Math.round(margin + r * rowH)));
  const total = layout.columns.reduce((a, b) => a + b, 0);
  let x = margin;
  vLine(x);
  for (const w of layout.columns) {
    x += (w / total) * innerW;
    vLine(Math.min(width - margin - 2, Math.round(x)));
  }
  return encodeGreyPng(width, height, pixels);
}
