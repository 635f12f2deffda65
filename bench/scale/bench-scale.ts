/**
 * Scale benchmark (issue 13): a generated province of Hanweb portals, each on its own loopback port (one server
 * process), crawled twice through the real crawl into a real SQLite archive — night 1 from nothing, night 2 unchanged
 * (conditional requests: report pages should answer 304). Each night runs in its own process (crawl-night.ts) so its
 * CPU and peak RSS are the crawl's. The bound is what every host in parallel would take: the most requests any one
 * host answered that night × the per-host gap.
 * Run: npm run bench:scale [-- --portals 140 --bodies 70 --gap-ms 1000 --extract-workers N --out FILE]
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { NightFigures } from './crawl-night.ts';
import { provincePlan, provincePortalConfigs } from './province.ts';
import type { ServerMessage, SiteCounts } from './province-server.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TSX = ['--import', 'tsx'];

export interface ScaleOptions {
  readonly portals: number;
  readonly bodies: number;
  /** Per-host gap between requests; default the crawler's own default (1 s). */
  readonly gapMs?: number;
  /** Extraction processes of the crawl (default: the crawl's default, one per core; 0 = after fetching, in-process). */
  readonly extractWorkers?: number;
}

export interface NightResult extends NightFigures {
  /** Most requests one host answered this night (robots.txt included). */
  readonly maxHostRequests: number;
  readonly serverRequests: number;
  /** Every host in parallel: maxHostRequests × gap. */
  readonly boundS: number;
  /** wall / bound. */
  readonly ratioToBound: number;
  /** Share of report-page requests the servers answered 304. */
  readonly reportPages304Pct: number;
  readonly serverCpuS: number;
}

export interface ScaleResult {
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly memoryGb: number; readonly node: string; readonly loadAverage: readonly number[] };
  readonly province: { readonly portals: number; readonly bodies: number; readonly reports: number; readonly gapMs: number };
  readonly nights: readonly NightResult[];
  readonly loadAverageAfter: readonly number[];
}

const DEFAULT_GAP_MS = 1000;

export async function runScaleBench(options: ScaleOptions): Promise<ScaleResult> {
  const plan = provincePlan(options.portals, options.bodies);
  const gapMs = options.gapMs ?? DEFAULT_GAP_MS;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-scale-'));
  const loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const server = fork(path.join(HERE, 'province-server.ts'), [String(options.portals), String(options.bodies)], { execArgv: TSX, stdio: 'inherit' });
  try {
    const ready = await nextMessage(server, 'ready');
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify(provincePortalConfigs(plan, ready.origins), null, 1));
    const nights: NightResult[] = [];
    let serverCpuMs = (await serverStats(server)).cpuMs;
    for (let n = 0; n < 2; n += 1) {
      const figures = await crawlNight(path.join(dir, 'archive.sqlite'), portalsFile, options.gapMs, options.extractWorkers);
      const stats = await serverStats(server);
      nights.push(nightResult(figures, stats.sites, gapMs, stats.cpuMs - serverCpuMs));
      serverCpuMs = stats.cpuMs;
    }
    return {
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage },
      province: { portals: options.portals, bodies: options.bodies, reports: plan.reports, gapMs },
      nights,
      loadAverageAfter: os.loadavg().map((l) => Math.round(l * 100) / 100),
    };
  } finally {
    server.send({ type: 'close' });
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

function nightResult(figures: NightFigures, sites: readonly SiteCounts[], gapMs: number, serverCpuMs: number): NightResult {
  const maxHostRequests = Math.max(0, ...sites.map((s) => s.requests));
  const reportRequests = sites.reduce((sum, s) => sum + s.reportRequests, 0);
  const report304 = sites.reduce((sum, s) => sum + s.reportNotModified, 0);
  const boundS = (maxHostRequests * gapMs) / 1000;
  return {
    ...figures,
    maxHostRequests,
    serverRequests: sites.reduce((sum, s) => sum + s.requests, 0),
    boundS,
    ratioToBound: boundS === 0 ? 0 : Math.round((figures.wallS / boundS) * 100) / 100,
    reportPages304Pct: reportRequests === 0 ? 0 : Math.round((report304 / reportRequests) * 1000) / 10,
    serverCpuS: Math.round(serverCpuMs / 100) / 10,
  };
}

function crawlNight(db: string, portalsFile: string, gapMs: number | undefined, workers: number | undefined): Promise<NightFigures> {
  const args = [
    ...TSX,
    path.join(HERE, 'crawl-night.ts'),
    ...['--db', db, '--portals', portalsFile],
    ...(gapMs === undefined ? [] : ['--gap-ms', String(gapMs)]),
    ...(workers === undefined ? [] : ['--extract-workers', String(workers)]),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as NightFigures);
      else reject(new Error(`crawl-night.ts exited with ${code}: ${out.slice(-2000)}`));
    });
  });
}

function nextMessage<T extends ServerMessage['type']>(child: ChildProcess, type: T): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage): void => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<ServerMessage, { type: T }>);
    };
    const onExit = (code: number | null): void => reject(new Error(`province-server.ts exited with ${code} before '${type}'`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function serverStats(server: ChildProcess): Promise<Extract<ServerMessage, { type: 'stats' }>> {
  const reply = nextMessage(server, 'stats');
  server.send({ type: 'stats' });
  return reply;
}

function positiveInt(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag}: expected a positive integer, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { portals: { type: 'string' }, bodies: { type: 'string' }, 'gap-ms': { type: 'string' }, 'extract-workers': { type: 'string' }, out: { type: 'string' } },
  });
  const gap = values['gap-ms'];
  const workers = values['extract-workers'];
  const result = await runScaleBench({
    portals: positiveInt(values.portals, 140, 'portals'),
    bodies: positiveInt(values.bodies, 70, 'bodies'),
    ...(gap === undefined ? {} : { gapMs: Number(gap) }),
    ...(workers === undefined ? {} : { extractWorkers: Number(workers) }),
  });
  const text = JSON.stringify(result, null, 2);
  console.log(text);
  if (values.out !== undefined) writeFileSync(values.out, `${text}\n`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
