/**
 * Portal configuration: which portals to crawl and what is known about them.
 * Validated at the edge: unknown keys and wrong types are rejected with a message naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { StopError } from '../common/errors.ts';

export type AgencyKind = '部门' | '本级政府' | '乡镇街道';
export const AGENCY_KINDS: readonly AgencyKind[] = ['部门', '本级政府', '乡镇街道'];

/** CMS families with an adapter in crawlers/registry.ts. */
export const PORTAL_FAMILIES = ['hanweb', 'gkmlpt', 'jpaas', 'trs'] as const;
export type PortalFamily = (typeof PORTAL_FAMILIES)[number];

export function isPortalFamily(value: string): value is PortalFamily {
  return (PORTAL_FAMILIES as readonly string[]).includes(value);
}

export interface AgencyConfig {
  /** Portal-local key, e.g. the xxgk module's `area` (kept verbatim). */
  readonly key: string;
  readonly name: string;
  readonly kind: AgencyKind | null;
}

export interface PortalConfig {
  readonly id: string;
  /**
   * CMS family; selects the crawler adapter (see crawlers/registry.ts). `auto` (the default): detected from the
   * home page (crawlers/detect-family.ts) when the crawl fetches it.
   */
  readonly family: PortalFamily | 'auto';
  /** Display name; absent: the home page's title, once the crawl has read it. */
  readonly name?: string;
  /** `scheme://host[:port]` without trailing slash. */
  readonly baseUrl: string;
  /** Report years to probe; default: 2019 … last year. */
  readonly years: readonly number[];
  readonly agencies: readonly AgencyConfig[];
  /** Whether `/module/xxgk/xxgkAnnualReport.jsp` serves reports on this portal. */
  readonly annualReportModule: boolean;
  /** xxgk catalogue pages listing agencies (links carrying `vc_xxgkarea=`). Paths or URLs. */
  readonly catalogueUrls: readonly string[];
  /** jcms column ids of 年报 columns (`/col/col<N>/index.html`). */
  readonly reportColumns: readonly number[];
  /** Pages whose links lead to per-year 年报 columns (wendeng changes the column every year). */
  readonly reportMenuUrls: readonly string[];
  /** Extra hosts (besides *.gov.cn) that this portal links reports on, e.g. a flip-book server on a bare IP. */
  readonly linkedHosts: readonly string[];
  /**
   * Local publication deadlines by body kind, `MM-DD` of the year after the report year (e.g. `{"乡镇街道": "02-20"}`),
   * overriding the statutory ones for report years 2019 and later. Absent: the statutory deadlines.
   */
  readonly deadlines?: Readonly<Partial<Record<AgencyKind, string>>>;
}

const KNOWN_KEYS = new Set([
  'id', 'family', 'name', 'baseUrl', 'years', 'agencies', 'annualReportModule',
  'catalogueUrls', 'reportColumns', 'reportMenuUrls', 'linkedHosts', 'deadlines',
]);

/** Default years: 2019 (first year of the current regulation) up to last year. */
export function defaultYears(now: Date = new Date()): number[] {
  const last = now.getFullYear() - 1;
  return Array.from({ length: Math.max(0, last - 2019 + 1) }, (_, i) => 2019 + i);
}

