/** Small helpers over the domhandler tree that cheerio parses into (no runtime dependency beyond cheerio). */
import type { AnyNode, Element, Text } from 'domhandler';

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: AnyNode): node is Text {
  return node.type === 'text';
}

export function tagName(node: AnyNode): string {
  return isElement(node) ? node.name.toLowerCase() : '';
}

/** Tags whose content is never report text. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'select', 'option', 'textarea', 'button', 'svg',
]);

export function childNodes(node: AnyNode): readonly AnyNode[] {
  return 'children' in node ? (node.children as AnyNode[]) : [];
}

/**
 * Text of an element: `<br>` becomes a space, nested tables are left out (their text belongs to them),
 * scripts and styles are skipped. Not whitespace-normalised.
 */
export function elementText(node: AnyNode, options: { readonly skipNestedTables?: boolean } = {}): string {
  const parts: string[] = [];
  const walk = (current: AnyNode, depth: number): void => {
    if (isText(current)) {
      parts.push(current.data);
      return;
    }
    if (!isElement(current)) return;
    const name = tagName(current);
    if (SKIPPED_TAGS.has(name)) return;
    if (name === 'br') {
      parts.push(' ');
      return;
    }
    if (name === 'table' && depth > 0 && options.skipNestedTables === true) return;
    for (const child of childNodes(current)) walk(child, depth + 1);
  };
  walk(node, 0);
  return parts.join('');
}

/** All descendant elements with the tag name, in document order. */
export function descendants(root: AnyNode, name: string): Element[] {
  const found: Element[] = [];
  const walk = (current: AnyNode): void => {
    for (const child of childNodes(current)) {
      if (!isElement(child)) continue;
      if (tagName(child) === name) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Nearest ancestor (not self) with the tag name. */
export function closestAncestor(node: AnyNode, name: string): Element | null {
  let current = node.parent;
  while (current !== null) {
    if (isElement(current) && tagName(current) === name) return current;
    current = current.parent;
  }
  return null;
}

export function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  let current: AnyNode | null = node;
  while (current !== null) {
    if (current === ancestor) return true;
    current = current.parent;
  }
  return false;
}

export function attr(node: Element, name: string): string | undefined {
  return node.attribs[name];
}
