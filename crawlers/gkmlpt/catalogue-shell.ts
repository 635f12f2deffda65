/**
 * The gkmlpt catalogue shell (`/gkmlpt/index`): its lists are drawn by script, so the page carries what the script
 * needs — the site id in `window._CONFIG = {SID: …}` and the classification tree as JSON in `window.CLASSIFY = [...]`
 * (`{id, name, parent}`), mirrored by hash links `<a href="#<id>">name</a>` in the menu. We read both and keep the
 * classifications whose name says 年报 / 年度报告, topmost only: `api/all/<id>` lists a classification with its children.
 */
import * as cheerio from 'cheerio';

export interface Classify {
  readonly id: number;
  readonly name: string;
  readonly parent: number | null;
}

export interface CatalogueShell {
  readonly siteId: string;
  readonly classifies: readonly Classify[];
}

const REPORT_CLASSIFY = /年报|年度报告/;

export function parseCatalogueShell(html: string): CatalogueShell | null {
  const siteId = /_CONFIG\s*=\s*\{[^}]*?["']?SID["']?\s*:\s*["']?([\w-]+)["']?/.exec(html)?.[1];
  if (siteId === undefined) return null;
  const byId = new Map<number, Classify>();
  for (const c of [...classifyJson(html), ...hashLinks(html)]) if (!byId.has(c.id)) byId.set(c.id, c);
  return { siteId, classifies: [...byId.values()] };
}

/** Annual-report classifications whose ancestors are not annual-report classifications themselves. */
export function reportClassifies(shell: CatalogueShell): Classify[] {
  const byId = new Map(shell.classifies.map((c) => [c.id, c]));
  const isReport = (c: Classify): boolean => REPORT_CLASSIFY.test(c.name);
  const hasReportAncestor = (c: Classify): boolean => {
    const seen = new Set<number>();
    for (let p = c.parent; p !== null && !seen.has(p); p = byId.get(p)?.parent ?? null) {
      seen.add(p);
      const parent = byId.get(p);
      if (parent !== undefined && isReport(parent)) return true;
    }
    return false;
  };
  return shell.classifies.filter((c) => isReport(c) && !hasReportAncestor(c));
}

function classifyJson(html: string): Classify[] {
  const match = /CLASSIFY\s*=\s*(\[[\s\S]*?\])\s*;?\s*<\/script>/.exec(html);
  if (match === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(match[1]!);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown): Classify[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { id, name, parent } = item as Record<string, unknown>;
    const numericId = Number(id);
    if (!Number.isInteger(numericId) || numericId <= 0 || typeof name !== 'string') return [];
    const parentId = Number(parent);
    return [{ id: numericId, name: name.trim(), parent: Number.isInteger(parentId) && parentId > 0 ? parentId : null }];
  });
}

function hashLinks(html: string): Classify[] {
  const $ = cheerio.load(html);
  const found: Classify[] = [];
  $('a[href*="#"]').each((_, el) => {
    const id = /#(\d+)$/.exec($(el).attr('href') ?? '')?.[1];
    const name = $(el).text().replace(/\s+/g, '');
    if (id !== undefined && name !== '') found.push({ id: Number(id), name, parent: null });
  });
  return found;
}
