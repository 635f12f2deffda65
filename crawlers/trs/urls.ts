/**
 * URL shapes of TRS WCM static publishing (research/portals.md §3): channel folders with list pages `index.html`,
 * `index_1.html` …, documents at `./YYYYMM/tYYYYMMDD_<docid>.html` (or `.shtml`/`.htm`), files beside them
 * (`P0…` attachments, `W0…` images). The `t` date is the (re)publication date, not the publish date.
 */

const DOC_PATH = /\/(\d{6})\/t(\d{8})_(\d+)\.s?html?$/i;

/** A document URL's parts, or null when the URL is not a TRS document. `tDate` is YYYY-MM-DD. */
export function parseDocUrl(url: string): { folder: string; tDate: string; docId: string } | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = DOC_PATH.exec(pathname);
  if (!match) return null;
  const t = match[2]!;
  return { folder: match[1]!, tDate: `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`, docId: match[3]! };
}

const INDEX_PAGE = /\/index(?:_\d+)?\.s?html?$/i;

/**
 * The channel folder of a list page or channel link: `…/2025nxxgknb/index_1.html` → `…/2025nxxgknb/`; a link to a
 * folder without its slash (`…/2025nxxgknb`) is that folder; any other page belongs to the folder it sits in.
 */
export function channelDir(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  const path = parsed.pathname;
  if (INDEX_PAGE.test(path)) parsed.pathname = path.replace(INDEX_PAGE, '/');
  else if (!path.endsWith('/')) parsed.pathname = /\.[a-z]+$/i.test(path) ? path.replace(/[^/]*$/, '') : `${path}/`;
  return parsed.href;
}

/**
 * The page to fetch for a channel link: the list page it names (`…/index.html`, `…/index.shtml`), else the folder
 * itself (`…/2025nxxgknb/`), whose default document the server picks — never a guessed file name.
 */
export function channelPageUrl(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return INDEX_PAGE.test(parsed.pathname) ? parsed.href : channelDir(parsed.href);
}

/** Is `url` a channel (a folder or its index page) strictly below the channel folder `dir`? */
export function isSubChannel(url: string, dir: string): boolean {
  if (parseDocUrl(url) !== null) return false;
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/') && !INDEX_PAGE.test(parsed.pathname)) return false;
  const child = channelDir(url);
  return child !== dir && child.startsWith(dir);
}

/** List page `index` of a channel: 0 → `index.html`, n → `index_n.html` (name and extension as the page says). */
export function listPageUrl(dir: string, page: number, name = 'index', ext = 'html'): string {
  return new URL(page === 0 ? `${name}.${ext}` : `${name}_${page}.${ext}`, dir).href;
}

/** Year named by a channel's link text (`2025年…`) or folder (`2025nxxgknb`, `2023xxgknb`, `2023n`). */
export function channelYear(text: string, url: string): number | null {
  const fromText = /((?:19|20)\d{2})\s*年/.exec(text)?.[1];
  if (fromText !== undefined) return Number(fromText);
  const folder = new URL(channelDir(url)).pathname.split('/').filter((s) => s !== '').pop() ?? '';
  const fromFolder = /^((?:19|20)\d{2})(?:n|nd)?(?:[a-z_]|$)/i.exec(folder)?.[1];
  return fromFolder === undefined ? null : Number(fromFolder);
}
