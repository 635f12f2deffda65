import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../helpers/import-graph.ts';

describe('import graph', () => {
  it('finds the edges it must (the scan itself works) and finds a cycle when there is one', () => {
    const graph = importGraph();
    expect(graph.get('serve/archive/page.ts')).toContain('store/captured-document.ts');
    expect(graph.get('serve/static/app.js')).toContain('serve/static/route.js');
    expect(graph.get('jobs/cli/commands/serve.ts')).toContain('store/open-archive.ts');
    const circle = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']], ['e.ts', ['e.ts']]]);
    expect(importCycles(circle)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('non-test source has no import cycle', () => {
    expect(importCycles(importGraph())).toEqual([]);
  });

  it('nothing below jobs/ imports from jobs/ (data flows jobs → crawlers/extract → store)', () => {
    const upward = [...importGraph()].flatMap(([file, targets]) =>
      /^(serve|store|extract|crawlers|common)\//.test(file) ? targets.filter((t) => t.startsWith('jobs/')).map((t) => `${file} → ${t}`) : [],
    );
    expect(upward).toEqual([]);
  });
});
