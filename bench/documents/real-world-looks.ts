/**
 * The real-world looks of demo/document-fixtures/real-world, scored per look: cells right, tables entirely right,
 * wrong values left unflagged, template, failing checks and named problems as written in the look; tuned and
 * held-out looks totalled apart.
 */
import { performance } from 'node:perf_hooks';
import { withBrowser } from '../../demo/document-fixtures/chromium.ts';
import { LOOKS } from '../../demo/document-fixtures/real-world/looks.ts';
import { lookFileName, renderLook } from '../../demo/document-fixtures/real-world/render-look.ts';
import { scoreLook, type LookScore } from '../../demo/document-fixtures/real-world/score-look.ts';
import { libreOfficePath } from '../../extract/documents/doc/libreoffice.ts';
import { extractDocument } from '../../extract/documents/extract-document.ts';

export interface LookResult extends LookScore {
  readonly format: string;
  /** Extraction time of the document (rendering not counted). */
  readonly seconds: number;
  readonly error: string | null;
}

async function scoreOne(look: (typeof LOOKS)[number], bytes: Buffer): Promise<LookResult> {
  const start = performance.now();
  const report = await extractDocument(bytes, { source: `file:///bench/${lookFileName(look)}` });
  const seconds = (performance.now() - start) / 1000;
  return { ...scoreLook(look, report), format: look.format, seconds: Math.round(seconds * 100) / 100, error: null };
}

export async function runLooks(): Promise<LookResult[]> {
  const looks = LOOKS.filter((l) => l.format !== 'pdf-libreoffice' || libreOfficePath() !== null);
  return withBrowser(async (browser) => {
    const out: LookResult[] = [];
    for (const look of looks) {
      try {
        out.push(await scoreOne(look, await renderLook(look, browser)));
      } catch (error) {
        const cells = 0;
        out.push({ look: look.name, heldOut: look.heldOut, format: look.format, cells, right: 0, tables: 3, tablesRight: 0, wrong: [], wrongUnflagged: 0, templateRight: false, checksUnexpected: [], checksMissed: [], problemsMissed: [], seconds: 0, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return out;
  });
}

const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(2)} %`;

function line(name: string, rs: readonly LookResult[]): string {
  const sum = (f: (r: LookResult) => number): number => rs.reduce((n, r) => n + f(r), 0);
  const asWritten = rs.filter((r) => r.templateRight && r.checksUnexpected.length === 0 && r.checksMissed.length === 0 && r.problemsMissed.length === 0 && r.error === null).length;
  return `| ${name} | ${sum((r) => r.right)}/${sum((r) => r.cells)} = ${pct(sum((r) => r.right), sum((r) => r.cells))} | ${sum((r) => r.tablesRight)}/${sum((r) => r.tables)} | ${sum((r) => r.wrongUnflagged)} | ${asWritten}/${rs.length} |`;
}

/** Markdown: one row per look, then the tuned and held-out totals. */
export function looksTable(results: readonly LookResult[]): string {
  const rows = results.map((r) => {
    const notes = [r.error ?? '', r.templateRight ? '' : 'template wrong', ...r.checksUnexpected.map((c) => `unexpected failing ${c}`), ...r.checksMissed.map((c) => `${c} not failing`), ...r.problemsMissed.map((p) => `${p} not named`)].filter((x) => x !== '');
    return `| ${r.look}${r.heldOut ? ' (held out)' : ''} | ${r.format} | ${r.right}/${r.cells} | ${r.tablesRight}/${r.tables} | ${r.wrongUnflagged} | ${r.seconds} | ${notes.join('; ')} |`;
  });
  return [
    '| look | format | cells right | tables entirely right | wrong & unflagged | extraction s | notes |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '| set | cells right | tables entirely right | wrong & unflagged | looks with template, checks and problems as written |',
    '|---|---|---|---|---|',
    line('tuned', results.filter((r) => !r.heldOut)),
    line('held out', results.filter((r) => r.heldOut)),
  ].join('\n');
}