export function loadPortalsFile(file: string): PortalConfig[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new StopError('E_CONFIG_INVALID', `cannot read portal list ${file}: check the path given to --portals`, { cause, input: file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new StopError('E_CONFIG_INVALID', `${file} is not valid JSON: ${(cause as Error).message}`, { cause, input: file });
  }
  return parsePortals(json, file);
}

export function parsePortals(json: unknown, source: string): PortalConfig[] {
  if (!Array.isArray(json)) fail(source, '', 'expected a JSON array of portals');
  const portals = json.map((entry, i) => parsePortal(entry, `${source}[${i}]`));
  const ids = new Set<string>();
  for (const p of portals) {
    if (ids.has(p.id)) fail(source, p.id, `duplicate portal id "${p.id}"`);
    ids.add(p.id);
  }
  return portals;
}

function parsePortal(entry: unknown, where: string): PortalConfig {
  if (!isRecord(entry)) fail(where, '', 'expected an object');
  for (const key of Object.keys(entry)) {
    if (!KNOWN_KEYS.has(key)) fail(where, key, `unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  const id = requireString(entry, 'id', where);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(where, 'id', `expected lower-case letters, digits and dashes, got "${id}"`);
  const family = optionalString(entry, 'family', where) ?? 'auto';
  if (family !== 'auto' && !isPortalFamily(family)) fail(where, 'family', `expected "auto" or one of ${PORTAL_FAMILIES.join(', ')}, got "${family}"`);
  const deadlines = parseDeadlines(entry['deadlines'], where);
  const name = optionalString(entry, 'name', where);
  return {
    id,
    family,
    ...(name === undefined || name.trim() === '' ? {} : { name: name.trim() }),
    baseUrl: parseBaseUrl(requireString(entry, 'baseUrl', where), where),
    years: optionalArray(entry, 'years', where, parseYear) ?? defaultYears(),
    agencies: optionalArray(entry, 'agencies', where, parseAgency) ?? [],
    annualReportModule: optionalBoolean(entry, 'annualReportModule', where) ?? true,
    catalogueUrls: optionalArray(entry, 'catalogueUrls', where, parseStringItem) ?? [],
    reportColumns: optionalArray(entry, 'reportColumns', where, parseColumnId) ?? [],
    reportMenuUrls: optionalArray(entry, 'reportMenuUrls', where, parseStringItem) ?? [],
    linkedHosts: optionalArray(entry, 'linkedHosts', where, parseStringItem) ?? [],
    ...(deadlines === undefined ? {} : { deadlines }),
  };
}

/** `{ "<kind>": "MM-DD" }`: a real day of the year (29 February is refused: it does not exist every year). */
function parseDeadlines(value: unknown, where: string): Partial<Record<AgencyKind, string>> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) fail(where, 'deadlines', `expected an object like {"乡镇街道": "02-20"}, got ${JSON.stringify(value)}`);
  const out: Partial<Record<AgencyKind, string>> = {};
  for (const [kind, day] of Object.entries(value)) {
    if (!(AGENCY_KINDS as readonly string[]).includes(kind)) fail(where, `deadlines.${kind}`, `unknown body kind "${kind}" (known: ${AGENCY_KINDS.join(', ')})`);
    if (typeof day !== 'string' || !isMonthDay(day)) fail(where, `deadlines.${kind}`, `expected a day of the following year as "MM-DD" (e.g. "02-20"), got ${JSON.stringify(day)}`);
    out[kind as AgencyKind] = day;
  }
  return out;
}

function isMonthDay(text: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

function parseBaseUrl(value: string, where: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(where, 'baseUrl', `expected an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(where, 'baseUrl', `expected http or https, got "${value}"`);
  return url.origin;
}

function parseYear(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2008 || value > 2100) {
    fail(where, '', `expected a report year (2008 or later), got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseColumnId(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    fail(where, '', `expected a positive integer column id, got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseStringItem(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') fail(where, '', `expected a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}

function parseAgency(value: unknown, where: string): AgencyConfig {
  if (!isRecord(value)) fail(where, '', 'expected an object { key, name, kind }');
  for (const key of Object.keys(value)) {
    if (!['key', 'name', 'kind'].includes(key)) fail(where, key, `unknown key "${key}" (known: key, name, kind)`);
  }
  const kind = optionalString(value, 'kind', where) ?? null;
  if (kind !== null && !(AGENCY_KINDS as readonly string[]).includes(kind)) {
    fail(where, 'kind', `expected one of ${AGENCY_KINDS.join(', ')}, got "${kind}"`);
  }
  return { key: requireString(value, 'key', where), name: requireString(value, 'name', where), kind: kind as AgencyKind | null };
}

function requireString(obj: Record<string, unknown>, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value === '') fail(where, key, `expected a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}

function optionalString(obj: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(where, key, `expected a string, got ${JSON.stringify(value)}`);
  return value;
}

function optionalBoolean(obj: Record<string, unknown>, key: string, where: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(where, key, `expected true or false, got ${JSON.stringify(value)}`);
  return value;
}

function optionalArray<T>(
  obj: Record<string, unknown>,
  key: string,
  where: string,
  parseItem: (value: unknown, where: string) => T,
): T[] | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(where, key, `expected an array, got ${JSON.stringify(value)}`);
  return value.map((item, i) => parseItem(item, `${where}.${key}[${i}]`));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, field: string, problem: string): never {
  const at = field === '' ? where : `${where}.${field}`;
  throw new StopError('E_CONFIG_INVALID', `invalid portal config at ${at}: ${problem}`, { input: where });
}

/** Pick one portal by id, or all. */
export function selectPortals(portals: readonly PortalConfig[], id: string | undefined): PortalConfig[] {
  if (id === undefined) return [...portals];
  const found = portals.filter((p) => p.id === id);
  if (found.length === 0) {
    throw new StopError('E_CONFIG_INVALID', `no portal "${id}" in the portal list (have: ${portals.map((p) => p.id).join(', ')})`, { input: id });
  }
  return found;
}
