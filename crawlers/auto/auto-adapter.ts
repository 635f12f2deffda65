/**
 * `family: "auto"`: the portal is known by its address only. The seed is the home page; its discovery detects the
 * family (crawlers/detect-family.ts) and hands over to that family's adapter: the family's own seeds (config still
 * adds what it names) and its reading of the home page. Every task found from then on carries the detected family
 * in its meta, so later pages (and a resumed run) are read by the same adapter.
 */
import { detectFamily } from '../detect-family.ts';
import { isPortalFamily, type AgencyConfig, type PortalConfig, type PortalFamily } from '../portal-config.ts';
import { NOTHING_FOUND, type CrawlTask, type Discovery, type FetchedPage, type PortalAdapter } from '../adapter.ts';

/** The adapter of a concrete family (the registry's table), or undefined when none is registered yet. */
export type FamilyLookup = (family: PortalFamily) => PortalAdapter | undefined;

export function homeUrl(portal: Pick<PortalConfig, 'baseUrl'>): string {
  return `${portal.baseUrl}/`;
}

export function makeAutoAdapter(lookup: FamilyLookup): PortalAdapter {
  // The bodies known now (config, earlier runs' catalogues) travel with the home task to the family's seeds.
  const seeds = (portal: PortalConfig, agencies: readonly AgencyConfig[]): CrawlTask[] => [
    { url: homeUrl(portal), kind: 'home', portalId: portal.id, meta: agencies.length === 0 ? {} : { knownAgencies: agencies }, depth: 0 },
  ];

  const discover = (task: CrawlTask, page: FetchedPage, portal: PortalConfig): Discovery => {
    const known = task.meta.family;
    if (known !== undefined) {
      const adapter = lookup(known);
      return adapter === undefined ? NOTHING_FOUND : stamp(adapter.discover(task, page, { ...portal, family: known }), known);
    }
    if (task.kind !== 'home' || page.status !== 200) return NOTHING_FOUND;
    const detected = detectFamily(page.text);
    if (detected === null || !isPortalFamily(detected.family)) return NOTHING_FOUND;
    const family = detected.family;
    const adapter = lookup(family);
    if (adapter === undefined) return NOTHING_FOUND;
    const concrete: PortalConfig = { ...portal, family };
    const fromHome = adapter.discover(task, page, concrete);
    // The family's seeds, minus the home page (fetched already): what config names (catalogues, columns, agencies).
    const seeded = adapter.seeds(concrete, task.meta.knownAgencies ?? portal.agencies).filter((t) => t.url !== task.url).map((t) => ({ ...t, depth: task.depth + 1 }));
    return stamp({ ...fromHome, tasks: [...seeded, ...fromHome.tasks] }, family);
  };

  return { family: 'auto', seeds, discover };
}

function stamp(discovery: Discovery, family: PortalFamily): Discovery {
  return { ...discovery, tasks: discovery.tasks.map((t) => ({ ...t, meta: { ...t.meta, family } })) };
}
