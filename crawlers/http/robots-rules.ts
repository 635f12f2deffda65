/**
 * robots.txt parsing and matching (RFC 9309, plus the common Crawl-delay extension).
 *
 * - Groups start with one or more `User-agent` lines; rules before any `User-agent` are ignored.
 * - The group(s) naming our product token (`nianbao`, case-insensitive, `nianbao/1.0` counts) are used; otherwise
 *   the `*` group(s); otherwise everything is allowed. Several groups for the same agent are merged.
 * - `Allow` / `Disallow` patterns support `*` (any sequence) and a trailing `$` (end of URL); the longest matching
 *   pattern wins, and on a tie Allow wins. An empty `Disallow:` allows everything. `/robots.txt` is always allowed.
 * - Paths are compared percent-encoded, with %xx hex in upper case, on path + query.
 */

export const ROBOTS_TOKEN = 'nianbao';

export interface RobotsRule {
  readonly allow: boolean;
  readonly pattern: string;
  readonly regex: RegExp;
}

export interface RobotsRules {
  readonly rules: readonly RobotsRule[];
  /** Crawl-delay of the chosen group in milliseconds, or null when none was given. */
  readonly crawlDelayMs: number | null;
}

export const ALLOW_ALL: RobotsRules = { rules: [], crawlDelayMs: null };
export const DISALLOW_ALL: RobotsRules = { rules: [compileRule(false, '/')], crawlDelayMs: null };

interface Group {
  readonly agents: string[];
  readonly rules: RobotsRule[];
  crawlDelayMs: number | null;
}

/** Parse robots.txt text and keep the rules that apply to `token`. */
export function parseRobots(text: string, token: string = ROBOTS_TOKEN): RobotsRules {
  const groups = parseGroups(text);
  const wanted = token.toLowerCase();
  const own = groups.filter((group) => group.agents.some((agent) => agentToken(agent) === wanted));
  const chosen = own.length > 0 ? own : groups.filter((group) => group.agents.includes('*'));
  if (chosen.length === 0) return ALLOW_ALL;
  const delays = chosen.map((group) => group.crawlDelayMs).filter((delay): delay is number => delay !== null);
  return {
    rules: chosen.flatMap((group) => group.rules),
    crawlDelayMs: delays.length > 0 ? Math.max(...delays) : null,
  };
}

/** Is the URL's path + query allowed by these rules? */
export function isAllowedByRobots(rules: RobotsRules, url: URL): boolean {
  const target = normalisePath(url.pathname + url.search);
  if (url.pathname === '/robots.txt') return true;
  let best: RobotsRule | null = null;
  for (const rule of rules.rules) {
    if (!rule.regex.test(target)) continue;
    if (best === null || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) {
      best = rule;
    }
  }
  return best === null || best.allow;
}

function parseGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const entry = parseLine(line);
    if (entry === null) continue;
    if (entry.key === 'user-agent') {
      if (current === null || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelayMs: null };
        groups.push(current);
      }
      current.agents.push(entry.value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (current !== null) applyDirective(current, entry.key, entry.value);
  }
  return groups;
}

function applyDirective(group: Group, key: string, value: string): void {
  if ((key === 'allow' || key === 'disallow') && value !== '') {
    group.rules.push(compileRule(key === 'allow', value));
  } else if (key === 'crawl-delay') {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) group.crawlDelayMs = Math.round(seconds * 1000);
  }
}

function parseLine(line: string): { key: string; value: string } | null {
  const withoutComment = line.replace(/#.*$/, '').trim();
  const colon = withoutComment.indexOf(':');
  if (colon <= 0) return null;
  return {
    key: withoutComment.slice(0, colon).trim().toLowerCase(),
    value: withoutComment.slice(colon + 1).trim(),
  };
}

/** `nianbao/1.0 (+…)` → `nianbao`; `*` stays `*`. */
function agentToken(agent: string): string {
  return agent.split(/[\s/]/)[0] ?? '';
}

export function compileRule(allow: boolean, pattern: string): RobotsRule {
  const normalised = normalisePath(pattern);
  const anchored = normalised.endsWith('$');
  const body = anchored ? normalised.slice(0, -1) : normalised;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return { allow, pattern: normalised, regex: new RegExp(`^${source}${anchored ? '$' : ''}`) };
}

/** Percent-encode non-ASCII and spaces, upper-case existing %xx escapes. */
function normalisePath(path: string): string {
  return path
    .replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
    .replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run));
}
