import { StopError } from '../../../common/errors.ts';
import { countSearchHits, searchReports, type SearchQuery } from '../../../store/search.ts';
import { WATCH_STATUSES } from '../../../store/search-status.ts';
import { formatHits } from '../../search/format-hits.ts';
import { COMMON_OPTIONS, flag, intOption, parseCommandArgs, stringOption } from '../args.ts';
import { openArchiveFor } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson } from '../output.ts';

const HELP = `Usage: nianbao search <text> [options]

Full-text search over the archived reports' text (title, body, tables as text). Words separated by spaces must all
occur; "quoted words" keep a phrase with spaces. Chinese works without spaces: 信息处理费 finds that substring.
Terms of 3+ characters use the trigram index; 1–2 character terms (信访, 规章, 镇) are matched by scanning the text
of the reports the other terms and filters leave. Hits are marked with 【】 in the snippet.

Options:
  --db FILE               archive (default: data/archive.sqlite; must exist)
  --portal ID             only this portal
  --agency TEXT           only bodies with this key or USCC, or whose name contains TEXT
  --year YYYY             only this report year
  --template T            only this template: 2021, 2019 or older
  --failing-check ID      only reports failing this check, or any check under a prefix (t3, t3., t3.balance)
  --status S              only reports whose body × year has watch status S (not_due, on_time, late, missing,
                          removed, changed, unknown), as last computed by \`nianbao nightly\`; before a nightly
                          run there are no statuses and nothing matches
  --all-versions          search superseded versions too
  --limit N               hits to print (default 20)
  --offset N              skip the first N hits
  --json                  print { total, hits: [{ reportId, title, agency, year, portalId, url, snippet, template,
                          version, isCurrent, failingChecks }] }
  -h, --help              this help

Exit codes: 0 ok (also when nothing matches), 2 usage, 5 archive error.`;

const TEMPLATES = ['2021', '2019', 'older'];

export const searchCommand: Command = {
  name: 'search',
  summary: 'full-text search over report text (Chinese, 1+ characters) with filters',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('search', argv, {
      ...COMMON_OPTIONS,
      portal: { type: 'string' },
      agency: { type: 'string' },
      year: { type: 'string', number: { min: 0 } },
      template: { type: 'string' },
      'failing-check': { type: 'string' },
      status: { type: 'string' },
      'all-versions': { type: 'boolean' },
      limit: { type: 'string', number: { min: 1 } },
      offset: { type: 'string', number: { min: 0 } },
    });
    const text = args.positionals.join(' ');
    const template = stringOption(args, 'template');
    if (template !== undefined && !TEMPLATES.includes(template)) throw new StopError('E_USAGE', `--template expects one of ${TEMPLATES.join(', ')}, got "${template}"`);
    const status = stringOption(args, 'status');
    if (status !== undefined && !(WATCH_STATUSES as readonly string[]).includes(status)) throw new StopError('E_USAGE', `--status expects one of ${WATCH_STATUSES.join(', ')}, got "${status}"`);
    const query: SearchQuery = {
      text,
      ...optional('portalId', stringOption(args, 'portal')),
      ...optional('agency', stringOption(args, 'agency')),
      ...optional('year', intOption(args, 'year')),
      ...optional('template', template),
      ...optional('failingCheck', stringOption(args, 'failing-check')),
      ...optional('status', stringOption(args, 'status')),
      allVersions: flag(args, 'all-versions'),
      limit: intOption(args, 'limit') ?? 20,
      offset: intOption(args, 'offset') ?? 0,
    };
    const filtered = ['portal', 'agency', 'year', 'template', 'failing-check', 'status'].some((name) => stringOption(args, name) !== undefined);
    if (text.trim() === '' && !filtered) throw new StopError('E_USAGE', 'give the text to search for (or at least one filter); see `nianbao search --help`');
    const db = openArchiveFor(args, ctx);
    try {
      const hits = searchReports(db, query);
      const total = countSearchHits(db, query);
      if (flag(args, 'json')) printJson(ctx.output, { total, hits });
      else ctx.output.out(formatHits(hits, total, query.offset ?? 0));
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
