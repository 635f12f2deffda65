/**
 * Uneven lighting (a phone photo: one corner in shadow) made even: the paper's brightness is estimated as the
 * brightest pixel of each 8 × 8 block, spread over neighbouring blocks (a block inside a bold glyph sees paper
 * next to it) and smoothed, and each pixel is divided by it. Screenshots and flat scans, whose paper is nowhere
 * darker than PAPER_MIN, are returned untouched (the grid and ink thresholds downstream are fixed levels).
 */
import type { GreyImage } from './grey-image.ts';

const BLOCK = 8;
/** Paper this bright everywhere needs no flattening (Word's grey shading, #d0d0d0 = 208, stays as printed). */
const PAPER_MIN = 200;

export interface PaperLevel {
  readonly cols: number;
  readonly rows: number;
  /** Paper brightness per block. */
  readonly level: Float32Array;
}

function blockMax(img: GreyImage): PaperLevel {
  const cols = Math.ceil(img.width / BLOCK);
  const rows = Math.ceil(img.height / BLOCK);
  const level = new Float32Array(cols * rows);
  for (let y = 0; y < img.height; y++) {
    const by = Math.floor(y / BLOCK);
    for (let x = 0; x < img.width; x++) {
      const i = by * cols + Math.floor(x / BLOCK);
      const v = img.data[y * img.width + x]!;
      if (v > level[i]!) level[i] = v;
    }
  }
  return { cols, rows, level };
}

/** Separable filter over blocks: max (spread paper into glyph blocks), then mean (smooth). */
function filterBlocks(p: PaperLevel, radius: number, op: 'max' | 'mean'): PaperLevel {
  const pass = (src: Float32Array, horizontal: boolean): Float32Array => {
    const out = new Float32Array(src.length);
    for (let r = 0; r < p.rows; r++) {
      for (let c = 0; c < p.cols; c++) {
        let acc = 0;
        let n = 0;
        for (let d = -radius; d <= radius; d++) {
          const rr = horizontal ? r : r + d;
          const cc = horizontal ? c + d : c;
          if (rr < 0 || cc < 0 || rr >= p.rows || cc >= p.cols) continue;
          const v = src[rr * p.cols + cc]!;
          acc = op === 'max' ? Math.max(acc, v) : acc + v;
          n++;
        }
        out[r * p.cols + c] = op === 'max' ? acc : acc / n;
      }
    }
    return out;
  };
  return { ...p, level: pass(pass(p.level, true), false) };
}

/** The paper brightness estimate of an image, per block. */
export function paperLevel(img: GreyImage): PaperLevel {
  return filterBlocks(filterBlocks(blockMax(img), 2, 'max'), 2, 'mean');
}

export function flattenLighting(img: GreyImage): { image: GreyImage; flattened: boolean } {
  const paper = paperLevel(img);
  let darkest = 255;
  for (const v of paper.level) darkest = Math.min(darkest, v);
  if (darkest >= PAPER_MIN) return { image: img, flattened: false };
  const out = new Uint8Array(img.data.length);
  const at = (r: number, c: number): number => paper.level[Math.min(paper.rows - 1, Math.max(0, r)) * paper.cols + Math.min(paper.cols - 1, Math.max(0, c))]!;
  for (let y = 0; y < img.height; y++) {
    const fy = (y + 0.5) / BLOCK - 0.5;
    const r0 = Math.floor(fy);
    const ty = fy - r0;
    for (let x = 0; x < img.width; x++) {
      const fx = (x + 0.5) / BLOCK - 0.5;
      const c0 = Math.floor(fx);
      const tx = fx - c0;
      const bg = (at(r0, c0) * (1 - tx) + at(r0, c0 + 1) * tx) * (1 - ty) + (at(r0 + 1, c0) * (1 - tx) + at(r0 + 1, c0 + 1) * tx) * ty;
      out[y * img.width + x] = Math.min(255, Math.round((img.data[y * img.width + x]! * 255) / Math.max(1, bg)));
    }
  }
  return { image: { width: img.width, height: img.height, data: out }, flattened: true };
}
