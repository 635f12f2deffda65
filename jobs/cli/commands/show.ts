import { SkipError, StopError } from '../../../common/errors.ts';
import { explainCheck } from '../../../extract/checks/check-formula.ts';
import { cellLabelZh } from '../../../extract/template/labels-zh.ts';
import { findReportByKey, getReport, type ReportDetail } from '../../../store/reports.ts';
import { COMMON_OPTIONS, flag, parseCommandArgs, stringOption, type ParsedArgs } from '../args.ts';
import { openArchiveFor } from '../archive-path.ts';
import type { CliContext, Command } from '../command.ts';
import { currentQuarantine, formatQuarantine, quarantineJson } from '../quarantine-list.ts';
import { EXIT } from '../exit-codes.ts';
import { formatTable, printJson } from '../output.ts';

const HELP = `Usage: nianbao show <report-id-or-url> [options]
       nianbao show --quarantine [--portal ID] [options]

Show one archived report: metadata, every cell with its raw text and where it was read, the arithmetic checks,
the files it links (with their capture ids) and its versions. A URL shows the current version of that document.
With --quarantine: the report pages whose extraction crashed or timed out twice (a process killed during it
counts), which runs skip until the extractor version changes, with capture id, code, attempts and URL.

Options:
  --db FILE       archive (default: data/archive.sqlite)
  --json          print the report with cells, checks, files and versions as JSON (with --quarantine: an array of
                  { captureId, portal, url, code, attempts, extractorVersion, runId, quarantinedAt, message })
  --quarantine    list quarantined captures instead of a report
  --portal ID     with --quarantine: only this portal
  -h, --help      this help

Exit codes: 0 ok, 4 no such report.`;

export const showCommand: Command = {
  name: 'show',
  summary: 'show one archived report with its cells, checks, files and versions',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('show', argv, { ...COMMON_OPTIONS, quarantine: { type: 'boolean' }, portal: { type: 'string' } });
    if (flag(args, 'quarantine')) return showQuarantine(args, ctx);
    const ref = args.positionals[0];
    if (ref === undefined || args.positionals.length > 1) throw new StopError('E_USAGE', 'give one report id (see `nianbao reports`) or report URL');
    const db = openArchiveFor(args, ctx);
    try {
      const id = /^\d+$/.test(ref) ? Number(ref) : (findReportByKey(db, ref)?.id ?? null);
      const report = id === null ? null : getReport(db, id);
      if (report === null) throw new SkipError('E_NOT_FOUND', `no report "${ref}" in the archive; list them with \`nianbao reports\``, { input: ref });
      if (flag(args, 'json')) printJson(ctx.output, { ...report, fullText: undefined, text: report.fullText });
      else ctx.output.out(formatReport(report));
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};

function showQuarantine(args: ParsedArgs, ctx: CliContext): number {
  if (args.positionals.length > 0) throw new StopError('E_USAGE', '--quarantine takes no report id');
  const db = openArchiveFor(args, ctx);
  try {
    const rows = currentQuarantine(db, stringOption(args, 'portal'));
    if (flag(args, 'json')) printJson(ctx.output, quarantineJson(rows));
    else ctx.output.out(formatQuarantine(rows));
    return EXIT.ok;
  } finally {
    db.close();
  }
}

function formatReport(r: ReportDetail): string {
  const failing = r.checks.filter((c) => !c.ok);
  const lines = [
    `report ${r.id} (version ${r.version}${r.isCurrent ? ', current' : ', superseded'})`,
    `title:      ${r.title ?? '—'}`,
    `agency:     ${r.agencyName ?? '—'}${r.agencyKey ? ` [${r.agencyKey}]` : ''}`,
    `year:       ${r.year ?? '—'}    template: ${r.template}    published: ${r.publishedAt ?? '—'} (${r.publishedAtRaw ?? 'not printed'})`,
    `url:        ${r.url}`,
    `first seen: ${r.firstSeenAt}    source capture: ${r.sourceCaptureId ?? '—'}    extractor: ${r.extractorVersion}`,
    r.missingTables.length > 0 ? `tables not in HTML: ${r.missingTables.join(', ')}` : '',
    '',
    formatTable(['项目 cell', 'value', 'raw', 'where', 'key'], r.cells.map((c) => [cellLabelZh(c.key), c.value === null ? 'null' : String(c.value), c.raw ?? '', c.location ?? '', c.key])),
    '',
    `checks: ${r.checks.length - failing.length} of ${r.checks.length} pass`,
    ...failing.flatMap((c) => {
      const { formula, meaning } = explainCheck(c, r.template, Object.fromEntries(r.cells.map((cell) => [cell.key, cell.value])));
      return [`  FAIL ${formula}  [${c.checkId}]`, `       ${meaning}`];
    }),
    '',
    `files: ${r.files.length}`,
    ...r.files.map((f) => `  ${f.kind.padEnd(10)} capture ${f.captureId ?? 'not captured'}  ${f.url}`),
    `versions: ${r.versions.map((v) => `v${v.version} (id ${v.id}, ${v.firstSeenAt})`).join(', ')}`,
  ];
  return lines.filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n');
}
