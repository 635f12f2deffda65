/**
 * `npm run bench:queue [-- --images 200 --workers 2,1 --in-flight 16 --out FILE]`: an OCR backfill of table images
 * (bench-images.ts: the committed OCR fixtures, repeated under different source ids) done three ways in the same run —
 * through the pg-boss queue with 2 and 1 worker processes (runWorker, the code of `nianbao worker`), then in one
 * process (the baseline) — each
 * measured for wall time, CPU (each process's own), images per minute and peak RSS per process. The queue's
 * PostgreSQL is NIANBAO_TEST_PG (default: the database ./setup.sh creates); each run uses a schema of its own,
 * dropped at the end. The cells read through the queue are checked to be as many as in-process.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openQueue } from '../../jobs/queue/open-queue.ts';
import { queueImageTablesReader } from '../../jobs/queue/queue-reader.ts';
import { benchImages, fixtureImages } from './bench-images.ts';
import type { ChildFigures } from './bench-child.ts';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '200' },
    workers: { type: 'string', default: '2,1' },
    'in-flight': { type: 'string', default: '16' },
    out: { type: 'string' },
    url: { type: 'string', default: process.env.NIANBAO_TEST_PG ?? 'postgres://nianbao:nianbao@127.0.0.1:5432/nianbao_test' },
  },
});
const count = Number(values.images);
const workerCounts = values.workers.split(',').map(Number);
const inFlight = Number(values['in-flight']);
const url = values.url;

function child(args: readonly string[]): { done: Promise<ChildFigures>; stop(): void } {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/queue/bench-child.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<ChildFigures>((resolve, reject) =>
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildFigures) : reject(new Error(`bench-child ${args[0]} exited ${code}`)))),
  );
  return { done, stop: () => proc.kill('SIGTERM') };
}

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' / ');

interface QueueRun {
  readonly workers: number;
  readonly wallS: number;
  readonly imagesPerMin: number;
  readonly producerCpuS: number;
  readonly workerFigures: readonly ChildFigures[];
  readonly cellsRead: number;
  readonly jobsSent: number;
  readonly loadStart: string;
  readonly loadEnd: string;
}

async function throughQueue(workers: number): Promise<QueueRun> {
  const schema = `bench_queue_${process.pid}_${workers}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  const queue = await openQueue({ url, schema, maintenanceIntervalSeconds: 5 });
  const procs = Array.from({ length: workers }, (_, i) => child(['worker', url, schema, `bench-w${i + 1}`]));
  const images = benchImages(count);
  const counts = { sent: 0, reused: 0 };
  const read = queueImageTablesReader(queue, counts);
  const loadStart = load();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  let cellsRead = 0;
  const lane = async (): Promise<void> => {
    while (next < images.length) {
      const image = images[next]!;
      next += 1;
      const result = await read([image], { template: image.template });
      cellsRead += result.cellDetails.length;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  const wallS = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const loadEnd = load();
  for (const p of procs) p.stop();
  const workerFigures = await Promise.all(procs.map((p) => p.done));
  await queue.close();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
  return { workers, wallS, imagesPerMin: (count / wallS) * 60, producerCpuS: (used.user + used.system) / 1e6, workerFigures, cellsRead, jobsSent: counts.sent, loadStart, loadEnd };
}

const machine = `${cpus().length} vCPU ${cpus()[0]?.model.trim() ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
console.error(`bench:queue: ${count} images (${fixtureImages().length} fixtures repeated), workers ${workerCounts.join(', ')}, ${inFlight} in flight; ${machine}; load ${load()}`);
const runs: QueueRun[] = [];
for (const w of workerCounts) {
  const run = await throughQueue(w);
  runs.push(run);
  const per = run.workerFigures.map((f) => `${f.jobs} jobs, ${f.cpuS.toFixed(1)} s CPU, ${f.peakRssMb.toFixed(0)} MB`).join('; ');
  console.error(`queue, ${w} worker(s): ${run.wallS.toFixed(1)} s wall, ${run.imagesPerMin.toFixed(1)} images/min, producer ${run.producerCpuS.toFixed(1)} s CPU; workers: ${per}; cells ${run.cellsRead} (load ${run.loadStart} → ${run.loadEnd})`);
}
// The baseline last, so that the queue's figures come first on a machine that may be needed back.
const loadBefore = load();
const baseline = await child(['in-process', String(count)]).done;
const loadAfter = load();
console.error(`in-process: ${baseline.wallS.toFixed(1)} s wall, ${baseline.cpuS.toFixed(1)} s CPU, ${((count / baseline.wallS) * 60).toFixed(1)} images/min, peak RSS ${baseline.peakRssMb.toFixed(0)} MB (load ${loadBefore} → ${loadAfter})`);
for (const run of runs) {
  if (run.cellsRead !== baseline.cellsRead) console.error(`WARNING: through the queue with ${run.workers} worker(s) ${run.cellsRead} cells were read, in-process ${baseline.cellsRead}`);
}
const report = { date: new Date().toISOString(), machine, images: count, fixtures: fixtureImages().length, inFlight, baseline: { ...baseline, imagesPerMin: (count / baseline.wallS) * 60, loadStart: loadBefore, loadEnd: loadAfter }, runs };
if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report)}\n`);
