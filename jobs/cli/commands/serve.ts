import { StopError } from '../../../common/errors.ts';
import { openArchive } from '../../../store/open-archive.ts';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../../serve/server.ts';
import { statusesAsOf, todayInChina } from '../../watch/statuses-today.ts';
import { intOption, parseCommandArgs, stringOption } from '../args.ts';
import { archivePath } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';

const HELP = `Usage: nianbao serve [options]

Start a local read-only web server on the archive: an agencies × years grid, each report's archived page beside
its extracted tables (click a number to see where it was read), search, and comparisons with charts. The archive
is opened read-only; archived pages are shown sandboxed, with no script running and nothing fetched from outside.
JSON API: see docs/serve.md. Stop with Ctrl-C.

Options:
  --db FILE     archive (default: data/archive.sqlite)
  --port N      port (default: ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDR   interface to bind (default: ${DEFAULT_HOST}, this machine only)
  -h, --help    this help

Exit codes: 0 stopped, 2 usage, 5 archive missing or unreadable.`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'browse the archive in a web browser (local read-only server with a JSON API)',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('serve', argv, { db: { type: 'string' }, port: { type: 'string', number: { min: 0, max: 65_535 } }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (args.positionals.length > 0) throw new StopError('E_USAGE', `takes no arguments, got "${args.positionals.join(' ')}"`);
    const port = intOption(args, 'port') ?? DEFAULT_PORT;
    const host = stringOption(args, 'host') ?? DEFAULT_HOST;
    const file = archivePath(args, ctx);
    const db = openArchive(file, 'serve');
    let server;
    try {
      // The grid's statuses as `nianbao missing` computes them, as of today (jobs/watch: serve/ does not import jobs/).
      const statuses = { asOf: () => todayInChina(), statuses: statusesAsOf };
      server = await startServer({ db, host, port, statuses, onError: (error, url) => ctx.output.err(`nianbao serve: error answering ${url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`) });
    } catch (error) {
      db.close();
      const code = (error as { code?: unknown }).code;
      throw new StopError('E_USAGE', `cannot listen on ${host}:${port} (${typeof code === 'string' ? code : String(error)}); choose another --port or --host`, { cause: error });
    }
    ctx.output.out(`nianbao serve: ${file} at ${server.url}/ (read-only; Ctrl-C to stop)`);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    db.close();
    return EXIT.ok;
  },
};
