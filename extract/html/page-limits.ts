/**
 * Bound what a page may hand to the DOM. A report page holds about 1,300 elements, 300 table cells and 20,000
 * characters of text, nested a dozen deep; parsing costs about 100 bytes of memory per byte of markup, and the HTML
 * parser's time grows with the square of the nesting depth. One streaming pass over the tags (no DOM, constant
 * memory, stopped at the first limit crossed) refuses a page beyond any real report before it is parsed:
 * E_PAGE_TOO_LARGE (elements, table cells, text) or E_PAGE_TOO_DEEP (nesting). Attribute values (a pasted image as a
 * `data:` URI) and script or style text are not counted: they cost their bytes, not a DOM.
 */
import { Parser } from 'htmlparser2';
import { SkipError } from '../../common/errors.ts';

export interface PageLimits {
  /** Elements in the page (a report page: ~1,300). */
  readonly maxElements: number;
  /** `<td>`/`<th>` cells over all tables (a report's three tables: ~300). */
  readonly maxTableCells: number;
  /** Characters of text outside tags, scripts and styles (a report: ~20,000). */
  readonly maxTextChars: number;
  /** Open elements nested in one another (a report page: ~15). */
  readonly maxDepth: number;
}

/**
 * About 75× what a report page holds; a page just inside them takes at most ~350 MB and a few seconds to extract
 * (measured peak RSS: 100,000 elements 225 MB / 2.2 s; 4 M characters of text 343 MB / 4.1 s).
 */
export const PAGE_LIMITS: PageLimits = {
  maxElements: 100_000,
  maxTableCells: 20_000,
  maxTextChars: 4_000_000,
  maxDepth: 2_000,
};

export interface PageShape {
  readonly elements: number;
  readonly tableCells: number;
  readonly textChars: number;
  readonly maxDepth: number;
}

/** Thrown inside the parser's callbacks to stop the pass at the first limit crossed. */
class LimitCrossed extends Error {
  constructor(readonly skip: SkipError) {
    super(skip.message);
  }
}

function tooLarge(input: string, what: string, limit: number): LimitCrossed {
  return new LimitCrossed(new SkipError('E_PAGE_TOO_LARGE', `${input}: page has more than ${limit} ${what}, beyond any report page; not parsed`, { input }));
}

function tooDeep(input: string, limit: number): LimitCrossed {
  return new LimitCrossed(new SkipError('E_PAGE_TOO_DEEP', `${input}: page nests elements more than ${limit} deep, beyond any report page; not parsed`, { input }));
}

/** Counts the page's elements, cells, text and depth; throws SkipError at the first limit crossed. */
export function measurePage(html: string, input: string, limits: PageLimits = PAGE_LIMITS): PageShape {
  const shape = { elements: 0, tableCells: 0, textChars: 0, maxDepth: 0 };
  let depth = 0;
  let inScript = 0; // script and style text costs its bytes, not a DOM
  const parser = new Parser(
    {
      onopentag(name) {
        depth += 1;
        shape.elements += 1;
        shape.maxDepth = Math.max(shape.maxDepth, depth);
        if (name === 'td' || name === 'th') shape.tableCells += 1;
        if (name === 'script' || name === 'style') inScript += 1;
        if (depth > limits.maxDepth) throw tooDeep(input, limits.maxDepth);
        if (shape.elements > limits.maxElements) throw tooLarge(input, 'elements', limits.maxElements);
        if (shape.tableCells > limits.maxTableCells) throw tooLarge(input, 'table cells', limits.maxTableCells);
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1);
        if (name === 'script' || name === 'style') inScript = Math.max(0, inScript - 1);
      },
      ontext(text) {
        if (inScript > 0) return;
        shape.textChars += text.length;
        if (shape.textChars > limits.maxTextChars) throw tooLarge(input, 'characters of text', limits.maxTextChars);
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof LimitCrossed) throw error.skip;
    throw error;
  }
  return shape;
}

/** Throws SkipError E_PAGE_TOO_LARGE / E_PAGE_TOO_DEEP when the page is beyond any report page. */
export function assertPageWithinLimits(html: string, input: string, limits: PageLimits = PAGE_LIMITS): void {
  measurePage(html, input, limits);
}

/** True when the page is within the limits (for callers that only look for links and must not parse a monster). */
export function isWithinPageLimits(html: string, limits: PageLimits = PAGE_LIMITS): boolean {
  return pageLimitError(html, '', limits) === null;
}

/** The SkipError (E_PAGE_TOO_LARGE / E_PAGE_TOO_DEEP) a page beyond the limits gets, or null when it is within them. */
export function pageLimitError(html: string, input: string, limits: PageLimits = PAGE_LIMITS): SkipError | null {
  try {
    measurePage(html, input, limits);
    return null;
  } catch (error) {
    if (error instanceof SkipError) return error;
    throw error;
  }
}
