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
show that conditional requests transfer nothing unchanged (meanwhile the portal withdraws one report and revises
another), and run the watch as of today: who published on time, late, not at all, withdrew or changed a report.
Prints what was archived and the statuses.

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
        printJson(ctx.output, { archive: archivePath(args, ctx), first: result.first, second: result.second, secondPassBodies: result.secondPassBodies, withdrawn: result.withdrawn, revised: result.revised, watch: { asOf: result.watch.asOf, counts: result.watch.counts }, reports });
      } else {
        ctx.output.out(`archive: ${archivePath(args, ctx)}\n`);
        ctx.output.out(`first crawl — ${formatCrawlSummary(result.first)}\n`);
        ctx.output.out(`second crawl — ${formatCrawlSummary(result.second)}`);
        ctx.output.out(`  bodies re-sent by the portal on the second crawl: ${result.secondPassBodies} (between the crawls it withdrew ${result.withdrawn} and revised ${result.revised})\n`);
        ctx.output.out(formatReportList(reports));
        const counts = Object.entries(result.watch.counts).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`).join(', ');
        ctx.output.out(`\nwatch as of ${result.watch.asOf} (every expected body × report year): ${counts}`);
        ctx.output.out('\nNext: npx nianbao serve (the grid, coloured by these statuses), npx nianbao missing --year 2023, npx nianbao show <id>');
      }
      return result.first.status === 'ok' && result.second.status === 'ok' ? EXIT.ok : EXIT.partial;
    } finally {
      db.close();
    }
  },
};
