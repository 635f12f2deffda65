import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startDemoPortals, type DemoPortals } from '../../demo/portal/demo-portals.ts';
import { tempArchive } from './temp-archive.ts';

/** A demo portal, its portal list on disk, and two empty archives: one to kill runs on, one for a clean run. */
export interface KillAndCleanSetup {
  readonly demo: DemoPortals;
  readonly portalsFile: string;
  readonly killedDb: string;
  readonly cleanDb: string;
}

export async function killAndCleanSetup(prefix: string): Promise<KillAndCleanSetup> {
  const demo = await startDemoPortals({ slowMs: 50, flakyFailures: 0 });
  const killed = tempArchive(`${prefix}-kill-`);
  killed.db.close();
  const clean = tempArchive(`${prefix}-clean-`);
  clean.db.close();
  const portalsFile = path.join(killed.dir, 'portals.json');
  writeFileSync(portalsFile, JSON.stringify(demo.portals));
  return { demo, portalsFile, killedDb: killed.file, cleanDb: clean.file };
}
