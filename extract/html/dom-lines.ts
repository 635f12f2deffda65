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

type LineContext = { readonly table: Element | null; readonly link: boolean };

/** A node to enter, or the end of a block element (where its last line ends). */
type Step = { readonly node: AnyNode; readonly context: LineContext } | { readonly blockEnd: true };

/** Walked with an explicit stack (the page's nesting depth never reaches the call stack). */
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
  const stack: Step[] = [{ node: root, context: { table: null, link: false } }];
  const pushChildren = (node: AnyNode, context: LineContext): void => {
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child !== undefined) stack.push({ node: child, context });
    }
  };
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('blockEnd' in step) {
      flush();
      continue;
    }
    const { node, context } = step;
    if (isText(node)) {
      if (start === null && node.data.trim() !== '') start = { table: context.table, node, link: context.link };
      buffer.push(node.data);
      continue;
    }
    if (!isElement(node)) {
      pushChildren(node, context);
      continue;
    }
    const name = tagName(node);
    if (SKIPPED_TAGS.has(name)) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) {
      flush();
      stack.push({ blockEnd: true });
    }
    pushChildren(node, { table: name === 'table' ? node : context.table, link: context.link || name === 'a' });
  }
  flush();
  return lines;
}
