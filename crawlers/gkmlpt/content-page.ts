/**
 * A gkmlpt document page (`/gkmlpt/content/<a>/<b>/post_<id>.html`): the metadata header (索引号, 分类, 发布机构,
 * 成文日期, 文号, 发布日期, 名称) above the body `div.article-content`. The header is what the platform knows about the
 * document; extraction reads 发布机构 and 发布日期 from it (extract/html/metadata.ts).
 */
import * as cheerio from 'cheerio';
import { findBodyLinks, type BodyLinks } from '../body-links.ts';

export const GKMLPT_BODY = ['.article-content', '#zoom'];

export interface GkmlptHeader {
  readonly indexNumber: string | null;
  readonly publisher: string | null;
  readonly writtenDate: string | null;
  readonly publishDate: string | null;
}

const LABELS = { indexNumber: '索引号', publisher: '发布机构', writtenDate: '成文日期', publishDate: '发布日期' } as const;

/** The header's fields (labels and values in neighbouring cells, `标签：` with or without the colon). */
export function parseGkmlptHeader(html: string): GkmlptHeader {
  const $ = cheerio.load(html);
  const cells = $('.introduce td, .classify td, table.xxgk td, .document-info td')
    .toArray()
    .map((el) => $(el).text().replace(/\s+/g, ''));
  const value = (label: string): string | null => {
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i]!;
      if (!cell.startsWith(label)) continue;
      const inline = cell.slice(label.length).replace(/^[:：]/, '');
      const next = inline !== '' ? inline : (cells[i + 1] ?? '');
      return next === '' ? null : next;
    }
    return null;
  };
  return {
    indexNumber: value(LABELS.indexNumber),
    publisher: value(LABELS.publisher),
    writtenDate: value(LABELS.writtenDate),
    publishDate: value(LABELS.publishDate),
  };
}

export function findContentLinks(html: string, pageUrl: string): BodyLinks {
  return findBodyLinks(html, pageUrl, GKMLPT_BODY);
}
