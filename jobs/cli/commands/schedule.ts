import { errorMessage, isNianbaoError, StopError } from '../../../common/errors.ts';
import { checkCronExpression, checkTimeZone, CRON_EXAMPLE } from '../cron-fields.ts';
import { isDiskFull } from '../../disk-full.ts';
import { formatNightlySummary } from '../../nightly/nightly-summary.ts';
import { parseCron, runSchedule } from '../../nightly/schedule.ts';
import { flag, intOption, parseCommandArgs, stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { NIGHTLY_OPTIONS, nightlyOptionsFrom, runNightlyFromCli } from './nightly.ts';

const HELP = `Usage: nianbao schedule --cron "EXPR" [options]

Run \`nianbao nightly\` in this process on a cron schedule, for machines without cron or systemd timers (see the
README for a crontab line and a systemd timer). EXPR has 5 fields (minute hour day-of-month month day-of-week), e.g.
"0 2 * * *" for 02:00 every day. A night that finds another run in progress, or fails, is reported and the schedule
goes on; out of disk space stops it.

Options:
  --cron EXPR         when to run (required)
  --tz ZONE           time zone the expression is read in, e.g. Asia/Shanghai (default: the machine's)
  --runs N            stop after N runs (default: run until stopped)
  every option of \`nianbao nightly\` (--portals, --portal, --expected, --db, --log-dir, --delay, --timeout,
  --max-body, --retries, --concurrency, --extract-timeout, --extract-workers, --queue, --quiet, --json)
  -h, --help          this help

Exit codes: 0 stopped after --runs, 2 invalid cron expression, 3 invalid portal or expected list,
7 out of disk space, 130 interrupted.`;

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'run nightly in-process on a cron expression (--cron "0 2 * * *")',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('schedule', argv, { ...NIGHTLY_OPTIONS, cron: { type: 'string' }, tz: { type: 'string' }, runs: { type: 'string', number: { min: 1 } } });
    const expression = stringOption(args, 'cron');
    if (expression === undefined) throw new StopError('E_USAGE', '--cron "EXPR" is required, e.g. --cron "0 2 * * *". Run `nianbao schedule --help`.');
    const timezone = stringOption(args, 'tz');
    checkCronExpression(expression); // refuse a bad expression before anything else, in our words
    if (timezone !== undefined) checkTimeZone(timezone);
    try {
      parseCron(expression, timezone);
    } catch (cause) {
      throw new StopError('E_USAGE', `--cron "${expression}" is not an expression the scheduler can run. Example: ${CRON_EXAMPLE}`, { cause });
    }
    const options = nightlyOptionsFrom(args, ctx, 'schedule'); // refuse a bad portal list at once, not at 2 am
    const quiet = flag(args, 'quiet') || flag(args, 'json');
    const runs = intOption(args, 'runs');
    let diskFull = false;
    const stop = new AbortController();
    const onSignal = (): void => {
      ctx.output.err('nianbao schedule: stopped');
      process.exit(EXIT.interrupted);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await runSchedule({
        cron: expression,
        ...(timezone === undefined ? {} : { timezone }),
        ...(runs === undefined ? {} : { runs }),
        signal: stop.signal,
        onWait: (next) => {
          if (!quiet) ctx.output.err(`nianbao schedule: next run at ${next.toISOString()}`);
        },
        runOnce: async () => {
          const summary = await runNightlyFromCli(options, ctx, quiet);
          if (flag(args, 'json')) ctx.output.out(JSON.stringify(summary));
          else ctx.output.out(formatNightlySummary(summary));
        },
        onError: (error) => {
          ctx.output.err(`nianbao schedule: this run failed: ${errorMessage(error)}${isNianbaoError(error) ? ` [${error.code}]` : ''}`);
          if (isDiskFull(error)) {
            diskFull = true;
            return 'stop';
          }
          return 'continue';
        },
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    return diskFull ? EXIT.diskFull : EXIT.ok;
  },
};
