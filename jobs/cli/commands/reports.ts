import { StopError } from '../../../common/errors.ts';
import { listReports, type ReportFilter } from '../../../store/reports.ts';
import { COMMON_OPTIONS, flag, intOption, parseCommandArgs, stringOption } from '../args.ts';
import { openArchiveFor } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson } from '../output.ts';
import { currentQuarantine, formatQuarantine, quarantineFooter, quarantineJson } from '../quarantine-list.ts';
import { formatReportList, reportListJson } from '../report-list.ts';

const HELP = `Usage: nianbao reports [options]

List the reports in the archive (the current version of each, unless --all-versions). When the filters match
nothing, the portal ids, years and agency names the archive does hold are listed.

Options:
  --db FILE        archive (default: data/archive.sqlite; must exist)
  --portal ID      only this portal
  --year YYYY      only this report year
  --agency TEXT    only agencies with this key or USCC, or whose name contains TEXT (as \`search\` matches)
  --all-versions   include earlier versions of changed reports
  --quarantine     list the quarantined report pages instead (as \`nianbao show --quarantine\`): pages whose
                   extraction crashed or timed out twice, skipped until the extractor version changes
  --json           print an array of { id, portal, agency, agencyKey, year, url, template, publishedAt,
                   firstSeenAt, title, version, isCurrent, failingChecks }
  -h, --help       this help

Exit codes: 0 ok (also when nothing matches), 2 usage, 5 archive missing or unreadable.`;

export const reportsCommand: Command = {
  name: 'reports',
  summary: 'list archived reports',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('reports', argv, {
      ...COMMON_OPTIONS,
      portal: { type: 'string' },
      year: { type: 'string', number: { min: 0 } },
      agency: { type: 'string' },
      'all-versions': { type: 'boolean' },
      quarantine: { type: 'boolean' },
    });
    if (args.positionals.length > 0) throw new StopError('E_USAGE', `takes no arguments, got "${args.positionals.join(' ')}"`);
    const portalId = stringOption(args, 'portal');
    const year = intOption(args, 'year');
    const agency = stringOption(args, 'agency');
    const db = openArchiveFor(args, ctx);
    try {
      const quarantined = currentQuarantine(db, portalId);
      if (flag(args, 'quarantine')) {
        if (flag(args, 'json')) printJson(ctx.output, quarantineJson(quarantined));
        else ctx.output.out(formatQuarantine(quarantined));
        return EXIT.ok;
      }
      const currentOnly = !flag(args, 'all-versions');
      const filter: ReportFilter = {
        ...(portalId === undefined ? {} : { portalId }),
        ...(year === undefined ? {} : { year }),
        ...(agency === undefined ? {} : { agency }),
        currentOnly,
      };
      const rows = listReports(db, filter);
      if (flag(args, 'json')) printJson(ctx.output, reportListJson(rows));
      else {
        const given = [['--portal', portalId], ['--year', year], ['--agency', agency]].filter(([, v]) => v !== undefined).map(([k, v]) => `${String(k)} ${String(v)}`);
        const all = rows.length === 0 && given.length > 0 ? listReports(db, { currentOnly }) : [];
        ctx.output.out(formatReportList(rows, { given, all }) + quarantineFooter(quarantined));
      }
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
