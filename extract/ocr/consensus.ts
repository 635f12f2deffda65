/**
 * Glyph consensus (feasibility §2.3b): the same digit printed in the same font looks the same everywhere in one
 * image, so glyph bitmaps are clustered per image and each cluster is labelled by the majority of the OCR readings
 * that cover it. A cell is re-read from its clusters only when every glyph has a labelled cluster; otherwise the
 * OCR reading stands (`fallback`). Skipped on tiny or unstable glyphs, where segmentation is unreliable.
 */
import type { CellInk } from './crops.ts';
import type { Box, GreyImage } from './grey-image.ts';

export type ConsensusStatus = 'agree' | 'changed' | 'fallback' | 'skipped';

export interface ConsensusResult {
  readonly text: string;
  readonly status: ConsensusStatus;
}

const GW = 16;
const GH = 24;

function describe(img: GreyImage, g: Box, winW: number, winH: number, thr: number): Float32Array {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = g.y0; y < g.y1; y++) {
    for (let x = g.x0; x < g.x1; x++) {
      if (img.data[y * img.width + x]! < thr) {
        sx += x;
        sy += y;
        n++;
      }
    }
  }
  const cx = n === 0 ? (g.x0 + g.x1) / 2 : sx / n;
  const cy = n === 0 ? (g.y0 + g.y1) / 2 : sy / n;
  const out = new Float32Array(GW * GH);
  for (let j = 0; j < GH; j++) {
    for (let i = 0; i < GW; i++) {
      const x = cx + ((i + 0.5) / GW - 0.5) * winW;
      const y = cy + ((j + 0.5) / GH - 0.5) * winH;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      const at = (xx: number, yy: number): number => {
        if (xx < g.x0 || xx >= g.x1 || yy < 0 || yy >= img.height) return 255;
        return img.data[yy * img.width + xx]!;
      };
      const v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
      out[j * GW + i] = 255 - v;
    }
  }
  // Normalise to zero mean, unit norm for correlation.
  let mean = 0;
  for (const v of out) mean += v;
  mean /= out.length;
  let norm = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = out[k]! - mean;
    norm += out[k]! * out[k]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < out.length; k++) out[k] = out[k]! / norm;
  return out;
}

const correlate = (a: Float32Array, b: Float32Array): number => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
};

interface Cluster {
  readonly proto: Float32Array;
  readonly w: number;
  readonly h: number;
  readonly votes: Map<string, number>;
  label: string | null;
}

export interface ConsensusInput {
  readonly ink: CellInk;
  /** OCR reading (charset-filtered, no spaces); '' when blank or not ink. */
  readonly text: string;
}

export interface ConsensusOptions {
  /** Correlation to join a cluster. Default 0.97. */
  readonly joinAt?: number;
  /** Skip consensus below this median glyph height (px). Default 9. */
  readonly minGlyphHeight?: number;
}

export function glyphConsensus(
  img: GreyImage,
  cells: readonly ConsensusInput[],
  thr: number,
  options: ConsensusOptions = {},
): ConsensusResult[] {
  const joinAt = options.joinAt ?? 0.97;
  const heights = cells.flatMap((c) => c.ink.glyphs.map((g) => g.y1 - g.y0)).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)] ?? 0;
  const skipped = (): ConsensusResult[] => cells.map((c) => ({ text: c.text, status: 'skipped' }));
  if (median < (options.minGlyphHeight ?? 9) || heights.length < 6) return skipped();
  const winW = 0.8 * median;
  const winH = 1.3 * median;
  const clusters: Cluster[] = [];
  const assignment: number[][] = cells.map((c) =>
    c.ink.glyphs.map((g) => {
      const d = describe(img, g, winW, winH, thr);
      const w = g.x1 - g.x0;
      const h = g.y1 - g.y0;
      let best = -1;
      let bestScore = joinAt;
      clusters.forEach((cl, k) => {
        if (Math.abs(cl.w - w) > Math.max(2, 0.2 * cl.w) || Math.abs(cl.h - h) > Math.max(2, 0.15 * cl.h)) return;
        const s = correlate(cl.proto, d);
        if (s >= bestScore) {
          bestScore = s;
          best = k;
        }
      });
      if (best >= 0) return best;
      clusters.push({ proto: d, w, h, votes: new Map(), label: null });
      return clusters.length - 1;
    }),
  );
  if (clusters.length > 0.4 * heights.length) return skipped();
  // Votes: readings whose character count equals their glyph count.
  cells.forEach((c, i) => {
    const chars = [...c.text];
    const glyphs = assignment[i]!;
    if (chars.length === 0 || chars.length !== glyphs.length) return;
    glyphs.forEach((k, p) => {
      const votes = clusters[k]!.votes;
      votes.set(chars[p]!, (votes.get(chars[p]!) ?? 0) + 1);
    });
  });
  for (const cl of clusters) {
    const total = [...cl.votes.values()].reduce((a, b) => a + b, 0);
    const [label, count] = [...cl.votes.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
    if (label !== null && count >= 2 && count / total >= 0.75) cl.label = label;
  }
  const labelled = clusters.filter((c) => c.label !== null);
  for (const cl of clusters) {
    if (cl.label !== null || cl.votes.size === 0) continue;
    const scored = labelled.map((l) => ({ label: l.label!, s: correlate(l.proto, cl.proto) })).sort((a, b) => b.s - a.s);
    const first = scored[0];
    const second = scored.find((x) => x.label !== first?.label);
    if (first && first.s > 0.8 && first.s - (second?.s ?? 0) > 0.05) cl.label = first.label;
  }
  return cells.map((c, i) => {
    const glyphs = assignment[i]!;
    if (glyphs.length === 0) return { text: c.text, status: 'skipped' };
    const labels = glyphs.map((k) => clusters[k]!.label);
    if (labels.some((l) => l === null)) return { text: c.text, status: 'fallback' };
    const text = labels.join('');
    return { text, status: text === c.text ? 'agree' : 'changed' };
  });
}
