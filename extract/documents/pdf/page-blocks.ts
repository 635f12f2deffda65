/**
 * One page → blocks in reading order: paragraphs of the text outside tables, and each ruled table as HTML with
 * its merged cells (rowspan/colspan) and the text found inside each cell, with each cell's box on the page.
 */
import type { CellBoxes, DocumentBlock } from '../types.ts';
import { gridTableHtml } from '../table-html.ts';
import { findLattices, type Lattice, type LatticeCell } from './lattice.ts';
import { openGridTables } from './open-grid.ts';
import type { PageContent, TextRun } from './page-content.ts';
import { cellText, groupLines, paragraphs } from './text-lines.ts';

/** Pages with more rules than this are drawings, not tables: no lattice is attempted. */
const MAX_RULES = 4000;

function centre(run: TextRun): [number, number] {
  return [(run.x0 + run.x1) / 2, run.baseline - run.size * 0.35];
}

function inside(l: { x0: number; y0: number; x1: number; y1: number }, x: number, y: number, pad = 0): boolean {
  return x >= l.x0 - pad && x <= l.x1 + pad && y >= l.y0 - pad && y <= l.y1 + pad;
}

function latticeHtml(lattice: Lattice, runs: readonly TextRun[]): string {
  const texts = new Map<LatticeCell, TextRun[]>();
  for (const run of runs) {
    const [x, y] = centre(run);
    const cell = lattice.cells.find((c) => inside(c, x, y));
    if (cell !== undefined) texts.set(cell, [...(texts.get(cell) ?? []), run]);
  }
  return gridTableHtml(
    lattice.cells.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: cellText(texts.get(c) ?? []) })),
  );
}

/** Where each cell of the table lies on its page (the ruling lines it was rebuilt from), for provenance. */
function cellBoxes(page: PageContent, lattice: Lattice): CellBoxes {
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    page: page.number,
    pageWidth: round(page.width),
    pageHeight: round(page.height),
    cells: lattice.cells.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, x0: round(c.x0), y0: round(c.y0), x1: round(c.x1), y1: round(c.y1) })),
  };
}

export interface PageBlocks {
  readonly blocks: DocumentBlock[];
  readonly tables: number;
  readonly chars: number;
}

export function pageBlocks(page: PageContent, firstTableIndex: number): PageBlocks {
  const lattices = page.rules.length > MAX_RULES ? [] : findLattices(page.rules).filter((l) => l.cells.length >= 4);
  const owner = (run: TextRun): Lattice | undefined => {
    const [x, y] = centre(run);
    return lattices.find((l) => inside(l, x, y, 1));
  };
  const open = page.rules.length > MAX_RULES ? [] : openGridTables(page);
  const inOpen = new Set(open.flatMap((t) => t.runs));
  const free = page.runs.filter((r) => owner(r) === undefined && !inOpen.has(r));
  const lines = groupLines(free);
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const items: { y: number; block: DocumentBlock }[] = paragraphs(lines, left, right).map((l) => ({ y: l.baseline, block: { kind: 'text', text: l.text } }));
  lattices.forEach((lattice, i) => {
    const runs = page.runs.filter((r) => owner(r) === lattice);
    items.push({
      y: lattice.y0,
      block: {
        kind: 'table',
        table: { html: latticeHtml(lattice, runs), origin: `page[${page.number}]/table[${firstTableIndex + i}]`, cellBoxes: cellBoxes(page, lattice) },
      },
    });
  });
  open.forEach((t, i) => {
    items.push({ y: t.y0, block: { kind: 'table', table: { html: t.html, origin: `page[${page.number}]/table[${firstTableIndex + lattices.length + i}]` } } });
  });
  items.sort((a, b) => a.y - b.y);
  return { blocks: items.map((i) => i.block), tables: lattices.length + open.length, chars: page.runs.reduce((n, r) => n + r.text.length, 0) };
}
