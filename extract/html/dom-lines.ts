/**
 * Split a DOM subtree into visual lines: text runs between block boundaries and `<br>`s, in document order.
 * Used for titles, dates, headings and the search text, so that text order comes from the DOM and
 * inline markup (`<span>`s, `<font>`s) never splits a line.
 */
import type { AnyNode, Element } from 'domhandler';
import { childNodes, isElement, isText, SKIPPED_TAGS, tagName } from './dom.ts';
import { collapseWhitespace } from './normalize-label.ts';

export interface Line {
  readonly text: string;
  /** The innermost `<table>` the line sits in, if any. */
  readonly table: Element | null;
  /** The line's first text node (for locating it in the DOM). */
  readonly node: AnyNode;
  /** True when the line starts inside a link (lists of other reports, breadcrumbs). */
  readonly link: boolean;
}

const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
]);

export function domLines(root: AnyNode): Line[] {
  const lines: Line[] = [];
  let buffer: string[] = [];
  let start: { table: Element | null; node: AnyNode; link: boolean } | null = null;
  const flush = (): void => {
    const text = collapseWhitespace(buffer.join(''));
    if (text !== '' && start !== null) lines.push({ text, ...start });
    buffer = [];
    start = null;
  };
  const walk = (node: AnyNode, table: Element | null, link: boolean): void => {
    if (isText(node)) {
      if (start === null && node.data.trim() !== '') start = { table, node, link };
      buffer.push(node.data);
      return;
    }
    if (!isElement(node)) {
      for (const child of childNodes(node)) walk(child, table, link);
      return;
    }
    const name = tagName(node);
    if (SKIPPED_TAGS.has(name)) return;
    if (name === 'br') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    const inner = name === 'table' ? node : table;
    for (const child of childNodes(node)) walk(child, inner, link || name === 'a');
    if (block) flush();
  };
  walk(root, null, false);
  flush();
  return lines;
}
