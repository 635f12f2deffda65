/**
 * The user's expected-bodies list (`--expected FILE`), CSV or JSON, validated at the edge (unknown columns/keys,
 * unknown portals, bad kinds and years are refused with the file and line named).
 *
 * CSV: a header line naming the columns, then one body per line:
 *   portal,key,name,kind,action,from,to
 *   yanzhou,11370812MB1565722X,济宁市兖州区审计局,部门,add,2019,
 *   yanzhou,11370812004322093J,,,retire,2022,
 * JSON: `[{ "portal", "key", "name"?, "kind"?, "action"?: "add" | "retire", "from"?, "to"? }]`.
 * `portal` and `key` are required; `action` defaults to add; `from`/`to` are report years (inclusive, open when blank).
 */
import { readFileSync } from 'node:fs';
import { StopError } from '../../common/errors.ts';
import { AGENCY_KINDS, type AgencyKind } from '../../crawlers/portal-config.ts';
import type { ExpectedBodyEntry } from '../../store/watch-expected.ts';

const FIELDS = ['portal', 'key', 'name', 'kind', 'action', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];

export function loadExpectedFile(file: string, portalIds: readonly string[]): ExpectedBodyEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (cause) {
    throw new StopError('E_CONFIG_INVALID', `cannot read expected-bodies list ${file}: check the path given to --expected`, { cause, input: file });
  }
  const records = /\.json$/i.test(file) || /^\s*\[/.test(text) ? jsonRecords(text, file) : csvRecords(text, file);
  return records.map(({ where, values }) => toEntry(values, where, portalIds));
}

interface RawRecord {
  readonly where: string;
  readonly values: Partial<Record<Field, string | number | null>>;
}

function jsonRecords(text: string, file: string): RawRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new StopError('E_CONFIG_INVALID', `${file} is not valid JSON: ${(cause as Error).message}`, { cause, input: file });
  }
  if (!Array.isArray(json)) fail(file, 'expected a JSON array of bodies');
  return json.map((item, i) => {
    const where = `${file}[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) fail(where, 'expected an object { portal, key, … }');
    for (const key of Object.keys(item)) if (!(FIELDS as readonly string[]).includes(key)) fail(where, `unknown key "${key}" (known: ${FIELDS.join(', ')})`);
    const values: Partial<Record<Field, string | number | null>> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (value !== null && typeof value !== 'string' && typeof value !== 'number') fail(`${where}.${key}`, `expected a string or number, got ${JSON.stringify(value)}`);
      values[key as Field] = value;
    }
    return { where, values };
  });
}

function csvRecords(text: string, file: string): RawRecord[] {
  const lines = text.split(/\r?\n/).map((line, i) => ({ line, number: i + 1 })).filter(({ line }) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const header = lines.shift();
  if (header === undefined) return [];
  const columns = splitCsvLine(header.line).map((c) => c.trim().toLowerCase());
  for (const column of columns) if (!(FIELDS as readonly string[]).includes(column)) fail(`${file}:${header.number}`, `unknown column "${column}" (known: ${FIELDS.join(', ')})`);
  return lines.map(({ line, number }) => {
    const cells = splitCsvLine(line);
    if (cells.length > columns.length) fail(`${file}:${number}`, `${cells.length} fields but the header names ${columns.length}`);
    const values: Partial<Record<Field, string>> = {};
    columns.forEach((column, i) => {
      const cell = (cells[i] ?? '').trim();
      if (cell !== '') values[column as Field] = cell;
    });
    return { where: `${file}:${number}`, values };
  });
}

/** One CSV line: commas separate, double quotes quote (`""` inside quotes is a quote). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

function toEntry(values: RawRecord['values'], where: string, portalIds: readonly string[]): ExpectedBodyEntry {
  const portal = text(values.portal);
  const key = text(values.key);
  if (portal === null) fail(where, 'missing "portal"');
  if (key === null) fail(where, 'missing "key" (the xxgk area key, or the body\'s name)');
  if (!portalIds.includes(portal)) fail(where, `unknown portal "${portal}" (configured: ${portalIds.join(', ')})`);
  const kind = text(values.kind);
  if (kind !== null && !(AGENCY_KINDS as readonly string[]).includes(kind)) fail(where, `kind: expected one of ${AGENCY_KINDS.join(', ')}, got "${kind}"`);
  const action = text(values.action) ?? 'add';
  if (action !== 'add' && action !== 'retire') fail(where, `action: expected add or retire, got "${action}"`);
  const fromYear = year(values.from, where, 'from');
  const toYear = year(values.to, where, 'to');
  if (fromYear !== null && toYear !== null && toYear < fromYear) fail(where, `to (${toYear}) is before from (${fromYear})`);
  return { portalId: portal, key, action, name: text(values.name), kind: kind as AgencyKind | null, fromYear, toYear };
}

function text(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

function year(value: string | number | null | undefined, where: string, field: string): number | null {
  const s = text(value);
  if (s === null) return null;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 2008 || n > 2100) fail(where, `${field}: expected a report year (2008 or later), got "${s}"`);
  return n;
}

function fail(where: string, problem: string): never {
  throw new StopError('E_CONFIG_INVALID', `invalid expected-bodies list at ${where}: ${problem}`, { input: where });
}
