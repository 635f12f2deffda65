import path from 'node:path';
import { StopError } from '../../../common/errors.ts';
import { loadPortalsFile, parsePortals, selectPortals, type PortalConfig } from '../../../crawlers/portal-config.ts';
import { listPortals } from '../../../store/portals.ts';
import { WATCH_STATUSES, type WatchStatus, type WatchStatusRow } from '../../../store/watch-statuses.ts';
import { chinaDate, isIsoDate } from '../../watch/dates.ts';
import { loadExpectedFile } from '../../watch/expected-file.ts';
import { computeStatuses, countStatuses } from '../../watch/run-watch.ts';
import { COMMON_OPTIONS, flag, intOption, parseCommandArgs, stringOption } from '../args.ts';
import { openArchiveFor } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { formatTable, printJson } from '../output.ts';

const HELP = `Usage: nianbao missing --year YYYY [options]

Every body expected to publish a report for YYYY, with its status as of a date — not_due, on_time, late, missing,
removed, changed, unknown — its deadline, publish time (and where it was read), days late and the capture ids of the
pages that were checked. Computed from the archive only (run \`nianbao nightly\` to check the portals).

Options:
  --year YYYY         report year (required)
  --as-of DATE        YYYY-MM-DD the statuses hold as of (default: today in China); only what was captured by then counts
  --portal ID         only this portal
  --status LIST       only these statuses, comma-separated (e.g. missing,late)
  --expected FILE     use this expected-bodies list instead of the one stored by the last nightly run
  --portals FILE      portal list (default: the configurations stored in the archive by the last crawl)
  --db FILE           archive (default: data/archive.sqlite; must exist)
  --json              machine-readable output
  -h, --help          this help

Exit codes: 0 ok, 2 usage, 3 invalid portal or expected list, 5 archive error.`;

export const missingCommand: Command = {
  name: 'missing',
  summary: 'expected bodies for a year: not_due / on_time / late / missing / removed / changed, with evidence',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('missing', argv, {
      ...COMMON_OPTIONS,
      year: { type: 'string', number: { min: 2008, max: 2100 } },
      'as-of': { type: 'string' },
      portal: { type: 'string' },
      status: { type: 'string' },
      expected: { type: 'string' },
      portals: { type: 'string' },
    });
    const year = intOption(args, 'year');
    if (year === undefined) throw new StopError('E_USAGE', '--year YYYY is required (a report year, 2008 or later). Run `nianbao missing --help`.');
    const asOf = stringOption(args, 'as-of') ?? chinaDate(new Date());
    if (!isIsoDate(asOf)) throw new StopError('E_USAGE', `--as-of expects a date YYYY-MM-DD, got "${asOf}"`);
    const statuses = statusFilter(stringOption(args, 'status'));
    const db = openArchiveFor(args, ctx);
    try {
      const portalsFile = stringOption(args, 'portals');
      const all = portalsFile === undefined ? storedPortals(db) : loadPortalsFile(path.resolve(portalsFile));
      const portals = selectPortals(all, stringOption(args, 'portal'));
      const expectedFile = stringOption(args, 'expected');
      const result = computeStatuses(db, {
        portals,
        asOf,
        years: [year],
        ...(expectedFile === undefined ? {} : { expected: loadExpectedFile(path.resolve(expectedFile), all.map((p) => p.id)) }),
      });
      const rows = result.statuses.filter((s) => statuses === null || statuses.includes(s.status));
      if (flag(args, 'json')) printJson(ctx.output, { year, asOf, counts: countStatuses(result.statuses), bodies: rows.map(toJson) });
      else ctx.output.out(formatMissing(year, asOf, rows, countStatuses(result.statuses)));
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};

function storedPortals(db: Parameters<typeof listPortals>[0]): PortalConfig[] {
  const configs = listPortals(db).map((p) => p.config).filter((c): c is object => c !== null && typeof c === 'object');
  return parsePortals(configs, 'the portal configurations stored in the archive');
}

function statusFilter(text: string | undefined): WatchStatus[] | null {
  if (text === undefined) return null;
  const list = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const s of list) {
    if (!(WATCH_STATUSES as readonly string[]).includes(s)) throw new StopError('E_USAGE', `--status: unknown status "${s}" (known: ${WATCH_STATUSES.join(', ')})`);
  }
  return list as WatchStatus[];
}

function toJson(s: WatchStatusRow): Record<string, unknown> {
  return {
    portal: s.portalId,
    key: s.bodyKey,
    name: s.bodyName,
    kind: s.bodyKind,
    sources: s.bodySources,
    year: s.year,
    status: s.status,
    asOf: s.asOf,
    deadline: s.deadline,
    deadlineRule: s.deadlineRule,
    publishedAt: s.publishedAt,
    publishedSource: s.publishedSource,
    firstSeenAt: s.firstSeenAt,
    daysLate: s.daysLate,
    reportId: s.reportId,
    evidence: s.evidence,
    detail: s.detail,
  };
}

export function formatMissing(year: number, asOf: string, rows: readonly WatchStatusRow[], counts: Record<WatchStatus, number>): string {
  const header = ['portal', 'body', 'kind', 'status', 'deadline', 'published', 'days late', 'first seen', 'report', 'evidence (capture ids)'];
  const body = rows.map((s) => [
    s.portalId,
    s.bodyName,
    s.bodyKind ?? '?',
    s.status,
    s.deadline,
    s.publishedAt === null ? '' : `${s.publishedAt} (${s.publishedSource})`,
    s.daysLate === null || s.daysLate === 0 ? '' : String(s.daysLate),
    s.firstSeenAt === null ? '' : chinaDate(new Date(s.firstSeenAt)),
    s.reportId === null ? '' : String(s.reportId),
    evidenceText(s.evidence),
  ]);
  const summary = WATCH_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(', ') || 'no expected bodies';
  const notes = rows.flatMap((s) => changedNote(s));
  return [`Report year ${year}, as of ${asOf}: ${summary}`, '', formatTable(header, body), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

function evidenceText(ids: readonly number[]): string {
  return ids.length <= 6 ? ids.join(',') : `${ids.slice(0, 5).join(',')},… (${ids.length})`;
}

function changedNote(s: WatchStatusRow): string[] {
  if (s.status !== 'changed') return [];
  const detail = s.detail as { cells?: { key: string; before: number | null; after: number | null }[]; fromVersion?: number; toVersion?: number } | null;
  const cells = (detail?.cells ?? []).map((c) => `${c.key} ${c.before ?? '—'}→${c.after ?? '—'}`);
  return [`${s.bodyName}: version ${detail?.fromVersion ?? '?'} → ${detail?.toVersion ?? '?'}; cells changed: ${cells.join(', ') || 'none (text only)'}`];
}
