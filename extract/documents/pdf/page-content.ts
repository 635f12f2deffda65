/**
 * What one PDF page holds, in top-left page coordinates (points): text runs with their boxes, ruling lines (thin
 * filled rectangles and stroked axis-aligned segments, as Word, WPS and Chromium draw table borders) and painted
 * images.
 */
import { normalizeCjk } from '../normalize-text.ts';
import type { OpenedPdf, PdfPage } from './load-pdf.ts';

export interface TextRun {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline, from the top of the page. */
  readonly baseline: number;
  /** Font size (points). */
  readonly size: number;
}

export interface Rule {
  readonly horizontal: boolean;
  /** For a horizontal rule: y is the position, [a, b] the x extent; for a vertical one: x position, y extent. */
  readonly at: number;
  readonly a: number;
  readonly b: number;
}

export interface PaintedImage {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface PageContent {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly TextRun[];
  readonly rules: readonly Rule[];
  readonly images: readonly PaintedImage[];
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const THIN = 2.5;
const MIN_RULE = 3;

function rulesOfSubpath(points: readonly [number, number][], stroked: boolean, out: Rule[]): void {
  if (points.length < 2) return;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (x1 - x0 <= THIN && y1 - y0 >= MIN_RULE) {
    out.push({ horizontal: false, at: (x0 + x1) / 2, a: y0, b: y1 });
    return;
  }
  if (y1 - y0 <= THIN && x1 - x0 >= MIN_RULE) {
    out.push({ horizontal: true, at: (y0 + y1) / 2, a: x0, b: x1 });
    return;
  }
  if (!stroked) return;
  for (let i = 1; i < points.length; i += 1) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_RULE) out.push({ horizontal: true, at: ay, a: Math.min(ax, bx), b: Math.max(ax, bx) });
    if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_RULE) out.push({ horizontal: false, at: ax, a: Math.min(ay, by), b: Math.max(ay, by) });
  }
}

/** Rules of one constructPath: its subpaths in page space (y down). */
function pathRules(data: ArrayLike<number>, ctm: Matrix, stroked: boolean, height: number, out: Rule[]): void {
  let points: [number, number][] = [];
  const toPage = (x: number, y: number): [number, number] => {
    const [px, py] = apply(ctm, x, y);
    return [px, height - py];
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === 0) {
      rulesOfSubpath(points, stroked, out);
      points = [toPage(data[i + 1]!, data[i + 2]!)];
      i += 3;
    } else if (op === 1) {
      points.push(toPage(data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === 2) {
      points.push(toPage(data[i + 5]!, data[i + 6]!));
      i += 7;
    } else if (op === 3) {
      points.push(toPage(data[i + 3]!, data[i + 4]!));
      i += 5;
    } else {
      if (points.length > 0 && stroked) points.push(points[0]!);
      i += 1;
    }
  }
  rulesOfSubpath(points, stroked, out);
}

export async function readPageContent(pdf: OpenedPdf, page: PdfPage, number: number): Promise<PageContent> {
  const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
  const width = vx1 - vx0;
  const height = vy1 - vy0;
  const text = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of text.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, , d, e, f] = item.transform as Matrix;
    if (Math.abs(b) > Math.abs(a) * 0.2) continue; // rotated text (stamps, watermarks)
    const size = Math.abs(d) || Math.abs(a) || item.height;
    runs.push({ text: normalizeCjk(item.str), x0: e - vx0, x1: e - vx0 + item.width, baseline: height - (f - vy0), size });
  }
  const ops = await page.getOperatorList();
  const OPS = pdf.pdfjs.OPS;
  const stroking = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const filling = new Set<number>([OPS.fill, OPS.eoFill]);
  const rules: Rule[] = [];
  const images: PaintedImage[] = [];
  let ctm: Matrix = [1, 0, 0, 1, -vx0, -vy0];
  const stack: Matrix[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!(data instanceof Float32Array) && !Array.isArray(data)) return;
      if (stroking.has(paint) || filling.has(paint)) pathRules(data as ArrayLike<number>, ctm, stroking.has(paint), height, rules);
    } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => height - c[1]);
      images.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
    }
  });
  return { number, width, height, runs, rules, images };
}
