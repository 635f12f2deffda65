/**
 * A JPAAS column page's inline `queryData` — the parameters its script sends to build/unit, e.g.
 * `var queryData = {"webId":"…","tplSetId":"…","pageType":"column","tagId":"当前栏目list","editType":"null","pageId":"3451"};`
 * (quoted or bare keys; `paramJson` may carry the page size). The column id stands in for a missing `pageId`.
 */
import type { UnitQuery } from './urls.ts';

const DEFAULT_PAGE_SIZE = 15;

export function parseQueryData(html: string, columnId: number | null): UnitQuery | null {
  const literal = /queryData\s*=\s*(\{[\s\S]*?\})\s*;/.exec(html)?.[1];
  if (literal === undefined) return null;
  const fields = objectFields(literal);
  const webId = fields.get('webId');
  const pageId = fields.get('pageId') ?? (columnId === null ? undefined : String(columnId));
  if (webId === undefined || pageId === undefined) return null;
  return {
    webId,
    tplSetId: fields.get('tplSetId') ?? '',
    pageType: fields.get('pageType') ?? 'column',
    tagId: fields.get('tagId') ?? '',
    editType: fields.get('editType') ?? 'null',
    pageId,
    pageSize: pageSizeOf(fields.get('paramJson')),
  };
}

/** `key: value` pairs of a flat object literal; string values keep their inner text (escaped quotes undone). */
function objectFields(literal: string): Map<string, string> {
  const fields = new Map<string, string>();
  const pair = /["']?([A-Za-z_$][\w$]*)["']?\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^,}\s]+))/g;
  for (const match of literal.matchAll(pair)) {
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    fields.set(match[1]!, value.replace(/\\(["'\\])/g, '$1'));
  }
  return fields;
}

function pageSizeOf(paramJson: string | undefined): number {
  if (paramJson === undefined) return DEFAULT_PAGE_SIZE;
  try {
    const size = Number((JSON.parse(paramJson) as { pageSize?: unknown }).pageSize);
    return Number.isInteger(size) && size > 0 ? size : DEFAULT_PAGE_SIZE;
  } catch {
    return DEFAULT_PAGE_SIZE;
  }
}
