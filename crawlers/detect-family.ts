/**
 * Which CMS family serves a portal, read from its home page (research/portals.md §3: "detect the family per portal
 * from URL shape + DOM markers"). Platform-specific markers first (JPAAS is Hanweb's newer platform and shares
 * jcms's `/col/col<N>/` paths; gkmlpt sites often run on other CMSs), then Hanweb jcms against TRS WCM by how many
 * of their markers the page shows. Never touches the network.
 */

/** Families this detector knows; the registry may not have an adapter for every one of them yet. */
export type DetectableFamily = 'jpaas' | 'gkmlpt' | 'hanweb' | 'trs';

export interface FamilyDetection {
  readonly family: DetectableFamily;
  /** Names of the markers seen, for the log and for "why" messages. */
  readonly markers: readonly string[];
}

interface Marker {
  readonly name: string;
  readonly pattern: RegExp;
}

const MARKERS: Readonly<Record<DetectableFamily, readonly Marker[]>> = {
  jpaas: [
    { name: 'jpaas-publish-server API', pattern: /\/api-gateway\/jpaas-publish-server\//i },
    { name: 'jpaas article path', pattern: /\/col\/col\d+\/art\/\d{4}\/art_[0-9a-f]{16,}\.html/i },
    { name: 'jpaas queryData', pattern: /\bqueryData\s*[=:]\s*\{/ },
    { name: 'jpaas script', pattern: /jpaas[-_./][\w-]*\.js|\bjpaas\b/i },
  ],
  gkmlpt: [
    { name: 'gkmlpt link', pattern: /\/gkmlpt\/(?:index|content|policy|api)/i },
    { name: 'gkmlpt post page', pattern: /\/content\/(?:\d+\/\d+\/)?post_\d+\.html/i },
  ],
  hanweb: [
    { name: 'jcms column path', pattern: /\/col\/col\d+\/index\.html/i },
    { name: 'jcms article path', pattern: /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html/i },
    { name: 'jpage dataproxy', pattern: /\/module\/web\/jpage\//i },
    { name: 'xxgk module', pattern: /\/module\/xxgk\//i },
    { name: 'hanweb script or credit', pattern: /hanweb|大汉网络|jcms/i },
  ],
  trs: [
    { name: 'TRS document path', pattern: /\/\d{6}\/t\d{8}_\d+\.s?html?/i },
    { name: 'TRS editor body', pattern: /TRS_Editor|trs_editor_view/ },
    { name: 'TRS paging script', pattern: /createPageHTML\s*\(/ },
    { name: 'TRS analytics or WCM', pattern: /ta\.trs\.cn|_trs_uv|TRS\s*WCM|trs_wcm/i },
  ],
};

function seen(html: string, family: DetectableFamily): string[] {
  return MARKERS[family].filter((m) => m.pattern.test(html)).map((m) => m.name);
}

/** The family whose markers the page shows, or null when it shows none of any family's. */
export function detectFamily(html: string): FamilyDetection | null {
  for (const family of ['jpaas', 'gkmlpt'] as const) {
    const markers = seen(html, family);
    if (markers.length > 0) return { family, markers };
  }
  const hanweb = seen(html, 'hanweb');
  const trs = seen(html, 'trs');
  if (hanweb.length === 0 && trs.length === 0) return null;
  return trs.length > hanweb.length ? { family: 'trs', markers: trs } : { family: 'hanweb', markers: hanweb };
}
