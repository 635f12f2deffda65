/**
 * Make an archived page inert for display: nothing in it may run or fetch. Scripts, frames, plugins, links to
 * other resources, `<base>`, `<meta>` refreshes and inline event handlers are removed; `javascript:` and every
 * other link target is dropped (the link text stays, the target moves to `title`); CSS `url()` / `@import` are
 * neutralised; an image is kept only when the archive holds its bytes, and then points at the archive.
 * The server adds a CSP with `sandbox` on top, and the page frames it with `sandbox=""`: three independent layers.
 */
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { locateCell } from './locate-cell.ts';

const DROP_ELEMENTS = [
  'script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'link', 'meta', 'base',
  'audio', 'video', 'source', 'track', 'portal', 'template', 'slot', 'math', 'svg',
].join(', ');

const URL_ATTRIBUTES = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'background', 'poster', 'data', 'codebase', 'cite', 'longdesc',
  'lowsrc', 'dynsrc', 'ping', 'xlink:href', 'manifest', 'archive', 'classid', 'profile', 'imagesrcset', 'attributionsrc',
]);

export interface SanitizeOptions {
  /** The page's own URL, to resolve relative image URLs. */
  readonly pageUrl: string;
  /** Archive URL (same origin) of an image URL's captured bytes, or null when not archived. */
  readonly imageSource: (absoluteUrl: string) => string | null;
  /** Resolved-grid position to outline (`table[i]/row[r]/col[c]`), scrolled to by the `#nianbao-highlight` fragment. */
  readonly highlight?: { readonly table: number; readonly row: number; readonly col: number };
  /** Archive URL of an image (`/archive/captures/ID`) to outline instead, e.g. the table image an OCR number was read from. */
  readonly highlightImage?: string;
}

export interface SanitizedPage {
  readonly html: string;
  /** Whether the highlighted cell was found. */
  readonly highlighted: boolean;
}

const HIGHLIGHT_STYLE = `<style>#nianbao-highlight{outline:3px solid #d9480f !important;background:#ffe8cc !important;}
img.nianbao-missing{outline:1px dashed #999;min-width:40px;min-height:20px;}</style>`;

export function sanitizeHtml(html: string, options: SanitizeOptions): SanitizedPage {
  const $ = cheerio.load(html);
  $(DROP_ELEMENTS).remove();
  const inert = (_: number, node: { type: string }): boolean => node.type === 'comment' || node.type === 'directive';
  $('*').contents().filter(inert).remove();
  $.root().contents().filter(inert).remove();
  $('*').each((_, node) => {
    if (node.type === 'tag') cleanElement($, node, options);
  });
  $('style').each((_, node) => {
    $(node).text(neutraliseCss($(node).text()));
  });
  let highlighted = false;
  if (options.highlight !== undefined) {
    const table = $('table').get(options.highlight.table);
    const cell = table === undefined ? null : locateCell(table, options.highlight.row, options.highlight.col);
    if (cell !== null) {
      $('#nianbao-highlight').removeAttr('id');
      $(cell).attr('id', 'nianbao-highlight');
      highlighted = true;
    }
  }
  if (options.highlightImage !== undefined) {
    const image = $('img').filter((_, el) => $(el).attr('src') === options.highlightImage).first();
    if (image.length > 0) {
      $('#nianbao-highlight').removeAttr('id');
      image.attr('id', 'nianbao-highlight');
      highlighted = true;
    }
  }
  $('head').prepend(`<meta charset="utf-8">${HIGHLIGHT_STYLE}`);
  return { html: `<!DOCTYPE html>\n${$.html()}`, highlighted };
}

function cleanElement($: cheerio.CheerioAPI, el: Element, options: SanitizeOptions): void {
  const original = { ...el.attribs };
  for (const name of Object.keys(original)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || URL_ATTRIBUTES.has(lower) || lower.includes(':') || lower === 'http-equiv' || lower === 'target') {
      $(el).removeAttr(name);
    }
  }
  const style = original['style'];
  if (style !== undefined) $(el).attr('style', neutraliseCss(style));
  const tag = el.tagName.toLowerCase();
  if ((tag === 'a' || tag === 'area') && original['href'] !== undefined) {
    const href = original['href'].trim();
    if (!/^javascript:/i.test(href) && href !== '') $(el).attr('title', `原链接 original link: ${href}`);
  }
  if (tag === 'img' || (tag === 'input' && (original['type'] ?? '').toLowerCase() === 'image')) {
    const archived = imageFor(original['src'], options);
    if (archived === null) $(el).addClass('nianbao-missing');
    else $(el).attr('src', archived);
  }
}

function imageFor(src: string | undefined, options: SanitizeOptions): string | null {
  if (src === undefined || src.trim() === '') return null;
  if (/^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i.test(src.trim())) return src.trim();
  try {
    const absolute = new URL(src.trim(), options.pageUrl);
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') return null;
    return options.imageSource(absolute.href);
  } catch {
    return null;
  }
}

/** CSS that cannot fetch: `url(...)`, `image-set(...)`, `@import` and legacy `expression()` / `behavior` removed. */
export function neutraliseCss(css: string): string {
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/\b(?:url|image-set|-webkit-image-set|expression)\s*\((?:[^()]|\([^()]*\))*\)/gi, 'none')
    .replace(/\b(?:behavior|-moz-binding)\s*:[^;}]*/gi, '');
}
