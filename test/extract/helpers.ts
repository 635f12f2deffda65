import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { findTables, type FoundTable } from '../../extract/html/find-tables.ts';

export function parse(html: string): AnyNode {
  const root = cheerio.load(html).root()[0];
  if (root === undefined) throw new Error('no root');
  return root;
}

export function tables(html: string): FoundTable[] {
  return findTables(parse(html));
}

/** Word-pasted cell: `<td><p class=MsoNormal><span style=…>…</span></p></td>`. */
export function td(content: string, attrs = ''): string {
  return `<td ${attrs} style="border:solid windowtext 1.0pt"><p class=MsoNormal align=center><span style="font-family:宋体">${content}</span></p></td>`;
}
