/** Put the configured portals and their agencies in the archive, and list the agencies a crawl should probe. */
import type { Database } from 'better-sqlite3';
import type { AgencyConfig, PortalConfig } from '../../crawlers/portal-config.ts';
import { listAgencies, upsertAgency } from '../../store/agencies.ts';
import { getPortal, upsertPortal } from '../../store/portals.ts';

export function registerPortals(db: Database, portals: readonly PortalConfig[]): void {
  db.transaction(() => {
    for (const portal of portals) {
      // A family detected and a name read from the home page in an earlier run (family "auto", no name) are kept.
      const known = getPortal(db, portal.id);
      const family = portal.family !== 'auto' ? portal.family : (known?.family ?? 'auto');
      const name = portal.name ?? known?.name ?? portal.id;
      upsertPortal(db, { id: portal.id, family, baseUrl: portal.baseUrl, name, config: portal });
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
