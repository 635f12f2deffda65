/** `nianbao` entry point: dispatches to a command; the only place that turns errors into exit codes. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage, isNianbaoError } from '../../common/errors.ts';
import type { CliContext, Command } from './command.ts';
import { crawlCommand } from './commands/crawl.ts';
import { demoCommand } from './commands/demo.ts';
import { extractCommand } from './commands/extract.ts';
import { reportsCommand } from './commands/reports.ts';
import { serveCommand } from './commands/serve.ts';
import { showCommand } from './commands/show.ts';
import { searchCommand } from './commands/search.ts';
import { queryCommand } from './commands/query.ts';
import { exportCommand } from './commands/export.ts';
import { nightlyCommand } from './commands/nightly.ts';
import { scheduleCommand } from './commands/schedule.ts';
import { missingCommand } from './commands/missing.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { processOutput, type Output } from './output.ts';

export const COMMANDS: readonly Command[] = [demoCommand, crawlCommand, extractCommand, reportsCommand, showCommand, serveCommand, searchCommand, queryCommand, exportCommand, nightlyCommand, scheduleCommand, missingCommand];

const DEFAULT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `nianbao — archive of 政府信息公开工作年度报告 (government information-disclosure annual reports)

Usage: nianbao <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`nianbao <command> --help\` for a command's options.
Exit codes: 0 ok, 1 partial (some pages failed), 2 usage, 3 invalid config, 4 bad input, 5 archive error,
6 another nightly run in progress, 7 out of disk space, 130 interrupted.`;
}

export async function main(argv: readonly string[], output: Output = processOutput, dataDir = DEFAULT_DATA_DIR): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    output.err(`nianbao: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    output.out(command.help);
    return EXIT.ok;
  }
  const ctx: CliContext = { output, dataDir };
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    output.err(isNianbaoError(error) ? `nianbao ${name}: ${error.message} [${error.code}]` : `nianbao ${name}: unexpected error: ${errorMessage(error)}`);
    if (!isNianbaoError(error) && error instanceof Error && error.stack) output.err(error.stack);
    return exitCodeFor(error);
  }
}
