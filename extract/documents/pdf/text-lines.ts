/** Text runs → lines (same baseline, left to right) → text, with spaces only where the gap asks for one. */
import type { TextRun } from './page-content.ts';

export interface TextLine {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly baseline: number;
  readonly size: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Join runs of one line: a space where the gap is wider than a third of the font size between non-CJK text. */
function joinRuns(runs: readonly TextRun[]): string {
  let out = '';
  let lastX1: number | null = null;
  for (const run of runs) {
    if (lastX1 !== null && out !== '') {
      const gap = run.x0 - lastX1;
      const cjkJoin = CJK.test(out.slice(-1)) && CJK.test(run.text.charAt(0));
      if (gap > run.size * (cjkJoin ? 1.5 : 0.3) && !out.endsWith(' ') && !run.text.startsWith(' ')) out += ' ';
    }
    out += run.text;
    lastX1 = Math.max(lastX1 ?? run.x1, run.x1);
  }
  return out.replace(/\s+/g, ' ').trim();
}

export function groupLines(runs: readonly TextRun[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line !== undefined && first !== undefined && Math.abs(run.baseline - first.baseline) <= Math.max(first.size, run.size) * 0.4) line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((line) => {
      const byX = [...line].sort((a, b) => a.x0 - b.x0);
      return {
        text: joinRuns(byX),
        x0: byX[0]!.x0,
        x1: Math.max(...byX.map((r) => r.x1)),
        baseline: byX[0]!.baseline,
        size: Math.max(...byX.map((r) => r.size)),
      };
    })
    .filter((l) => l.text !== '');
}

/** Text of a table cell: its lines joined (no space between CJK characters of a wrapped label). */
export function cellText(runs: readonly TextRun[]): string {
  const lines = groupLines(runs).map((l) => l.text);
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else out += CJK.test(out.slice(-1)) || CJK.test(line.charAt(0)) ? line : ` ${line}`;
  }
  return out;
}

/**
 * Lines → paragraphs: a line continues the previous one when it starts at the text's left edge, the previous one
 * reached the right edge, and both have the same font size (headings, titles and signatures stay lines).
 */
export function paragraphs(lines: readonly TextLine[], left: number, right: number): TextLine[] {
  const out: TextLine[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const continues =
      prev !== undefined &&
      Math.abs(prev.size - line.size) < 0.5 &&
      line.x0 <= left + line.size * 0.6 &&
      prev.x1 >= right - line.size * 2.5 &&
      line.baseline - prev.baseline < line.size * 2.2;
    if (continues) {
      const joined = CJK.test(prev.text.slice(-1)) || CJK.test(line.text.charAt(0)) ? prev.text + line.text : `${prev.text} ${line.text}`;
      out[out.length - 1] = { ...prev, text: joined, x1: line.x1, baseline: line.baseline };
    } else out.push(line);
  }
  return out;
}
