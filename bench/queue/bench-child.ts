/**
 * One process of the queue benchmark, so that its CPU time and peak RSS are its own. Prints one JSON line.
 *   in-process N     OCR of the benchmark's N images here, one after another (extractImageTables, default engines)
 *   worker URL SCHEMA NAME   a queue worker (runWorker, the code of `nianbao worker`) until SIGTERM
 */
import { performance } from 'node:perf_hooks';
import { extractImageTables } from '../../extract/ocr/extract-image-tables.ts';
import { lazyOcrEngine } from '../../jobs/extract/lazy-ocr-engine.ts';
import { runWorker } from '../../jobs/queue/run-worker.ts';
import { benchImages } from './bench-images.ts';

export interface ChildFigures {
  readonly mode: 'in-process' | 'worker';
  readonly wallS: number;
  readonly cpuS: number;
  readonly peakRssMb: number;
  readonly jobs: number;
  readonly cellsRead?: number;
}

function figures(mode: ChildFigures['mode'], started: number, jobs: number, extra: Partial<ChildFigures> = {}): ChildFigures {
  const usage = process.resourceUsage();
  return {
    mode,
    wallS: (performance.now() - started) / 1000,
    cpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peakRssMb: usage.maxRSS / 1024,
    jobs,
    ...extra,
  };
}

async function inProcess(count: number): Promise<ChildFigures> {
  const images = benchImages(count);
  const engine = lazyOcrEngine();
  const started = performance.now();
  let cells = 0;
  try {
    for (const image of images) {
      const result = await extractImageTables([image], await engine.get(), { template: image.template });
      cells += result.cellDetails.length;
    }
  } finally {
    await engine.terminate();
  }
  return figures('in-process', started, images.length, { cellsRead: cells });
}

async function worker(url: string, schema: string, name: string): Promise<ChildFigures> {
  const stop = new AbortController();
  process.once('SIGTERM', () => stop.abort());
  const started = performance.now();
  const summary = await runWorker({ queue: { url, schema }, name, signal: stop.signal, pollingIntervalSeconds: 0.5 });
  return figures('worker', started, summary.recorded + summary.alreadyRecorded);
}

const [mode, ...rest] = process.argv.slice(2);
const out = mode === 'in-process' ? await inProcess(Number(rest[0])) : await worker(rest[0]!, rest[1]!, rest[2]!);
process.stdout.write(`${JSON.stringify(out)}\n`);
