/** `nianbao extraction-process`: internal, started by crawl and nightly over IPC (jobs/extract/extraction-process.ts). */
import { StopError } from '../../../common/errors.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { serveExtractionRequests } from '../../extract/extraction-child.ts';

export const extractionProcessCommand: Command = {
  name: 'extraction-process',
  summary: 'internal: extracts archived pages for a running crawl in a separate process (started by crawl and nightly)',
  help: `Usage: nianbao extraction-process   (started by \`nianbao crawl\` and \`nianbao nightly\`, not by hand)

Extracts archived report pages one at a time for the crawl that started it, reading the archive read-only and
answering over the IPC channel, so that a page that kills its process (out of memory, a native crash) kills this
process and not the crawl. Ends when the crawl disconnects. Ctrl-C and SIGTERM are left to the crawl.`,
  async run(argv) {
    if (argv.length > 0) throw new StopError('E_USAGE', `extraction-process takes no arguments (got ${argv.join(' ')})`);
    if (process.send === undefined) throw new StopError('E_USAGE', 'extraction-process is started by crawl and nightly over IPC, not by hand');
    // The terminal's Ctrl-C reaches the whole process group: the crawl decides what an interrupted extraction means.
    process.on('SIGINT', () => undefined);
    process.on('SIGTERM', () => undefined);
    await serveExtractionRequests(process);
    return EXIT.ok;
  },
};
