import { runDemo } from '../../demo/run-demo.ts';
import { listReports } from '../../../store/reports.ts';
import { COMMON_OPTIONS, flag, parseCommandArgs } from '../args.ts';
import { archivePath, openArchiveFor } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { formatCrawlSummary, progressPrinter } from '../crawl-progress.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson } from '../output.ts';
import { formatReportList } from '../report-list.ts';

const HELP = `Usage: nianbao demo [options]

Run the main job on the bundled demo portal: start local copies of yanzhou.gov.cn and wendeng.gov.cn (and
wendeng's flip-book host) on 127.0.0.1, crawl them into the archive, extract every report, then crawl again to
show that conditional requests transfer nothing unchanged. Prints what was archived.

Options:
  --db FILE     archive (default: data/archive.sqlite)
  --quiet       no progress lines on stderr
  --json        print both run summaries and the archived reports as JSON
  -h, --help    this help

Exit codes: 0 ok, 1 a page failed unexpectedly, 5 archive error.`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'crawl the bundled demo portal (served on 127.0.0.1) into data/archive.sqlite',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('demo', argv, { ...COMMON_OPTIONS, quiet: { type: 'boolean' } });
    const db = openArchiveFor(args, ctx);
    try {
      const result = await runDemo(db, progressPrinter(ctx.output, flag(args, 'quiet') || flag(args, 'json')));
      const reports = result.portalIds.flatMap((portalId) => listReports(db, { portalId }));
      if (flag(args, 'json')) {
        printJson(ctx.output, { archive: archivePath(args, ctx), first: result.first, second: result.second, secondPassBodies: result.secondPassBodies, reports });
      } else {
        ctx.output.out(`archive: ${archivePath(args, ctx)}\n`);
        ctx.output.out(`first crawl — ${formatCrawlSummary(result.first)}\n`);
        ctx.output.out(`second crawl — ${formatCrawlSummary(result.second)}`);
        ctx.output.out(`  bodies re-sent by the portal on the second crawl: ${result.secondPassBodies}\n`);
        ctx.output.out(formatReportList(reports));
        ctx.output.out('\nNext: npx nianbao reports, npx nianbao show <id>, npx nianbao extract <file> --json');
      }
      return result.first.status === 'ok' && result.second.status === 'ok' ? EXIT.ok : EXIT.partial;
    } finally {
      db.close();
    }
  },
};
