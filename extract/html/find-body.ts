/**
 * Locate the report body: `div#zoom` (Hanweb jcms articles) or a known editor container, else the lowest
 * common ancestor of the section headings and the statistical tables, else the whole document.
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, walkPreOrder } from './dom.ts';

const BODY_IDS = ['zoom'];
const BODY_CLASSES = ['TRS_Editor', 'trs_editor_view', 'zoom'];

/** First element under `root` (not `root` itself) passing `test`, in document order. */
function findFirst(root: AnyNode, test: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  walkPreOrder(root, (node, depth) => {
    if (found !== null) return false;
    if (depth === 0) return true;
    if (!isElement(node)) return false;
    if (test(node)) found = node;
    return found === null;
  });
  return found;
}

function ancestors(node: AnyNode): AnyNode[] {
  const chain: AnyNode[] = [];
  let current: AnyNode | null = node;
  while (current !== null) {
    chain.unshift(current);
    current = current.parent;
  }
  return chain;
}

export function lowestCommonAncestor(nodes: readonly AnyNode[]): AnyNode | null {
  const chains = nodes.map(ancestors);
  const first = chains[0];
  if (first === undefined) return null;
  let common: AnyNode | null = null;
  for (let depth = 0; depth < first.length; depth += 1) {
    const candidate = first[depth];
    if (candidate === undefined || !chains.every((chain) => chain[depth] === candidate)) break;
    common = candidate;
  }
  return common;
}

function hasText(el: Element): boolean {
  let found = false;
  walkPreOrder(el, (node) => {
    if (found) return false;
    if (node.type === 'text') found = (node as { data: string }).data.trim() !== '';
    return !found;
  });
  return found;
}

/** A known body container with some text in it, or null. */
export function knownBodyContainer(root: AnyNode): Element | null {
  const byId = findFirst(root, (el) => BODY_IDS.includes(el.attribs['id'] ?? '') && hasText(el));
  if (byId !== null) return byId;
  return findFirst(root, (el) => {
    const classes = (el.attribs['class'] ?? '').split(/\s+/);
    return classes.some((c) => BODY_CLASSES.includes(c)) && hasText(el);
  });
}

/** Body element for a page: known container, else LCA of the anchors (headings, tables), else `root`. */
export function findBody(root: AnyNode, anchors: readonly AnyNode[]): AnyNode {
  const known = knownBodyContainer(root);
  if (known !== null) return known;
  if (anchors.length < 2) return root;
  return lowestCommonAncestor(anchors) ?? root;
}
