import { StopError } from '../../../common/errors.ts';
import { runWorker, type WorkerEvent } from '../../queue/run-worker.ts';
import { flag, intOption, parseCommandArgs, stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson, type Output } from '../output.ts';
import { QUEUE_HELP, QUEUE_OPTIONS, queueConfigFrom } from '../queue-options.ts';

const HELP = `Usage: nianbao worker --queue postgres://user:password@host:port/database [options]

Take OCR jobs (the table images of one report each) from the queue in PostgreSQL and run them, one at a time, on
this machine: the images' bytes are read from PostgreSQL (no shared filesystem), the same extractor as in-process
extraction reads them (PP-OCR with the tesseract.js verifier), and the cells with their provenance are recorded in
PostgreSQL once, with this worker's name. The archive is never touched: the producer (\`nianbao reextract
--queue\`) writes it. Start as many workers on as many machines as you like. A worker killed mid-job loses nothing:
the job goes to another worker when it expires. Runs until SIGINT/SIGTERM (the job in hand is finished first).

Options:
  --queue URL         PostgreSQL of the queue (required)
${QUEUE_HELP}
  --name NAME         recorded with each result and in each cell's provenance (default: <hostname>:<pid>)
  --max-jobs N        stop after N jobs (default: run until stopped)
  --quiet             no line per job on stderr
  --json              print the summary as JSON when stopping
  -h, --help          this help

Exit codes: 0 stopped (signal or --max-jobs), 1 some job failed (it is retried by the queue), 2 invalid option,
5 the queue's PostgreSQL cannot be reached (E_QUEUE_UNREACHABLE: start PostgreSQL, ./setup.sh starts the local one).`;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'take OCR jobs from the PostgreSQL queue (--queue postgres://…) and run them on this machine',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('worker', argv, {
      ...QUEUE_OPTIONS,
      name: { type: 'string' },
      'max-jobs': { type: 'string', number: { min: 1 } },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    const queue = queueConfigFrom(args);
    if (queue === null) throw new StopError('E_USAGE', 'give --queue postgres://user:password@host:port/database');
    const name = stringOption(args, 'name');
    const maxJobs = intOption(args, 'max-jobs');
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const summary = await runWorker({
        queue,
        ...(name === undefined ? {} : { name }),
        ...(maxJobs === undefined ? {} : { maxJobs }),
        signal: stop.signal,
        onEvent: flag(args, 'quiet') ? undefined : printEvent(ctx.output),
      });
      if (flag(args, 'json')) printJson(ctx.output, summary);
      else ctx.output.out(`worker ${summary.name}: ${summary.recorded} recorded, ${summary.alreadyRecorded} already recorded by another worker, ${summary.reused} reused, ${summary.failed} failed`);
      return summary.failed > 0 ? EXIT.partial : EXIT.ok;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};

function printEvent(output: Output): (event: WorkerEvent) => void {
  return (event) => {
    if (event.type === 'ready') output.err(`worker ${event.name}: waiting for jobs`);
    else if (event.type === 'job') output.err(`job ${event.jobId}: ${event.images} image(s), ${event.outcome}, ${(event.ms / 1000).toFixed(1)} s (${(event.cpuMs / 1000).toFixed(1)} s CPU)`);
    else if (event.type === 'job-failed') output.err(`job ${event.jobId} failed: ${event.message}`);
    else output.err(`queue: ${event.message}`);
  };
}
