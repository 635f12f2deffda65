/**
 * Deeply nested HTML (issue 12): 5,000 and 100,000 nested `<div>`s end with a coded error in seconds, never a stack
 * overflow; every DOM walk of extract/html uses an explicit stack, so a report nested as deep as the limit allows
 * (and a DOM far deeper than that) is read correctly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Element, Text, type AnyNode } from 'domhandler';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { isNianbaoError } from '../../../common/errors.ts';
import { descendants, elementText } from '../../../extract/html/dom.ts';
import { domLines } from '../../../extract/html/dom-lines.ts';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import { findBody, knownBodyContainer } from '../../../extract/html/find-body.ts';
import { PAGE_LIMITS } from '../../../extract/html/page-limits.ts';

const URL = 'http://www.yanzhou.gov.cn/art/2024/1/15/art_1_1.html';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return isNianbaoError(error) ? error.code : `not a NianbaoError: ${String(error)}`;
  }
}

const nestedDivs = (n: number, inner = 'x'): string => `<html><body>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}</body></html>`;

/** A chain of `depth` elements built directly (no parser), a text at the bottom: deeper than any parser would allow. */
function deepChain(depth: number, leafText: string): Element {
  const leaf = new Text(leafText);
  let node: AnyNode = leaf;
  for (let i = 0; i < depth; i += 1) {
    const el: Element = new Element(i === 10 ? 'div' : 'span', i === 10 ? { id: 'zoom' } : {}, [node]);
    node.parent = el;
    node = el;
  }
  return node as Element;
}

describe('deeply nested HTML', () => {
  it.each([5_000, 100_000])('%i nested divs end E_PAGE_TOO_DEEP within seconds', (n) => {
    const html = nestedDivs(n);
    const started = Date.now();
    expect(codeOf(() => extractHtmlReport(html, URL))).toBe('E_PAGE_TOO_DEEP');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a report nested as deep as the limit allows is read as it is unnested (parser and walks cope)', () => {
    const report = readFileSync(path.resolve('test/fixtures/reports/yanzhou-xinfang-2023.html'), 'utf8');
    const depth = PAGE_LIMITS.maxDepth - 40;
    const nested = report.replace(/<body([^>]*)>/, `<body$1>${'<div>'.repeat(depth)}`).replace('</body>', `${'</div>'.repeat(depth)}</body>`);
    const plain = extractHtmlReport(report, URL);
    const deep = extractHtmlReport(nested, URL);
    expect(deep.cells).toEqual(plain.cells);
    expect(deep.sections.map((s) => s.part)).toEqual(plain.sections.map((s) => s.part));
    expect(deep.title).toBe(plain.title);
  });

  it('the DOM walks take a 200,000-deep tree without recursion', () => {
    const root = deepChain(200_000, '第一部分 总体情况');
    expect(elementText(root)).toBe('第一部分 总体情况');
    expect(descendants(root, 'span').length).toBe(200_000 - 2);
    expect(domLines(root).map((l) => l.text)).toEqual(['第一部分 总体情况']);
    expect(knownBodyContainer(root)?.attribs['id']).toBe('zoom');
    expect(findBody(root, [])).toBe(knownBodyContainer(root));
  });

  it('cheerio (parse5) itself builds a DOM as deep as the limit allows', () => {
    const $ = cheerio.load(nestedDivs(PAGE_LIMITS.maxDepth, 'y'));
    expect($('div').length).toBe(PAGE_LIMITS.maxDepth);
  });
});
