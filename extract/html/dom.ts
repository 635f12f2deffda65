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
 * Nodes under `root` in document order (pre-order), `root` first, walked with an explicit stack: nesting depth
 * never reaches the call stack. `enter` returns false to leave a node's children out.
 */
export function walkPreOrder(root: AnyNode, enter: (node: AnyNode, depth: number) => boolean): void {
  const stack: { node: AnyNode; depth: number }[] = [{ node: root, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (!enter(item.node, item.depth)) continue;
    const children = childNodes(item.node);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child !== undefined) stack.push({ node: child, depth: item.depth + 1 });
    }
  }
}

/**
 * Text of an element: `<br>` becomes a space, nested tables are left out (their text belongs to them),
 * scripts and styles are skipped. Not whitespace-normalised.
 */
export function elementText(node: AnyNode, options: { readonly skipNestedTables?: boolean } = {}): string {
  const parts: string[] = [];
  walkPreOrder(node, (current, depth) => {
    if (isText(current)) {
      parts.push(current.data);
      return false;
    }
    if (!isElement(current)) return false;
    const name = tagName(current);
    if (SKIPPED_TAGS.has(name)) return false;
    if (name === 'br') {
      parts.push(' ');
      return false;
    }
    return !(name === 'table' && depth > 0 && options.skipNestedTables === true);
  });
  return parts.join('');
}

/** All descendant elements with the tag name, in document order. */
export function descendants(root: AnyNode, name: string): Element[] {
  const found: Element[] = [];
  walkPreOrder(root, (current, depth) => {
    if (depth === 0) return true;
    if (!isElement(current)) return false;
    if (tagName(current) === name) found.push(current);
    return true;
  });
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
