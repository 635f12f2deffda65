/**
 * Extraction of archived captures in a child process (`nianbao extraction-process`, extraction-child.ts), so that
 * whatever a page does to its process — runs it out of memory, crashes a native library — happens to the child and
 * the crawl sees it: the child's death is a crash of that page's extraction (E_EXTRACTION_CRASHED), and a time limit
 * kills the child. A death of the crawl itself, by contrast, says nothing about the page it was extracting
 * (store/extraction-quarantine.ts). The child reads the archive read-only; the crawl stays its only writer. One child
 * serves extractions one at a time; the next extraction after a death starts a new one.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RetryableError, SkipError, StopError, type NianbaoError } from '../../common/errors.ts';
import type { ExtractedCapture } from './archive-report.ts';
import type { ExtractionFailure, ExtractionReply, ExtractionRequest } from './extraction-messages.ts';

const BIN = fileURLToPath(new URL('../../bin/nianbao.js', import.meta.url));
/** Heap limit of the child: a page beyond it ends the child, not the crawl. */
export const EXTRACTION_HEAP_MB = 2048;
/**
 * Pages a child extracts before it is replaced by a fresh one: a child's memory grows over thousands of pages
 * (~500 MB after ~4,000 in bench:scale, against ~150 MB at start), so the crawl's footprint stays bounded.
 */
export const RESTART_AFTER_PAGES = 500;
/** The end of the child's stderr kept for the message of a death (V8's "heap out of memory", a native crash). */
const STDERR_TAIL_CHARS = 600;

function errorFrom(failure: ExtractionFailure): NianbaoError {
  const details = { input: failure.input };
  if (failure.action === 'retry') return new RetryableError(failure.code, failure.message, details);
  if (failure.action === 'stop') return new StopError(failure.code, failure.message, details);
  return new SkipError(failure.code, failure.message, details);
}

interface Running {
  readonly child: ChildProcess;
  stderrTail: string;
  /** Extractions it answered. */
  served: number;
}

export class ExtractionProcess {
  private running: Running | null = null;
  private nextId = 1;

  /** `restartAfter`: pages a child extracts before a fresh one replaces it. */
  constructor(private readonly restartAfter = RESTART_AFTER_PAGES) {}

  /** The running child's pid, if one runs. */
  get pid(): number | undefined {
    return this.running?.child.pid;
  }

  /** Extracts capture `request.captureId` in the child; `url` names the page in errors. Aborting kills the child. */
  extract(request: Omit<ExtractionRequest, 'id'>, url: string, signal: AbortSignal): Promise<ExtractedCapture> {
    const running = this.running ?? this.start();
    const id = this.nextId++;
    return new Promise<ExtractedCapture>((resolve, reject) => {
      const settle = (): void => {
        running.child.off('message', onMessage);
        running.child.off('exit', onExit);
        signal.removeEventListener('abort', onAbort);
      };
      const onMessage = (reply: ExtractionReply): void => {
        if (reply.id !== id) return;
        settle();
        running.served += 1;
        if (running.served >= this.restartAfter) this.stop(running); // idle now: the next extraction starts a fresh child
        if (reply.ok) resolve(reply.extracted);
        else reject(errorFrom(reply.failure));
      };
      const onExit = (code: number | null, how: NodeJS.Signals | null): void => {
        settle();
        const tail = running.stderrTail.trim().split('\n').slice(-3).join(' | ');
        const message = `${url}: its extraction process ended during it (${how ?? `exit code ${code}`}: out of memory, a crash, or killed)${tail === '' ? '' : `: ${tail}`}`;
        reject(new SkipError('E_EXTRACTION_CRASHED', message, { input: url }));
      };
      const onAbort = (): void => {
        settle();
        this.stop(running);
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      running.child.on('message', onMessage);
      running.child.once('exit', onExit);
      signal.addEventListener('abort', onAbort, { once: true });
      running.child.send({ ...request, id } satisfies ExtractionRequest);
    });
  }

  /** Starts the child now, if it is not running, so that its start-up overlaps other work. */
  warmUp(): void {
    this.running ??= this.start();
  }

  /** Ends the child (it finishes nothing more). */
  close(): void {
    if (this.running !== null) this.stop(this.running);
  }

  private start(): Running {
    const child = fork(BIN, ['extraction-process'], {
      execArgv: [`--max-old-space-size=${EXTRACTION_HEAP_MB}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const running: Running = { child, stderrTail: '', served: 0 };
    child.stderr?.on('data', (chunk: Buffer) => {
      running.stderrTail = (running.stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    child.once('exit', () => {
      if (this.running === running) this.running = null;
    });
    child.on('error', () => undefined); // a send to a child that just died: its exit event reports it
    this.running = running;
    return running;
  }

  private stop(running: Running): void {
    if (this.running === running) this.running = null;
    running.child.kill('SIGKILL');
  }
}
