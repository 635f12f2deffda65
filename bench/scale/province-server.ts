/**
 * The generated province's web servers, in a process of their own (started by bench-scale.ts with IPC): one HTTP
 * server per county portal on its own loopback port, all in this one process. Messages from the parent:
 * `{ type: 'stats' }` → the requests each site answered since the last call (then reset), and this process's CPU;
 * `{ type: 'close' }` → close the servers and exit.
 * Run: node --import tsx bench/scale/province-server.ts <portals> <bodies>
 */
import { serveSite, type RunningSite } from '../../demo/portal/http-site.ts';
import { provincePlan, provinceRoutes } from './province.ts';

export interface SiteCounts {
  readonly requests: number;
  readonly reportRequests: number;
  readonly reportNotModified: number;
}

export type ServerMessage =
  | { readonly type: 'ready'; readonly origins: readonly string[] }
  | { readonly type: 'stats'; readonly sites: readonly SiteCounts[]; readonly cpuMs: number };

const REPORT_PATH = '/module/xxgk/xxgkAnnualReport.jsp';

function countsSinceLastCall(site: RunningSite): SiteCounts {
  const { stats } = site;
  const reportRequests = stats.log.filter((p) => p.startsWith(REPORT_PATH)).length;
  const reportBodies = stats.bodies.filter((p) => p === REPORT_PATH).length;
  const counts = { requests: stats.log.length, reportRequests, reportNotModified: reportRequests - reportBodies };
  stats.log.length = 0;
  stats.bodies.length = 0;
  return counts;
}

async function main(): Promise<void> {
  const [portalCount, bodyCount] = process.argv.slice(2).map(Number);
  if (!Number.isInteger(portalCount) || !Number.isInteger(bodyCount) || process.send === undefined) {
    throw new Error('usage: province-server.ts <portals> <bodies>, started with an IPC channel');
  }
  const plan = provincePlan(portalCount ?? 0, bodyCount ?? 0);
  const sites: RunningSite[] = [];
  for (const portal of plan.portals) sites.push(await serveSite(provinceRoutes(portal)));
  const send = (message: ServerMessage): void => void process.send?.(message);
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stats') {
      const cpu = process.cpuUsage();
      send({ type: 'stats', sites: sites.map(countsSinceLastCall), cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (message.type === 'close') {
      void Promise.all(sites.map((s) => s.close())).then(() => process.disconnect());
    }
  });
  send({ type: 'ready', origins: sites.map((s) => s.origin) });
}

await main();
