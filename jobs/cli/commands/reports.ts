import { StopError } from '../../../common/errors.ts';
import { listReports } from '../../../store/reports.ts';
import { COMMON_OPTIONS, flag, intOption, parseCommandArgs, stringOption } from '../args.ts';
import { openArchiveFor } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson } from '../output.ts';
import { formatReportList, reportListJson } from '../report-list.ts';

const HELP = `Usage: nianbao reports [options]

List the reports in the archive (the current version of each, unless --all-versions).

Options:
  --db FILE        archive (default: data/archive.sqlite)
  --portal ID      only this portal
  --year YYYY      only this report year
  --agency TEXT    only this agency (key, USCC or name)
  --all-versions   include earlier versions of changed reports
  --json           print an array of { id, portal, agency, agencyKey, year, url, template, publishedAt,
                   firstSeenAt, title, version, isCurrent, failingChecks }
  -h, --help       this help`;

export const reportsCommand: Command = {
  name: 'reports',
  summary: 'list archived reports',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('reports', argv, {
      ...COMMON_OPTIONS,
      portal: { type: 'string' },
      year: { type: 'string' },
      agency: { type: 'string' },
      'all-versions': { type: 'boolean' },
    });
    if (args.positionals.length > 0) throw new StopError('E_USAGE', `nianbao reports takes no arguments, got "${args.positionals.join(' ')}"`);
    const db = openArchiveFor(args, ctx);
    try {
      const portalId = stringOption(args, 'portal');
      const year = intOption(args, 'year', 'reports');
      const agency = stringOption(args, 'agency');
      const rows = listReports(db, {
        ...(portalId === undefined ? {} : { portalId }),
        ...(year === undefined ? {} : { year }),
        ...(agency === undefined ? {} : { agency }),
        currentOnly: !flag(args, 'all-versions'),
      });
      if (flag(args, 'json')) printJson(ctx.output, reportListJson(rows));
      else ctx.output.out(formatReportList(rows));
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
