/**
 * SIGINT / SIGTERM while a run goes on (`crawl`, `nightly`): the run's `interrupt(signal)` marks it interrupted — a
 * synchronous write, so it is in the archive before the process ends — one line on stderr says so, and the process
 * ends with exit code 130. The next start resumes the run.
 */
import type { CliContext } from './command.ts';
import { EXIT } from './exit-codes.ts';

export interface InterruptibleRun<T> {
  readonly done: Promise<T>;
  interrupt(signal: string): void;
}

/** Awaits `run.done`, with the signal handlers installed meanwhile; `beforeExit` tidies the terminal (progress lines). */
export async function awaitUnlessSignalled<T>(command: string, run: InterruptibleRun<T>, ctx: CliContext, beforeExit: () => void = () => undefined): Promise<T> {
  const onSignal = (signal: NodeJS.Signals): void => {
    try {
      run.interrupt(signal);
    } finally {
      beforeExit();
      ctx.output.err(`nianbao ${command}: interrupted by ${signal}; the next run resumes where this one stopped`);
      process.exit(EXIT.interrupted);
    }
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await run.done;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
