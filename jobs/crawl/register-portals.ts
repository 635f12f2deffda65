/** Put the configured portals and their agencies in the archive, and list the agencies a crawl should probe. */
import type { Database } from 'better-sqlite3';
import type { AgencyConfig, PortalConfig } from '../../crawlers/portal-config.ts';
import { listAgencies, upsertAgency } from '../../store/agencies.ts';
import { upsertPortal } from '../../store/portals.ts';

export function registerPortals(db: Database, portals: readonly PortalConfig[]): void {
  db.transaction(() => {
    for (const portal of portals) {
      upsertPortal(db, { id: portal.id, family: portal.family, baseUrl: portal.baseUrl, name: portal.name, config: portal });
      for (const agency of portal.agencies) {
        upsertAgency(db, { portalId: portal.id, key: agency.key, name: agency.name, kind: agency.kind, source: 'config' });
      }
    }
  })();
}

/**
 * Agencies whose xxgk `area` key is known: from config and from catalogues seen in earlier runs
 * (a body that vanished from the catalogue is still probed: its absence is news).
 */
export function knownAgencies(db: Database, portal: PortalConfig): AgencyConfig[] {
  const byKey = new Map<string, AgencyConfig>(portal.agencies.map((a) => [a.key, a]));
  for (const row of listAgencies(db, portal.id)) {
    if (row.source === 'report' || byKey.has(row.key)) continue;
    byKey.set(row.key, { key: row.key, name: row.name, kind: row.kind });
  }
  return [...byKey.values()];
}
